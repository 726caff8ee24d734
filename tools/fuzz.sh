#!/usr/bin/env bash
# Builds the libFuzzer targets (preset `fuzz`: clang + ASan/UBSan) and runs each for a while.
#   tools/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     default: 60 s, every target
# Seeds come from samples/ and ../shared/corpora; new interesting inputs are kept in
# build/fuzz/corpus/<target>/. A crash stops the run with the reproducer path printed: turn it
# into a regression sample under samples/bad/ with a test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in tests/fuzz/fuzz_*.cpp; do targets+=("$(basename "$f" .cpp | sed 's/^fuzz_//')"); done
fi
# Only the fuzz programs (and the libraries they link) are built, not the whole tree.
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)" --target "${targets[@]/#/fuzz_}"
bin=build/fuzz/tests/fuzz

seed_dirs() {
  case "$1" in
    html | html_windows) echo samples/html samples/bad ../shared/seed ;;
    pdf) echo samples/pdf samples/bad ../shared/corpora/pdf-gen ;;
    verify) echo samples/archive samples/bad ;;
    manifest) echo samples/batch ;;
    *) echo tests/fuzz/seeds/"$1" ;;
  esac
}

for t in "${targets[@]}"; do
  corpus=build/fuzz/corpus/$t
  mkdir -p "$corpus"
  seeds=()
  for d in $(seed_dirs "$t"); do [ -d "$d" ] && seeds+=("$d"); done
  dict=()
  [ -f tests/fuzz/dict/$t.dict ] && dict=(-dict=tests/fuzz/dict/$t.dict)
  echo "== fuzz_$t for ${seconds}s"
  log=build/fuzz/fuzz_$t.log
  rc=0
  "$bin/fuzz_$t" "$corpus" "${seeds[@]}" "${dict[@]}" -max_total_time="$seconds" -timeout=20 \
    -rss_limit_mb=2048 -max_len=1048576 -print_final_stats=1 -artifact_prefix=build/fuzz/ >"$log" 2>&1 || rc=$?
  grep -E "^(stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)|Done|SUMMARY|Test unit written)" "$log" || true
  # Coverage reached: the last status line libFuzzer printed (edges `cov:`, features `ft:`, corpus size).
  grep -E "^#[0-9]+.* cov: " "$log" | tail -1 | grep -oE "(cov|ft|corp): [0-9]+(/[0-9]+[a-zA-Z]*)?" | paste -sd' ' || true
  [ "$rc" -eq 0 ] || { tail -40 "$log"; echo "fuzz_$t found a problem (log: $log)"; exit 1; }
done
