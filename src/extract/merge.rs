//! From chosen mentions to entities: later short references ("said Zhao", an acronym,
//! "Foo" for "Foo Holding Group"), exact re-mentions of names a cue typed once, and
//! aliases that mean the same thing in one article ("Pilot Zone"/"Pilot Zones").

use super::acronym::Definition;
use super::doc::{Candidate, Doc, Rank};
use super::fxhash::{Fx, FxHashMap};
use super::gazetteer::Entry;
use super::person::short_form;
use super::resolve::Chosen;
use super::token::{Token, shape};
use super::words::among;
use super::{Entity, Kind, Mention};
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::Hasher;

/// Words dropped from the end of a firm name to get the short form it is also called by.
const FIRM_TAILS: &[&str] = &[
    "group",
    "holding",
    "holdings",
    "co",
    "co.",
    "company",
    "corp",
    "corp.",
    "corporation",
    "inc",
    "inc.",
    "ltd",
    "ltd.",
    "limited",
    "plc",
    "llc",
    "technology",
    "technologies",
    "tech",
    "international",
    "capital",
    "motor",
    "motors",
    "ventures",
    "partners",
];
/// Modifiers that do not change which zone or body is meant (and, for a zone,
/// "economic": "Zorb Economic Development Zone" is also "Zorb Development Zone").
const GENERIC: &[&str] = &[
    "national",
    "comprehensive",
    "international",
    "municipal",
    "provincial",
    "state",
];

/// A mention with the name it groups under.
#[derive(Debug, Clone)]
struct Found {
    start: usize,
    end: usize,
    kind: Kind,
    name: String,
}

fn covered(found: &[Found], start: usize, end: usize) -> bool {
    found.iter().any(|f| f.start < end && start < f.end)
}

/// Name-like word tokens with a hash of their text, in text order, so re-mentions are
/// found by comparing hashes instead of rescanning the body. An article asks only a
/// handful of words, so a scan of the hashes costs less than sorting them would.
struct WordIndex(Vec<(u64, usize)>);

fn word_hash(word: &str) -> u64 {
    let mut h = Fx::default();
    h.write(word.as_bytes());
    h.finish()
}

impl WordIndex {
    fn new(doc: &Doc) -> Self {
        let words: Vec<(u64, usize)> = doc
            .tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| t.name_like)
            .map(|(i, t)| (word_hash(t.text(doc.body)), i))
            .collect();
        WordIndex(words)
    }

    /// Name-like word tokens whose text is `word`, in text order (names never start
    /// in lower case unless camel-cased, so plain words are not indexed).
    fn tokens<'d, 'w>(
        &self,
        doc: &'d Doc,
        word: &'w str,
    ) -> impl Iterator<Item = &'d Token> + use<'_, 'd, 'w> {
        let hash = word_hash(word);
        self.0
            .iter()
            .filter(move |(h, _)| *h == hash)
            .map(move |&(_, i)| &doc.tokens[i])
            .filter(move |t| t.text(doc.body) == word)
    }
}

/// Adds a mention at every standalone capitalised occurrence of `word` (one token).
fn mentions_of(
    doc: &Doc,
    index: &WordIndex,
    word: &str,
    kind: Kind,
    name: &str,
    found: &mut Vec<Found>,
) {
    let mut add = Vec::new();
    for t in index.tokens(doc, word) {
        if !covered(found, t.start, t.end) && !covered(&add, t.start, t.end) {
            add.push(Found {
                start: t.start,
                end: t.end,
                kind,
                name: name.to_string(),
            });
        }
    }
    found.extend(add);
}

/// Adds a mention at every standalone occurrence of a multi-token name.
fn phrase_mentions(
    doc: &Doc,
    index: &WordIndex,
    phrase: &str,
    kind: Kind,
    name: &str,
    found: &mut Vec<Found>,
) {
    let first = phrase.split([' ', '-']).next().unwrap_or("");
    let mut add = Vec::new();
    for t in index.tokens(doc, first) {
        let Some(text) = doc.body.get(t.start..t.start + phrase.len()) else {
            continue;
        };
        let end = t.start + phrase.len();
        let boundary = !doc.body[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        if text == phrase
            && boundary
            && !covered(found, t.start, end)
            && !covered(&add, t.start, end)
        {
            add.push(Found {
                start: t.start,
                end,
                kind,
                name: name.to_string(),
            });
        }
    }
    found.extend(add);
}

fn person_references(doc: &Doc, index: &WordIndex, found: &mut Vec<Found>) {
    let mut shorts: HashMap<String, Vec<String>> = HashMap::new();
    for f in found.iter().filter(|f| f.kind == Kind::Person) {
        if let Some(short) = short_form(doc, &f.name) {
            let names = shorts.entry(short).or_default();
            if !names.contains(&f.name) {
                names.push(f.name.clone());
            }
        }
    }
    // "Ong Chong Yi ... Ong said": a name of three words or more whose first word is
    // no given name is written surname first; that surname alone, read as a person,
    // is the same one (only renamed, never searched for). So is a Chinese surname
    // opening two words of pinyin ("Yang Jing ... Yang said"), though both could be
    // surnames.
    let g = doc.gazetteer;
    let mut surnames_first: HashMap<String, Vec<String>> = HashMap::new();
    for f in found.iter().filter(|f| f.kind == Kind::Person) {
        let parts: Vec<&str> = f.name.split(' ').collect();
        let pinyin_pair =
            parts.len() == 2 && g.chinese_surnames.contains(parts[0]) && g.is_pinyin(parts[1], 3);
        if (parts.len() >= 3 && !g.given.contains(parts[0])) || pinyin_pair {
            let names = surnames_first.entry(parts[0].to_string()).or_default();
            if !names.contains(&f.name) {
                names.push(f.name.clone());
            }
        }
    }
    for (short, names) in &surnames_first {
        if names.len() != 1 || shorts.contains_key(short) {
            continue;
        }
        for f in found
            .iter_mut()
            .filter(|f| f.kind == Kind::Person && f.name == *short)
        {
            f.name = names[0].clone();
        }
    }
    for (short, names) in shorts {
        if names.len() != 1 {
            // Two people share the short form ("Huang Zhu ... Huang Buquan ... Huang
            // said"): a lone mention is the one named in full last before it, as a
            // reader takes it. Only mentions already read as people are renamed.
            nearest_full_name(found, &short, &names);
            continue;
        }
        // A short form already read as a person on its own ("Musk") is the same one.
        for f in found
            .iter_mut()
            .filter(|f| f.kind == Kind::Person && f.name == short)
        {
            f.name = names[0].clone();
        }
        if doc.gazetteer.lookup(&short).is_none() {
            mentions_of(doc, index, &short, Kind::Person, &names[0], found);
        }
    }
}

/// Renames each lone `short` person mention to the one of `names` last mentioned in
/// full before it (left alone when none of them comes before it).
fn nearest_full_name(found: &mut [Found], short: &str, names: &[String]) {
    let mut fulls: Vec<(usize, usize)> = found
        .iter()
        .filter(|f| f.kind == Kind::Person)
        .filter_map(|f| Some((f.start, names.iter().position(|n| *n == f.name)?)))
        .collect();
    fulls.sort_unstable();
    for f in found
        .iter_mut()
        .filter(|f| f.kind == Kind::Person && f.name == short)
    {
        if let Some(&(_, which)) = fulls.iter().rev().find(|(start, _)| *start < f.start) {
            f.name = names[which].clone();
        }
    }
}

/// Shorter names a firm goes by: head words and a trailing market name dropped
/// ("Quux Capital China" is also "Quux Capital" and "Quux").
fn firm_short_forms(doc: &Doc, name: &str) -> Vec<String> {
    let mut words: Vec<&str> = name.split(' ').collect();
    let mut out = Vec::new();
    while words.len() > 1 {
        // "Zorb Logistics Co., Ltd": a tail's comma is no part of the shorter name.
        let last = words[words.len() - 1];
        if let Some(comma) = words[words.len() - 2].strip_suffix(',') {
            let n = words.len() - 2;
            words[n] = comma;
        }
        // "Co.,Ltd" written as one word is two tails.
        let tail = last
            .split(',')
            .filter(|part| !part.is_empty())
            .all(|part| FIRM_TAILS.iter().any(|t| t.eq_ignore_ascii_case(part)));
        let place = matches!(doc.gazetteer.lookup(last), Some((_, Entry::Place { .. })));
        if !(tail || place) {
            break;
        }
        words.pop();
        out.push(words.join(" "));
    }
    // "Quux Partners China" is also "Quux China": the market kept, the head dropped.
    let market = name.rsplit(' ').next().filter(|last| {
        out.len() > 1 && matches!(doc.gazetteer.lookup(last), Some((_, Entry::Place { .. })))
    });
    if let Some(market) = market {
        let with_market: Vec<String> = out[1..].iter().map(|s| format!("{s} {market}")).collect();
        out.extend(with_market);
    }
    // "Xiamen Quxsemi Co" is also "Quxsemi": Chinese firms are named place first.
    if words.len() > 1
        && matches!(
            doc.gazetteer.lookup(words[0]),
            Some((_, Entry::Place { .. }))
        )
    {
        out.push(words[1..].join(" "));
    }
    out
}

fn firm_references(doc: &Doc, index: &WordIndex, found: &mut Vec<Found>) {
    let firms: Vec<String> = found
        .iter()
        .filter(|f| f.kind == Kind::Firm)
        .map(|f| f.name.clone())
        .collect();
    let mut seen = Vec::new();
    for name in firms {
        if seen.contains(&name) {
            continue;
        }
        seen.push(name.clone());
        for short in firm_short_forms(doc, &name) {
            let entry = doc.gazetteer.lookup(&short).map(|(_, e)| e);
            if doc.gazetteer.is_common(&short) {
                continue;
            }
            if entry.is_some_and(|e| e.kind() != Kind::Firm) {
                if !place_named_for_firm(doc, index, &short, entry) {
                    continue;
                }
                for f in found
                    .iter_mut()
                    .filter(|f| f.kind != Kind::Firm && doc.body[f.start..f.end] == *short)
                {
                    f.kind = Kind::Firm;
                    f.name = name.clone();
                }
            }
            for f in found
                .iter_mut()
                .filter(|f| f.kind == Kind::Firm && f.name == short)
            {
                f.name = name.clone();
            }
            phrase_mentions(doc, index, &short, Kind::Firm, &name, found);
        }
    }
}

/// "Toyota Motor Corp ... building factories for Toyota": a town that shares its
/// name with a firm the article names in full is the firm's short form, unless the
/// town is large or any bare mention of it reads as a place ("in Toyota").
fn place_named_for_firm(doc: &Doc, index: &WordIndex, short: &str, entry: Option<Entry>) -> bool {
    const LARGE: u32 = 1_000_000;
    let Some(Entry::Place {
        kind: Kind::City,
        population,
        ..
    }) = entry
    else {
        return false;
    };
    if population >= LARGE || short.contains(' ') {
        return false;
    }
    index.tokens(doc, short).all(|t| {
        let i = doc.tokens.partition_point(|u| u.start < t.start);
        let before = i.checked_sub(1).map(|j| doc.text(j)).unwrap_or_default();
        let after = doc.tokens.get(i + 1).map(|u| u.text(doc.body));
        !matches!(before, "in" | "at" | "near" | "from" | "outside" | "to")
            && !matches!(after, Some("city" | "City" | "prefecture" | "county"))
    })
}

fn acronym_references(
    doc: &Doc,
    index: &WordIndex,
    definitions: &[Definition],
    found: &mut Vec<Found>,
) {
    for d in definitions {
        let Some(owner) = found
            .iter()
            .find(|f| f.start == d.start && f.end == d.end)
            .cloned()
        else {
            continue;
        };
        for f in found.iter_mut().filter(|f| f.name == d.acronym) {
            f.name = owner.name.clone();
            f.kind = owner.kind;
        }
        found.push(Found {
            start: d.at.0,
            end: d.at.1,
            kind: owner.kind,
            name: owner.name.clone(),
        });
        mentions_of(doc, index, &d.acronym, owner.kind, &owner.name, found);
    }
}

/// "Zorbist Party of Zed (ZPZ) Central Committee" is later "ZPZ Central Committee":
/// the acronym inside a name stands for the words before it.
fn inner_acronym_short_form(name: &str) -> Option<String> {
    let (_, rest) = name.split_once(" (")?;
    let (acronym, tail) = rest.split_once(") ")?;
    let letters = acronym.chars().all(|c| c.is_ascii_uppercase()) && acronym.len() >= 2;
    (letters && !tail.is_empty()).then(|| format!("{acronym} {tail}"))
}

fn inner_acronym_references(doc: &Doc, index: &WordIndex, found: &mut Vec<Found>) {
    let mut names: Vec<(Kind, String)> = found
        .iter()
        .filter(|f| has_bytes(&f.name, b" ("))
        .map(|f| (f.kind, f.name.clone()))
        .collect();
    names.dedup();
    for (kind, name) in names {
        let Some(short) = inner_acronym_short_form(&name) else {
            continue;
        };
        for f in found.iter_mut().filter(|f| f.name == short) {
            f.name = name.clone();
            f.kind = kind;
        }
        phrase_mentions(doc, index, &short, kind, &name, found);
    }
}

/// `needle` occurs in the short `text` (no searcher set up, unlike `str::contains`).
fn has_bytes(text: &str, needle: &[u8]) -> bool {
    text.as_bytes().windows(needle.len()).any(|w| w == needle)
}

/// "... Technology", "... Group", "... Co., Ltd.": a firm name ending in a company
/// word or a legal form.
fn closes_on_company_word(doc: &Doc, name: &str) -> bool {
    let closes = |name: &str| {
        let last = name.rsplit(' ').next().unwrap_or("").trim_end_matches('.');
        doc.gazetteer.legal_forms.contains_ci(last)
            || super::words::is_head_word(last, Kind::Firm)
            // A trade closing a company's name ("Zorbwind Heavy Industry", "Zorbhe
            // Dairy").
            || matches!(
                last,
                "Industry"
                    | "Industries"
                    | "Industrial"
                    | "Dairy"
                    | "Steel"
                    | "Foods"
                    | "Chemical"
                    | "Chemicals"
                    | "Mining"
                    | "Textile"
                    | "Textiles"
                    | "Machinery"
                    | "Cement"
            )
    };
    // "... Industry and Trade": a field of two words may close on its first.
    let field_first = name.rsplit_once(" and ").and_then(|(before, field)| {
        super::chunk::FIELD_PAIRS
            .iter()
            .any(|&(a, b)| b == field && before.ends_with(a))
            .then_some(before)
    });
    closes(name) || field_first.is_some_and(closes)
}

/// The name after a listed place opening it ("Quxian Zorbwind Steel" gives
/// "Zorbwind Steel"), or the whole name.
fn after_place<'a>(doc: &Doc, name: &'a str) -> &'a str {
    match name.split_once(' ') {
        Some((first, rest))
            if matches!(doc.gazetteer.lookup(first), Some((_, Entry::Place { .. }))) =>
        {
            rest
        }
        _ => name,
    }
}

/// "A (district), (which is) also known as (the) B", "A (hereinafter referred to as
/// “B”)": B is another name of A.
fn also_known_as(doc: &Doc, found: &mut [Found]) {
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&n| (found[n].start, usize::MAX - found[n].end));
    // Outermost mention at each position only ("Wuxi" inside "Wuxi ... District" is skipped).
    order.dedup_by_key(|n| found[*n].start);
    let mut renames = Vec::new();
    for pair in order.windows(2) {
        let (a, b) = (&found[pair[0]], &found[pair[1]]);
        if a.end >= b.start
            || b.start - a.end > 60
            || !(has_bytes(&doc.body[a.end..b.start], b"known")
                || has_bytes(&doc.body[a.end..b.start], b"aka")
                || has_bytes(&doc.body[a.end..b.start], b"referred")
                || has_bytes(&doc.body[a.end..b.start], b"hereinafter"))
        {
            continue;
        }
        let between = doc.body[a.end..b.start]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        let rest = ["district", "county", "city", "province"]
            .iter()
            .find_map(|w| between.strip_prefix(w))
            .unwrap_or(&between)
            .trim_start();
        let rest = rest
            .strip_prefix(", which is ")
            .or_else(|| rest.strip_prefix(", "))
            .unwrap_or(rest);
        let rest = rest.strip_prefix("(").unwrap_or(rest).trim_start();
        // "(hereinafter referred to as “B”)": the short name a text will use.
        let rest = rest.trim_end_matches(['“', '"', '‘', '\'', ' ']);
        if matches!(
            rest,
            "also known as"
                | "also known as the"
                | "aka"
                | "formerly known as"
                | "formerly known as the"
                | "hereinafter"
                | "hereinafter referred to as"
                | "hereinafter referred to as the"
                | "hereinafter called"
                | "hereinafter called the"
                | "referred to as"
                | "referred to as the"
        ) {
            renames.push(((b.kind, b.name.clone()), (a.kind, a.name.clone())));
        }
    }
    for ((kind, name), (to_kind, to_name)) in renames {
        for f in found
            .iter_mut()
            .filter(|f| f.kind == kind && f.name == name)
        {
            f.kind = to_kind;
            f.name = to_name.clone();
        }
    }
}

/// Single names that a cue typed once, mentioned again elsewhere ("Zorbify ... Zorbify").
fn re_mentions(doc: &Doc, index: &WordIndex, cued: &[(Kind, String)], found: &mut Vec<Found>) {
    for (kind, name) in cued {
        if name.contains(' ') {
            phrase_mentions(doc, index, name, *kind, name, found);
        } else {
            mentions_of(doc, index, name, *kind, name, found);
        }
    }
}

/// Name with generic modifiers and a plural "s" removed, for alias merging: the
/// words (split at spaces and hyphens) lower-cased and joined by single spaces.
fn loose_key(kind: Kind, name: &str) -> String {
    let drop_generic = matches!(kind, Kind::Zone | Kind::Org);
    let mut out = String::with_capacity(name.len());
    let mut kept = 0;
    // Split at ASCII bytes, so by bytes (no char decoding).
    let words = name
        .as_bytes()
        .split(|&b| b == b' ' || b == b'-')
        .scan(0, |at, piece| {
            let word = &name[*at..*at + piece.len()];
            *at += piece.len() + 1;
            Some(word)
        });
    for w in words {
        let mark = out.len();
        if kept > 0 {
            out.push(' ');
        }
        let start = out.len();
        if w.is_ascii() {
            out.push_str(w);
            out[start..].make_ascii_lowercase();
        } else {
            out.push_str(&w.to_lowercase());
        }
        let generic =
            among!(GENERIC, &out[start..]) || (kind == Kind::Zone && &out[start..] == "economic");
        if drop_generic && generic {
            out.truncate(mark);
        } else {
            kept += 1;
        }
    }
    let last = out.rfind(' ').map_or(0, |n| n + 1);
    let word = &out[last..];
    if kept > 0 && word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") {
        out.pop();
    }
    out
}

/// Turns the chosen mentions into entities.
pub fn entities(doc: &Doc, chosen: Vec<Chosen>, definitions: &[Definition]) -> Vec<Entity> {
    let cued: Vec<(Kind, String)> = chosen
        .iter()
        .filter(|c| c.candidate.rank <= Rank::Context && c.candidate.kind != Kind::Person)
        .map(|c| (c.candidate.kind, c.candidate.name.clone()))
        .collect();
    let mut found: Vec<Found> = chosen
        .into_iter()
        .map(|c| from_candidate(c.candidate))
        .collect();
    let index = WordIndex::new(doc);
    acronym_references(doc, &index, definitions, &mut found);
    inner_acronym_references(doc, &index, &mut found);
    person_references(doc, &index, &mut found);
    firm_references(doc, &index, &mut found);
    re_mentions(doc, &index, &cued, &mut found);
    also_known_as(doc, &mut found);
    standing_committees(&mut found);
    tripled_letters(&mut found);
    of_tail_references(&mut found);
    part_references(doc, &mut found);
    drop_products(doc, &mut found);
    drop_nested(doc, &mut found);
    places_of_bodies(doc, &mut found);
    let mut out = group(doc, found);
    join_spelling_slips(&mut out);
    out
}

/// Two people of one article whose names differ by a slip of the pen ("Zhang
/// Quxiong" and "Zhang Quxong", "Yun Zorbwei" and "Ying Zorbwei") are one person:
/// the same surname and given names one letter apart, or the same given name of
/// five letters or more and surnames at most two apart. The name written more
/// often (else first) stays, the other becomes its alias.
fn join_spelling_slips(out: &mut Vec<Entity>) {
    let parts = |e: &Entity| -> Option<(String, String)> {
        let (surname, given) = e.name.split_once(' ')?;
        (!given.contains(' ') && !e.name.contains('-'))
            .then(|| (surname.to_string(), given.to_lowercase()))
    };
    let slip = |a: &(String, String), b: &(String, String)| {
        let distance = crate::text::edit_distance;
        (a.0 == b.0 && a.1.len() >= 4 && b.1.len() >= 4 && distance(&a.1, &b.1) == 1)
            || (a.1 == b.1 && a.1.len() >= 5 && a.0 != b.0 && distance(&a.0, &b.0) <= 2)
    };
    let people: Vec<(usize, (String, String))> = out
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == Kind::Person)
        .filter_map(|(n, e)| Some((n, parts(e)?)))
        .collect();
    let mut joins: Vec<(usize, usize)> = Vec::new();
    for (i, (a, pa)) in people.iter().enumerate() {
        for (b, pb) in &people[i + 1..] {
            if slip(pa, pb)
                && !joins
                    .iter()
                    .any(|&(x, y)| [x, y].contains(a) || [x, y].contains(b))
            {
                // Keep the one written more often; on a tie, the first.
                if out[*b].count > out[*a].count {
                    joins.push((*b, *a));
                } else {
                    joins.push((*a, *b));
                }
            }
        }
    }
    if joins.is_empty() {
        return;
    }
    for &(keep, gone) in &joins {
        let other = std::mem::take(&mut out[gone].mentions);
        let names: Vec<String> = std::iter::once(out[gone].name.clone())
            .chain(std::mem::take(&mut out[gone].aliases))
            .collect();
        let e = &mut out[keep];
        e.mentions.extend(other);
        e.mentions.sort();
        e.mentions.dedup();
        e.count = e.mentions.len();
        for n in names {
            if n != e.name && !e.aliases.contains(&n) {
                e.aliases.push(n);
            }
        }
        e.aliases.sort();
    }
    let mut gone = vec![false; out.len()];
    for &(_, g) in &joins {
        gone[g] = true;
    }
    let mut gone = gone.into_iter();
    out.retain(|_| !gone.next().unwrap_or(false));
    by_first_mention(out);
}

/// Words that close a product model's name ("Zorbbook Pro", "Quxpods Max").
const MODEL_WORDS: &[&str] = &[" Pro", " Max", " Mini", " Ultra"];

/// "Zorbbook Pro", "Blorp Quxpods Max": a name no company list knows, closed by a
/// model word, names a product, not a company; so does the product line it
/// extends ("Zorbbook", "Quxpods" after a listed brand), wherever the article
/// names it alone. Products are no kind of ours: their mentions go.
fn drop_products(doc: &Doc, found: &mut Vec<Found>) {
    let unlisted_firm = |f: &Found| {
        f.kind == Kind::Firm && !matches!(doc.gazetteer.lookup(&f.name), Some((_, Entry::Firm(_))))
    };
    let mut lines: Vec<&str> = Vec::new();
    for f in found.iter().filter(|f| f.kind == Kind::Firm) {
        let Some(base) = MODEL_WORDS.iter().find_map(|m| f.name.strip_suffix(m)) else {
            continue;
        };
        if base.is_empty() || closes_on_company_word(doc, base) || !unlisted_firm(f) {
            continue;
        }
        lines.push(base);
        // "Blorp Quxpods": the line after its listed brand.
        if let Some((brand, line)) = base.split_once(' ')
            && matches!(doc.gazetteer.lookup(brand), Some((_, Entry::Firm(_))))
        {
            lines.push(line);
        }
    }
    if lines.is_empty() {
        return;
    }
    let lines: Vec<String> = lines.into_iter().map(str::to_string).collect();
    found.retain(|f| {
        !(unlisted_firm(f)
            && (lines.contains(&f.name)
                || MODEL_WORDS.iter().any(|m| {
                    f.name
                        .strip_suffix(m)
                        .is_some_and(|b| lines.iter().any(|l| l == b))
                })))
    });
}

/// A mention inside a longer mention of another kind is part of that name, not
/// a mention of its own ("Zorbia" in "Zorbia Quxian Group"): the passes that
/// look for later mentions of a known name may find it there. A name joined to
/// another by a hyphen there is a partner's and stays. A mention inside a longer
/// mention of the same entity ("Zorbton" renamed to the "Zorbton Yi Autonomous
/// Prefecture" it opens) is that one mention.
fn drop_nested(doc: &Doc, found: &mut Vec<Found>) {
    // Names joined by a hyphen inside a longer name name its partners, each on
    // its own ("the Zorb-Quxian AI Center").
    // ("Zorb-Quxnet" alone is one brand's name, no partnership.)
    let joined = |f: &Found, o: &Found| {
        (doc.body[..f.start].ends_with('-') || doc.body[f.end..].starts_with('-'))
            && doc.body[o.start..o.end].contains(' ')
    };
    // One word of two brands joined by a hyphen ("Zorbnet-AsiaQux", a wire's
    // name): the firm in it is no mention of its own there. (Inside a name of
    // several words, "Zorbu City Brain", a platform named for the firm, the firm
    // is mentioned.)
    let hyphenated = |o: &Found| {
        let text = &doc.body[o.start..o.end];
        text.contains('-') && !text.contains(' ')
    };
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_unstable_by_key(|&n| (found[n].start, usize::MAX - found[n].end));
    let mut nested = vec![false; found.len()];
    // The mention reaching furthest among those begun so far.
    let mut outer: Option<usize> = None;
    for &n in &order {
        let f = &found[n];
        match outer {
            Some(o)
                if found[o].end >= f.end
                    && found[o].end - found[o].start > f.end - f.start
                    && (found[o].kind != f.kind
                        || hyphenated(&found[o])
                        || found[o].name == f.name)
                    && !joined(f, &found[o]) =>
            {
                nested[n] = true;
            }
            Some(o) if found[o].end >= f.end => {}
            _ => outer = Some(n),
        }
    }
    let mut nested = nested.into_iter();
    found.retain(|_| !nested.next().unwrap_or(false));
}

/// "Investment Bureau of Zorbwan District", "Party Committee of the Quxian
/// Development Zone": the district or zone a public body serves is named in the
/// body's name, and the article mentions it there. A place named by a unit head
/// (district, county, prefecture, zone, park, new area ...) after the body's last
/// "of" is a mention of that place, beside the body. Two places joined by "and"
/// ("of Zorb County and Quxian District") are left as they are.
fn places_of_bodies(doc: &Doc, found: &mut Vec<Found>) {
    let mut places: Vec<Found> = Vec::new();
    for f in found.iter().filter(|f| f.kind == Kind::Org) {
        let text = &doc.body[f.start..f.end];
        let Some(at) = text.rfind(" of ") else {
            continue;
        };
        let mut tail_start = at + 4;
        if text[tail_start..].starts_with("the ") {
            tail_start += 4;
        }
        let tail = &text[tail_start..];
        let words: Vec<&str> = tail.split(' ').collect();
        if words.len() < 2
            || !words
                .iter()
                .all(|w| shape::capitalised(w) || matches!(*w, "&" | "and") || w.contains('-'))
        {
            continue;
        }
        let Some(kind) = unit_head_kind(&words) else {
            continue;
        };
        // Another unit before the last one: two places, or a place inside a
        // longer one.
        if (1..words.len() - 1).any(|n| unit_head_kind(&words[..n]).is_some()) {
            continue;
        }
        places.push(Found {
            start: f.start + tail_start,
            end: f.end,
            kind,
            name: tail.to_string(),
        });
    }
    found.extend(places);
}

/// The kind a place's unit head gives the name made of `words`: a region for a
/// district, county, prefecture, township or village, a zone for a zone, park or
/// new area; none for other heads.
fn unit_head_kind(words: &[&str]) -> Option<Kind> {
    let last = *words.last()?;
    if let Some(sub) = last.strip_prefix("Sub-") {
        return sub.eq_ignore_ascii_case("district").then_some(Kind::Region);
    }
    super::words::heads_ending(last).iter().find_map(|&h| {
        let (phrase, kind) = super::words::HEADS[h];
        let fits = phrase.len() < words.len()
            && phrase
                .iter()
                .zip(&words[words.len() - phrase.len()..])
                .all(|(p, w)| w.eq_ignore_ascii_case(p));
        (fits && matches!(kind, Kind::Region | Kind::Zone)).then_some(kind)
    })
}

/// "Zorbtonnn" beside "Zorbtonn": a letter written three times running is a slip
/// (no English or pinyin word has one); a name that reads as another name of the
/// article once the run is cut to two letters is that name.
fn tripled_letters(found: &mut [Found]) {
    let cut = |name: &str| -> Option<String> {
        // Names are mostly ASCII: look at the bytes before building anything.
        let bytes = name.as_bytes();
        if !bytes
            .windows(3)
            .any(|w| w[0] == w[1] && w[1] == w[2] && !w[0].is_ascii_digit())
        {
            return None;
        }
        let chars: Vec<char> = name.chars().collect();
        let tripled = chars
            .windows(3)
            .any(|w| w[0] == w[1] && w[1] == w[2] && w[0].is_alphabetic());
        if !tripled {
            return None;
        }
        let mut out = String::with_capacity(name.len());
        for (i, &c) in chars.iter().enumerate() {
            if i >= 2 && c == chars[i - 1] && c == chars[i - 2] {
                continue;
            }
            out.push(c);
        }
        Some(out)
    };
    let renames: Vec<(usize, String, Kind)> = found
        .iter()
        .enumerate()
        .filter_map(|(n, f)| {
            let fixed = cut(&f.name)?;
            let same = found.iter().find(|g| g.name == fixed)?;
            Some((n, fixed, same.kind))
        })
        .collect();
    for (n, name, kind) in renames {
        found[n].name = name;
        found[n].kind = kind;
    }
}

/// "Standing Committee of the Zorb Municipal People's Congress": a body's standing
/// committee is named as the body itself (the longer form is an alias).
fn standing_committees(found: &mut [Found]) {
    for f in found.iter_mut().filter(|f| f.kind == Kind::Org) {
        let Some(body) = f.name.strip_prefix("Standing Committee of ") else {
            continue;
        };
        let body = body.strip_prefix("the ").unwrap_or(body);
        let headed = body
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        if body.contains(' ') && headed {
            f.name = body.to_string();
        }
    }
}

/// `whole` opens with the words of `short` ("Zorb" in "Zorb New Area").
fn opens(whole: &str, short: &str) -> bool {
    whole.starts_with(short) && whole.as_bytes().get(short.len()) == Some(&b' ')
}

/// `words` name a place a list knows or a name the article uses.
fn place_or_name(doc: &Doc, names: &[(Kind, &str)], words: &str) -> bool {
    names.iter().any(|(_, n)| *n == words)
        || matches!(doc.gazetteer.lookup(words), Some((_, Entry::Place { .. })))
}

/// The one name of `kind` among `names` that `short` is a part of (by `is_part`),
/// or `None` when none or several are.
fn only_whole<'n>(
    names: &[(Kind, &'n str)],
    kind: Kind,
    short: &str,
    is_part: impl Fn(&str) -> bool,
) -> Option<&'n str> {
    let mut wholes = names
        .iter()
        .filter(|(k, n)| *k == kind && n.len() > short.len() && is_part(n))
        .map(|(_, n)| *n);
    let first = wholes.next()?;
    wholes.all(|n| n == first).then_some(first)
}

/// Shorter names of a zone, body or firm the article names in full, each meaning
/// that one name (when only one name fits):
/// - a zone or body without the place or unit that opens its full name ("Zorb
///   New Area" for "Quxton Zorb New Area", "District Party Committee" for "Zorb
///   District Party Committee"): a listed place or a name of the article;
/// - a region without its full title ("Zorbia" for "Zorbia Autonomous Region");
/// - a firm without the words that close its full name ("Zorb Daily Post" for
///   "Zorb Daily Post Media Group");
/// - a zone's own name alone ("Zorb" for "Zorb New Area"), whatever a rule typed
///   it as, unless a list knows it as a place.
fn part_references(doc: &Doc, found: &mut [Found]) {
    let mut names: Vec<(Kind, String)> = found.iter().map(|f| (f.kind, f.name.clone())).collect();
    names.sort_unstable();
    names.dedup();
    let names: Vec<(Kind, &str)> = names.iter().map(|(k, n)| (*k, n.as_str())).collect();
    let mut renames: Vec<(Kind, String, Kind, String)> = Vec::new();
    for &(kind, short) in &names {
        let whole = match kind {
            // "the Economic Development Zone" after "the Zorbie Economic Development
            // Zone": common words and a head refer back to the one name ending so.
            Kind::Zone | Kind::Org if short.contains(' ') => only_whole(&names, kind, short, |n| {
                n.ends_with(short)
                    && n.as_bytes()[n.len() - short.len() - 1] == b' '
                    && (place_or_name(doc, &names, &n[..n.len() - short.len() - 1])
                        || (common_words_and_head(doc, short, kind)
                            && n[..n.len() - short.len() - 1]
                                .split(' ')
                                .all(|w| w.starts_with(|c: char| c.is_uppercase()))))
            }),
            // "Zorbia" and "Zorbia Uygur Autonomous Region".
            Kind::Region => {
                if let Some(whole) = only_whole(&names, kind, short, |n| {
                    let lower = n.to_ascii_lowercase();
                    opens(n, short)
                        && [" region", " province", " prefecture"]
                            .iter()
                            .any(|head| lower.ends_with(head))
                }) {
                    renames.push((kind, short.to_string(), kind, whole.to_string()));
                }
                continue;
            }
            // "Zorbton" (a city) and "Zorbton Special Administrative Region".
            Kind::City => {
                // "Zorbton Municipality" and "Zorbton City" where the article names
                // the town Zorbton too: the town.
                if let Some(base) = [" City", " Municipality"]
                    .iter()
                    .find_map(|unit| short.strip_suffix(unit))
                    .filter(|base| names.contains(&(Kind::City, *base)))
                {
                    renames.push((kind, short.to_string(), kind, base.to_string()));
                    continue;
                }
                // "on Zorbzon" read as a place where the article names the firm
                // Zorbzon at least twice as often, and no list knows a town of the
                // name: the firm again. Not a pinyin name: a Chinese town no list
                // knows is often a listed firm's name too ("Zorbtan signed 20
                // projects").
                let listed_place =
                    matches!(doc.gazetteer.lookup(short), Some((_, Entry::Place { .. })));
                // "Bayanzorb city": the article calls it a town in so many words,
                // and its other mentions read as a body are the town acting
                // ("Bayanzorb carried out 76 projects").
                let called_town = || doc.body.contains(&format!("{short} city"));
                if !listed_place && names.contains(&(Kind::Firm, short)) && called_town() {
                    renames.push((Kind::Firm, short.to_string(), Kind::City, short.to_string()));
                    continue;
                }
                if !listed_place
                    && names.contains(&(Kind::Firm, short))
                    && !doc.gazetteer.is_pinyin(short, 4)
                {
                    let count = |k: Kind| {
                        found
                            .iter()
                            .filter(|f| f.kind == k && f.name == short)
                            .count()
                    };
                    if count(Kind::Firm) >= 2 * count(Kind::City) {
                        renames.push((kind, short.to_string(), Kind::Firm, short.to_string()));
                        continue;
                    }
                }
                // "Zorbqiao" (a town no list knows) and "Zorbqiao District": the district;
                // a town and the autonomous prefecture it names ("Zorbton Yi
                // Autonomous Prefecture"): the prefecture.
                let unlisted = doc.gazetteer.lookup(short).is_none();
                if let Some(whole) = only_whole(&names, Kind::Region, short, |n| {
                    opens(n, short)
                        && (super::reconcile::administrative_region(n)
                            || n.to_ascii_lowercase().ends_with(" autonomous prefecture")
                            || (unlisted
                                && [" District", " County", " Prefecture"].iter().any(|unit| {
                                    n.len() == short.len() + unit.len() && n.ends_with(unit)
                                }))
                            // A listed town and "X District" (not "X County": an
                            // American county is not its town).
                            || (n.len() == short.len() + " District".len()
                                && n.ends_with(" District")))
                }) {
                    renames.push((kind, short.to_string(), Kind::Region, whole.to_string()));
                }
                continue;
            }
            Kind::Firm if short.contains(' ') => {
                only_whole(&names, kind, short, |n| opens(n, short)).or_else(|| {
                    // "Quxton Zorbwind" for "Zorbwind Group": a listed place and the
                    // firm's own name, which opens the one firm name closing on a
                    // company word.
                    let own = after_place(doc, short);
                    (own.len() < short.len() && !own.contains(' '))
                        .then(|| {
                            only_whole(&names, kind, own, |n| {
                                n != short && opens(n, own) && closes_on_company_word(doc, n)
                            })
                        })
                        .flatten()
                })
            }
            // "World Zorb Convention" and "2021 World Zorb Convention" (or "the 17th
            // World Zorb Convention"): one event, its edition named by the year or
            // its number.
            Kind::Event => only_whole(&names, kind, short, |n| {
                n.strip_suffix(short)
                    .and_then(|year| year.strip_suffix(' '))
                    .is_some_and(|edition| {
                        let digits = edition.trim_start_matches(|c: char| c.is_ascii_digit());
                        let year = edition.len() == 4 && digits.is_empty();
                        let nth = digits.len() < edition.len()
                            && matches!(digits, "st" | "nd" | "rd" | "th");
                        year || nth
                    })
            }),
            Kind::Firm | Kind::Person | Kind::Org if !short.contains(' ') => {
                let listed_place =
                    matches!(doc.gazetteer.lookup(short), Some((_, Entry::Place { .. })));
                let zone = (!listed_place)
                    .then(|| only_whole(&names, Kind::Zone, short, |n| opens(n, short)))
                    .flatten();
                if let Some(zone) = zone {
                    renames.push((kind, short.to_string(), Kind::Zone, zone.to_string()));
                    continue;
                }
                // "Zorbwind" for "Zorbwind Science and Technology": a firm's own name
                // opening the one longer firm name of the article that closes on a
                // company word ("Zorbwind Cloud" is a unit, another firm).
                let firm = (kind == Kind::Firm && !listed_place)
                    .then(|| {
                        only_whole(&names, Kind::Firm, short, |n| {
                            (opens(n, short) || opens(after_place(doc, n), short))
                                && closes_on_company_word(doc, n)
                        })
                    })
                    .flatten();
                if let Some(firm) = firm {
                    renames.push((kind, short.to_string(), Kind::Firm, firm.to_string()));
                }
                continue;
            }
            _ => None,
        };
        if let Some(whole) = whole {
            renames.push((kind, short.to_string(), kind, whole.to_string()));
        }
    }
    // Apply each rename to its target's final name ("Zorb" -> "Zorb New Area" ->
    // "Quxton Zorb New Area").
    let final_name = |kind: Kind, name: &str| -> (Kind, String) {
        let (mut kind, mut name) = (kind, name.to_string());
        for _ in 0..4 {
            match renames.iter().find(|(k, s, _, _)| *k == kind && *s == name) {
                Some((_, _, k, whole)) => (kind, name) = (*k, whole.clone()),
                None => break,
            }
        }
        (kind, name)
    };
    for f in found.iter_mut() {
        let (kind, name) = final_name(f.kind, &f.name);
        (f.kind, f.name) = (kind, name);
    }
}

/// "School of Zorb Science of Blorp University" is later just "School of Zorb
/// Science": an organisation or zone named without its trailing "of ..." part.
fn of_tail_references(found: &mut [Found]) {
    let mut renames: Vec<(Kind, String, String)> = Vec::new();
    for f in found
        .iter()
        .filter(|f| matches!(f.kind, Kind::Org | Kind::Zone))
    {
        for (at, _) in f.name.match_indices(" of ").skip(1) {
            let short = &f.name[..at];
            if !renames.iter().any(|(_, s, _)| s == short) {
                renames.push((f.kind, short.to_string(), f.name.clone()));
            }
        }
    }
    for (kind, short, long) in renames {
        for f in found
            .iter_mut()
            .filter(|f| f.kind == kind && f.name == short)
        {
            f.name = long.clone();
        }
    }
}

fn from_candidate(c: Candidate) -> Found {
    Found {
        start: c.start,
        end: c.end,
        kind: c.kind,
        name: unglued(&c.name).unwrap_or(c.name),
    }
}

/// White space other than single spaces ("\n", "\t", "\r", two spaces in a row).
fn loosely_spaced(text: &str) -> bool {
    let mut previous = 0;
    for &b in text.as_bytes() {
        match b {
            b'\n' | b'\t' | b'\r' => return true,
            b' ' if previous == b' ' => return true,
            _ => previous = b,
        }
    }
    false
}

/// A name's text as written, single-spaced, with a space put back where the page
/// lost one around a unit word.
fn surface<'a>(doc: &Doc<'a>, f: &Found) -> Cow<'a, str> {
    let text = &doc.body[f.start..f.end];
    if loosely_spaced(text) {
        Cow::Owned(
            unglued(text).unwrap_or_else(|| text.split_whitespace().collect::<Vec<_>>().join(" ")),
        )
    } else {
        unglued(text).map_or(Cow::Borrowed(text), Cow::Owned)
    }
}

/// `name` single-spaced with a space put back where the page lost one around a
/// unit word ("ZorbuProvince", "Provinceand": the tokenizer's cuts), or `None` when
/// no word of it is so glued.
fn unglued(name: &str) -> Option<String> {
    if !super::token::may_hold_glued_unit(name) {
        return None;
    }
    let glued = |w: &str| {
        super::token::glued_unit_word(w, w.bytes().skip(1).any(|b| b.is_ascii_uppercase()))
    };
    if !name.split_whitespace().any(|w| glued(w).is_some()) {
        return None;
    }
    let mut out = String::with_capacity(name.len() + 2);
    for w in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        match glued(w) {
            Some(cut) => {
                out.push_str(&w[..cut]);
                out.push(' ');
                out.push_str(&w[cut..]);
            }
            None => out.push_str(w),
        }
    }
    Some(out)
}

fn group(doc: &Doc, found: Vec<Found>) -> Vec<Entity> {
    // Each (kind, name) is keyed once: the first name seen with its loose key.
    let mut by_name: FxHashMap<(Kind, &str), usize> = FxHashMap::default();
    let mut by_loose: FxHashMap<(Kind, String), usize> = FxHashMap::default();
    let mut keys: Vec<(Kind, &str)> = Vec::new();
    let slots: Vec<usize> = found
        .iter()
        .map(|f| {
            if let Some(&slot) = by_name.get(&(f.kind, f.name.as_str())) {
                return slot;
            }
            let loose = loose_key(f.kind, &f.name);
            let slot = *by_loose.entry((f.kind, loose)).or_insert_with(|| {
                keys.push((f.kind, f.name.as_str()));
                keys.len() - 1
            });
            by_name.insert((f.kind, f.name.as_str()), slot);
            slot
        })
        .collect();
    // Groups in (kind, key) order, as a sorted map would give them.
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_unstable_by(|&a, &b| keys[a].cmp(&keys[b]));
    let kinds: Vec<Kind> = keys.iter().map(|(kind, _)| *kind).collect();
    let mut lists: Vec<Vec<Found>> = vec![Vec::new(); kinds.len()];
    for (f, slot) in found.into_iter().zip(slots) {
        lists[slot].push(f);
    }
    let mut out: Vec<Entity> = order
        .into_iter()
        .map(|n| build(doc, kinds[n], std::mem::take(&mut lists[n])))
        .collect();
    by_first_mention(&mut out);
    out
}

/// Entities in order of first mention, then by name.
fn by_first_mention(out: &mut [Entity]) {
    out.sort_by(|a, b| {
        a.mentions[0]
            .start
            .cmp(&b.mentions[0].start)
            .then(a.name.cmp(&b.name))
    });
}

fn build(doc: &Doc, kind: Kind, list: Vec<Found>) -> Entity {
    let mut names: Vec<&str> = list.iter().map(|f| f.name.as_str()).collect();
    names.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    names.dedup();
    let name = names[0].to_string();
    let mut aliases: Vec<String> = names[1..].iter().map(|s| s.to_string()).collect();
    for f in &list {
        let s = surface(doc, f);
        // A place with its unit word after it in lower case ("Zorbu province") is
        // also written so: the text's own longer form, kept as an alias. So is a
        // body named after a place ("Trade Bureau of Zorbu province").
        if (matches!(kind, Kind::City | Kind::Region) || ends_with_place(doc, kind, &s))
            && let Some(unit) = lower_unit_after(doc.body, f.end)
        {
            let long = format!("{s} {unit}");
            if long != name && !aliases.contains(&long) {
                aliases.push(long);
            }
        }
        if s != name && !aliases.iter().any(|a| *a == s) && shape::name_like(&s) {
            aliases.push(s.into_owned());
        }
    }
    aliases.sort();
    let mut mentions: Vec<Mention> = list
        .iter()
        .map(|f| Mention {
            start: f.start,
            end: f.end,
        })
        .collect();
    mentions.sort();
    mentions.dedup();
    Entity {
        name,
        kind,
        aliases,
        count: mentions.len(),
        mentions,
    }
}

/// "Investment Bureau of Zorbu (province)": a body, zone or event whose name ends
/// with a listed place, which its unit word may follow.
fn ends_with_place(doc: &Doc, kind: Kind, name: &str) -> bool {
    matches!(kind, Kind::Org | Kind::Zone | Kind::Event)
        && name.rsplit(' ').next().is_some_and(|last| {
            matches!(doc.gazetteer.lookup(last), Some((_, Entry::Place { .. })))
        })
}

/// The lower-case unit word ("province", "county", ...) right after byte `end`.
fn lower_unit_after(body: &str, end: usize) -> Option<&'static str> {
    let rest = body[end..].strip_prefix(' ')?;
    [
        "province",
        "county",
        "district",
        "prefecture",
        "city",
        "municipality",
        "town",
        "township",
        "village",
    ]
    .into_iter()
    .find(|unit| {
        rest.strip_prefix(unit)
            .is_some_and(|after| !after.starts_with(|c: char| c.is_alphanumeric()))
    })
}

/// "Economic Development Zone": common words before a head word of `kind`, a
/// description rather than a name of its own.
fn common_words_and_head(doc: &Doc, name: &str, kind: Kind) -> bool {
    let Some((before, head)) = name.rsplit_once(' ') else {
        return false;
    };
    super::words::is_head_word(head, kind) && before.split(' ').all(|w| doc.gazetteer.is_common(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `part_references` over names of kinds (spans are irrelevant to it).
    #[test]
    fn a_town_the_article_calls_a_city_stays_a_town_where_it_acts() {
        let names = [
            (Kind::City, "Bayanzorb"),
            (Kind::Firm, "Bayanzorb"),
            (Kind::Firm, "Bayanzorb"),
            (Kind::Firm, "Bayanzorb"),
        ];
        let body = "The growth of Bayanzorb city. Bayanzorb carried out 76 projects.";
        assert!(
            renamed_in(body, &names)
                .iter()
                .all(|(k, _)| *k == Kind::City)
        );
        // Without "city" after it, a name read mostly as a firm is the firm.
        let body = "The growth of Bayanzorb. Bayanzorb carried out 76 projects.";
        assert!(
            renamed_in(body, &names)
                .iter()
                .all(|(k, _)| *k == Kind::Firm)
        );
    }

    fn renamed(names: &[(Kind, &str)]) -> Vec<(Kind, String)> {
        renamed_in("", names)
    }

    fn renamed_in(body: &str, names: &[(Kind, &str)]) -> Vec<(Kind, String)> {
        let doc = Doc::new(body);
        let mut found: Vec<Found> = names
            .iter()
            .map(|&(kind, name)| Found {
                start: 0,
                end: 0,
                kind,
                name: name.to_string(),
            })
            .collect();
        part_references(&doc, &mut found);
        found.into_iter().map(|f| (f.kind, f.name)).collect()
    }

    #[test]
    fn a_firms_own_name_before_its_trade_is_that_firm() {
        let got = renamed(&[(Kind::Firm, "Zorbhe"), (Kind::Firm, "Zorbhe Dairy")]);
        assert_eq!(got[0], (Kind::Firm, "Zorbhe Dairy".to_string()));
        // Before a word that is no trade ("Cloud": a unit, another firm) it stands.
        let got = renamed(&[(Kind::Firm, "Zorbhe"), (Kind::Firm, "Zorbhe Cloud")]);
        assert_eq!(got[0], (Kind::Firm, "Zorbhe".to_string()));
    }

    #[test]
    fn a_town_named_with_city_or_municipality_is_the_town() {
        let got = renamed(&[
            (Kind::City, "Zorbton"),
            (Kind::City, "Zorbton Municipality"),
            (Kind::City, "Zorbton City"),
            (Kind::City, "Quxville City"),
        ]);
        let town = (Kind::City, "Zorbton".to_string());
        assert_eq!(got[..3], [town.clone(), town.clone(), town]);
        // Without the town alone, the name stands.
        assert_eq!(got[3], (Kind::City, "Quxville City".to_string()));
    }

    #[test]
    fn two_spellings_of_one_name_a_slip_apart_are_one_person() {
        let person = |name: &str, at: &[usize]| Entity {
            name: name.to_string(),
            kind: Kind::Person,
            aliases: Vec::new(),
            count: at.len(),
            mentions: at
                .iter()
                .map(|&start| Mention {
                    start,
                    end: start + name.len(),
                })
                .collect(),
        };
        let mut out = vec![
            person("Zhang Quxong", &[0]),
            person("Yun Zorbwei", &[20, 90]),
            person("Zhang Quxiong", &[40, 70]),
            person("Ying Zorbwei", &[60]),
            person("Zhang Quxiang", &[80]),
            person("Li Na", &[100]),
            person("Li Ni", &[110]),
        ];
        join_spelling_slips(&mut out);
        let got: Vec<(&str, Vec<&str>, usize)> = out
            .iter()
            .map(|e| {
                let aliases = e.aliases.iter().map(String::as_str).collect();
                (e.name.as_str(), aliases, e.count)
            })
            .collect();
        // "Zhang Quxiang" is one letter from "Zhang Quxiong" too, but a name joins
        // once; short given names ("Na", "Ni") are different people.
        assert_eq!(
            got,
            [
                ("Zhang Quxiong", vec!["Zhang Quxong"], 3),
                ("Yun Zorbwei", vec!["Ying Zorbwei"], 3),
                ("Zhang Quxiang", vec![], 1),
                ("Li Na", vec![], 1),
                ("Li Ni", vec![], 1),
            ]
        );
    }

    #[test]
    fn a_mention_inside_a_longer_mention_of_another_kind_is_dropped() {
        let body = "Zorbia Quxian Group and the Zorb-Quxian AI Center met in Zorbia.";
        let doc = Doc::new(body);
        let at = |name: &str, nth: usize, kind: Kind| {
            let start = body.match_indices(name).nth(nth).unwrap().0;
            Found {
                start,
                end: start + name.len(),
                kind,
                name: name.to_string(),
            }
        };
        let mut found = vec![
            at("Zorbia", 0, Kind::Country),
            at("Zorbia Quxian Group", 0, Kind::Firm),
            at("Zorb-Quxian AI Center", 0, Kind::Org),
            at("Zorb", 1, Kind::Firm),
            at("Quxian", 1, Kind::Person),
            at("Zorbia", 1, Kind::Country),
        ];
        drop_nested(&doc, &mut found);
        let got: Vec<(&str, usize)> = found.iter().map(|f| (f.name.as_str(), f.start)).collect();
        // Gone: "Zorbia" inside the firm's name. Kept: the hyphen-joined partners
        // inside the centre's name, and "Zorbia" on its own.
        assert_eq!(
            got,
            [
                ("Zorbia Quxian Group", 0),
                ("Zorb-Quxian AI Center", 28),
                ("Zorb", 28),
                ("Quxian", 33),
                ("Zorbia", 57)
            ]
        );
    }

    #[test]
    fn a_firm_inside_a_hyphenated_brand_is_no_mention_of_its_own() {
        let body = "ZORBTON, Oct. 26 /Zorbnet-AsiaQux/ -- Zorbnet Cloud and Zorbnet met.";
        let doc = Doc::new(body);
        let at = |name: &str, nth: usize| {
            let start = body.match_indices(name).nth(nth).unwrap().0;
            Found {
                start,
                end: start + name.len(),
                kind: Kind::Firm,
                name: name.to_string(),
            }
        };
        let mut found = vec![
            at("Zorbnet-AsiaQux", 0),
            at("Zorbnet", 0),
            at("Zorbnet Cloud", 0),
            at("Zorbnet", 1),
            at("Zorbnet", 2),
        ];
        drop_nested(&doc, &mut found);
        let got: Vec<(&str, usize)> = found.iter().map(|f| (f.name.as_str(), f.start)).collect();
        // Gone: the firm inside the wire's one-word name. Kept: the firm opening
        // a name of several words, and the firm alone.
        assert_eq!(
            got,
            [
                ("Zorbnet-AsiaQux", 18),
                ("Zorbnet Cloud", 38),
                ("Zorbnet", 38),
                ("Zorbnet", 56)
            ]
        );
    }

    #[test]
    fn shorter_names_of_a_zone_body_or_firm_named_in_full_are_that_name() {
        let zone = (Kind::Zone, "Zorbex Quxbo New Area".to_string());
        let got = renamed(&[
            (Kind::City, "Zorbex"),
            (Kind::Zone, "Zorbex Quxbo New Area"),
            (Kind::Zone, "Quxbo New Area"),
            (Kind::Firm, "Quxbo"),
            (Kind::Person, "Quxbo"),
        ]);
        assert!(got[1..].iter().all(|n| *n == zone), "{got:?}");
        assert_eq!(got[0], (Kind::City, "Zorbex".to_string()));
        let party = "Quxbo New Area District Party Committee";
        let got = renamed(&[
            (Kind::Zone, "Quxbo New Area"),
            (Kind::Org, party),
            (Kind::Org, "District Party Committee"),
        ]);
        assert_eq!(got[2], (Kind::Org, party.to_string()));
        let got = renamed(&[
            (Kind::Firm, "Zorb Daily Post"),
            (Kind::Firm, "Zorb Daily Post Media Group"),
        ]);
        assert_eq!(got[0].1, "Zorb Daily Post Media Group");
        let got = renamed(&[
            (Kind::Event, "World Zorb Convention"),
            (Kind::Event, "2021 World Zorb Convention"),
        ]);
        assert_eq!(got[0].1, "2021 World Zorb Convention");
        let got = renamed(&[
            (Kind::Event, "World Zorb Convention"),
            (Kind::Event, "17th World Zorb Convention"),
        ]);
        assert_eq!(got[0].1, "17th World Zorb Convention");
        let got = renamed(&[
            (Kind::Zone, "Zorbie Economic Development Zone"),
            (Kind::Zone, "Economic Development Zone"),
        ]);
        assert_eq!(got[1].1, "Zorbie Economic Development Zone");
        let got = renamed(&[
            (Kind::Region, "Zorbia"),
            (Kind::Region, "Zorbia Autonomous Region"),
        ]);
        assert_eq!(got[0].1, "Zorbia Autonomous Region");
        let got = renamed(&[
            (Kind::Region, "Zorbia"),
            (Kind::Region, "Zorbia Quxian autonomous region"),
        ]);
        assert_eq!(got[0].1, "Zorbia Quxian autonomous region");
    }

    #[test]
    fn a_surname_shared_by_two_people_is_the_one_named_last_before_it() {
        let person = |start: usize, name: &str| Found {
            start,
            end: start + 1,
            kind: Kind::Person,
            name: name.to_string(),
        };
        let names = ["Zhao Quxian".to_string(), "Zhao Borming".to_string()];
        let mut all = vec![
            person(0, "Zhao"),
            person(1, "Zhao Quxian"),
            person(5, "Zhao Borming"),
            person(9, "Zhao"),
            person(12, "Zhao Quxian"),
            person(20, "Zhao"),
        ];
        nearest_full_name(&mut all, "Zhao", &names);
        let got: Vec<&str> = all.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            got,
            [
                "Zhao",
                "Zhao Quxian",
                "Zhao Borming",
                "Zhao Borming",
                "Zhao Quxian",
                "Zhao Quxian"
            ]
        );
    }

    #[test]
    fn a_name_with_a_letter_written_three_times_is_the_name_with_two() {
        let found = |kind: Kind, name: &str| Found {
            start: 0,
            end: 0,
            kind,
            name: name.to_string(),
        };
        let mut all = vec![
            found(Kind::City, "Zorbtonn"),
            found(Kind::Firm, "Zorbtonnn"),
            found(Kind::City, "Quxxxa"),
        ];
        tripled_letters(&mut all);
        assert_eq!(
            (all[1].kind, all[1].name.as_str()),
            (Kind::City, "Zorbtonn")
        );
        // No such name in the article: left as written.
        assert_eq!(all[2].name, "Quxxxa");
    }

    #[test]
    fn a_standing_committee_is_named_as_its_body() {
        let found = |name: &str| Found {
            start: 0,
            end: 0,
            kind: Kind::Org,
            name: name.to_string(),
        };
        let mut all = vec![
            found("Standing Committee of the Zorb Municipal People's Congress"),
            found("Standing Committee of Quxton CPC Committee"),
            found("Standing Committee"),
        ];
        standing_committees(&mut all);
        let names: Vec<&str> = all.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Zorb Municipal People's Congress",
                "Quxton CPC Committee",
                "Standing Committee"
            ]
        );
    }

    #[test]
    fn a_city_named_again_with_its_administrative_title_is_that_region() {
        let got = renamed(&[
            (Kind::City, "Zorbton"),
            (Kind::Region, "Zorbton Special Administrative Region"),
        ]);
        assert_eq!(
            got[0],
            (
                Kind::Region,
                "Zorbton Special Administrative Region".to_string()
            )
        );
        let got = renamed(&[
            (Kind::City, "Zorbqiao"),
            (Kind::Region, "Zorbqiao District"),
        ]);
        assert_eq!(got[0], (Kind::Region, "Zorbqiao District".to_string()));
        // A listed town with "District" after it: the district; with "County", an
        // American county is not its town.
        let got = renamed(&[
            (Kind::City, "Springfield"),
            (Kind::Region, "Springfield District"),
        ]);
        assert_eq!(got[0], (Kind::Region, "Springfield District".to_string()));
        let got = renamed(&[
            (Kind::City, "Springfield"),
            (Kind::Region, "Springfield County"),
        ]);
        assert_eq!(got[0], (Kind::City, "Springfield".to_string()));
        // Another title ("Zorbton Province") leaves the city a city.
        let got = renamed(&[(Kind::City, "Zorbton"), (Kind::Region, "Zorbton Province")]);
        assert_eq!(got[0], (Kind::City, "Zorbton".to_string()));
    }

    #[test]
    fn a_town_no_list_knows_named_more_often_as_a_firm_is_the_firm() {
        let firm = (Kind::Firm, "Zorbzon");
        let got = renamed(&[firm, firm, (Kind::City, "Zorbzon")]);
        assert!(got.iter().all(|(k, _)| *k == Kind::Firm), "{got:?}");
        // Named as often as a town: both readings stay.
        let got = renamed(&[firm, (Kind::City, "Zorbzon")]);
        assert_eq!(got[1].0, Kind::City);
        // A pinyin name may be a small Chinese town as well as a listed firm.
        let got = renamed(&[
            (Kind::Firm, "Pingtan"),
            (Kind::Firm, "Pingtan"),
            (Kind::City, "Pingtan"),
        ]);
        assert_eq!(got[2].0, Kind::City);
    }

    #[test]
    fn a_firm_own_name_opening_its_full_company_name_is_that_firm_not_a_unit() {
        let got = renamed(&[
            (Kind::Firm, "Zorbwind"),
            (Kind::Firm, "Zorbwind Science and Technology"),
        ]);
        assert_eq!(got[0].1, "Zorbwind Science and Technology");
        let got = renamed(&[
            (Kind::Firm, "Zorbwind"),
            (Kind::Firm, "Texas Zorbwind Industry and Trade"),
        ]);
        assert_eq!(got[0].1, "Texas Zorbwind Industry and Trade");
        // "Zorbwind Cloud" is a unit of Zorbwind, another firm.
        let got = renamed(&[(Kind::Firm, "Zorbwind"), (Kind::Firm, "Zorbwind Cloud")]);
        assert_eq!(got[0].1, "Zorbwind");
    }

    #[test]
    fn a_shorter_name_that_fits_two_names_or_an_unknown_opening_word_stays() {
        // Two bodies end with the short name: which one is meant is unknown.
        let got = renamed(&[
            (Kind::Zone, "Quxbo New Area"),
            (Kind::Zone, "Zorbex New Area"),
            (Kind::Org, "Quxbo New Area Party Committee"),
            (Kind::Org, "Zorbex New Area Party Committee"),
            (Kind::Org, "Party Committee"),
        ]);
        assert_eq!(got[4].1, "Party Committee");
        // "Prosperous Quxbo New Area" (a caption): the opening word is no name.
        let got = renamed(&[
            (Kind::Zone, "Prosperous Quxbo New Area"),
            (Kind::Zone, "Quxbo New Area"),
        ]);
        assert_eq!(got[1].1, "Quxbo New Area");
        // A one-word firm is not merged into a longer firm opening with it that does
        // not close on a company word (a unit: "Zorbu Web Services").
        let got = renamed(&[(Kind::Firm, "Zorbu"), (Kind::Firm, "Zorbu Web Services")]);
        assert_eq!(got[0].1, "Zorbu");
    }

    #[test]
    fn firm_short_forms_strip_head_words() {
        let doc = Doc::new("");
        assert_eq!(
            firm_short_forms(&doc, "Zorb Holding Group"),
            vec!["Zorb Holding", "Zorb"]
        );
        assert_eq!(
            firm_short_forms(&doc, "Zorb Capital China"),
            vec!["Zorb Capital", "Zorb", "Zorb China"]
        );
        assert!(firm_short_forms(&doc, "Zorb Cloud").is_empty());
        assert_eq!(
            firm_short_forms(&doc, "Zorb Logistics Co., Ltd"),
            vec!["Zorb Logistics Co.", "Zorb Logistics"]
        );
        assert_eq!(
            firm_short_forms(&doc, "Zorb Logistics Co.,Ltd"),
            vec!["Zorb Logistics"]
        );
    }

    #[test]
    fn an_acronym_inside_a_name_gives_its_short_form() {
        assert_eq!(
            inner_acronym_short_form("Zorbist Party of Zed (ZPZ) Central Committee").as_deref(),
            Some("ZPZ Central Committee")
        );
        assert_eq!(inner_acronym_short_form("Zorbu (Quxton) Co Ltd"), None);
        assert_eq!(inner_acronym_short_form("Zorbu Co (ZC)"), None);
    }

    #[test]
    fn the_short_form_of_a_name_with_an_inner_acronym_is_merged() {
        let body = "The plan came from the Zorbist Party of Zed (ZPZ) Central Committee on \
                    Monday. Later the ZPZ Central Committee said more.";
        let entities = crate::extract::entities(body);
        let committee: Vec<_> = entities
            .iter()
            .filter(|e| e.name.contains("Central Committee"))
            .collect();
        assert_eq!(committee.len(), 1, "{entities:?}");
        assert_eq!(committee[0].count, 2);
    }

    #[test]
    fn loose_keys_ignore_generic_modifiers_and_plurals() {
        assert_eq!(
            loose_key(Kind::Zone, "Zed National Data Pilot Zones"),
            loose_key(Kind::Zone, "Zed Data Pilot Zone")
        );
        assert_ne!(
            loose_key(Kind::Firm, "National Zorb"),
            loose_key(Kind::Firm, "Zorb")
        );
    }
}
