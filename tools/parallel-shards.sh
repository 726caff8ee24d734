#!/usr/bin/env bash
# Runs a colophon batch as N independent shard processes on one machine (or, with GNU parallel's
# --sshlogin, on several), then merges their state databases, reports and corpora.
#
#   tools/parallel-shards.sh SOURCE OUTPUT_ROOT N [colophon batch options...]
#
# Each shard gets its own folder OUTPUT_ROOT/shard-K and resumes there when run again; the
# merged report is OUTPUT_ROOT/merged/report.html. Uses GNU parallel when installed, else xargs -P.
set -euo pipefail

if [ $# -lt 3 ]; then
  echo "usage: $0 SOURCE OUTPUT_ROOT N [colophon batch options...]" >&2
  exit 2
fi
src=$1
out=$2
n=$3
shift 3
colophon=${COLOPHON:-colophon}
jobs_per_shard=${JOBS_PER_SHARD:-1}
mkdir -p "$out"

run_shard() {
  local k=$1
  shift
  "$colophon" batch "$src" -o "$out/shard-$k" --shard "$k/$n" --jobs "$jobs_per_shard" --quiet \
    --corpus "$out/shard-$k/corpus.jsonl.gz" "$@" || [ $? -ne 2 ]
}
export -f run_shard
export src out n colophon jobs_per_shard

if command -v parallel >/dev/null 2>&1; then
  seq 1 "$n" | parallel --halt never -j "$n" run_shard {} "$@"
else
  seq 1 "$n" | xargs -P "$n" -I{} bash -c 'run_shard "$@"' _ {} "$@"
fi

shards=()
for k in $(seq 1 "$n"); do shards+=("$out/shard-$k"); done
"$colophon" merge "${shards[@]}" -o "$out/merged" --corpus "$out/merged/corpus.jsonl.gz"
