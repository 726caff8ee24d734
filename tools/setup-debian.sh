#!/usr/bin/env bash
# Installs every system dependency colophon needs on a fresh Debian (12+) machine.
# Idempotent: apt skips what is already installed. Run as root (or with sudo available).
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config clang libclang-rt-14-dev
  ccache  # optional compiler cache; CMake uses it when present
  # core libraries
  libxml2-dev libxml2-utils zlib1g-dev libssl-dev libicu-dev libuchardet-dev
  libarchive-dev libsqlite3-dev nlohmann-json3-dev libcli11-dev
  libdeflate-dev libcsv-dev  # packages' parallel gzip; catalogue manifests (CSV/TSV)
  libxgboost-dev  # the page-type model at run time (converters/learn)
  python3-xgboost  # training it (tools/train; Debian's /usr/bin/python3)
  # PDF and OCR
  libpoppler-glib-dev libpoppler-private-dev libcairo2-dev poppler-utils
  libtesseract-dev libleptonica-dev tesseract-ocr
  # OCR language packs: a page is recognised in its own script (the major scripts of the
  # catalogues colophon is for; osd tells a scan's script when nothing else does)
  tesseract-ocr-osd tesseract-ocr-eng tesseract-ocr-rus tesseract-ocr-bel tesseract-ocr-ukr
  tesseract-ocr-ell tesseract-ocr-jpn tesseract-ocr-chi-sim tesseract-ocr-chi-tra tesseract-ocr-kor
  tesseract-ocr-heb tesseract-ocr-ara
  # de-hyphenation dictionaries (Hunspell), loaded only when a line-end hyphen needs one
  libhunspell-dev hunspell-en-us hunspell-ru hunspell-be hunspell-uk hunspell-de-de hunspell-fr
  hunspell-es hunspell-pl
  # tests and benchmarks (python3-jsonschema: the JSON Schema test; zsh: the zsh completion test)
  libgtest-dev libgmock-dev libbenchmark-dev python3 python3-jsonschema jing time zsh
  # man pages (help2man, groff to check them) and the Debian package (cpack -G DEB: dpkg-shlibdeps, file)
  help2man groff-base dpkg-dev file
  # the script and orientation samples' generator (samples/scripts/make-samples.sh)
  libpango1.0-dev fonts-dejavu-core fonts-noto-cjk qpdf
  # headless browser for the batch report page test (skipped when absent)
  chromium
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "setup: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
