#!/usr/bin/env python3
"""Scores dossier's HTML main-text extraction and metadata against the test pages
of Mozilla's Readability (Apache-2.0; not part of this repository).

    git clone https://github.com/mozilla/readability /tmp/readability
    cargo build --release
    scripts/eval-readability.py /tmp/readability/test/test-pages [-v] [-m] [--bin PATH]

For every page with source.html and expected.html: word-level precision and
recall of dossier's body against the text of expected.html (bag of words), and,
where expected-metadata.json states a field (a non-empty value), agreement on
title, site name, published date and byline. Pages dossier skips are listed with
the reason. -v lists every page, -m every metadata disagreement, --bin names
another dossier binary (for before/after runs).

Each metadata field is reported twice:
- strict: the texts are equal after lower-casing and keeping only words (\\w+);
  the date agrees when Readability's timestamp starts with dossier's date; the
  byline agrees when one contains the other (Readability's bylines keep "By").
- as dossier defines the field: dossier cuts the site's name and taglines off
  titles and outlets, and names an outlet rather than its address (README,
  "Export schema"). So a title or site name also agrees when Readability's is
  dossier's followed by a separator and more (" | Site", " - Site", "_Site",
  " [Site]", " – tagline"), and a site name when both are the same address and
  name ("http://www.tmz.com" and "TMZ", "Factorio.com" and "Factorio").
"""
import collections
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser

ARGS = [a for a in sys.argv[1:]]
if not ARGS or ARGS[0].startswith("-"):
    sys.exit(__doc__)
ROOT = ARGS[0]
BIN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target", "release", "dossier")
if "--bin" in ARGS:
    BIN = ARGS[ARGS.index("--bin") + 1]


class Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, d):
        if not self.skip:
            self.parts.append(d)


def words(s):
    return re.findall(r"\w+", (s or "").lower())


def norm(s):
    return " ".join(words(s))


# Separators after which Readability keeps a site name or a tagline.
SEPARATORS = re.compile(r"\s+[|\-\u2013\u2014\u00b7\u00bb/:]{1,2}\s+|\s*_\s*|\s+\[|\s*::\s*")


def continues(ours, theirs):
    """theirs is ours, then a separator, then more (a site name or a tagline)."""
    if not ours:
        return False
    for m in SEPARATORS.finditer(theirs):
        if norm(theirs[: m.start()]) == norm(ours):
            return True
    return False


def address(s):
    """The letters of a site's name or address, without scheme, www and suffix."""
    s = (s or "").strip().lower()
    s = re.sub(r"^https?://", "", s)
    s = re.sub(r"^www\d?\.", "", s)
    s = re.sub(r"(\.[a-z]{2,3})+/?$", "", s)
    return re.sub(r"\W", "", s)


def agree(field, want, got):
    """(strict, as defined) agreement of one field."""
    if field == "date":
        ok = bool(got) and want.startswith(got)
        return ok, ok
    if field == "byline":
        a, b = norm(got), norm(want)
        ok = bool(a) and (a in b or b in a)
        return ok, ok
    strict = norm(want) == norm(got)
    defined = strict or continues(got, want)
    if field == "site" and not defined:
        defined = bool(got) and address(want) == address(got)
    return strict, defined


rows = []
skipped = []
for name in sorted(os.listdir(ROOT)):
    d = os.path.join(ROOT, name)
    src = os.path.join(d, "source.html")
    exp = os.path.join(d, "expected.html")
    if not (os.path.exists(src) and os.path.exists(exp)):
        continue
    p = subprocess.run([BIN, "show", "--json", src], capture_output=True, text=True)
    if p.returncode != 0 or not p.stdout.strip():
        a = {"title": None, "source": None, "date": None, "author": None, "body": ""}
        skipped.append((name, p.stderr.strip().split(": ")[-1]))
    else:
        a = json.loads(p.stdout)
    t = Text()
    t.feed(open(exp, encoding="utf-8", errors="replace").read())
    ew = collections.Counter(words(" ".join(t.parts)))
    ow = collections.Counter(words(a["body"]))
    ov = sum((ew & ow).values())
    P = ov / max(1, sum(ow.values()))
    R = ov / max(1, sum(ew.values()))
    meta = {}
    mp = os.path.join(d, "expected-metadata.json")
    if os.path.exists(mp):
        m = json.load(open(mp, encoding="utf-8"))
        for field, key, ours in [
            ("title", "title", "title"),
            ("site", "siteName", "source"),
            ("date", "publishedTime", "date"),
            ("byline", "byline", "author"),
        ]:
            want = (m.get(key) or "").strip()
            if not want:
                continue
            got = a.get(ours) or ""
            strict, defined = agree(field, want, got)
            meta[field] = (strict, defined, want, a.get(ours))
    rows.append((name, P, R, meta))

verbose = "-v" in ARGS
for name, P, R, meta in rows:
    flag = " <<" if (P < 0.8 or R < 0.8) else ""
    if verbose or flag:
        print(f"{name:40s} P={P:.2f} R={R:.2f}{flag}")
n = len(rows)
print("pages", n, "mean P %.3f R %.3f" % (sum(r[1] for r in rows) / n, sum(r[2] for r in rows) / n))
print("P>=0.9&R>=0.9:", sum(1 for r in rows if r[1] >= 0.9 and r[2] >= 0.9))
print("skipped:", len(skipped), " ".join(f"{s} ({why})" for s, why in skipped))
print("field   stated  strict          as defined")
for k in ["title", "site", "date", "byline"]:
    vals = [r[3][k] for r in rows if k in r[3]]
    s = sum(1 for v in vals if v[0])
    d = sum(1 for v in vals if v[1])
    print(f"{k:7s} {len(vals):6d}  {s:3d} ({s / len(vals):.3f})   {d:3d} ({d / len(vals):.3f})")
if "-m" in ARGS:
    for name, P, R, meta in rows:
        for k, v in meta.items():
            if not v[1]:
                print(f"  {name:30s} {k:6s} want={v[2]!r:.70} got={v[3]!r:.70}")
