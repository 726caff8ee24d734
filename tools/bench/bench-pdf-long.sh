#!/usr/bin/env bash
# Long-PDF benchmark (not a test): peak RSS and CPU time of the PDF conversion against
# `pdftotext` on the same files, at about 100 and about 1,000 pages, to show that memory stays
# about flat in the page count (pages stream through the layout analysis) and what the full
# analysis costs next to plain text extraction.
#
#   tools/bench/bench-pdf-long.sh [BUILD_DIR] [WORK_DIR] [EXTRA.pdf ...]
#
# Documents, made in WORK_DIR:
#   article-N  one long article from samples/pdf/footnotes-spanning-pages (running header, page
#              numbers, footnotes) repeated N times by the sample generator: 100 and 993 pages
#   real-N     the born-digital PDFs of ../shared/corpora/pdf-real joined by pdfunite, once
#              (114 pages) and 13 times (1,001 pages); each copy carries its own fonts, so the
#              file itself grows to 40 MB and is read whole into memory
# plus any EXTRA.pdf given. Conversion: tools/eval/colophon-eval-pdf (the converter and the
# JSON writer, what eval-pdf.sh times). CPU time is user+sys: wall time is noisy on a shared
# machine.
#
# Measured 2026-11-28 (dev build; CPU ratio of interleaved runs, 2-7 per file) on an idle machine:
# article-94 1.71x, article-940 1.71x, real-1 1.36x, real-13 1.39x pdftotext; with a fuzzer and
# builds beside it 1.5-2.0x. Peak RSS 22 / 70 / 32 / 132 MB. Instructions (callgrind,
# load-independent): article-94 1.68G against pdftotext's 1.06G, of which Poppler's text device
# (displaying the page into a TextOutputDev) is 1.04G; article-940 16.7G against 10.6G.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build/dev}
work=${2:-$(mktemp -d -t colophon-bench-pdf.XXXXXX)}
shift $(( $# > 2 ? 2 : $# ))
shared=${COLOPHON_SHARED_DIR:-$root/../shared}
eval_pdf=$build/tools/eval/colophon-eval-pdf
make_pdf=$build/tools/make-pdf-samples/colophon-make-pdf-samples
for tool in "$eval_pdf" "$make_pdf"; do
  [ -x "$tool" ] || { echo "bench-pdf-long: build $tool first" >&2; exit 2; }
done
for cmd in pdftotext pdfunite pdfinfo; do
  command -v $cmd >/dev/null || { echo "bench-pdf-long: $cmd is not installed (poppler-utils)" >&2; exit 2; }
done
mkdir -p "$work"

# one long article: the sample's header lines, then its paragraphs N times (each copy's
# footnote numbered apart)
src=$root/samples/pdf/footnotes-spanning-pages/source.txt
article() {
  local n=$1 out=$work/article-$1
  if [ ! -f "$out.pdf" ]; then
    { sed -n '1,5p' "$src"; echo; for i in $(seq "$n"); do sed -n '7,$p' "$src" | sed "s/\^\[The revision/^[Note $i. The revision/"; echo; done; } > "$out.txt"
    "$make_pdf" "$out.txt" "$out.pdf"
  fi
  echo "$out.pdf"
}
real() {
  local n=$1 out=$work/real-$1.pdf
  if [ ! -f "$out" ]; then
    local one=("$shared"/corpora/pdf-real/{cermine_test1,cermine_test3,grobid_arxiv_0908.0054,grobid_Wang-paperAVE2008,cermine_test2,cermine_test5,grobid_sample,pdfjs_tracemonkey,pdfjs_TAMReview,grobid_dehypenisation1,grobid_footnotes_test}.pdf)
    local all=()
    for _ in $(seq "$n"); do all+=("${one[@]}"); done
    [ "$n" = 1 ] && all+=("$shared"/corpora/pdf-real/pdfjs_{tracemonkey,TAMReview}.pdf)
    pdfunite "${all[@]}" "$out" 2>/dev/null
  fi
  echo "$out"
}
files=("$(article 94)" "$(article 940)")
[ -d "$shared/corpora/pdf-real" ] && files+=("$(real 1)" "$(real 13)")
files+=("$@")

printf '%-16s %6s %9s | %-22s | %-22s | %s\n' file pages "MB" "colophon CPU s, RSS MB" "pdftotext CPU s, RSS MB" "CPU ratio"
for f in "${files[@]}"; do
  pages=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/{print $2}')
  size=$(du -m "$f" | cut -f1)
  c=$(/usr/bin/time -f "%U %S %M" "$eval_pdf" "$work/out" "$f" 2>&1 >/dev/null | tail -1)
  p=$(/usr/bin/time -f "%U %S %M" pdftotext "$f" /dev/null 2>&1 | tail -1)
  read -r cu cs cm <<<"$c"
  read -r pu ps pm <<<"$p"
  ct=$(echo "$cu + $cs" | bc); pt=$(echo "$pu + $ps" | bc)
  printf '%-16s %6s %9s | %8s s %8s MB | %8s s %8s MB | %s\n' "$(basename "$f" .pdf)" "$pages" "$size" "$ct" "$((cm / 1024))" \
    "$pt" "$((pm / 1024))" "$(echo "scale=2; $ct / $pt" | bc)"
done
