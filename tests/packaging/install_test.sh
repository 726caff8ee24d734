#!/usr/bin/env bash
# Usage: install_test.sh BUILD_DIR SOURCE_DIR SHARED_DIR
# What a user installs works on its own: the man pages render, `cmake --install` puts the program,
# its schemas (the official METS/PREMIS ones too), man pages and completions under the prefix, the
# installed program finds them there (not in the build tree), and `cpack -G DEB` makes a package
# with the right dependencies whose unpacked program runs.
set -uo pipefail
build="$1"
src="$2"
shared="$3"
source "$src/tests/support/checks.sh"
unset COLOPHON_SCHEMA_DIR COLOPHON_EXTERNAL_SCHEMAS
have_shared=0
[ -f "$shared/schemas-external/mets-bundle.xsd" ] && have_shared=1
[ $have_shared = 1 ] || echo "note: $shared/schemas-external absent: METS schema checks skipped"
page="$src/samples/html/news-site/input.html"

# 1. man pages, generated from the program's own help at build time
for m in colophon colophon-convert colophon-pack colophon-verify colophon-batch colophon-merge colophon-review; do
  f="$build/man/$m.1"
  check "$m.1 built" test -s "$f"
  check "$m.1 renders without warnings" bash -c "LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z '$f' 2>&1 | (! grep -q .)"
  check "$m.1 has the exit-code table" grep -q '^\.SH "EXIT STATUS"' "$f"
done
check "colophon-convert.1 documents --verbose" grep -q -- 'verbose' "$build/man/colophon-convert.1"
check "colophon-batch.1 shows the real --jobs default" grep -q 'all cores' "$build/man/colophon-batch.1"

# 2. cmake --install into a fresh prefix
prefix="$work/prefix"
cmake --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1
check "cmake --install succeeds" test $? -eq 0
for f in bin/colophon lib/colophon/libcolophon-media.so share/colophon/schemas/colophon-tei.xsd share/colophon/schemas/xml.xsd \
         share/colophon/schemas/colophon-document.schema.json share/man/man1/colophon-convert.1 \
         share/bash-completion/completions/colophon share/zsh/vendor-completions/_colophon \
         share/doc/colophon/copyright; do
  check "installs $f" test -e "$prefix/$f"
done
if [ $have_shared = 1 ]; then
  for f in mets-bundle.xsd catalog.xml mets/mets-1-12-1.xsd premis/premis-v3-0.xsd mods/mods-3-8.xsd dc/dcterms.xsd w3/xlink-loc.xsd; do
    check "installs schemas/external/$f" test -e "$prefix/share/colophon/schemas/external/$f"
  done
fi

# 3. the installed program uses the installed schemas, wherever the build tree is
"$prefix/bin/colophon" convert -v "$page" -o "$work/out.tei.xml" 2>"$work/convert.err"; rc=$?
check "installed convert works" test $rc -eq 0
check "installed convert validates with the installed TEI schema" grep -q "schema: $prefix/share/colophon/schemas/colophon-tei.xsd" "$work/convert.err"
pdf="$src/samples/pdf/one-column/input.pdf"
"$prefix/bin/colophon" convert -v "$pdf" -o "$work/pdf.tei.xml" 2>"$work/pdf.err"; rc=$?
check "installed convert reads a PDF (0)" test $rc -eq 0
check "installed convert loads the installed PDF/OCR module" grep -q "PDF/OCR module: $prefix/lib/colophon/libcolophon-media.so" "$work/pdf.err"
mkdir -p "$work/packages"
"$prefix/bin/colophon" pack "$page" -o "$work/packages" --bagging-date 2026-01-01 2>/dev/null
pkg=$(ls "$work/packages"/*.tar.gz | head -1)
"$prefix/bin/colophon" verify -v "$pkg" >"$work/verify.out" 2>"$work/verify.err"; rc=$?
check "installed verify accepts a package (0)" test $rc -eq 0
if [ $have_shared = 1 ]; then
  check "installed verify validates METS with the installed schemas" grep -q "METS: validated against $prefix/share/colophon/schemas/external/mets-bundle.xsd" "$work/verify.err"
  check "installed verify does not skip METS validation" bash -c "! grep -qi 'skip' '$work/verify.out' '$work/verify.err'"
fi

# 4. the Debian package
cpack -G DEB -B "$work/deb" --config "$build/CPackConfig.cmake" >"$work/cpack.log" 2>&1; rc=$?
check "cpack -G DEB succeeds" test $rc -eq 0
deb=$(ls "$work/deb"/*.deb 2>/dev/null | head -1)
check "a .deb is made" test -n "$deb"
if [ -n "$deb" ]; then
  depends=$(dpkg-deb -f "$deb" Depends)
  echo "Depends: $depends"
  for lib in libxml2 libpoppler libtesseract libarchive libsqlite3 libicu tesseract-ocr-eng; do
    check "Depends names $lib" bash -c "grep -q '$lib' <<<'$depends'"
  done
  recommends=$(dpkg-deb -f "$deb" Recommends)
  for pack in tesseract-ocr-osd hunspell-en-us; do # what --lang auto and de-hyphenation use
    check "Recommends names $pack" bash -c "grep -q '$pack' <<<'$recommends'"
  done
  root="$work/root"
  dpkg-deb -x "$deb" "$root"
  check "the package holds /usr/bin/colophon" test -x "$root/usr/bin/colophon"
  out=$("$root/usr/bin/colophon" --version); rc=$?
  check "the packaged colophon --version runs (0)" test $rc -eq 0
  check "the packaged colophon names its version" bash -c "[[ '$out' =~ ^colophon\ [0-9]+\.[0-9]+ ]]"
  "$root/usr/bin/colophon" convert -v "$page" -o "$work/deb.tei.xml" 2>"$work/deb.err"
  check "the packaged colophon validates with its own schema" grep -q "schema: $root/usr/share/colophon/schemas/colophon-tei.xsd" "$work/deb.err"
  "$root/usr/bin/colophon" convert -v "$pdf" -o "$work/deb-pdf.tei.xml" 2>"$work/deb-pdf.err"
  check "the packaged colophon loads its own PDF/OCR module" grep -q "PDF/OCR module: $root/usr/lib/colophon/libcolophon-media.so" "$work/deb-pdf.err"
  check "the package's binary is stripped" bash -c "! file -L '$root/usr/bin/colophon' | grep -q 'not stripped'"
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    apt-get -s -q install "$deb" >"$work/apt.log" 2>&1; rc=$?
    check "apt can satisfy the package's dependencies" test $rc -eq 0
    grep -E 'Inst|unmet|Depends' "$work/apt.log" | head -5
  fi
fi

finish
