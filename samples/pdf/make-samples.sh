#!/bin/sh
# Regenerates every samples/pdf/<case>/input.pdf from its source.txt with the cairo-based
# generator (tools/make-pdf-samples), then refresh the golden files and read the diff:
#   samples/pdf/make-samples.sh [BUILD_DIR] && UPDATE_GOLDEN=1 ctest --test-dir build/dev -R corpus.pdf
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build/dev}
for src in "$here"/*/source.txt; do
  "$build/tools/make-pdf-samples/colophon-make-pdf-samples" "$src" "$(dirname "$src")/input.pdf"
done
