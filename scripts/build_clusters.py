#!/usr/bin/env python3
"""Builds assets/clusters.tsv: Brown word clusters for the name tagger's features.

Source: the PyPI package spacy-lookups-data 1.0.5 (MIT licence), table
`en_lexeme_cluster` (Brown clusters of about 190,000 English word forms, as spaCy's
English models shipped them). Each line is `word<TAB>path`, where `path` is the
cluster's bit string as spaCy stores it: an integer whose highest set bit marks the
length, read from the lowest bit up (the root first). Forms without a cluster and
forms with no letter are left out. The output is sorted and deterministic.

    python3 -m venv /tmp/clusterenv
    /tmp/clusterenv/bin/pip install --no-deps spacy-lookups-data==1.0.5
    /tmp/clusterenv/bin/python scripts/build_clusters.py      # from the repository root
"""
import gzip
import json
import os
import sys

try:
    import spacy_lookups_data
except ImportError:
    sys.exit("install spacy-lookups-data==1.0.5 first (see the docstring)")


def main():
    path = os.path.join(os.path.dirname(spacy_lookups_data.__file__), "data",
                        "en_lexeme_cluster.json.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        clusters = json.load(f)
    rows = sorted((w, c) for w, c in clusters.items()
                  if c and any(ch.isalpha() for ch in w) and "\t" not in w and "\n" not in w)
    with open("assets/clusters.tsv", "w", encoding="utf-8", newline="\n") as out:
        for word, cluster in rows:
            out.write(f"{word}\t{cluster}\n")
    print(f"assets/clusters.tsv: {len(rows)} word forms")


if __name__ == "__main__":
    main()
