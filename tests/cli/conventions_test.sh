#!/usr/bin/env bash
# Usage: conventions_test.sh COLOPHON SOURCE_DIR. The conventions every subcommand keeps: --version
# and --help anywhere, -q and -v, the one exit-code table (0 clean, 3 warnings, 1 failed, 2 usage
# or setup), and "-" for standard input and output. One line per check; fails if any misses.
set -uo pipefail
colophon="$1"
src="$2"
source "$src/tests/support/checks.sh"
status_of() { "$@" >/dev/null 2>&1; echo $?; }

clean="$src/samples/html/news-site/input.html"        # converts without warnings
warned="$src/samples/bad/html-invalid-utf8/input.html" # converts with a warning
broken="$src/samples/bad/pdf-encrypted/input.pdf"      # cannot be converted
commands=(convert pack verify batch merge review)

# --version and --help anywhere, whatever else the command line holds
for c in "${commands[@]}"; do
  out=$("$colophon" "$c" --version 2>&1); rc=$?
  check "$c --version exits 0" test $rc -eq 0
  check "$c --version prints the version" bash -c "[[ '$out' =~ ^colophon\ [0-9] ]]"
  check "$c --version after other arguments exits 0" test "$(status_of "$colophon" "$c" /nonexistent --bogus --version)" -eq 0
  "$colophon" "$c" --help >"$work/help" 2>&1; rc=$?
  check "$c --help exits 0" test $rc -eq 0
  check "$c --help lists -q, -v and --version" bash -c "grep -q -- '--quiet' '$work/help' && grep -q -- '--verbose' '$work/help' && grep -q -- '--version' '$work/help'"
  check "$c: -q and -v exclude each other (2)" test "$(status_of "$colophon" "$c" -q -v x)" -eq 2
  check "$c: unknown option is a usage error (2)" test "$(status_of "$colophon" "$c" --no-such-option x)" -eq 2
done
check "bare --version" test "$("$colophon" --version)" = "$("$colophon" convert --version)"

# help texts show the real defaults
"$colophon" batch --help >"$work/help" 2>&1
check "batch --jobs shows all cores as its default" grep -q -- "--jobs.*=all cores" "$work/help"
"$colophon" convert --help >"$work/help" 2>&1
check "--ocr shows its default" grep -q -- "--ocr MODE:{auto,always,never}=auto" "$work/help"
"$colophon" pack --help >"$work/help" 2>&1
check "--keep-failed does not read as off" bash -c "! grep -q 'keep-failed{false}' '$work/help'"

# the exit-code table, subcommand by subcommand
check "convert clean: 0" test "$(status_of "$colophon" convert "$clean" -o "$work/c.xml")" -eq 0
check "convert warnings: 3" test "$(status_of "$colophon" convert "$warned" -o "$work/w.xml")" -eq 3
check "convert failed: 1" test "$(status_of "$colophon" convert "$broken" -o "$work/f.xml")" -eq 1
check "convert missing input: 2" test "$(status_of "$colophon" convert "$work/none.html")" -eq 2
check "convert missing OCR language: 2" test "$(status_of "$colophon" convert "$clean" --lang zzz -o "$work/l.xml")" -eq 2
check "review clean: 0" test "$(status_of "$colophon" review "$clean" -o "$work/c.review.html")" -eq 0
check "review warnings: 3" test "$(status_of "$colophon" review "$warned" -o "$work/w.review.html")" -eq 3
check "review failed: 1" test "$(status_of "$colophon" review "$broken" -o "$work/f.review.html")" -eq 1
check "review missing input: 2" test "$(status_of "$colophon" review "$work/none.html")" -eq 2
check "review --mark without a batch: 2" test "$(status_of "$colophon" review --mark a.html accepted --batch "$work/nowhere")" -eq 2
mkdir -p "$work/packages"
check "pack clean: 0" test "$(status_of "$colophon" pack "$clean" -o "$work/packages" --bagging-date 2026-01-01)" -eq 0
check "pack warnings: 3" test "$(status_of "$colophon" pack "$warned" -o "$work/packages" --bagging-date 2026-01-01)" -eq 3
check "pack failed: 1" test "$(status_of "$colophon" pack "$broken" -o "$work/packages" --bagging-date 2026-01-01)" -eq 1
check "pack missing input: 2" test "$(status_of "$colophon" pack "$work/none.html" -o "$work/packages")" -eq 2
check "pack missing OCR language: 2" test "$(status_of "$colophon" pack "$clean" --lang zzz -o "$work/packages")" -eq 2
pkg=$(ls "$work/packages"/*.tar.gz | head -1)
check "verify valid: 0" test "$(status_of "$colophon" verify "$pkg")" -eq 0
head -c 2000 "$pkg" >"$work/cut.tar.gz"
check "verify invalid: 1" test "$(status_of "$colophon" verify "$work/cut.tar.gz")" -eq 1
check "verify missing package: 2" test "$(status_of "$colophon" verify "$work/none.tar.gz")" -eq 2
mkdir -p "$work/shelf" && cp "$clean" "$work/shelf/a.html"
check "batch clean: 0" test "$(status_of "$colophon" batch "$work/shelf" -o "$work/out1" --jobs 1 --corpus "$work/out1/corpus.jsonl.gz")" -eq 0
cp "$warned" "$work/shelf/b.html"
check "batch warnings: 3" test "$(status_of "$colophon" batch "$work/shelf" -o "$work/out2" --jobs 1 --corpus "$work/out2/corpus.jsonl.gz")" -eq 3
cp "$broken" "$work/shelf/c.pdf"
check "batch failed: 1" test "$(status_of "$colophon" batch "$work/shelf" -o "$work/out3" --jobs 1)" -eq 1
check "batch missing source: 2" test "$(status_of "$colophon" batch "$work/nowhere" -o "$work/out4")" -eq 2
check "batch missing source creates nothing" test ! -e "$work/out4"
check "batch missing OCR language: 2" test "$(status_of "$colophon" batch "$work/shelf" --lang zzz -o "$work/out5")" -eq 2
check "merge clean: 0" test "$(status_of "$colophon" merge "$work/out1" -o "$work/m1")" -eq 0
check "merge failed: 1" test "$(status_of "$colophon" merge "$work/out1" "$work/out3" -o "$work/m2")" -eq 1
check "merge missing folder: 2" test "$(status_of "$colophon" merge "$work/nowhere" -o "$work/m3")" -eq 2

# "-" for standard input and output
"$colophon" convert - --to json <"$clean" >"$work/stdin.json" 2>/dev/null
check "convert - reads standard input" python3 -c "import json; assert json.load(open('$work/stdin.json'))['title']"
"$colophon" convert "$clean" -o - --to text >"$work/stdout.txt" 2>/dev/null
check "convert -o - writes standard output" test -s "$work/stdout.txt"
"$colophon" verify - <"$pkg" >"$work/verify.out" 2>&1; rc=$?
check "verify - reads a package from standard input (0)" test $rc -eq 0
check "verify - reports no name mismatch" bash -c "! grep -q name-mismatch '$work/verify.out'"
"$colophon" verify - <"$work/cut.tar.gz" >/dev/null 2>&1; rc=$?
check "verify - on a damaged package: 1" test $rc -eq 1
printf '%s\n' "$work/out1" "$work/out2" | "$colophon" merge - -o "$work/m4" --corpus - >"$work/merged.jsonl.gz" 2>/dev/null; rc=$?
check "merge - reads folders from standard input" test $rc -eq 3
check "merge --corpus - writes the corpus to standard output" bash -c "zcat '$work/merged.jsonl.gz' | python3 -c 'import json,sys; assert len([json.loads(l) for l in sys.stdin]) == 2'"
"$colophon" batch "$work/shelf" -o "$work/out6" --jobs 1 --corpus - >"$work/batch.jsonl.gz" 2>/dev/null
check "batch --corpus - writes the corpus to standard output" bash -c "zcat '$work/batch.jsonl.gz' | grep -q '\"text\"'"
check "batch --corpus - leaves no temporary corpus" bash -c "! ls '$work/out6/.colophon' 2>/dev/null | grep -q stdout-corpus"

# -q prints errors only; -v adds stage timings and decisions
"$colophon" convert "$warned" -q -o "$work/q.xml" 2>"$work/q.err"
check "convert -q hides warnings" test ! -s "$work/q.err"
"$colophon" convert "$clean" -v -o "$work/v.xml" 2>"$work/v.err"
check "convert -v times the stages" bash -c "grep -q '^colophon: read .*sniffed as text/html (.* ms)' '$work/v.err' && grep -q '^colophon: convert: method html' '$work/v.err' && grep -q '^colophon: render tei, schema-valid' '$work/v.err'"
"$colophon" batch "$work/shelf" -v -o "$work/out7" --jobs 1 2>"$work/bv.err"
check "batch -v gives each document's method and stage timings" grep -q '^\[[123]/3\] ok .*{html, 1 pages, [0-9.]* s, .*read [0-9]' "$work/bv.err"
"$colophon" verify -v "$pkg" >/dev/null 2>"$work/vv.err"
check "verify -v says which METS schemas it used" grep -q '^colophon: METS: ' "$work/vv.err"

finish
