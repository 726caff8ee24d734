#!/usr/bin/env bash
# Peak memory of colophon on every hostile sample (issue 7: under 1 GB each).
#   tools/bench/hostile-memory.sh [COLOPHON]     default: build/dev/tools/colophon/colophon
# Runs `colophon convert` (or `colophon verify` when the case has command.txt) on each
# samples/bad/<case>/input.* under /usr/bin/time -v; prints case, exit code, seconds, peak RSS.
# Exits 1 if any case goes over the limit or crashes (exit >= 128).
set -uo pipefail
cd "$(dirname "$0")/../.."
colophon="$(realpath "${1:-build/dev/tools/colophon/colophon}")"
limit_kb=$((1024 * 1024))
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
bad=0
printf '%-28s %-8s %5s %8s %12s\n' case command exit seconds peak_rss_mb
for input in samples/bad/*/input.*; do
  dir="$(dirname "$input")"
  case="$(basename "$dir")"
  cmd=convert
  [ -f "$dir/command.txt" ] && cmd="$(head -1 "$dir/command.txt")"
  if [ "$cmd" = verify ]; then
    args=(verify "$(basename "$input")")
  else
    args=(convert "$(basename "$input")" -o "$work/$case.xml")
  fi
  rc=0
  (cd "$dir" && /usr/bin/time -v "$colophon" "${args[@]}") >/dev/null 2>"$work/time" || rc=$?
  kb="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time")"
  wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time")"
  printf '%-28s %-8s %5s %8s %12.1f\n' "$case" "$cmd" "$rc" "$wall" "$(echo "${kb:-0} / 1024" | bc -l)"
  if [ "${kb:-0}" -gt "$limit_kb" ] || [ "$rc" -ge 128 ]; then bad=1; fi
done
exit $bad
