#!/usr/bin/env bash
# The main job on the bundled samples: installs the dependencies, builds colophon (release) and
# runs one batch over every sample document (HTML, PDF, scans and page images), producing for
# each a validated TEI file, clean text, JSON and a BagIt archival package, plus the batch
# reports and a clean-text corpus, under out/ (or the directory given as the first argument).
# Every package is then checked with `colophon verify`. Each document also gets a review page
# (<name>.review.html: the original beside what was kept), linked from out/report.html.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out}"

bash tools/setup-debian.sh
cmake --preset release
cmake --build --preset release -j "$(nproc)"
colophon=build/release/tools/colophon/colophon

mkdir -p "$out"
ls samples/html/*/input.* samples/pdf/*/input.* samples/ocr/*/input.* >"$out/inputs.txt"
status=0
"$colophon" batch @"$out/inputs.txt" -o "$out" --to tei,text,json,package --jobs "$(nproc)" \
  --bagging-date 2026-01-01 --corpus "$out/corpus.jsonl.gz" --review --progress lines || status=$?
# 3 = everything converted, some documents with warnings (e.g. "no author found")
[ $status -eq 3 ] && status=0
find "$out" -name '*.tar.gz' -print0 | xargs -0 "$colophon" verify --quiet || status=1
echo "run-samples: $(grep -c . "$out/inputs.txt") documents; outputs, packages and report.html in $out/"
exit $status
