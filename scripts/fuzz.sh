#!/usr/bin/env bash
# Fuzzes dossier's readers, cleaner, extractor and query parser with cargo-fuzz
# (libFuzzer), one target after the other, each for MINUTES minutes.
#
#   scripts/fuzz.sh MINUTES [TARGET...]
#
# Targets: html markdown json_lines cleaner extractor query (all by default).
# FUZZ_ARGS adds libFuzzer flags, e.g. FUZZ_ARGS=-len_control=0 to try long
# inputs from the start (fewer executions, more room for slow ones).
# Needs the nightly toolchain and cargo-fuzz; installs them when missing.
# Each target keeps its growing corpus in fuzz/corpus/TARGET (not committed),
# starts from fuzz/seeds/TARGET (for html also tests/fixtures/html) and mutates with a dictionary from fuzz/dicts.
# Inputs go up to 64 KiB, and one that takes over 10 s is a finding too (work
# that grows faster than the input), as is one that needs over 2 GB.
# Built with debug assertions (an overflow panics) and without a sanitizer
# (the code is safe Rust; panics, hangs and memory blow-ups are what is
# hunted). At the end: executions per second per target, and any finding in
# fuzz/artifacts/TARGET, which belongs in tests/fixtures/fuzz/TARGET/ (where
# `cargo test --test fuzz_targets` replays it) together with the fix.
set -euo pipefail
cd "$(dirname "$0")/.."

minutes=${1:?usage: scripts/fuzz.sh MINUTES [TARGET...]}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(html markdown json_lines cleaner extractor query)

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

dict_of() {
  case "$1" in
    html) echo html ;; markdown) echo markdown ;; json_lines) echo json ;;
    query) echo query ;; *) echo text ;;
  esac
}

cargo +nightly fuzz build --sanitizer none --debug-assertions

summary=()
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
  log="fuzz/artifacts/$t/last-run.log"
  echo "== $t: $minutes minute(s)" >&2
  status=0
  extra=()
  # The HTML test pages are seeds too, read where they are (not copied).
  [ "$t" = html ] && extra=(tests/fixtures/html)
  cargo +nightly fuzz run --sanitizer none --debug-assertions "$t" \
    "fuzz/corpus/$t" "fuzz/seeds/$t" ${extra[@]+"${extra[@]}"} -- \
    -dict="fuzz/dicts/$(dict_of "$t").dict" \
    -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -max_total_time=$((minutes * 60)) -print_final_stats=1 ${FUZZ_ARGS:-} \
    >"$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  found=$(find "fuzz/artifacts/$t" -type f ! -name 'last-run.log' | wc -l)
  summary+=("$t: ${execs:-?} executions, ${rate:-?} exec/s, corpus $(ls "fuzz/corpus/$t" | wc -l), findings $found (exit $status)")
done
printf '%s\n' "${summary[@]}"
