#!/bin/sh
# Regenerates every samples/scripts/<case>/input.pdf from its source.txt with the Pango/cairo
# generator (tools/make-script-pdfs; needs libpango1.0-dev and the fonts the sources name:
# fonts-dejavu-core, fonts-noto-cjk), turning pages with qpdf where a source asks for a page
# rotation entry ("@page-rotate 90"). Then refresh the golden files and read the diff:
#   samples/scripts/make-samples.sh [BUILD_DIR] && UPDATE_GOLDEN=1 ctest --test-dir build/dev -R corpus.scripts
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build/dev}
for src in "$here"/*/source.txt; do
  out="$(dirname "$src")/input.pdf"
  "$build/tools/make-script-pdfs/colophon-make-script-pdfs" "$src" "$out"
  turn=$(sed -n 's/^@page-rotate //p' "$src")
  if [ -n "$turn" ]; then
    qpdf --deterministic-id --rotate="+$turn:1-z" "$out" "$out.tmp" && mv "$out.tmp" "$out"
  fi
done
# Two of them scanned, for OCR in the page's own script (samples/ocr/*-scan): 150 dpi, 1 bit.
for pair in russian:russian-scan hebrew:hebrew-scan; do
  pdftoppm -r 150 -mono -png -singlefile "$here/${pair%%:*}/input.pdf" "$here/../ocr/${pair##*:}/input"
done
