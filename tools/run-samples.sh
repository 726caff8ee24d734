#!/usr/bin/env bash
# The main job on the bundled samples: installs the dependencies, builds colophon (release) and
# converts every sample document into validated TEI, text and JSON plus one archival package
# each, under out/ (or the directory given as the first argument).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out}"

bash tools/setup-debian.sh
cmake --preset release
cmake --build --preset release -j "$(nproc)"
colophon=build/release/tools/colophon/colophon

mkdir -p "$out"
status=0
for input in samples/html/*/input.* samples/pdf/*/input.* samples/ocr/*/input.*; do
  [ -e "$input" ] || continue
  case_name="$(basename "$(dirname "$input")")"
  kind="$(basename "$(dirname "$(dirname "$input")")")"
  stem="$out/$kind-$case_name"
  for fmt in tei text json; do
    ext=$([ $fmt = tei ] && echo tei.xml || ([ $fmt = text ] && echo txt || echo json))
    "$colophon" convert "$input" --to $fmt -o "$stem.$ext" -q || { rc=$?; [ $rc -eq 3 ] || status=1; }
  done
done
if "$colophon" pack --help >/dev/null 2>&1; then
  "$colophon" pack samples/html/*/input.* samples/pdf/*/input.* -o "$out/packages" --bagging-date 2026-01-01 || status=1
  "$colophon" verify "$out"/packages/* || status=1
fi
echo "run-samples: outputs in $out/"
exit $status
