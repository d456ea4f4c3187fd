#!/usr/bin/env bash
# Builds a benchmark corpus: copies of the seed articles (or of every file in
# SOURCE_DIR) written into OUT_DIR until it holds SIZE_MB mebibytes, 1000 files
# per sub-folder. Each copy gets a numbered first line so no two files are equal.
# Deterministic: the same arguments give the same files.
#
#   scripts/replicate-seeds.sh OUT_DIR SIZE_MB [SOURCE_DIR]
#   scripts/replicate-seeds.sh /tmp/dossier-100mb 100
#   scripts/replicate-seeds.sh /tmp/dossier-html 100 tests/fixtures/html
set -euo pipefail

if [[ $# -lt 2 || ! $2 =~ ^[0-9]+$ ]]; then
  echo "usage: $0 OUT_DIR SIZE_MB [SOURCE_DIR]" >&2
  exit 2
fi
out=$1
limit=$(( $2 * 1024 * 1024 ))
source_dir=${3:-"$(dirname "$0")/../seeds"}

if [[ -e $out && -n "$(ls -A "$out" 2>/dev/null)" ]]; then
  echo "$0: $out exists and is not empty; refusing to write into it" >&2
  exit 2
fi
mkdir -p "$out"

names=()
texts=()
for f in "$source_dir"/*; do
  [[ -f $f ]] || continue
  names+=("$(basename "$f")")
  texts+=("$(<"$f")")
done
if [[ ${#names[@]} -eq 0 ]]; then
  echo "$0: no files in $source_dir" >&2
  exit 2
fi

written=0
copy=0
while (( written < limit )); do
  dir=$(printf '%s/%04d' "$out" $(( copy / 1000 )))
  (( copy % 1000 == 0 )) && mkdir -p "$dir"
  i=$(( copy % ${#names[@]} ))
  text=${texts[$i]}
  name=${names[$i]}
  # A copy number on its own line keeps files distinct without touching the article.
  if [[ $name == *.html || $name == *.htm ]]; then
    printf '<!-- copy %d -->\n%s\n' "$copy" "$text" > "$dir/$(printf '%06d' "$copy")_$name"
  else
    printf '%s\n' "$text" > "$dir/$(printf '%06d' "$copy")_$name"
  fi
  written=$(( written + ${#text} + 16 ))
  copy=$(( copy + 1 ))
done
echo "$out: $copy files, about $(( written / 1024 / 1024 )) MiB" >&2
