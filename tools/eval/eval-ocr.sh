#!/usr/bin/env bash
# Evaluates colophon's OCR on the scanned corpus (../shared/corpora/pdf-gen/scan_*.pdf):
#  1. renders every page at 300 dpi with pdftocairo (Cairo, as colophon renders PDF pages; for
#     these scans, 300 ppi images filling the page, the result is the embedded image pixel for
#     pixel) and recognises the same PNGs with the `tesseract` command (defaults: psm 3) and with
#     colophon's engine alone (colophon-ocr-text, no layout analysis);
#  2. converts the scanned PDF itself with `colophon convert --to json` (the full pipeline);
#  3. reports the character error rate of the BODY (tools/eval/ocr_cer.py): reference = the
#     ground truth's blocks (headings and paragraphs, lede included); each reference block is
#     aligned with its best-matching stretch of the hypothesis, so reading order, title block,
#     furniture and footnotes in the hypothesis cost nothing; edits / reference characters;
#  4. scores the pipeline's JSON with ../shared/eval/score_pdf.py (structure, furniture, notes).
#
#   tools/eval/eval-ocr.sh [BUILD_DIR] [WORK_DIR]      (defaults: build/dev, a temp dir)
#   OCR_SPLASH=1 adds a column: the tesseract command on pdftoppm's (Splash) renderings, which
#   resample the page images (about 5% of the pixels change by more than 32 grey levels).
#
# Measured (2026-11-28, Tesseract 5.3.0, eng; body CER = edits / 23999 reference characters):
#   colophon convert (pipeline) 0.0009 (21 edits; per scan 19/2/0/0), tesseract command 0.0014
#   (34; 24/7/2/1), colophon's engine on the PNGs 0.0010 (24) = on the PDF (identical text).
#   Without its preprocessing the engine's text is word for word the tesseract command's (same
#   psm 3, default OEM, 300 dpi, Otsu), so the differences are colophon's: the Leptonica deskew
#   (bilevel CCITT scan art08: 24 -> 19 edits) and erasing link-box frames (art15: 7 -> 2, the
#   "]" "|" ")" Tesseract reads off their sides); the pipeline fixes misread note marks
#   ("own.!" for "own.¹") on top. The tesseract command on pdftoppm (Splash) renderings instead
#   of Cairo's: 36 edits (art08 26). score_pdf.py: body F1 0.987-1.000, order 0.997-1.000,
#   footnotes P=R=1, leakage 0, title and authors right 4/4. About 4 minutes on 2 shared cores.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build/dev}
work=${2:-$(mktemp -d -t colophon-eval-ocr.XXXXXX)}
shared=${COLOPHON_SHARED_DIR:-$root/../shared}
corpus=$shared/corpora/pdf-gen
ocr_text=$build/tools/eval/colophon-ocr-text
colophon=$build/tools/colophon/colophon
dpi=${OCR_DPI:-300}
splash=${OCR_SPLASH:-0}

[ -d "$corpus" ] || { echo "eval-ocr: $corpus not found (set COLOPHON_SHARED_DIR)" >&2; exit 2; }
for tool in "$ocr_text" "$colophon"; do
  [ -x "$tool" ] || { echo "eval-ocr: build $tool first (cmake --build $build)" >&2; exit 2; }
done
for cmd in tesseract pdftocairo python3; do
  command -v "$cmd" >/dev/null || { echo "eval-ocr: the $cmd command is not installed" >&2; exit 2; }
done
mkdir -p "$work"
echo "eval-ocr: work dir $work" >&2

export OMP_THREAD_LIMIT=1
results=$work/cer.jsonl
: > "$results"
for scan in "$corpus"/scan_*.pdf; do
  id=$(basename "$scan" .pdf)
  dir=$work/$id
  rm -rf "$dir"
  mkdir -p "$dir"
  pdftocairo -r "$dpi" -gray -png "$scan" "$dir/page"
  : > "$dir/tesseract.txt"
  : > "$dir/colophon-png.txt"
  : > "$dir/colophon-png-plain.txt"
  for img in "$dir"/page-*.png; do
    tesseract "$img" - 2>> "$dir/tesseract.log" >> "$dir/tesseract.txt"
    "$ocr_text" "$img" >> "$dir/colophon-png.txt" 2>> "$dir/colophon.log"
    printf '\f' >> "$dir/colophon-png.txt"
    "$ocr_text" --no-preprocess "$img" >> "$dir/colophon-png-plain.txt" 2>> "$dir/colophon.log"
    printf '\f' >> "$dir/colophon-png-plain.txt"
  done
  hyps=("$dir/pred.json" "$dir/tesseract.txt" "$dir/colophon-png.txt" "$dir/colophon-pdf.txt"
        "$dir/colophon-png-plain.txt")
  if [ "$splash" = 1 ]; then
    pdftoppm -r "$dpi" -gray -png "$scan" "$dir/splash"
    : > "$dir/tesseract-splash.txt"
    for img in "$dir"/splash-*.png; do
      tesseract "$img" - 2>> "$dir/tesseract.log" >> "$dir/tesseract-splash.txt"
    done
    hyps+=("$dir/tesseract-splash.txt")
  fi
  # colophon's engine on the PDF (its own Cairo rendering at the same dpi), no layout analysis.
  "$ocr_text" --dpi "$dpi" "$scan" > "$dir/colophon-pdf.txt" 2>> "$dir/colophon.log"
  # The full pipeline, as a user runs it.
  "$colophon" convert "$scan" --to json -o "$dir/pred.json" 2> "$dir/convert.log" || echo '{}' > "$dir/pred.json"
  python3 "$root/tools/eval/scorer_json.py" "$dir/pred.json" "$dir/pred.scorer.json"
  python3 "$root/tools/eval/ocr_cer.py" "$corpus/$id.json" "${hyps[@]}" |
    sed "s/^{/{\"id\": \"$id\", /" >> "$results"
done

python3 - "$results" "$work" "$corpus" "$shared/eval/score_pdf.py" <<'PY'
import json, os, subprocess, sys
results, work, corpus, scorer = sys.argv[1:5]
by = {}
for line in open(results):
    r = json.loads(line)
    by.setdefault(r["id"], {})[os.path.basename(r["hyp"]).rsplit(".", 1)[0]] = r
columns = [("pred", "colophon convert"), ("tesseract", "tesseract cmd"),
           ("colophon-png", "engine on PNG"), ("colophon-pdf", "engine on PDF"),
           ("colophon-png-plain", "engine no preproc")]
if any("tesseract-splash" in k for k in by.values()):
    columns.append(("tesseract-splash", "tesseract Splash"))
print("Body character error rate (edits in brackets); reference = ground-truth body blocks")
print("  colophon convert = full pipeline JSON body; tesseract cmd = `tesseract PNG -` on the same page images;")
print("  engine on PNG/PDF = colophon's OCR engine without layout analysis (colophon-ocr-text);")
print("  engine no preproc = the same on the PNGs without colophon's deskew and frame erasing")
print(f"{'document':<12} {'ref chars':>9} " + " ".join(f"{title:>18}" for _, title in columns))
tot = {k: 0 for k, _ in columns}
chars = 0
for doc, kinds in sorted(by.items()):
    chars += kinds["pred"]["ref_chars"]
    cells = []
    for k, _ in columns:
        tot[k] += kinds[k]["edits"]
        cells.append(f"{kinds[k]['cer']:.4f} ({kinds[k]['edits']})")
    print(f"{doc:<12} {kinds['pred']['ref_chars']:>9} " + " ".join(f"{c:>18}" for c in cells))
print(f"{'ALL':<12} {chars:>9} " + " ".join(f"{f'{tot[k] / max(chars, 1):.4f} ({tot[k]})':>18}" for k, _ in columns))
same = all(open(os.path.join(work, d, "colophon-png.txt")).read().replace("\f", "").strip() ==
           open(os.path.join(work, d, "colophon-pdf.txt")).read().replace("\f", "").strip() for d in by)
print("engine text on the PNGs and on the PDF identical:", "yes" if same else "NO")

def words(path):
    return open(path).read().replace("-\n", "").split()
same = all(words(os.path.join(work, d, "colophon-png-plain.txt")) == words(os.path.join(work, d, "tesseract.txt"))
           for d in by)
print("engine without preprocessing word for word the tesseract command's text:", "yes" if same else "NO")
print()
print("score_pdf.py on the colophon convert JSON")
keys = ["body_f1", "order_sim", "fn_p", "fn_r", "furniture_leak", "title_exact", "author_p", "author_r"]
print(f"{'document':<12} " + " ".join(f"{k:>14}" for k in keys))
for doc in sorted(by):
    out = subprocess.run([sys.executable, scorer, os.path.join(corpus, doc + ".json"),
                          os.path.join(work, doc, "pred.scorer.json")], capture_output=True, text=True)
    m = json.loads(out.stdout) if out.returncode == 0 else {}
    print(f"{doc:<12} " + " ".join(f"{'-' if m.get(k) is None else round(m[k], 3):>14}" for k in keys))
PY
