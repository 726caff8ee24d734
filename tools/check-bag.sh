#!/usr/bin/env bash
# Independent cross-check of a BagIt package with standard tools only (coreutils, tar/unzip,
# xmllint), so colophon's own verifier is not the only judge. Not used by the tests.
#   tools/check-bag.sh PACKAGE.tar.gz|PACKAGE.zip|BAGDIR [SCHEMA_DIR]
# SCHEMA_DIR defaults to ../shared/schemas-external (METS is validated when it exists).
set -euo pipefail
pkg=$1
schemas=${2:-$(dirname "$0")/../../shared/schemas-external}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

case "$pkg" in
  *.tar.gz|*.tgz) gzip -t "$pkg"; tar xzf "$pkg" -C "$work" ;;
  *.zip) unzip -tq "$pkg" >/dev/null; unzip -q "$pkg" -d "$work" ;;
  *) cp -a "$pkg" "$work/" ;;
esac
[ "$(ls -A "$work" | wc -l)" -eq 1 ] || fail "archive must hold exactly one top-level directory"
bag="$work/$(ls -A "$work")"
[ -z "$(find "$bag" -type l)" ] || fail "symbolic links in the bag"
cd "$bag"

printf 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n' | cmp -s - bagit.txt || fail "bagit.txt"
for alg in sha256 sha512; do
  # Manifests percent-encode '%' as %25 (RFC 8493); the *sum tools expect plain names.
  sed 's/%25/%/g' "manifest-$alg.txt" | "${alg}sum" -c --quiet || fail "manifest-$alg.txt"
  "${alg}sum" -c --quiet "tagmanifest-$alg.txt" || fail "tagmanifest-$alg.txt"
  listed=$(sed 's/^[0-9a-f]* *//; s/%25/%/g' "manifest-$alg.txt" | sort)
  present=$(find data -type f | sort)
  [ "$listed" = "$present" ] || fail "manifest-$alg.txt does not list exactly the payload files"
done
oxum=$(sed -n 's/^Payload-Oxum: //p' bag-info.txt)
bytes=$(find data -type f -printf '%s\n' | awk '{s+=$1} END {print s+0}')
count=$(find data -type f | wc -l)
[ "$oxum" = "$bytes.$count" ] || fail "Payload-Oxum $oxum, payload is $bytes.$count"
if [ -f "$schemas/mets-bundle.xsd" ]; then
  XML_CATALOG_FILES="$schemas/catalog.xml" xmllint --nonet --noout --schema "$schemas/mets-bundle.xsd" data/METS.*.xml \
    2>&1 | grep -v 'parser warning\|Skipping import' || true
  XML_CATALOG_FILES="$schemas/catalog.xml" xmllint --nonet --noout --schema "$schemas/mets-bundle.xsd" data/METS.*.xml \
    >/dev/null 2>&1 || fail "METS does not validate"
fi
echo "OK: $pkg ($count payload files, $bytes bytes)"
