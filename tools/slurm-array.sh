#!/usr/bin/env bash
# Runs one shard of a colophon batch per Slurm array task, then (optionally) merges.
#
#   sbatch --array=1-16 tools/slurm-array.sh /data/catalogue /scratch/out [colophon batch options...]
#   # when every task is done (or as a dependent job: sbatch --dependency=afterany:<jobid> ...):
#   colophon merge /scratch/out/shard-* -o /scratch/out/merged --corpus /scratch/out/merged/corpus.jsonl.gz
#
# Shards partition the inputs by a hash of their relative path (--shard K/N), so every task sees
# the same catalogue and picks its own part; re-submitting a task resumes it (state database in
# its shard folder). Array indices must run from 1 to N.
#SBATCH --job-name=colophon-batch
#SBATCH --cpus-per-task=8
#SBATCH --mem=16G
#SBATCH --time=24:00:00
#SBATCH --output=colophon-%A_%a.log
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: sbatch --array=1-N $0 SOURCE OUTPUT_ROOT [colophon batch options...]" >&2
  exit 2
fi
src=$1
out=$2
shift 2

k=${SLURM_ARRAY_TASK_ID:?run this script as a Slurm array job (sbatch --array=1-N)}
n=${SLURM_ARRAY_TASK_COUNT:-${SLURM_ARRAY_TASK_MAX:?cannot tell the number of shards}}
colophon=${COLOPHON:-colophon}

set +e
"$colophon" batch "$src" -o "$out/shard-$k" --shard "$k/$n" --jobs "${SLURM_CPUS_PER_TASK:-1}" \
  --progress lines --corpus "$out/shard-$k/corpus.jsonl.gz" "$@"
rc=$?
set -e
# 1 (some documents failed) and 3 (warnings) are outcomes recorded in the report, not task
# failures; only 2 (usage or setup) fails the task.
case $rc in
  0|1|3) exit 0 ;;
  *) exit "$rc" ;;
esac
