#!/usr/bin/env bash
# Usage: convert_test.sh COLOPHON SOURCE_DIR. Prints one line per check; fails on the first miss.
set -uo pipefail
colophon="$1"
src="$2"
source "$src/tests/support/checks.sh"
page="$work/page.html"
cat >"$page" <<'HTML'
<!DOCTYPE html><html lang="en"><head><title>A Test Page | Site</title></head><body>
<nav><a href="/">Home</a></nav><article><h1>A Test Page</h1>
<p>The first paragraph of the article has enough words to be taken for prose by anyone reading it.</p>
<p>The second paragraph links to <a href="https://example.org/x">an example</a> and goes on a little.</p>
</article><footer>All rights reserved</footer></body></html>
HTML

"$colophon" --version >"$work/v" 2>&1; rc=$?
check "version exits 0" test $rc -eq 0
check "version names the program" grep -q '^colophon [0-9]' "$work/v"

"$colophon" >/dev/null 2>&1; rc=$?
check "no subcommand is a usage error (2)" test $rc -eq 2
"$colophon" convert --to nonsense "$page" >/dev/null 2>&1; rc=$?
check "bad option value is a usage error (2)" test $rc -eq 2

"$colophon" convert "$work/missing.html" 2>"$work/err"; rc=$?
check "missing input is a usage error (2)" test $rc -eq 2
check "missing input error names the file" grep -q "missing.html: no such file or directory" "$work/err"

"$colophon" convert - <"$page" >"$work/out.xml" 2>/dev/null; rc=$?
check "stdin to stdout works" test $rc -eq 0 -o $rc -eq 3
check "stdout has TEI" grep -q '<TEI xmlns="http://www.tei-c.org/ns/1.0"' "$work/out.xml"
check "link resolved and kept" grep -q '<ref target="https://example.org/x">an example</ref>' "$work/out.xml"
check "boilerplate dropped" bash -c "! grep -q 'All rights reserved' '$work/out.xml'"

"$colophon" convert "$page" --to text -o "$work/out.txt" 2>/dev/null
check "text output starts with the title" bash -c "head -1 '$work/out.txt' | grep -q 'A Test Page'"
"$colophon" convert "$page" --to json -o "$work/out.json" 2>/dev/null
check "json output parses" python3 -c "import json,sys; json.load(open('$work/out.json'))"
check "no temporary files left" bash -c "! ls -a '$work' | grep -q '\.tmp-'"

"$colophon" convert "$page" -o "$work/no/such/dir/out.xml" 2>"$work/err"; rc=$?
check "output into a missing folder is a usage error (2)" test $rc -eq 2
check "missing output folder error names the file" grep -q "out.xml" "$work/err"
mkdir "$work/ro" && chmod 555 "$work/ro"
if [ "$(id -u)" -ne 0 ]; then
  "$colophon" convert "$page" -o "$work/ro/out.xml" 2>"$work/err"; rc=$?
  check "unwritable output fails (1)" test $rc -eq 1
fi

python3 -c "print('<html><body><article>' + '<p>word and more words in a paragraph</p>' * 200000 + '</article></body></html>')" >"$work/big.html"
"$colophon" convert "$work/big.html" --max-seconds 0.001 -o "$work/big.xml" 2>"$work/err"; rc=$?
check "time limit stops the conversion (1)" test $rc -eq 1
check "time limit error is clear" grep -q "exceeded the time limit of 0.001 s .*\[limits.timeout\]" "$work/err"
check "time limit leaves no output" test ! -e "$work/big.xml"
"$colophon" convert "$work/big.html" --max-input-bytes 1000 -o "$work/big.xml" 2>"$work/err"; rc=$?
check "size limit refuses the input (1)" test $rc -eq 1
check "size limit error is clear" grep -q "above the limit of 1000.*\[input.too-large\]" "$work/err"

# a page over two windows (8 MiB) is converted window by window, every paragraph kept in order
python3 -c "
import sys
rows = ''.join(f'<p>Paragraph {i} of the report: the committee met on the <em>sixteenth</em> of March and cited earlier studies.</p>\\n' for i in range(100000))
sys.stdout.write('<html><head><title>Long</title></head><body><article><h1>Long</h1>' + rows + '</article></body></html>')
" >"$work/huge.html"
"$colophon" convert "$work/huge.html" -v -o "$work/huge.xml" 2>"$work/err"; rc=$?
check "a page over two windows converts (0)" test $rc -eq 0
check "the windows are reported" grep -q "converted in [0-9]* windows.*\[html.windows\]" "$work/err"
check "every paragraph of the windows is kept" test "$(grep -c '<p>Paragraph' "$work/huge.xml")" -eq 100000
check "the paragraphs stay in order" bash -c "grep -o 'Paragraph [0-9]*' '$work/huge.xml' | awk '{ if (\$2 != NR - 1) exit 1 }'"
"$colophon" convert "$work/huge.html" --to text -o "$work/huge.txt" 2>"$work/err"; rc=$?
check "its text streams too (0)" test $rc -eq 0
check "the text holds every paragraph" test "$(grep -c '^Paragraph' "$work/huge.txt")" -eq 100000

finish
