#!/usr/bin/env python3
"""Training and evaluation data for the name tagger, as JSON Lines documents.

Each output line is one document:
  {"id": "...", "source": "...", "text": "...", "spans": [[start, end, "PER"], ...],
   "sports": false}
with `start`/`end` byte offsets into the UTF-8 text and coarse types PER, LOC, ORG, MISC.

Inputs are public corpora fetched by scripts/train-tagger.sh (see assets/README.md):
  conll FILE SOURCE      CoNLL-2003 English (token ... tag per line, IOB1 or IOB2),
                         to stdout
  wikigold FILE SOURCE   wikigold.conll.txt (Balasuriya et al. 2009; `token tag`, IOB1,
                         -DOCSTART- between the 145 articles), to stdout
  gum DIR OUTDIR [--numbered-dev]
                         GUM (github.com/amir-zeldes/gum): DIR is a checkout holding
                         dep/*.conllu and splits.md. Writes OUTDIR/gum-train.jsonl and
                         OUTDIR/gum-dev.jsonl (sources "gum-train" and "gum-dev") and
                         prints counts to stderr.
  check FILE...          validate JSONL files (offsets, order, padding) and print counts
  sample FILE [N [SEED]] print N random spans with their context, for eyeballing

GUM in short: only GUM_*.conllu files, without GUM_reddit_* (no text in the release)
and without GENTLE_* (the out-of-domain test2 set; its texts (YouTube commentary,
mtsamples.com, casetext.com, ...) are not covered by GUM's LICENSE.txt). The
documents listed under dev and test in splits.md make gum-dev, the others
gum-train; --numbered-dev also moves documents whose name ends in a digit
(GUM_letter_marcie2, GUM_letter_marcie3, GUM_news_ie9, all official train) to gum-dev.
Text is rebuilt from the tokens with SpaceAfter=No, one `# newpar` paragraph per line.
Spans are the named mentions of the Entity= annotation (head word PROPN; person,
place, organization -> PER, LOC, ORG; event, object, abstract -> MISC; time,
substance, animal, plant dropped), cut down to the name itself (see name_span()),
plus in-text citation authors as PER (citation_authors()) and nationality adjectives
as MISC (demonym_adjectives()); where they overlap the outermost wins.

Only the standard library is used (requirements: scripts/requirements-tagger.txt).
"""
import json
import os
import random
import re
import sys
from collections import Counter

SPORTS = {
    "SOCCER", "CRICKET", "BASEBALL", "BOXING", "GOLF", "BASKETBALL", "SQUASH",
    "TENNIS", "RUGBY UNION", "RUGBY LEAGUE", "ATHLETICS", "CYCLING", "MOTOR RACING",
    "HORSE RACING", "ICE HOCKEY", "NHL ICE HOCKEY", "NFL AMERICAN FOOTBALL",
    "AMERICAN FOOTBALL", "FOOTBALL", "SWIMMING", "ROWING", "SAILING", "SKIING",
    "ALPINE SKIING", "BADMINTON", "TABLE TENNIS", "VOLLEYBALL", "HANDBALL", "HOCKEY",
    "FIELD HOCKEY", "CHESS", "SNOOKER", "MOTORCYCLING", "SPEEDWAY", "JUDO", "WRESTLING",
    "GYMNASTICS", "EQUESTRIANISM", "TRIATHLON", "BOBSLEIGH", "DARTS", "NBA BASKETBALL",
    "OLYMPICS", "SPORT", "SPORTS", "MOTORSPORT", "NASCAR", "FORMULA ONE", "SUMO",
}

# Tokens that attach to the token before them when the text is rebuilt.
NO_SPACE_BEFORE = {",", ".", ":", ";", ")", "]", "}", "%", "?", "!", "'s", "'S", "n't", "'re",
                   "'m", "'ve", "'ll", "'d"}
NO_SPACE_AFTER = {"(", "[", "{", "$"}


def read_conll(path):
    """Sentences as lists of (token, tag); a -DOCSTART- line becomes the marker 'DOC'."""
    sentences, current = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                if current:
                    sentences.append(current)
                    current = []
                continue
            if parts[0] == "-DOCSTART-":
                if current:
                    sentences.append(current)
                    current = []
                sentences.append("DOC")
                continue
            current.append((parts[0], parts[-1]))
    if current:
        sentences.append(current)
    return sentences


def is_dateline(sentence):
    """'LONDON 1996-08-30': a few tokens ending in an ISO date."""
    return (sentence != "DOC" and len(sentence) <= 6
            and re.fullmatch(r"\d{4}-\d\d-\d\d", sentence[-1][0]) is not None)


def documents(sentences):
    """Split into documents at -DOCSTART- markers, or (copies without them) before the
    headline that precedes each 'CITY YYYY-MM-DD' dateline."""
    has_markers = any(s == "DOC" for s in sentences)
    docs, current = [], []
    for i, s in enumerate(sentences):
        if s == "DOC":
            if current:
                docs.append(current)
            current = []
            continue
        if (not has_markers and current and i + 1 < len(sentences)
                and is_dateline(sentences[i + 1])):
            docs.append(current)
            current = []
        current.append(s)
    if current:
        docs.append(current)
    return docs


def spans_iob(tags):
    """(first, last, type) token spans from IOB1 or IOB2 tags."""
    out, start, kind = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        if tag == "O" or tag.startswith("B-") or (kind is not None and tag[2:] != kind):
            if start is not None:
                out.append((start, i - 1, kind))
                start, kind = None, None
        if tag != "O" and start is None:
            start, kind = i, tag[2:]
    return out


def rebuild(doc, pair_quotes=False):
    """The document's text, one sentence per line, and its spans as byte offsets.

    With pair_quotes, straight double quotes alternate opening/closing within a
    sentence ('" clear "' becomes '"clear"'); off for CoNLL-2003 (output unchanged)."""
    text = bytearray()
    spans = []
    for sentence in doc:
        tokens = [t for t, _ in sentence]
        tags = [g for _, g in sentence]
        starts, ends = [], []
        quote_open = False
        for i, token in enumerate(tokens):
            space = (i > 0 and token not in NO_SPACE_BEFORE
                     and tokens[i - 1] not in NO_SPACE_AFTER)
            if pair_quotes:
                if token == '"':
                    if quote_open:
                        space = False
                    quote_open = not quote_open
                elif i > 0 and tokens[i - 1] == '"' and quote_open:
                    space = False
            if space:
                text += b" "
            starts.append(len(text))
            text += token.encode("utf-8")
            ends.append(len(text))
        for first, last, kind in spans_iob(tags):
            spans.append([starts[first], ends[last], kind])
        text += b"\n"
    return text.decode("utf-8"), spans


def headline(doc):
    return " ".join(t for t, _ in doc[0])


def is_sports(doc):
    head = headline(doc)
    if " - " not in head:
        return False
    return head.split(" - ")[0].strip().upper() in SPORTS


def conll(path, source):
    for n, doc in enumerate(documents(read_conll(path))):
        text, spans = rebuild(doc)
        yield {"id": f"{source}-{n:04d}", "source": source, "text": text, "spans": spans,
               "sports": is_sports(doc)}


def wikigold(path, source):
    """wikigold.conll.txt: `token tag` lines, IOB1, -DOCSTART- between articles (the
    file has none before the first and one after the last). Same rebuild as CoNLL,
    with straight double quotes paired."""
    for n, doc in enumerate(documents(read_conll(path))):
        text, spans = rebuild(doc, pair_quotes=True)
        yield {"id": f"{source}-{n:04d}", "source": source, "text": text, "spans": spans,
               "sports": False}


# ---------------------------------------------------------------------------------------
# GUM (Georgetown University Multilayer corpus), dep/*.conllu
#
# Entity= in MISC opens a mention with "(ID-etype-infstat-salience-centering-minspan-link"
# plus "-identity" when the entity is Wikified, and closes it with "ID)"; "(...)" opens
# and closes on one word. Mentions nest. A mention is kept as a NAME when its syntactic
# head (the one word of the mention whose head lies outside it) is a proper noun (UPOS
# PROPN). The Wikification identity is not used: GUM copies it to every mention of the
# entity, pronouns ("he", "it", "here") and descriptions ("the country") included.

GUM_TYPES = {"person": "PER", "place": "LOC", "organization": "ORG",
             "event": "MISC", "object": "MISC", "abstract": "MISC"}
# Dropped: time (dates are not names), substance, animal, plant (their PROPN-headed
# mentions are mostly capitalised species and chemicals: "Shore Crabs", "Iodine").

ENTITY_RE = re.compile(r"\((\d+)-([^()]*)(\))?|(\d+)\)")

# Dependents of the head that are not part of the name: clauses, appositions,
# coordination, arguments, titles (GUM marks "President"/"Professor" as nmod:desc)
# and possessors ("Microsoft's Internet Explorer": Microsoft is its own mention).
DROP_RELS = {"acl", "appos", "parataxis", "advcl", "advmod", "conj", "cc", "dislocated",
             "list", "vocative", "orphan", "reparandum", "discourse", "nsubj", "obj",
             "iobj", "obl", "csubj", "ccomp", "xcomp", "cop", "mark", "aux", "expl", "dep",
             "nmod:desc", "nmod:poss", "det:poss", "det:predet"}
POSSESSIVE = {"'s", "’s", "'", "’", "s"}


def read_conllu(path):
    """Sentences of one .conllu file: dicts with 'newpar', 'text' (the # text line),
    'units' (surface tokens: [form, space_after, first word, last word]) and
    'words' (dicts id, form, upos, xpos, head, deprel, misc)."""
    sentences, cur = [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if cur is None:
                cur = {"newpar": False, "text": None, "units": [], "words": []}
            if not line:
                if cur["words"]:
                    sentences.append(cur)
                cur = None
                continue
            if line.startswith("#"):
                if line == "# newpar" or line.startswith("# newpar "):
                    cur["newpar"] = True
                elif line.startswith("# text = "):
                    cur["text"] = line[len("# text = "):]
                continue
            cols = line.split("\t")
            misc = dict(kv.split("=", 1) if "=" in kv else (kv, "")
                        for kv in cols[9].split("|") if kv != "_")
            space = misc.get("SpaceAfter") != "No"
            if "." in cols[0]:
                continue  # empty nodes
            if "-" in cols[0]:
                first, last = (int(x) for x in cols[0].split("-"))
                cur["units"].append([cols[1], space, first - 1, last - 1])
                continue
            wid = int(cols[0])
            cur["words"].append({"id": wid, "form": cols[1], "upos": cols[3],
                                 "xpos": cols[4], "head": int(cols[6]),
                                 "deprel": cols[7], "misc": misc})
            if not (cur["units"] and cur["units"][-1][3] >= wid - 1):
                cur["units"].append([cols[1], space, wid - 1, wid - 1])
    if cur is not None and cur["words"]:
        sentences.append(cur)
    return sentences


def gum_mentions(sentences):
    """(sentence index, first word, last word, fields) of every mention; fields are
    etype, infstat, salience, centering, minspan, link[, identity]."""
    out, opened = [], {}
    for si, s in enumerate(sentences):
        for wi, w in enumerate(s["words"]):
            ent = w["misc"].get("Entity")
            if not ent:
                continue
            for m in ENTITY_RE.finditer(ent):
                if m.group(1):
                    fields = m.group(2).split("-")
                    if m.group(3):
                        out.append((si, wi, wi, fields))
                    else:
                        opened.setdefault(m.group(1), []).append((si, wi, fields))
                else:
                    ssi, swi, fields = opened[m.group(4)].pop()
                    if ssi == si:  # (GUM has no mention across sentences)
                        out.append((si, swi, wi, fields))
    return out


def cap(form):
    return form[:1].isupper() or form[:1].isdigit()


def mention_head(words, first, last):
    """The one word of words[first..last] whose head lies outside it, or None."""
    heads = [i for i in range(first, last + 1)
             if not (first <= words[i]["head"] - 1 <= last)]
    return heads[0] if len(heads) == 1 else None


# Prepositions that may join a name's parts: "University of Portsmouth", "Centre for
# Internet and Society", "Council on Foreign Relations"; titles of works (MISC) take any.
NAME_CASES = {"of", "for", "on", "de", "du", "des", "del", "della", "di", "da", "van",
              "von", "der", "y"}
FUNCTION_UPOS = {"ADP", "DET", "CCONJ", "PUNCT", "PART", "SCONJ"}
PERSON_TITLES = {"Mr", "Mrs", "Ms", "Miss", "Mister", "Madam", "Dr", "Doctor", "Sir",
                 "Lady", "Lord", "Professor", "Prof", "President", "Secretary", "Minister",
                 "Senator", "Governor", "Mayor", "Chair", "Chairman", "Chairwoman",
                 "Speaker", "King", "Queen", "Prince", "Princess", "Emperor", "Empress",
                 "Tsar", "Czar", "Pope", "Bishop", "Archbishop", "General", "Captain",
                 "Colonel", "Judge", "Chancellor", "Director", "Commissioner", "Chief",
                 "Coach", "Father", "Mother", "Mom", "Mum", "Dad", "Grandma", "Grandpa",
                 "Aunt", "Uncle", "Sister", "Brother"}


def name_span(words, first, last, kind):
    """The name inside the mention words[first..last] (head PROPN, coarse type kind) as
    (first, last) word indices, or None. The name is the head with those dependents
    that belong to a name: flat, fixed, compound, capitalised amod/nummod, capitalised
    "of"/"for"/... nmods (not for PER: "Priscilla Leung of BPA" is a name and an
    organisation), capitalised conjuncts and clauses in MISC titles ("Regularity and
    Idiomaticity in Grammatical Constructions", "The Old Lady Who Walked in the Sea");
    not person titles (nmod:desc: "President Trump"), possessors, determiners,
    appositions, clauses (see appositive_name for "the grammarian Aelius Donatus").
    Then leading determiners, trailing possessive 's and edge
    punctuation are trimmed. A capital "The" stays inside names ("The Hague",
    "The Raven") but not as the first word of a sentence. Person mentions that are
    only a title ("the Home Secretary", "Mom") give None."""
    h = mention_head(words, first, last)
    if h is None or words[h]["upos"] != "PROPN":
        return None
    children = {}
    for i in range(first, last + 1):
        children.setdefault(words[i]["head"] - 1, []).append(i)

    def subtree(c):
        out, todo = [], [c]
        while todo:
            n = todo.pop()
            out.append(n)
            todo.extend(children.get(n, []))
        return out

    def title_case(c):
        return all(cap(words[i]["form"]) or words[i]["upos"] in FUNCTION_UPOS
                   for i in subtree(c))

    def keep_child(c):
        w, rel = words[c], words[c]["deprel"]
        base = rel.split(":")[0]
        if base in ("conj", "acl"):
            # titles: "War and Peace", "The Old Lady Who Walked in the Sea"; not lists
            # ("Rueda, Checa, & Cómbita": commas) nor "Duke University, located in ..."
            return (kind == "MISC" and title_case(c)
                    and not any(words[k]["upos"] == "PUNCT" for k in children.get(c, [])))
        if rel == "nmod:desc":
            return kind != "PER"  # "President Trump", but "St Petersburg"
        if rel in DROP_RELS or base in DROP_RELS:
            return False
        if base == "det":
            return w["form"] in ("The", "A", "An") and c > 0
        if base in ("amod", "nummod"):
            return cap(w["form"]) or c > h
        if base == "compound":
            return cap(w["form"]) or w["upos"] == "PROPN"
        if base == "nmod":
            cases = {words[k]["form"].lower() for k in children.get(c, [])
                     if words[k]["deprel"] == "case"}
            return (kind != "PER" and w["upos"] != "NUM" and title_case(c)
                    and (kind == "MISC" or cases <= NAME_CASES))
        return True  # flat, fixed, goeswith, punct, case, ...

    keep, todo = {h}, [h]
    while todo:
        n = todo.pop()
        for c in children.get(n, []):
            if n == h and not keep_child(c):
                continue
            if (n != h and words[c]["deprel"].split(":")[0] in ("acl", "appos", "parataxis")
                    and not (kind == "MISC" and title_case(c))):
                continue
            keep.add(c)
            todo.append(c)
    a = b = h
    while a - 1 in keep:
        a -= 1
    while b + 1 in keep:
        b += 1
    while a < b and (words[a]["upos"] == "PUNCT" or words[a]["deprel"] in ("case", "cc")
                     or (words[a]["upos"] == "DET"
                         and (not cap(words[a]["form"]) or a == 0))):
        a += 1
    while a < b and (words[b]["upos"] == "PUNCT" or words[b]["upos"] in ("ADP", "CCONJ")
                     or words[b]["form"] in POSSESSIVE and words[b]["deprel"] == "case"):
        b -= 1
    # no half parentheticals: "Jules et Jim (1962"
    for i in range(a + 1, b + 1):
        if words[i]["form"] in ("(", "["):
            b = i - 1
            break
    while a < b and words[b]["upos"] == "PUNCT":
        b -= 1
    if words[a]["upos"] == "PUNCT" or words[b]["upos"] == "PUNCT":
        return None
    if not any(ch.isupper() for w in words[a:b + 1] for ch in w["form"]):
        return None  # "the starship Enterprise" headed by lower-case "starship"
    if kind == "PER" and words[b]["form"].rstrip(".") in PERSON_TITLES:
        return None  # a title standing alone: "the Home Secretary", "Madam Chair"
    return a, b


# GUM annotates no mention for adjectives, so "Australian children" has none, while
# CoNLL-2003 tags nationality and creed adjectives as MISC. Capitalised adjectives
# (JJ) inside a sentence with these endings are nearly all such adjectives in GUM
# (American, Chinese, Jewish, Iraqi, Republican, Christian, Hegelian, ...).
DEMONYM_RE = re.compile(r"[A-Z][a-z]+(-[A-Z][a-z]+)*(an|ese|ish|i|ch|ek|ai|ss)")
DEMONYM_WORDS = {"Arab", "Buddhist", "Catholic", "Muslim", "Islamic", "Hindu", "Protestant",
                 "Soviet", "Latin", "Inuit", "Hebrew", "Latino", "Hispanic", "Calvinist",
                 "Olympic", "Paralympic", "Hellenic", "Byzantine", "Olmec"}
NOT_DEMONYMS = {"Urban", "Vegan", "Human", "Clean", "Mean", "Median", "Lean", "Fresh",
                "Rich"}


def demonym_adjectives(words):
    """Indices of capitalised nationality/creed adjectives in one sentence; none in
    headings (most words capitalised) or where capitals say nothing."""
    alpha = [w for w in words if w["form"][:1].isalpha()]
    if sum(w["form"][:1].isupper() for w in alpha) * 2 > len(alpha):
        return []
    out = []
    for i, w in enumerate(words):
        if (i == 0 or w["upos"] != "ADJ" or w["xpos"] != "JJ"
                or words[i - 1]["form"] in (".", '"', "“", ":", "?", "!", "‘", "'")
                or w["form"] in NOT_DEMONYMS):
            continue
        if DEMONYM_RE.fullmatch(w["form"]) or w["form"] in DEMONYM_WORDS:
            out.append(i)
    return out


REFERENCES = {"Figure", "Fig.", "Table", "Appendix", "Extract", "Example", "Listing",
              "Chapter", "Section", "Page", "Step", "Part", "Exhibit", "Fig"}
YEAR_RE = re.compile(r"(1[5-9]|20)\d\d[a-z]?")
CITING_GENRES = {"academic", "textbook", "essay"}  # not bio: "Jules et Jim (1962)"


def citation_authors(words, first, last, h):
    """The author names, as [(first, last)] word ranges, when the mention is an in-text
    citation ("Spang (1983)", "Li, Polat, Scalzo, & Bavelier, 2010"; GUM: abstract) in
    an academic, textbook or essay document, else None. It is one when a year depends
    on the head and each author is only proper nouns (and hyphens): "Jules et Jim
    (1962)" is a film title."""
    if not any(YEAR_RE.fullmatch(words[i]["form"]) and words[i]["head"] - 1 == h
               and not any(w["head"] - 1 == i and w["deprel"] == "case" for w in words)
               for i in range(h + 1, last + 1)):
        return None  # no year, or "in 2008"
    authors = [h] + [i for i in range(first, last + 1)
                     if words[i]["deprel"] == "conj" and words[i]["head"] - 1 == h
                     and words[i]["upos"] == "PROPN"]
    out = []
    for c in authors:
        part = {c} | {i for i in range(first, last + 1) if words[i]["head"] - 1 == c
                      and (words[i]["deprel"].split(":")[0] in ("flat", "compound")
                           or words[i]["form"] in ("-", "‐"))}
        a = b = c
        while a - 1 in part:
            a -= 1
        while b + 1 in part:
            b += 1
        if not all(w["upos"] == "PROPN" or w["form"] in ("-", "‐")
                   for w in words[a:b + 1]):
            return None
        out.append((a, b))
    return out


def appositive_name(words, first, last, h):
    """The name after a common-noun head in one mention: "city mayor Hau Lung-bin",
    "the grammarian Aelius Donatus" (flat or appos proper nouns right of the head), as
    (first, last) word indices, or None. A leading title ("Colonel") is left out."""
    starts = [i for i in range(h + 1, last + 1) if words[i]["head"] - 1 == h
              and words[i]["deprel"] in ("flat", "appos") and words[i]["upos"] == "PROPN"]
    if not starts:
        return None
    a = b = starts[0]
    if words[a - 1]["form"] in ("-", "‐"):
        return None  # "Comédie-Française": one word in the text
    while True:
        if (b + 1 <= last and words[b + 1]["head"] - 1 in (h, a)
                and words[b + 1]["deprel"] == "flat" and words[b + 1]["upos"] == "PROPN"):
            b += 1
        elif (b + 2 <= last and words[b + 1]["form"] in ("-", "‐")
              and words[b + 2]["upos"] == "PROPN"
              and words[b + 2]["head"] - 1 in (h, a, b)):
            b += 2  # "Bastien-Lepage", "Hau Lung-bin"
        else:
            break
    while (a - 1 > h and cap(words[a - 1]["form"]) and a - 1 >= first
           and words[a - 1]["deprel"].split(":")[0] in ("compound", "amod")
           and a <= words[a - 1]["head"] - 1 <= b):
        a -= 1  # "news agency Korean Central News Agency"
    while a < b and words[a]["form"].rstrip(".") in PERSON_TITLES:
        a += 1
    if not cap(words[a]["form"]) or a == b and len(words[a]["form"]) < 2:
        return None  # "speaker G"
    return a, b


def gum_type(etype, words, h):
    kind = GUM_TYPES.get(etype)
    if kind == "PER" and words[h]["xpos"] == "NNPS":
        return "MISC"  # groups named by nationality or creed: Americans, Tatars, Muslims
    return kind


def gum_document(path, source):
    """One GUM .conllu file as a JSONL record (plus the number of sentences whose
    rebuilt text differs from their # text line)."""
    sentences = read_conllu(path)
    doc_id = os.path.basename(path)[:-len(".conllu")]
    text = bytearray()
    offsets = []  # per sentence, per word: (start byte, end byte)
    mismatched = 0
    glue = None  # what goes before the next sentence
    for si, s in enumerate(sentences):
        if si > 0:
            text += b"\n" if s["newpar"] else glue
        line = bytearray()
        word_off = [None] * len(s["words"])
        for u, (form, space, first, last) in enumerate(s["units"]):
            start = len(text) + len(line)
            line += form.encode("utf-8")
            forms = [s["words"][i]["form"] for i in range(first, last + 1)]
            if "".join(forms) == form:
                pos = start
                for i in range(first, last + 1):
                    n = len(s["words"][i]["form"].encode("utf-8"))
                    word_off[i] = (pos, pos + n)
                    pos += n
            else:
                for i in range(first, last + 1):
                    word_off[i] = (start, start + len(form.encode("utf-8")))
            if u + 1 < len(s["units"]) and space:
                line += b" "
        if s["text"] is not None and line.decode("utf-8") != s["text"].strip():
            mismatched += 1
        text += line
        offsets.append(word_off)
        glue = b" " if s["units"][-1][1] else b""
    text += b"\n"

    genre = doc_id.split("_")[1]
    candidates = []
    for si, first, last, fields in gum_mentions(sentences):
        words = sentences[si]["words"]
        h = mention_head(words, first, last)
        kind = None if h is None else gum_type(fields[0], words, h)
        if kind == "MISC" and words[h]["upos"] == "PROPN" and genre in CITING_GENRES:
            authors = citation_authors(words, first, last, h)
            if authors:
                candidates.extend(
                    (offsets[si][a][0], offsets[si][b][1], "PER", last - first)
                    for a, b in authors)
                continue
        span = None if kind is None else name_span(words, first, last, kind)
        if span is None and kind in ("PER", "LOC", "ORG") and words[h]["upos"] != "PROPN":
            span = appositive_name(words, first, last, h)
        if span is None:
            continue
        a, b = span
        surface = " ".join(w["form"] for w in words[a:b + 1])
        if "://" in surface or surface.startswith("www.") or "@" in surface:
            continue  # URLs and addresses, tagged PROPN, are not names
        if words[a]["form"] in REFERENCES:
            continue  # "Figure 1.5", "Appendix S1"
        candidates.append((offsets[si][a][0], offsets[si][b][1], kind, last - first))
    for si, s in enumerate(sentences):
        adjectives = demonym_adjectives(s["words"])
        for n, i in enumerate(adjectives):
            if n > 0 and adjectives[n - 1] == i - 1:
                continue  # "Latin American" is one name
            j = i
            while j + 1 in adjectives:
                j += 1
            candidates.append((offsets[si][i][0], offsets[si][j][1], "MISC", -1))
    # Nested or overlapping names: the outermost (first, then longest) wins.
    candidates.sort(key=lambda c: (c[0], -c[1], -c[3]))
    spans, end = [], -1
    for start, stop, kind, _ in candidates:
        if start >= end and stop > start:
            spans.append([start, stop, kind])
            end = stop
    return {"id": doc_id, "source": source, "text": text.decode("utf-8"), "spans": spans,
            "sports": False}, mismatched


def gum_split(directory):
    """Document names listed under ## dev and ## test in GUM's splits.md."""
    held, section = set(), None
    with open(os.path.join(directory, "splits.md"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("## "):
                section = line[3:].strip()
            elif line.strip().startswith("* ") and section in ("dev", "test"):
                held.add(line.strip()[2:].strip())
    if not held:
        sys.exit(f"no dev/test documents found in {directory}/splits.md")
    return held


def gum_files(directory):
    """The usable dep/*.conllu files: GUM_* without GUM_reddit_* (whose words are
    underscores in the release) and without GENTLE_* (see the module docstring)."""
    dep = os.path.join(directory, "dep")
    names = sorted(n for n in os.listdir(dep) if n.endswith(".conllu"))
    return [os.path.join(dep, n) for n in names
            if n.startswith("GUM_") and not n.startswith("GUM_reddit_")]


def gum(directory, outdir, numbered_dev=False):
    held = gum_split(directory)
    os.makedirs(outdir, exist_ok=True)
    outs = {name: open(os.path.join(outdir, name + ".jsonl"), "w", encoding="utf-8")
            for name in ("gum-train", "gum-dev")}
    counts = {name: Counter() for name in outs}
    mismatched = 0
    for path in gum_files(directory):
        doc_id = os.path.basename(path)[:-len(".conllu")]
        dev = doc_id in held or (numbered_dev and doc_id[-1].isdigit())
        source = "gum-dev" if dev else "gum-train"
        record, bad = gum_document(path, source)
        mismatched += bad
        outs[source].write(json.dumps(record, ensure_ascii=False) + "\n")
        counts[source]["documents"] += 1
        counts[source].update(kind for _, _, kind in record["spans"])
    for f in outs.values():
        f.close()
    for name, c in counts.items():
        sys.stderr.write(f"{name}: {c['documents']} documents, "
                         + ", ".join(f"{k} {c[k]}" for k in ("PER", "LOC", "ORG", "MISC"))
                         + "\n")
    if mismatched:
        sys.stderr.write(f"{mismatched} sentences differ from their # text line\n")


# ---------------------------------------------------------------------------------------
# checks

def check(path):
    """Validate one JSONL file; print documents, approximate tokens, spans per type.
    Returns the number of problems found."""
    problems, docs, tokens, kinds = 0, 0, 0, Counter()
    ids = set()
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            record = json.loads(line)
            docs += 1
            where = f"{path}:{lineno} ({record.get('id')})"
            if set(record) != {"id", "source", "text", "spans", "sports"}:
                problems += 1
                print(f"{where}: keys {sorted(record)}")
            if record["id"] in ids:
                problems += 1
                print(f"{where}: duplicate id")
            ids.add(record["id"])
            data = record["text"].encode("utf-8")
            tokens += len(re.findall(r"\w+|[^\w\s]", record["text"]))
            end = 0
            for span in record["spans"]:
                start, stop, kind = span
                kinds[kind] += 1
                error = None
                if kind not in ("PER", "LOC", "ORG", "MISC"):
                    error = "type"
                elif not (isinstance(start, int) and isinstance(stop, int)
                          and 0 <= start < stop <= len(data)):
                    error = "bounds"
                elif start < end:
                    error = "order/overlap"
                else:
                    try:
                        surface = data[start:stop].decode("utf-8")
                    except UnicodeDecodeError:
                        error = "not on character boundaries"
                    else:
                        if surface != surface.strip() or not surface.strip():
                            error = "whitespace"
                        elif "\n" in surface:
                            error = "crosses a line"
                end = max(end, stop if isinstance(stop, int) else end)
                if error:
                    problems += 1
                    print(f"{where}: span {span}: {error}")
    print(f"{path}: {docs} documents, ~{tokens} tokens, {sum(kinds.values())} spans: "
          + ", ".join(f"{k} {kinds[k]}" for k in ("PER", "LOC", "ORG", "MISC"))
          + (f"; {problems} PROBLEMS" if problems else "; ok"))
    return problems


def sample(path, n=40, seed=1):
    """n random spans with some context, 'type [span]'."""
    spans = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            data = record["text"].encode("utf-8")
            for start, stop, kind in record["spans"]:
                spans.append((record["id"], data, start, stop, kind))
    rng = random.Random(seed)
    for doc_id, data, start, stop, kind in rng.sample(spans, min(n, len(spans))):
        left = data[max(0, start - 50):start].decode("utf-8", "ignore").split("\n")[-1]
        right = data[stop:stop + 50].decode("utf-8", "ignore").split("\n")[0]
        name = data[start:stop].decode("utf-8")
        print(f"{kind:4} {name!r:32} {doc_id}: ...{left}[{name}]{right}...")


USAGE = """usage: ner_data.py conll INPUT SOURCE-NAME > out.jsonl
       ner_data.py wikigold INPUT SOURCE-NAME > out.jsonl
       ner_data.py gum GUM-DIR OUT-DIR [--numbered-dev]
           (writes OUT-DIR/gum-train.jsonl and OUT-DIR/gum-dev.jsonl)
       ner_data.py check FILE.jsonl...
       ner_data.py sample FILE.jsonl [N [SEED]]"""


def main(argv):
    kind = argv[1] if len(argv) > 1 else None
    if kind in ("conll", "wikigold") and len(argv) == 4:
        path, source = argv[2:]
        records = conll(path, source) if kind == "conll" else wikigold(path, source)
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif kind == "gum" and len(argv) in (4, 5) and argv[4:] in ([], ["--numbered-dev"]):
        gum(argv[2], argv[3], numbered_dev=len(argv) == 5)
    elif kind == "check" and len(argv) > 2:
        problems = sum(check(path) for path in argv[2:])
        sys.exit(1 if problems else 0)
    elif kind == "sample" and 3 <= len(argv) <= 5:
        sample(argv[2], *(int(x) for x in argv[3:]))
    else:
        sys.exit(USAGE)


if __name__ == "__main__":
    main(sys.argv)
