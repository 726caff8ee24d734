#!/usr/bin/env bash
# Usage: tei_all.sh SHARED_DIR WORK_DIR MIN_FILES
# Every TEI the golden-file tests wrote (WORK_DIR/<kind>/<case>/actual.tei.xml) validates against
# the official TEI P5 tei_all schema, with jing (or libxml2's RelaxNG when jing is absent). A
# control document with an invalid application version must be refused, so the check can fail.
set -uo pipefail
shared="$1"
work="$2"
min="$3"
rng="$shared/schemas-external/tei/tei_all.rng"
if [ ! -f "$rng" ]; then
  echo "SKIP: $rng not found (../shared absent): TEI outputs not checked against tei_all"
  exit 77
fi
mapfile -t files < <(find "$work" -name actual.tei.xml | sort)
echo "${#files[@]} TEI outputs of the golden-file tests"
if [ "${#files[@]}" -lt "$min" ]; then
  echo "FAIL: expected at least $min TEI outputs under $work (run the corpus tests first)"
  exit 1
fi
control="$(mktemp --suffix=.xml)"
trap 'rm -f "$control"' EXIT
sed -E '0,/<application ident="colophon" version="[^"]*"/s//<application ident="colophon" version="colophon 0.1"/' \
  "${files[0]}" >"$control"
validate() {
  if command -v jing >/dev/null; then
    jing "$rng" "$@"
  else
    xmllint --noout --nonet --relaxng "$rng" "$@"
  fi
}
if validate "$control" >/dev/null 2>&1; then
  echo "FAIL: tei_all accepted a control document with application/@version=\"colophon 0.1\""
  exit 1
fi
if validate "${files[@]}"; then
  echo "all ${#files[@]} valid against tei_all"
  exit 0
fi
echo "FAIL: some TEI outputs are not valid TEI P5 (tei_all)"
exit 1
