#!/usr/bin/env bash
# Peak memory of converting large HTML pages, and the CPU a process costs before it converts.
#   tools/bench/bench-memory-startup.sh [COLOPHON] [SIZES_MB...]    default: build/dev, 10 50 200
#
# Memory: generated pages of SIZE MB converted with `colophon convert PAGE -o OUT.tei.xml` under
# /usr/bin/time; target: peak RSS <= 4 x size + 100 MB (issue 14). Two kinds of page:
#   plain    plain short paragraphs, `<p>Paragraph 17 is a plain sentence of words.</p>` (the
#            kind the issue measured: 1.66 GB at 200 MB)
#   marked   an article whose paragraphs each hold a link, emphasis and bold, with a header, a nav
#            list and a footer: four times the elements per byte
# Start-up: CPU (user + sys) per process over RUNS runs (default 200) of
#   `colophon --version`                       (loading and initialising the program),
#   `colophon convert tiny.html --to text`     (a 1 KB page: start-up + a tiny conversion),
#   `colophon convert tiny.html` (TEI)         (+ compiling colophon-tei.xsd),
#   `pdftotext tiny.pdf /dev/null`             (for comparison: a C++ tool with Poppler),
# timed as one shell loop, so the loop's own cost (a fork + exec of a trivial program: `true`)
# is measured and subtracted.
set -uo pipefail
cd "$(dirname "$0")/../.."
colophon="$(realpath "${1:-build/dev/tools/colophon/colophon}")"
shift || true
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10 50 200)
runs="${RUNS:-200}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

make_page() { # make_page KIND MB FILE
  python3 - "$1" "$2" "$3" <<'PY'
import sys
kind, mb, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
head = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A long report | Example Institute</title>'
        '<meta name="author" content="Jane Doe"><meta property="article:published_time" content="2023-03-16">'
        '</head><body><nav><ul>' + ''.join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(20)) +
        '</ul></nav><article><h1>A long report</h1><p class="byline">By Jane Doe</p>')
# plain paragraphs are numbered sentences: a page of one line repeated, or of word lists, is
# boilerplate and not an article, and would measure a conversion that keeps nothing
para = '<p>Paragraph {} is a plain sentence of words.</p>' if kind == "plain" else (
        '<p>The committee met on the <em>sixteenth</em> of March to discuss the report, which runs to many '
        'pages and cites <a href="https://example.org/source">earlier studies</a> of the same question, '
        'with figures that the authors checked <b>twice</b>. Its conclusions are cautious.</p>\n')
tail = '</article><footer><p>All rights reserved. Example Institute.</p></footer></body></html>\n'
target = mb * 1000 * 1000
with open(path, "w") as f:
    f.write(head)
    n = len(head) + len(tail)
    i = 0
    while n + len(para) < target:
        if i % 40 == 0 and kind != "plain":
            h = f'<h2>Part {i // 40 + 1}</h2>\n'
            f.write(h); n += len(h)
        p = para.format(i) if kind == "plain" else para
        f.write(p); n += len(p); i += 1
    f.write(tail)
PY
}

echo "== peak memory converting large HTML pages ($colophon)"
printf '%8s %8s %12s %12s %10s %8s\n' kind size_mb peak_rss_mb target_mb cpu_s exit
for kind in ${KINDS:-plain marked}; do
  for mb in "${sizes[@]}"; do
    page="$work/page-$mb.html"
    make_page "$kind" "$mb" "$page"
    rc=0
    /usr/bin/time -f "%M %U %S" -o "$work/time" "$colophon" convert "$page" -o "$work/page-$mb.tei.xml" \
      --max-input-bytes 2000000000 --max-seconds 3000 2>"$work/err" || rc=$?
    read -r kb user sys <"$work/time"
    printf '%8s %8s %12.0f %12s %10.1f %8s\n' "$kind" "$mb" "$(echo "$kb / 1024" | bc -l)" "$((4 * mb + 100))" \
      "$(echo "$user + $sys" | bc -l)" "$rc"
    rm -f "$page" "$work/page-$mb.tei.xml"
  done
done

echo "== start-up: CPU per process, mean of $runs runs (user+sys, loop overhead subtracted)"
printf '<!DOCTYPE html><html lang="en"><head><title>Tiny</title></head><body><article><h1>Tiny</h1><p>%s</p></article></body></html>\n' \
  "A short page with one paragraph, long enough to be taken for prose by the converter when it reads it." >"$work/tiny.html"
cpu_per_run() { # cpu_per_run COMMAND... -> milliseconds of CPU per run
  /usr/bin/time -f "%U %S" -o "$work/t" bash -c 'for ((i = 0; i < '"$runs"'; i++)); do "$@" >/dev/null 2>&1; done' _ "$@"
  awk -v n="$runs" '{printf "%.2f", ($1 + $2) * 1000 / n}' "$work/t"
}
base=$(cpu_per_run true)
report() { # report LABEL COMMAND...
  local label="$1"; shift
  local ms
  ms=$(cpu_per_run "$@")
  printf '%-44s %8.2f ms\n' "$label" "$(echo "$ms - $base" | bc -l)"
}
echo "(loop overhead: $base ms per run of /bin/true)"
report "colophon --version" "$colophon" --version
report "colophon convert tiny.html --to text" "$colophon" convert "$work/tiny.html" --to text -o /dev/null
report "colophon convert tiny.html (TEI)" "$colophon" convert "$work/tiny.html" -o "$work/tiny.tei.xml"
if command -v pdftotext >/dev/null && [ -f samples/pdf/one-column/input.pdf ]; then
  report "pdftotext one-column.pdf /dev/null" pdftotext samples/pdf/one-column/input.pdf /dev/null
  report "pdftotext -v" pdftotext -v
fi
