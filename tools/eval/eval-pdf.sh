#!/bin/sh
# Scores colophon's PDF conversion on every PDF dev set in one run, per producer
# (tools/eval/eval_pdf.py: pdf-gen and pdf-gen2 with ../shared/eval/score_pdf.py plus provenance
# and abstract accuracy; pdf-real against pdftotext and its gt/), then compares speed with
# pdftotext on pdf-gen's born-digital files.
#   tools/eval/eval-pdf.sh [--scans] [--sets pdf-gen,pdf-gen2,pdf-real] [--no-speed] [BUILD_DIR]
#   --scans   also the scanned PDFs (scan_*, pdf-real's image-only pages) through OCR: ~3 s a
#             page, about 15 minutes on two shared cores; run it with nice
# Results: BUILD_DIR/eval-pdf/{summary.json,per-doc.csv,<set>/pred/*.json,<set>/diagnostics.txt}
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
scans=""
sets="pdf-gen,pdf-gen2,pdf-real"
speed=1
while [ $# -gt 0 ]; do
  case $1 in
    --scans) scans=--scans; shift ;;
    --sets) sets=$2; shift 2 ;;
    --no-speed) speed=0; shift ;;
    -*) echo "eval-pdf: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
build=${1:-$root/build/dev}
shared=${COLOPHON_SHARED_DIR:-$root/../shared}
out=$build/eval-pdf
[ -d "$shared/corpora" ] || { echo "eval-pdf: $shared/corpora not found (set COLOPHON_SHARED_DIR)" >&2; exit 2; }
[ -x "$build/tools/eval/colophon-eval-pdf" ] || { echo "eval-pdf: build $build/tools/eval/colophon-eval-pdf first" >&2; exit 2; }
rm -rf "$out" && mkdir -p "$out"
python3 "$root/tools/eval/eval_pdf.py" --build "$build" --shared "$shared" --out "$out" --sets "$sets" $scans

[ "$speed" = 1 ] || exit 0
corpus=$shared/corpora/pdf-gen
files=$(ls "$corpus"/*.pdf | grep -v '/scan_')
echo "== speed on pdf-gen born-digital, CPU seconds (user+sys) on the same files; wall time is unreliable on a shared machine"
cpu() { /usr/bin/time -f "%U %S" "$@" 2>&1 >/dev/null | tail -1 | awk '{print $1 + $2}'; }
pages=$(for f in $files; do pdfinfo "$f" | awk '/^Pages:/{print $2}'; done | paste -sd+ - | bc)
c=$(cpu "$build/tools/eval/colophon-eval-pdf" "$out/pred-speed" $files)
p=$(cpu sh -c "for f in $(echo $files); do pdftotext \$f /dev/null; done")
echo "pages $pages | colophon ${c}s ($(echo "$pages / $c" | bc) pages/s) | pdftotext ${p}s ($(echo "$pages / $p" | bc) pages/s) | ratio $(echo "scale=2; $c / $p" | bc)"
