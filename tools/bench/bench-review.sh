#!/usr/bin/env bash
# What review pages cost a batch (issue 15: at most +20% with --review, nothing without it).
#
#   tools/bench/bench-review.sh [COLOPHON] [ROUNDS]     (default build/dev/tools/colophon/colophon, 3)
#
# Three sets: every bundled sample run-samples.sh converts (HTML pages, born-digital PDFs, scans and
# page images: OCR dominates), ../shared/corpora/pdf-gen2 (25 short PDFs, 3 of them scans) and its
# 22 born-digital PDFs alone (gen2-text: the worst case, drawing a page costs what reading it does). For
# each, rounds alternate a batch without and with --review (TEI output, --jobs 2, a fresh output
# folder each time), so load from elsewhere on the machine falls on both alike. Prints the median
# wall time and CPU time (user + system of the batch and its workers) of each, and the ratio.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="${1:-build/dev/tools/colophon/colophon}"
rounds="${2:-3}"
shared="${COLOPHON_SHARED_DIR:-../shared}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

ls samples/html/*/input.* samples/pdf/*/input.* samples/ocr/*/input.* >"$scratch/samples.txt"
sets=(samples)
if [ -d "$shared/corpora/pdf-gen2" ]; then
  ls "$shared"/corpora/pdf-gen2/*.pdf >"$scratch/pdf-gen2.txt"
  grep -v '/scan_' "$scratch/pdf-gen2.txt" >"$scratch/gen2-text.txt" # born-digital only: no OCR to hide behind
  sets+=(pdf-gen2 gen2-text)
else
  echo "bench-review: $shared/corpora/pdf-gen2 not found, measuring the samples only" >&2
fi

median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }

declare -A root=([samples]=. [pdf-gen2]="$shared/corpora/pdf-gen2" [gen2-text]="$shared/corpora/pdf-gen2")

run() { # run SET MODE ROUND -> "wall cpu" appended to $scratch/SET.MODE
  local out="$scratch/out-$1-$2-$3" extra=() rc=0
  [ "$2" = review ] && extra=(--review)
  /usr/bin/time -f "%e %U %S" -o "$scratch/time" "$bin" batch @"$scratch/$1.txt" -o "$out" --root "${root[$1]}" \
    --to tei --jobs 2 --progress lines -q "${extra[@]}" >/dev/null 2>"$scratch/err" || rc=$?
  if [ $rc -ne 0 ] && [ $rc -ne 3 ]; then # 3: converted, some with warnings
    echo "bench-review: batch of $1 ($2) failed with exit $rc:" >&2
    cat "$scratch/err" >&2
    exit 1
  fi
  # GNU time writes "Command exited with non-zero status 3" first when the batch warned
  tail -1 "$scratch/time" | awk '{printf "%s %.2f\n", $1, $2 + $3}' >>"$scratch/$1.$2"
  du -sk "$out" | awk '{print $1}' >>"$scratch/$1.$2.kb"
  rm -rf "$out"
}

printf '%-10s %-7s %9s %9s %10s\n' set mode wall_s cpu_s output_kb
for s in "${sets[@]}"; do
  for ((r = 1; r <= rounds; r++)); do
    run "$s" plain "$r"
    run "$s" review "$r"
  done
  for m in plain review; do
    printf '%-10s %-7s %9s %9s %10s\n' "$s" "$m" "$(cut -d' ' -f1 "$scratch/$s.$m" | median)" \
      "$(cut -d' ' -f2 "$scratch/$s.$m" | median)" "$(median <"$scratch/$s.$m.kb")"
  done
  paste -d' ' "$scratch/$s.plain" "$scratch/$s.review" |
    awk -v s="$s" '{w0[NR]=$1; c0[NR]=$2; w1[NR]=$3; c1[NR]=$4}
      END {for (i = 1; i <= NR; i++) {tw0 += w0[i]; tw1 += w1[i]; tc0 += c0[i]; tc1 += c1[i]}
           printf "%-9s review/plain: wall %+.1f%%, cpu %+.1f%% (sums over %d rounds)\n", s,
                  100 * (tw1 / tw0 - 1), 100 * (tc1 / tc0 - 1), NR}'
done
