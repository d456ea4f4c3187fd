#!/usr/bin/env python3
"""Lists the lines of cleaned bodies that are still page furniture of the kinds
issue 17 names: caption and credit lines, "[edit]", shortcodes, affiliate
disclosures, accessibility text glued to words, player notices, site taglines,
role lines, lone "Image"/"Advert" labels, rows of numbers. This is a measuring
aid with fixed patterns; the cleaner itself uses general signals, not these.

    dossier export DIR --format jsonl > /tmp/out.jsonl
    scripts/leftovers.py /tmp/out.jsonl            # one line per leftover: file, kind, text
    scripts/leftovers.py /tmp/out.jsonl --count    # counts per kind and the files
"""
import json, re, sys

CHECKS = [
    ("credit", re.compile(r"^(credit|image|photo|media)\b.{0,80}$", re.I)),
    ("edit", re.compile(r"\[edit\]", re.I)),
    ("shortcode", re.compile(r"\[/?[a-z_]+(\s+[a-z_]+=[^\]]*)?\]")),
    ("affiliate", re.compile(r"affiliate|earn (a )?commission|income earning", re.I)),
    ("glued-a11y", re.compile(r"[a-z.,](opens? (in )?a new (window|tab))", re.I)),
    ("player", re.compile(r"(playback|video|player).{0,40}(unsupported|not supported)|your (browser|device) does not support", re.I)),
    ("tagline", re.compile(r"^from wikipedia, the free encyclopedia", re.I)),
    ("role", re.compile(r"^((opinion|staff|contributing|senior|chief|guest)\s+)?(columnist|correspondent|contributor|reporter|writer)$", re.I)),
    ("label", re.compile(r"^(image|advert|advertisement)$", re.I)),
    ("copyright", re.compile(r"(무단|저작권|©|copyright)", re.I)),
    ("numbers", re.compile(r"^[\s\d.,%+\-−$€£()]{6,}$|^[A-Z]{1,5}\s+[\d.,]+\s+[+\-−][\d.,]+%?")),
]

def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    count = "--count" in sys.argv
    found = {}
    for line in open(sys.argv[1], encoding="utf-8"):
        rec = json.loads(line)
        for para in rec["body"].split("\n\n"):
            for kind, pattern in CHECKS:
                if pattern.search(para) and (kind != "credit" or len(para.split()) <= 12):
                    found.setdefault(kind, []).append((rec["file"], para))
    for kind, hits in found.items():
        if count:
            files = sorted({f for f, _ in hits})
            print(f"{kind:11s} {len(hits):3d} lines in {len(files):3d} files: {' '.join(f[:12] for f in files)}")
        else:
            for f, para in hits:
                print(f"{f[:12]}  {kind:11s} {para[:110]!r}")

main()
