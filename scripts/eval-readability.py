#!/usr/bin/env python3
"""Scores dossier's HTML main-text extraction and metadata against the test pages
of Mozilla's Readability (Apache-2.0; not part of this repository).

    git clone https://github.com/mozilla/readability /tmp/readability
    cargo build --release
    scripts/eval-readability.py /tmp/readability/test/test-pages [-v] [-m]

For every page with source.html and expected.html: word-level precision and
recall of dossier's body against the text of expected.html (bag of words), and,
where expected-metadata.json exists, title / site name / published date / byline
agreement. -v lists every page, -m lists metadata disagreements. Readability keeps
site suffixes in titles and dossier cuts them, so title agreement understates.
"""
import json, os, re, subprocess, sys, collections
from html.parser import HTMLParser

if len(sys.argv) < 2 or sys.argv[1].startswith("-"):
    sys.exit(__doc__)
ROOT = sys.argv[1]
BIN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target", "release", "dossier")

class Text(HTMLParser):
    def __init__(self):
        super().__init__(); self.parts=[]; self.skip=0
    def handle_starttag(self, tag, attrs):
        if tag in ("script","style"): self.skip+=1
    def handle_endtag(self, tag):
        if tag in ("script","style") and self.skip: self.skip-=1
    def handle_data(self, d):
        if not self.skip: self.parts.append(d)
def words(s):
    return re.findall(r"\w+", s.lower())
def norm(s):
    return " ".join(words(s or ""))

rows=[]
for name in sorted(os.listdir(ROOT)):
    d=os.path.join(ROOT,name)
    src=os.path.join(d,"source.html"); exp=os.path.join(d,"expected.html")
    if not (os.path.exists(src) and os.path.exists(exp)): continue
    p=subprocess.run([BIN,"show","--json",src],capture_output=True,text=True)
    if p.returncode!=0 or not p.stdout.strip():
        rows.append((name,0,0,p.stderr.strip()[:80],{})); continue
    a=json.loads(p.stdout)
    t=Text(); t.feed(open(exp,encoding="utf-8",errors="replace").read())
    ew=collections.Counter(words(" ".join(t.parts))); ow=collections.Counter(words(a["body"]))
    ov=sum((ew&ow).values())
    P=ov/max(1,sum(ow.values())); R=ov/max(1,sum(ew.values()))
    meta={}
    mp=os.path.join(d,"expected-metadata.json")
    if os.path.exists(mp):
        m=json.load(open(mp))
        meta["title"]=(norm(m.get("title"))==norm(a["title"]), m.get("title"), a["title"])
        if m.get("siteName"): meta["site"]=(norm(m["siteName"])==norm(a["source"]), m["siteName"], a["source"])
        if m.get("publishedTime"): meta["date"]=(bool(a["date"]) and m["publishedTime"].startswith(a["date"]), m["publishedTime"], a["date"])
        if m.get("byline"): meta["author"]=(bool(a["author"]) and (norm(a["author"]) in norm(m["byline"]) or norm(m["byline"]) in norm(a["author"])), m["byline"], a["author"])
    rows.append((name,P,R,"",meta))
verbose = "-v" in sys.argv
for name,P,R,err,meta in rows:
    flag = " <<" if (P<0.8 or R<0.8) else ""
    if verbose or flag or err:
        print(f"{name:40s} P={P:.2f} R={R:.2f} {err}{flag}")
n=len(rows)
print("pages",n,"mean P %.3f R %.3f"%(sum(r[1] for r in rows)/n, sum(r[2] for r in rows)/n))
print("P>=0.9&R>=0.9:", sum(1 for r in rows if r[1]>=0.9 and r[2]>=0.9))
for k in ["title","site","date","author"]:
    vals=[r[4][k] for r in rows if k in r[4]]
    print(k, sum(1 for v in vals if v[0]), "/", len(vals))
if "-m" in sys.argv:
    for name,P,R,err,meta in rows:
        for k,v in meta.items():
            if not v[0]: print(f"  {name:30s} {k:6s} want={v[1]!r:.60} got={v[2]!r:.60}")
