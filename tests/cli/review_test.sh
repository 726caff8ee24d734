#!/usr/bin/env bash
# Usage: review_test.sh COLOPHON SOURCE_DIR ARTEFACT_DIR. Review pages (issue 15): a born-digital
# PDF, a scan and an HTML page each get one; every block of the document's TEI is on it with its
# role, nothing is loaded from outside, and headless Chromium renders it at 1,400 px and on a
# phone (screenshots and the DOM Chromium built are kept in ARTEFACT_DIR). Then a batch with
# --review links the pages from report.html, and a verdict recorded with --mark reaches the
# reports. Without Chromium the static checks still run and the test is skipped (77) after them.
set -uo pipefail
colophon="$1"
src="$2"
art="$3"
source "$src/tests/support/checks.sh"
mkdir -p "$art"
chromium=$(command -v chromium || command -v chromium-browser || true)

# Chromium kept off the network and away from the user's profile.
browse() { # browse OUT_PREFIX PAGE WIDTH HEIGHT
  local flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking
               --disable-component-update --disable-sync --hide-scrollbars "--user-data-dir=$work/chrome"
               "--window-size=$3,$4")
  timeout 120 "$chromium" "${flags[@]}" "--screenshot=$1.png" "file://$2" >/dev/null 2>&1 &&
  timeout 120 "$chromium" "${flags[@]}" --dump-dom "file://$2" >"$1.dom.html" 2>/dev/null
}

one() { # one NAME INPUT CHECK_FLAGS...
  local name="$1" input="$2"; shift 2
  local page="$art/$name.review.html"
  "$colophon" review "$input" -o "$page" -q; local rc=$?
  check "$name: review writes its page (exit $rc)" bash -c "[ $rc -eq 0 ] || [ $rc -eq 3 ]"
  "$colophon" convert "$input" -o "$work/$name.tei.xml" -q
  check "$name: every TEI block on the page with its role, no external resource" \
    python3 "$src/tests/cli/review_check.py" "$work/$name.tei.xml" "$page" "$@"
  if [ -n "$chromium" ]; then
    check "$name: Chromium renders it at 1400 px" browse "$art/$name-1400" "$page" 1400 2000
    check "$name: screenshot kept" test -s "$art/$name-1400.png"
    check "$name: the DOM Chromium built holds every TEI block with its role" \
      python3 "$src/tests/cli/review_check.py" "$work/$name.tei.xml" "$art/$name-1400.dom.html" "$@"
    check "$name: Chromium renders it on a phone (390 px)" browse "$art/$name-phone" "$page" 390 844
  fi
}

one pdf "$src/samples/pdf/footnotes-spanning-pages/input.pdf" --paged
one scan "$src/samples/ocr/scanned-page/input.jpg" --paged --ocr
one html "$src/samples/html/news-site/input.html"

# Small: a 20-page PDF's review page stays under 5 MB at the default resolution.
if command -v pdfunite >/dev/null; then
  pdfs=()
  for i in 1 2 3 4 5 6 7; do pdfs+=("$src/samples/pdf/footnotes-spanning-pages/input.pdf" "$src/samples/pdf/two-columns/input.pdf"); done
  pdfunite "${pdfs[@]}" "$work/long.pdf"
  pages=$(pdfinfo "$work/long.pdf" | awk '/^Pages:/ {print $2}')
  "$colophon" review "$work/long.pdf" -o "$art/long.review.html" -q
  size=$(stat -c %s "$art/long.review.html")
  echo "     $pages-page PDF: review page $size bytes"
  check "a $pages-page PDF (>= 20) has a review page under 5 MB" bash -c "[ $pages -ge 20 ] && [ $size -lt 5000000 ]"
fi

# A batch with --review: a page per document, linked from report.html; verdicts reach the reports.
mkdir -p "$work/shelf"
cp "$src/samples/html/news-site/input.html" "$work/shelf/news.html"
cp "$src/samples/pdf/two-columns/input.pdf" "$work/shelf/two.pdf"
"$colophon" batch "$work/shelf" -o "$work/out" --jobs 2 --review -q >/dev/null 2>&1
check "batch --review: a page per document" test -s "$work/out/shelf/news.html.review.html" -a -s "$work/out/shelf/two.pdf.review.html"
check "batch --review: report.html links them" bash -c "grep -q 'href=\"shelf/news.html.review.html\"' '$work/out/report.html' && grep -q 'href=\"shelf/two.pdf.review.html\"' '$work/out/report.html'"
"$colophon" review --mark shelf/two.pdf rejected "byline missing" --batch "$work/out" -q; rc=$?
check "review --mark records a verdict (exit $rc)" test $rc -eq 0
check "review --mark an unknown document: 2" test "$("$colophon" review --mark nothing accepted --batch "$work/out" >/dev/null 2>&1; echo $?)" -eq 2
check "review --mark a verdict that is none: 2" test "$("$colophon" review --mark shelf/two.pdf maybe --batch "$work/out" >/dev/null 2>&1; echo $?)" -eq 2
check "report.csv shows the verdict at once" grep -q 'rejected,byline missing' "$work/out/report.csv"
"$colophon" batch "$work/shelf" -o "$work/out" --jobs 2 --review -q >/dev/null 2>&1
check "report.csv still shows the verdict after the next batch run" grep -q 'rejected,byline missing' "$work/out/report.csv"
check "report.html shows the verdict" grep -q 'data-verdict="rejected"' "$work/out/report.html"
check "the second run converted nothing again (attempts 1)" python3 -c "
import csv, sys
rows = list(csv.DictReader(open('$work/out/report.csv', newline='')))
sys.exit(0 if rows and all(r['attempts'] == '1' for r in rows) else 1)"
check "a batch without --review writes no review page" bash -c "'$colophon' batch '$work/shelf' -o '$work/plain' --jobs 1 -q >/dev/null 2>&1; ! ls '$work/plain/shelf/'*.review.html >/dev/null 2>&1"

finish || exit 1
if [ -z "$chromium" ]; then
  echo "SKIP: chromium is not installed (apt-get install chromium): the static checks passed, the browser ones did not run"
  exit 77
fi
