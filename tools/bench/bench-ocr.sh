#!/usr/bin/env bash
# OCR speed benchmark (not a test): colophon's OCR against the `tesseract` command on the same
# page images, one core each, then colophon's pages/s with --jobs 1 and --jobs 2 on two cores.
#
#   tools/bench/bench-ocr.sh [BUILD_DIR] [WORK_DIR]
#
# Pages: every page of ../shared/corpora/pdf-gen/scan_*.pdf rendered at 300 dpi (pdftoppm).
# Both programs start once per page (each loads its language data), as a batch of single-page
# scans would run. The tesseract command gets OMP_THREAD_LIMIT=1, as colophon runs Tesseract,
# so both use exactly one core; colophon also detects orientation and skew, which the
# command does not. Wall time on a shared machine is noisy: CPU time (user+sys) is shown too.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build/dev}
work=${2:-$(mktemp -d -t colophon-bench-ocr.XXXXXX)}
shared=${COLOPHON_SHARED_DIR:-$root/../shared}
ocr_text=$build/tools/eval/colophon-ocr-text
[ -x "$ocr_text" ] || { echo "bench-ocr: build $ocr_text first" >&2; exit 2; }
command -v tesseract >/dev/null || { echo "bench-ocr: the tesseract command is not installed" >&2; exit 2; }
mkdir -p "$work"
export OMP_THREAD_LIMIT=1

scans=("$shared"/corpora/pdf-gen/scan_*.pdf)
for scan in "${scans[@]}"; do
  pdftoppm -r 300 -gray -png "$scan" "$work/$(basename "$scan" .pdf)"
done
pdfunite "${scans[@]}" "$work/all-scans.pdf"
pages=("$work"/*.png)
echo "bench-ocr: ${#pages[@]} pages at 300 dpi in $work" >&2

# seconds (wall, cpu) of one command, via /usr/bin/time
timed() {
  /usr/bin/time -f "%e %U %S" -o "$work/time.txt" "$@" > /dev/null 2>> "$work/stderr.log"
  awk '{printf "%s %.2f\n", $1, $2 + $3}' "$work/time.txt"
}

declare -A wall cpu
for tool in tesseract colophon; do
  wall[$tool]=0; cpu[$tool]=0
done
for img in "${pages[@]}"; do
  read -r w c < <(timed taskset -c 0 tesseract "$img" "$work/tess-out")
  wall[tesseract]=$(echo "${wall[tesseract]} + $w" | bc); cpu[tesseract]=$(echo "${cpu[tesseract]} + $c" | bc)
  read -r w2 c2 < <(timed taskset -c 0 "$ocr_text" "$img")
  wall[colophon]=$(echo "${wall[colophon]} + $w2" | bc); cpu[colophon]=$(echo "${cpu[colophon]} + $c2" | bc)
  printf '%-28s tesseract %6.2f s (cpu %6.2f)   colophon %6.2f s (cpu %6.2f)\n' "$(basename "$img")" "$w" "$c" "$w2" "$c2"
done
n=${#pages[@]}
printf '\nper page, one core:   tesseract %.2f s (cpu %.2f)   colophon %.2f s (cpu %.2f)   colophon/tesseract wall %.3f\n' \
  "$(echo "${wall[tesseract]} / $n" | bc -l)" "$(echo "${cpu[tesseract]} / $n" | bc -l)" \
  "$(echo "${wall[colophon]} / $n" | bc -l)" "$(echo "${cpu[colophon]} / $n" | bc -l)" \
  "$(echo "${wall[colophon]} / ${wall[tesseract]}" | bc -l)"

# Parallel pages within one document: all scans in one PDF, rendered by Poppler at 300 dpi.
for jobs in 1 2; do
  cores=$([ "$jobs" = 1 ] && echo 0 || echo 0,1)
  read -r w c < <(timed taskset -c "$cores" "$ocr_text" --jobs "$jobs" "$work/all-scans.pdf")
  printf 'all-scans.pdf (%d pages) --jobs %d on cores %s: %.2f s wall, %.2f s cpu, %.3f pages/s\n' \
    "$n" "$jobs" "$cores" "$w" "$c" "$(echo "$n / $w" | bc -l)"
done
