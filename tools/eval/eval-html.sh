#!/bin/sh
# Runs colophon's HTML converter over the article-extraction benchmark and scores it.
# usage: tools/eval/eval-html.sh [BUILD_DIR]   (default build/dev; run from the project root)
set -eu
build=${1:-build/dev}
bench=../shared/corpora/article-extraction-benchmark
out=$build/eval-html
rm -rf "$out"
# speed: libxml2's parse alone vs the whole conversion (convert + TEI + validation), one core;
# CPU time, so other load on the machine does not count
"$build/tools/eval/colophon-eval-html" "$bench/html" --parse-only --repeat 3
"$build/tools/eval/colophon-eval-html" "$bench/html" --repeat 3
"$build/tools/eval/colophon-eval-html" "$bench/html" --no-tei --out "$out/pred"
python3 ../shared/eval/score_html.py --pred "$out/pred" --truth "$bench/ground-truth.json" \
  --per-doc "$out/per-doc.tsv" --name colophon
echo "per-document scores: $out/per-doc.tsv"
