#!/bin/sh
# Dev-only: makes the per-producer PDF samples (samples/pdf/<producer>-*/input.pdf) from the sources
# written for them, with the real producers (install them with install-producers.sh beside this
# script; CI only converts the committed PDFs). Then refresh the golden files and read the diff:
#   tools/make-pdf-samples/make-producer-samples.sh && UPDATE_GOLDEN=1 ctest --preset dev -R corpus.pdf
#
#   weasyprint-*  source.html  WeasyPrint (CSS paged media: margin boxes, float: footnote, columns)
#   libreoffice-* source.md    pandoc -> .docx with real footnotes -> LibreOffice PDF export
#   chromium-*    source.html  Chromium headless "Save as PDF" without the browser's header/footer
#   pdflatex-*    source.tex   pdfLaTeX (run twice for the page references)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
samples=$here/../../samples/pdf
export SOURCE_DATE_EPOCH=1735689600 # 2025-01-01: the same source gives the same dates
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for dir in "$samples"/*/; do
  case=$(basename "$dir")
  out=$dir/input.pdf
  case $case in
  weasyprint-*)
    weasyprint "$dir/source.html" "$work/out.pdf" ;;
  libreoffice-*)
    pandoc "$dir/source.md" -o "$work/$case.docx"
    soffice --headless -env:UserInstallation=file://$work/lo-profile --convert-to pdf --outdir "$work" \
      "$work/$case.docx" >/dev/null
    mv "$work/$case.pdf" "$work/out.pdf" ;;
  chromium-*)
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
      --print-to-pdf="$work/out.pdf" "file://$dir/source.html" 2>/dev/null ;;
  pdflatex-*)
    cp "$dir/source.tex" "$work/source.tex"
    (cd "$work" && pdflatex -interaction=nonstopmode -halt-on-error source.tex >/dev/null &&
       pdflatex -interaction=nonstopmode -halt-on-error source.tex >/dev/null)
    mv "$work/source.pdf" "$work/out.pdf" ;;
  *) continue ;;
  esac
  mv "$work/out.pdf" "$out"
  echo "$case: $(pdfinfo "$out" | awk '/^Producer:/{$1=""; print}') ($(pdfinfo "$out" | awk '/^Pages:/{print $2}') pages)"
done
