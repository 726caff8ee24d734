#!/bin/sh
# Dev-only: installs the four PDF producers the per-producer samples are made with
# (tools/make-pdf-samples/make-producer-samples.sh). CI never runs this: it only converts the
# committed PDFs. Debian 12 packages; the versions match the ones ../shared/corpora/pdf-gen2 names.
#   tools/make-pdf-samples/install-producers.sh
set -eu
packages="weasyprint libreoffice-writer-nogui chromium pandoc
texlive-latex-base texlive-latex-recommended texlive-latex-extra texlive-fonts-recommended lmodern
fonts-crosextra-carlito fonts-crosextra-caladea fonts-liberation2 fonts-dejavu-core"
if [ "$(id -u)" -ne 0 ]; then exec sudo "$0" "$@"; fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $packages
