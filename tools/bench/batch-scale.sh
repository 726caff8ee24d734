#!/usr/bin/env bash
# Scale benchmark of `colophon batch` (not a test): generates catalogues of small HTML pages and
# reports documents/s at --jobs 1 and --jobs 2, peak memory (GNU time, largest of the batch and
# its workers) for 1,000 and 10,000 documents, and the batch overhead per document.
#
#   tools/bench/batch-scale.sh [COLOPHON_BINARY] [WORK_DIR] [SIZES...]
#   defaults: build/release/tools/colophon/colophon (else build/dev/...), /tmp/colophon-batch-bench,
#   sizes 1000 10000
#
# Overhead = (wall time of the run at --jobs 1 - sum of the per-document times the workers measured)
# / that sum: everything the batch adds around conversion (finding inputs, fork and pipes, the
# state database, progress, reports, corpus). The parent's own share (state, progress, reports) is
# also read from the run summary in the state database.
#
# Measured 2026-11-28 on the shared 2-core development machine (load average 4-13 from other
# builds, so rates are noisy; RelWithDebInfo build), generated pages of ~9 KB, --to tei,json, corpus:
#   n=1000  jobs=1: 31.9 docs/s (29.8 ms/doc), overhead 5.2% (parent 1.4%), peak 26 MiB
#   n=1000  jobs=1: 68.4 docs/s (13.8 ms/doc, quieter moment), overhead 6.1% (parent 2.9%), peak 25 MiB
#   n=1000  jobs=2: 108.5 docs/s (first run) / 78.9 docs/s (second run), peak 26 / 25 MiB
#   n=10000 jobs=1: 30.6 docs/s (31.0 ms/doc), overhead 5.5% (parent 1.8%), peak 53 MiB
#   n=10000 jobs=2: 134.8 docs/s (first run) / 97.8 docs/s after the planning fix, peak 53 -> 43 MiB
# Peak memory is the parent's plan (about 1.8 KB per input), not conversion: workers stay ~25 MiB.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-}
if [ -z "$bin" ]; then
  for b in "$root/build/release/tools/colophon/colophon" "$root/build/dev/tools/colophon/colophon"; do
    [ -x "$b" ] && bin=$b && break
  done
fi
work=${2:-/tmp/colophon-batch-bench}
shift $(( $# > 2 ? 2 : $# )) || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
[ -x "$bin" ] || { echo "colophon binary not found (give it as the first argument)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time, Debian package 'time')" >&2; exit 2; }
mkdir -p "$work"

generate() { # N DIR
  python3 - "$1" "$2" <<'PY'
import os, random, sys
n, out = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(42)
words = ("policy security region economic cooperation government minister agreement energy trade "
         "analysis reform parliament election border strategy military investment sanctions "
         "negotiations infrastructure development regional partners officials report").split()
first = "Anna Boris Clara David Elena Fyodor Galina Ivan Julia Kirill Lena Maxim".split()
last = "Petrova Ivanov Smith Novak Kowalski Horvat Schneider Dubois Rossi Jensen".split()
def sentence():
    return " ".join(rnd.choice(words) for _ in range(rnd.randint(12, 24))).capitalize() + "."
for i in range(n):
    sub = os.path.join(out, f"{i // 500:03d}")
    os.makedirs(sub, exist_ok=True)
    title = " ".join(rnd.choice(words) for _ in range(6)).title()
    author = f"{rnd.choice(first)} {rnd.choice(last)}"
    date = f"20{rnd.randint(10, 24):02d}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
    paras = "\n".join(f"<p>{' '.join(sentence() for _ in range(rnd.randint(3, 6)))}</p>"
                      for _ in range(rnd.randint(5, 12)))
    html = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Example Institute</title>
<meta name="author" content="{author}"><meta property="article:published_time" content="{date}">
<link rel="canonical" href="https://example.org/commentary/{i}"></head>
<body><header><nav><a href="/">Home</a> <a href="/about">About</a></nav></header>
<main><article><h1>{title}</h1><p class="byline">By {author}</p><time datetime="{date}">{date}</time>
{paras}
</article></main><footer>&copy; Example Institute</footer></body></html>
"""
    with open(os.path.join(sub, f"page-{i:05d}.html"), "w") as f:
        f.write(html)
PY
}

run() { # N JOBS
  local n=$1 jobs=$2 src="$work/src-$1" out="$work/out-$1-j$2"
  rm -rf "$out"
  /usr/bin/time -v -o "$work/time-$n-j$jobs.txt" "$bin" batch "$src" -o "$out" --to tei,json --jobs "$jobs" \
    --progress lines --corpus "$out/corpus.jsonl.gz" > /dev/null 2> "$work/log-$n-j$jobs.txt" || true
  local wall rss
  wall=$(python3 - "$work/time-$n-j$jobs.txt" <<'PY'
import sys
for line in open(sys.argv[1]):
    if "Elapsed (wall clock)" in line:
        t = line.rsplit(" ", 1)[1].strip().split(":")
        s = 0.0
        for part in t: s = s * 60 + float(part)
        print(s)
PY
)
  rss=$(awk -F: '/Maximum resident set size/ {gsub(/ /,"",$2); print $2}' "$work/time-$n-j$jobs.txt")
  python3 - "$out/colophon-state.sqlite" "$n" "$jobs" "$wall" "$rss" <<'PY'
import json, sqlite3, sys
db, n, jobs, wall, rss = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
c = sqlite3.connect(db)
done, work = c.execute("select count(*), total(seconds) from documents where status<>'pending'").fetchone()
statuses = dict(c.execute("select status, count(*) from documents group by status").fetchall())
summary = json.loads(c.execute("select summary from runs order by id desc limit 1").fetchone()[0])
parent = summary.get("parent_seconds", 0.0)
line = (f"n={n:6d} jobs={jobs}  wall={wall:7.2f}s  docs/s={done / wall:8.1f}  peak RSS={rss / 1024:6.1f} MiB  "
        f"worker time/doc={1000 * work / max(done, 1):6.2f} ms")
if jobs == 1:
    line += f"  batch overhead={100 * (wall - work) / work:5.1f}%"
line += f"  parent (state+progress+reports)={100 * parent / work:4.1f}% of conversion  statuses={statuses}"
print(line)
PY
}

echo "colophon: $bin"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {print int($2/1024) " MiB"}' /proc/meminfo)"
for n in "${sizes[@]}"; do
  [ -d "$work/src-$n" ] || generate "$n" "$work/src-$n"
  for j in 1 2; do
    run "$n" "$j"
  done
done
