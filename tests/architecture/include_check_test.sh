#!/usr/bin/env bash
# The include check fails on an upward include in a converter and in a unit test, and on a folder
# missing from the graph; it passes on an untouched copy of the tree.
#   include_check_test.sh PYTHON SOURCE_DIR
set -euo pipefail
python=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/tools"
cp "$src/ARCHITECTURE.md" "$tmp/"
cp "$src/tools/check-includes.py" "$tmp/tools/"
cp -r "$src/converters" "$tmp/"
mkdir -p "$tmp/tests" && cp -r "$src/tests/unit" "$tmp/tests/"
check() { "$python" "$tmp/tools/check-includes.py" "$tmp"; }

check >/dev/null || { echo "FAIL: the untouched tree does not pass"; exit 1; }

expect_breach() { # what, pattern
    local out
    if out=$(check); then echo "FAIL: $1 was not caught"; exit 1; fi
    grep -q "$2" <<<"$out" || { echo "FAIL: $1: unexpected message: $out"; exit 1; }
}

echo '#include "batch/batch_job.h"' >"$tmp/converters/layout/upward.cpp"
expect_breach "layout including batch" "converters/layout/upward.cpp:1: includes batch/"
rm "$tmp/converters/layout/upward.cpp"

echo '#include "html/html_blocks.h"' >"$tmp/tests/unit/layout/sideways_test.cpp"
expect_breach "a layout test including html" "tests/unit/layout/sideways_test.cpp:1: includes html/"
rm "$tmp/tests/unit/layout/sideways_test.cpp"

mkdir "$tmp/converters/newfolder"
expect_breach "a folder without a line" "converters/newfolder/: folder missing"
echo "include check: every breach caught"
