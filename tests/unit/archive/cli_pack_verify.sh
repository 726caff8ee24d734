#!/usr/bin/env bash
# colophon pack / colophon verify end to end: exit codes, keep-failed, reproducible bytes,
# corruption detected. Usage: cli_pack_verify.sh COLOPHON_BINARY
set -u
colophon=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p "$tmp/out" "$tmp/again"
head -c 5000 /dev/urandom > "$tmp/junk.bin"
cat > "$tmp/page.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><title>Small Magazines</title></head>
<body><article><h1>Small Magazines</h1><p>By Ada Lovelace</p><p>Preservation matters.</p></article></body></html>
HTML

# 1. a file that cannot be converted is still packaged (keep-failed is the default), exit 1
"$colophon" pack "$tmp/junk.bin" -o "$tmp/out" --bagging-date 2026-01-02 -q --json > "$tmp/pack.json"
[ $? -eq 1 ] || fail "pack of junk should exit 1"
grep -q '"status":"failed"' "$tmp/pack.json" || fail "pack --json should report failed"
pkg=$(ls "$tmp"/out/*.tar.gz)
[ -f "$pkg" ] || fail "no package for a failed conversion"
"$colophon" verify -q "$pkg" || fail "verify of the failed-conversion package"

# 2. --no-keep-failed writes nothing
"$colophon" pack "$tmp/junk.bin" -o "$tmp/again" --no-keep-failed -q > /dev/null
[ -z "$(ls -A "$tmp/again")" ] || fail "--no-keep-failed left a package"

# 3. same input + same bagging date = same bytes; every format verifies
for fmt in tar.gz zip dir; do
  rm -rf "$tmp/a" "$tmp/b"; mkdir -p "$tmp/a" "$tmp/b"
  "$colophon" pack "$tmp/page.html" -o "$tmp/a" --format "$fmt" --bagging-date 2026-01-02 --id page-1 -q > /dev/null
  rc=$?; [ $rc -eq 0 ] || [ $rc -eq 1 ] || [ $rc -eq 3 ] || fail "pack exit code $rc"
  "$colophon" pack "$tmp/page.html" -o "$tmp/b" --format "$fmt" --bagging-date 2026-01-02 --id page-1 -q > /dev/null
  "$colophon" verify -q "$tmp/a/page-1"* || fail "verify $fmt"
  if [ "$fmt" != dir ]; then cmp -s "$tmp/a/page-1"* "$tmp/b/page-1"* || fail "$fmt not reproducible"; fi
done

# 4. truncation and corruption fail verify (exit 1) and the JSON report says so
rm -rf "$tmp/a"; mkdir -p "$tmp/a"
"$colophon" pack "$tmp/page.html" -o "$tmp/a" --bagging-date 2026-01-02 --id page-1 -q > /dev/null
size=$(stat -c %s "$tmp/a/page-1.tar.gz")
head -c $((size / 2)) "$tmp/a/page-1.tar.gz" > "$tmp/a/cut.tar.gz"
"$colophon" verify "$tmp/a/cut.tar.gz" > "$tmp/cut.txt"; [ $? -eq 1 ] || fail "truncated package verified"
grep -q "cut.tar.gz" "$tmp/cut.txt" || fail "truncation report does not name the archive"
"$colophon" verify --json "$tmp/a/cut.tar.gz" | grep -q '"ok":false' || fail "--json report"

# 5. usage errors exit 2
"$colophon" pack "$tmp/page.html" -o "$tmp/a" --id '../x' -q > /dev/null 2>&1; [ $? -eq 2 ] || fail "bad --id"
"$colophon" pack "$tmp/page.html" -o "$tmp/a" --bagging-date yesterday -q > /dev/null 2>&1; [ $? -eq 2 ] || fail "bad date"
# 6. pack -o creates the folder; "-" packs standard input; batch reads a list from "@-"
"$colophon" pack - -o "$tmp/new/dir" --bagging-date 2026-01-02 -q < "$tmp/page.html" > /dev/null
rc=$?; [ $rc -eq 0 ] || [ $rc -eq 3 ] || fail "pack - exit code $rc"
pkg=$(ls "$tmp"/new/dir/*.tar.gz) || fail "pack -o did not create the folder"
tar tzf "$pkg" | grep -q "/data/original/stdin.html$" || fail "standard input not kept as stdin.html"
"$colophon" verify -q "$pkg" || fail "verify of the standard-input package"
[ -z "$(ls -A "$tmp/new/dir" | grep -v '\.tar\.gz$')" ] || fail "pack - left its spooled copy behind"
printf '%s\n' "$tmp/page.html" | "$colophon" batch @- -o "$tmp/from-stdin" --root "$tmp" -q
rc=$?; [ $rc -eq 0 ] || [ $rc -eq 3 ] || fail "batch @- exit code $rc"
[ -f "$tmp/from-stdin/page.html.tei.xml" ] || fail "batch @- did not convert the listed file"
echo "OK"
