#!/usr/bin/env bash
# Every sample (HTML, born-digital PDF, scans and page images) packed by `colophon batch --to
# package` verifies with `colophon verify` under default limits, its METS against the official
# METS 1.12.1 / PREMIS 3 / MODS 3.8 schemas and its ALTO against ALTO 4.4 (../shared/schemas-
# external with its offline catalog). Skips (exit 77) only when those schemas are absent.
# Usage: cli_sample_packages.sh COLOPHON SOURCE_DIR SHARED_DIR
set -u
colophon=$1
src=$2
schemas=$3/schemas-external
fail() { echo "FAIL: $*"; exit 1; }
if [ ! -f "$schemas/mets-bundle.xsd" ] || [ ! -f "$schemas/alto/alto-4-4.xsd" ] || [ ! -f "$schemas/catalog.xml" ]; then
  echo "SKIP: $schemas (METS, PREMIS, MODS, ALTO schemas) absent"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ls "$src"/samples/html/*/input.* "$src"/samples/pdf/*/input.* "$src"/samples/ocr/*/input.* > "$tmp/list"
expected=$(grep -c . "$tmp/list")
(cd "$src" && "$colophon" batch @"$tmp/list" -o "$tmp/out" --to package --bagging-date 2026-01-01 --jobs 2 --quiet)
rc=$?
[ $rc -eq 0 ] || [ $rc -eq 1 ] || [ $rc -eq 3 ] || fail "batch exit code $rc"

packages=0
alto=0
while IFS= read -r pkg; do
  packages=$((packages + 1))
  "$colophon" verify --external-schemas "$schemas" "$pkg" > "$tmp/verify.txt" || { cat "$tmp/verify.txt"; fail "verify $pkg"; }
  if grep -q "schema-unavailable\|not checked" "$tmp/verify.txt"; then cat "$tmp/verify.txt"; fail "schemas not applied to $pkg"; fi
  alto=$((alto + $(tar tzf "$pkg" | grep -c '\.alto\.xml$')))
done < <(find "$tmp/out" -name '*.tar.gz' | sort)
[ "$packages" -eq "$expected" ] || fail "$packages packages for $expected samples"
[ "$alto" -gt 0 ] || fail "no ALTO file among the OCR samples' packages"
echo "OK: $packages packages verified (METS/PREMIS/MODS and $alto ALTO files against the official schemas)"
