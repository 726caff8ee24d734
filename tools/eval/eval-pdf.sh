#!/bin/sh
# Converts every born-digital PDF of the generated corpus (not scan_*), scores the predictions
# with the shared scorer and compares speed with pdftotext on the same files.
#   tools/eval/eval-pdf.sh [BUILD_DIR] [CORPUS_DIR]
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build/dev}
corpus=${2:-$root/../shared/corpora/pdf-gen}
scorer=$root/../shared/eval/score_pdf.py
out=$build/eval-pdf
rm -rf "$out" && mkdir -p "$out/pred"
files=$(ls "$corpus"/*.pdf | grep -v '/scan_')
ids=$(for f in $files; do basename "$f" .pdf; done | paste -sd, -)
echo "== colophon"
"$build/tools/eval/colophon-eval-pdf" "$out/pred" $files 2>"$out/diagnostics.txt" | tee "$out/speed.txt"
# colophon's document JSON -> the scorer's own shape (footnotes, links[].uri, headings)
python3 "$root/tools/eval/scorer_json.py" --dir "$out/pred"
python3 "$scorer" --gt-dir "$corpus" --pred-dir "$out/pred" --ids "$ids" --csv "$out/per-doc.csv" > "$out/scores.json"
python3 - "$out/scores.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
keys = ["body_f1", "order_sim", "furniture_leak", "footnote_leak", "title_exact", "author_p", "author_r",
        "affil_acc", "date_exact", "head_p", "head_r", "subtitle_sim"]
for k in keys:
    v = a.get(k)
    print("%-16s %s" % (k, "-" if v is None else "%.4f" % v))
for k in ("fn_micro", "link_micro"):
    m = a.get(k)
    if m:
        print("%-16s P %.4f R %.4f (tp %d pred %d ref %d)" % (k, m["p"], m["r"], m["tp"], m["pred"], m["ref"]))
print("missing", a.get("missing_predictions"))
PY
echo "per-doc CSV: $out/per-doc.csv"
echo "== speed, CPU seconds (user+sys) on the same files; wall time is unreliable on a shared machine"
cpu() { /usr/bin/time -f "%U %S" "$@" 2>&1 >/dev/null | tail -1 | awk '{print $1 + $2}'; }
pages=$(for f in $files; do pdfinfo "$f" | awk '/^Pages:/{print $2}'; done | paste -sd+ - | bc)
c=$(cpu "$build/tools/eval/colophon-eval-pdf" "$out/pred-speed" $files)
p=$(cpu sh -c "for f in $(echo $files); do pdftotext \$f /dev/null; done")
echo "pages $pages | colophon ${c}s ($(echo "$pages / $c" | bc) pages/s) | pdftotext ${p}s ($(echo "$pages / $p" | bc) pages/s) | ratio $(echo "scale=2; $c / $p" | bc)"
