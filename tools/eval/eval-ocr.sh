#!/usr/bin/env bash
# Evaluates colophon's OCR on the scanned corpus (../shared/corpora/pdf-gen/scan_*.pdf):
#  1. renders every page at 300 dpi (pdftoppm) and recognises the same images with colophon's
#     OCR (colophon-ocr-text) and with the `tesseract` command;
#  2. reports the character error rate of both against the born-digital original's text layer
#     (pdftotext of artNN.pdf, the PDF the scan was made from), per document and overall;
#  3. when `colophon convert` reads PDFs (layout analysis merged), scores its JSON with
#     ../shared/eval/score_pdf.py; otherwise scores the OCR paragraphs without layout.
#
#   tools/eval/eval-ocr.sh [BUILD_DIR] [WORK_DIR]      (defaults: build/dev, a temp dir)
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build/dev}
work=${2:-$(mktemp -d -t colophon-eval-ocr.XXXXXX)}
shared=${COLOPHON_SHARED_DIR:-$root/../shared}
corpus=$shared/corpora/pdf-gen
ocr_text=$build/tools/eval/colophon-ocr-text
colophon=$build/tools/colophon/colophon
dpi=${OCR_DPI:-300}

[ -d "$corpus" ] || { echo "eval-ocr: $corpus not found (set COLOPHON_SHARED_DIR)" >&2; exit 2; }
[ -x "$ocr_text" ] || { echo "eval-ocr: build $ocr_text first (cmake --build $build)" >&2; exit 2; }
command -v tesseract >/dev/null || { echo "eval-ocr: the tesseract command is not installed" >&2; exit 2; }
mkdir -p "$work"
echo "eval-ocr: work dir $work" >&2

export OMP_THREAD_LIMIT=1
results=$work/cer.jsonl
: > "$results"
for scan in "$corpus"/scan_*.pdf; do
  id=$(basename "$scan" .pdf)
  orig=$corpus/${id#scan_}.pdf
  dir=$work/$id
  mkdir -p "$dir"
  pdftoppm -r "$dpi" -gray -png "$scan" "$dir/page"
  : > "$dir/colophon.txt"
  : > "$dir/tesseract.txt"
  for img in "$dir"/page-*.png; do
    "$ocr_text" "$img" >> "$dir/colophon.txt" 2>> "$dir/colophon.log"
    printf '\f' >> "$dir/colophon.txt"
    tesseract "$img" - 2>> "$dir/tesseract.log" >> "$dir/tesseract.txt"
  done
  # colophon's own PDF path (Poppler rendering at the same dpi), for completeness.
  "$ocr_text" --dpi "$dpi" --json "$dir/ocr-plain.json" "$scan" > "$dir/colophon-pdf.txt" 2>> "$dir/colophon.log"
  pdftotext -enc UTF-8 "$orig" "$dir/reference.txt"
  python3 "$root/tools/eval/ocr_cer.py" "$dir/reference.txt" "$dir/colophon.txt" "$dir/tesseract.txt" \
    "$dir/colophon-pdf.txt" | sed "s/^{/{\"id\": \"$id\", /" >> "$results"

  # Structure: the full pipeline when it reads PDFs, else the OCR paragraphs alone.
  if "$colophon" convert "$scan" --to json -o "$dir/pred.json" 2> "$dir/convert.log"; then
    cp "$dir/pred.json" "$dir/scored.json"; echo pipeline > "$dir/scored.kind"
  else
    cp "$dir/ocr-plain.json" "$dir/scored.json"; echo "ocr-paragraphs-no-layout" > "$dir/scored.kind"
  fi
done

python3 - "$results" "$work" "$corpus" "$shared/eval/score_pdf.py" <<'PY'
import json, os, subprocess, sys
results, work, corpus, scorer = sys.argv[1:5]
rows = [json.loads(l) for l in open(results)]
by = {}
for r in rows:
    kind = os.path.basename(r["hyp"]).replace(".txt", "")
    by.setdefault(r["id"], {})[kind] = r
print(f"{'document':<14} {'ref chars':>9} {'CER colophon':>13} {'CER tesseract':>14} {'CER colophon(pdf)':>18}")
tot = {"colophon": [0, 0], "tesseract": [0, 0], "colophon-pdf": [0, 0]}
for doc, kinds in sorted(by.items()):
    for k in tot:
        tot[k][0] += kinds[k]["edits"]; tot[k][1] += kinds[k]["ref_chars"]
    print(f"{doc:<14} {kinds['colophon']['ref_chars']:>9} {kinds['colophon']['cer']:>13.4f} "
          f"{kinds['tesseract']['cer']:>14.4f} {kinds['colophon-pdf']['cer']:>18.4f}")
print(f"{'ALL':<14} {tot['colophon'][1]:>9} " + " ".join(
    f"{tot[k][0] / max(tot[k][1], 1):>{w}.4f}" for k, w in (("colophon", 13), ("tesseract", 14), ("colophon-pdf", 18))))
print()
print("score_pdf.py on", "/".join(sorted({open(os.path.join(work, d, "scored.kind")).read().strip() for d in by})))
keys = ["body_f1", "order_sim", "fn_p", "fn_r", "furniture_leak", "title_exact", "author_p", "author_r"]
print(f"{'document':<14} " + " ".join(f"{k:>14}" for k in keys))
for doc in sorted(by):
    out = subprocess.run([sys.executable, scorer, os.path.join(corpus, doc + ".json"),
                          os.path.join(work, doc, "scored.json")], capture_output=True, text=True)
    m = json.loads(out.stdout) if out.returncode == 0 else {}
    print(f"{doc:<14} " + " ".join(f"{'-' if m.get(k) is None else round(m[k], 3):>14}" for k in keys))
PY
