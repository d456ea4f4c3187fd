#!/bin/sh
# Checks the Rust port of the article extraction benchmark's metric
# (tests/html_benchmark/metric.rs) against the benchmark's own evaluate.py, on
# dossier's current predictions: per page TP/FP/FN and exact match, and the totals.
#
#   AEB_DIR=/path/to/article-extraction-benchmark scripts/aeb-metric-check.sh
#
# The benchmark (pages, ground truth, evaluate.py) is not part of this repository:
# AEB_DIR names a checkout of Scrapinghub's article-extraction-benchmark. Needs
# python3; run from the repository root.
set -eu
: "${AEB_DIR:?set AEB_DIR to a checkout of article-extraction-benchmark}"
EVALUATE="$AEB_DIR/evaluate.py"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
AEB_OUT="$OUT" AEB_WORST=0 cargo test --test html_benchmark -- --ignored --nocapture report
python3 - "$EVALUATE" "$OUT" "$AEB_DIR/ground-truth.json" <<'EOF'
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("evaluate", sys.argv[1])
evaluate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(evaluate)
out, truth_path = sys.argv[2], sys.argv[3]
truth = json.load(open(truth_path, encoding="utf8"))
pred = json.load(open(f"{out}/predictions.json", encoding="utf8"))
rust = json.load(open(f"{out}/scores.json", encoding="utf8"))
worst = 0.0
mismatched = []
for key in sorted(truth):
    t, p = truth[key]["articleBody"], pred[key]["articleBody"]
    tp_fp_fn = evaluate.string_shingle_matching(true=t, pred=p)
    exact = evaluate.get_accuracy(true=t, pred=p) == 1.0
    diff = max(abs(a - b) for a, b in zip(tp_fp_fn, rust[key][:3]))
    worst = max(worst, diff)
    if diff > 1e-9 or exact != rust[key][3]:
        mismatched.append(key)
m = evaluate.evaluate(truth, pred, 2)
print(f"evaluate.py: P {m['precision']:.4f} R {m['recall']:.4f} F1 {m['f1']:.4f} accuracy {m['accuracy']:.4f}")
print(f"pages {len(truth)}, largest per-page difference {worst:.2e}, mismatched pages {len(mismatched)}")
for key in mismatched:
    print("  mismatch:", key)
sys.exit(1 if mismatched else 0)
EOF
