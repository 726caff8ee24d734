#!/usr/bin/env bash
# Scale benchmark of `colophon batch` (not a test): generates catalogues of small HTML pages and
# reports, per catalogue size and --jobs value: documents/s, the parent's peak memory, and the
# batch overhead per document.
#
#   tools/bench/batch-scale.sh [COLOPHON_BINARY] [WORK_DIR] [SIZES...]
#   defaults: build/release/tools/colophon/colophon (else build/dev/...), /tmp/colophon-batch-bench,
#   sizes 1000 10000
#   environment: JOBS="1 2" (the --jobs values), PAGES=normal|tiny (tiny: one short paragraph,
#   for memory runs over 50,000 documents), CATALOGUE=DIR (measure an existing folder of real
#   documents instead of generated pages; SIZES is then ignored)
#
# Memory: "parent peak" is the batch process's own peak RSS (getrusage, recorded in the run
# summary of the state database); "tree peak" is GNU time's figure (the largest of the batch and
# its workers). Flat in the catalogue size means the plan is not held in memory.
#
# Overhead, in CPU time (user + system) so that other load on the machine does not distort it:
#   overhead = (parent CPU + all worker CPU - conversion CPU) / conversion CPU
# where conversion CPU is what the workers spend inside the document function (reading the file,
# converting it, writing and syncing its own outputs and its corpus line) minus its duplicate
# claim, which is batch state. Everything else counts as overhead: finding inputs, planning,
# fork, worker start and exit, pipes and messages, the state database, progress, reports and
# joining the corpus. Read from the run summary ("cpu") of the state database. Still counted as
# conversion though it serves the state: the SHA-256 of each input (a few µs per 9 KB page).
# "cpu/doc" is GNU time's user+sys of the whole run per document (comparable across builds that
# do not record the summary). "wall-ovh" is the old wall-clock estimate at --jobs 1 (wall time
# minus the workers' summed per-document wall time), noisy on a loaded machine.
#
# Measured 2026-11-28 on the shared 2-core development machine (dev build, RelWithDebInfo),
# --to tei,json with a corpus, PAGES=normal (~9 KB pages). "before" = 32a642f, "after" = 6b8bd86
# (this version); rounds interleaved (after, before, after, before) with
#   for b in AFTER_BIN BEFORE_BIN AFTER_BIN BEFORE_BIN; do tools/bench/batch-scale.sh $b /tmp/bench 1000; done
#   (and the same with 10000). Load from other work varies the conversion CPU per page from 2.3
#   to 7 ms between runs, and the overhead ratio with it (heavier load, lower ratio): compare
#   runs of one round.
#   Quiet rounds (conversion 2.3-2.8 ms per page):
#     n=1000   jobs=1  after 5.06% / 4.55%   before 13.80%       (parent 0.09-0.11 s vs 0.33 s)
#              jobs=2  after 4.35% / 4.12%   before 12.12%
#     n=10000  jobs=1  after 4.11% / 4.18%   before 14.76%       (parent 0.89 s vs 3.23 s)
#              jobs=2  after 4.46%           before 13.95%       (parent 1.03 s vs 2.48 s)
#   Loaded rounds (conversion 3-7 ms per page; a6f3ce8, before the last report and recycling
#   change, same protocol): n=1000 after 2.2-5.2%, before 7.8-10.0%; n=10000 after 4.1-4.9%, before 10-11.4%.
#   Throughput is bound by syncing outputs on this disk, not CPU: after 180-300 docs/s, before
#   110-300 docs/s in the same rounds. Parent peak 23.2 MiB (1,000) / 27.1 MiB (10,000), before
#   23.1 / 26.4 MiB; at most 256 inputs, 256 queued jobs and (jobs x 64) + 1 jobs in flight.
#   Where the parent's ~0.1 ms per document goes now (run summary, n=10000, jobs=1, 4.18%):
#   planning 35 µs (walking, the scratch tables, one upsert), recording while converting 38 µs
#   (one UPDATE per document and its share of the group commits; the pipe costs little: several
#   jobs per message, one result message per document, the parent waking at most every 100 ms;
#   duplicate claims cost the parent nothing, the workers answer them from shared memory),
#   reports 18 µs, corpus 14 µs. Workers add ~15-20 µs per document outside the document
#   function. Workers now live for 2,000 documents: their peak RSS stayed 19.1 MiB (as with
#   500). Under 5% of conversion for pages of ~2.5 ms of CPU or more; real documents (tens to
#   hundreds of ms) are far below.
#   Earlier figures (9ee1f36 -> 32a642f, memory with PAGES=tiny JOBS=2, 1000/10000/50000
#   documents): parent peak 23.1 / 26.3 / 26.1 MiB where the in-memory plan grew to 118.6 MiB.
#   Real documents, CATALOGUE= the 181 benchmark news pages (gunzipped) + the 18 born-digital
#   pdf-gen articles + 8 pdf-real papers, at 32a642f: overhead 0.31% at --jobs 1 and 2 (296 ms
#   CPU per document on average, OCR fallback on the pages that need it); with `--ocr never`
#   added to the batch command, 5.0% (14 ms per document; parent 0.6 ms per document).
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
jobs_list=${JOBS:-1 2}
pages=${PAGES:-normal}
[ -x "$bin" ] || { echo "colophon binary not found (give it as the first argument)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time, Debian package 'time')" >&2; exit 2; }
mkdir -p "$work"

generate() { # N DIR
  python3 - "$1" "$2" "$pages" <<'PY'
import os, random, sys
n, out, pages = int(sys.argv[1]), sys.argv[2], sys.argv[3]
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
                      for _ in range(rnd.randint(5, 12) if pages == "normal" else 1))
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
  local n=$1 jobs=$2 src="${CATALOGUE:-$work/src-$pages-$1}" out="$work/out-$pages-$1-j$2"
  rm -rf "$out"
  /usr/bin/time -v -o "$work/time-$n-j$jobs.txt" "$bin" batch "$src" -o "$out" --to tei,json --jobs "$jobs" \
    --progress lines --corpus "$out/corpus.jsonl.gz" > /dev/null 2> "$work/log-$n-j$jobs.txt" || true
  python3 - "$out/colophon-state.sqlite" "$n" "$jobs" "$work/time-$n-j$jobs.txt" <<'PY'
import json, sqlite3, sys
db, n, jobs, timefile = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
t = {}
for line in open(timefile):
    k, _, v = line.strip().rpartition(": ")
    t[k] = v
wall = 0.0
for part in t["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":"):
    wall = wall * 60 + float(part)
cpu_total = float(t["User time (seconds)"]) + float(t["System time (seconds)"])
tree_rss = int(t["Maximum resident set size (kbytes)"])
c = sqlite3.connect(db)
done, work = c.execute("select count(*), total(seconds) from documents where status<>'pending'").fetchone()
statuses = dict(c.execute("select status, count(*) from documents group by status").fetchall())
summary = json.loads(c.execute("select summary from runs order by id desc limit 1").fetchone()[0])
cpu, mem = summary.get("cpu"), summary.get("memory")
line = (f"n={n:6d} jobs={jobs}  wall={wall:7.2f}s  docs/s={done / wall:7.1f}  cpu/doc={1000 * cpu_total / max(done, 1):6.2f} ms"
        f"  tree peak={tree_rss / 1024:6.1f} MiB")
if mem:
    line += (f"  parent peak={mem['parent_max_rss_kib'] / 1024:6.1f} MiB"
             f" (held: inputs {mem['max_inputs_held']}, queued {mem['max_jobs_queued']}, in flight {mem['max_jobs_in_flight']})")
if cpu:
    line += (f"  overhead={100 * cpu['overhead']:5.2f}% (parent {cpu['parent_seconds']:.2f}s, workers {cpu['workers_seconds']:.2f}s,"
             f" conversion {cpu['conversion_seconds']:.2f}s, {cpu['workers_started']} workers)")
if jobs == 1:
    line += f"  wall-ovh={100 * (wall - work) / work:5.1f}%"
print(line + f"  statuses={statuses}")
PY
}

echo "colophon: $bin"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {print int($2/1024) " MiB"}' /proc/meminfo)"
echo "pages: $pages"
if [ -n "${CATALOGUE:-}" ]; then
  pages=catalogue
  sizes=("$(find "$CATALOGUE" -type f | wc -l)")
fi
for n in "${sizes[@]}"; do
  [ -n "${CATALOGUE:-}" ] || [ -d "$work/src-$pages-$n" ] || generate "$n" "$work/src-$pages-$n"
  for j in $jobs_list; do
    run "$n" "$j"
  done
done
