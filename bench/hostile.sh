#!/usr/bin/env bash
# Benchmark (not a test): hostile progress files at doubling sizes, through the real command.
# A single CSV line of 1.25–10 MB and a file of 125k–1M duplicate rows; prints wall time and
# peak memory (from /usr/bin/time) per size, so linear growth shows as a flat time per MB.
# Usage: bench/hostile.sh [BUILD_DIR]   (a Release or RelWithDebInfo build)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-build}/minsheng")
plan=$(realpath tasks.yaml)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
measure() {  # label, file content generator
  local label=$1
  local dir=$work/$label/2024-06/submissions
  mkdir -p "$dir"
  "${@:2}" >"$dir/市民政局.csv"
  local size
  size=$(stat -c %s "$dir/市民政局.csv")
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin" --plan "$plan" --data "$work/$label" check \
    --month 2024-06 >/dev/null 2>"$work/err" || true
  read -r secs kb < <(tail -n 1 "$work/time")
  printf '%-26s %8.1f MB %8.2f s %8.0f MB peak  %s lines of messages\n' "$label" \
    "$(echo "$size / 1048576" | bc -l)" "$secs" "$(echo "$kb / 1024" | bc -l)" "$(wc -l <"$work/err")"
}
long_line() { printf '任务编号,累计完成\n14,'; head -c "$1" /dev/zero | tr '\0' '9'; printf '\n'; }
many_rows() { printf '任务编号,累计完成\n'; yes '14,950' | head -n "$1" || true; }
for mb in 1 2 4 8 10; do measure "line-${mb}MB" long_line $((mb * 1048576)); done
for rows in 125000 250000 500000 1000000; do measure "rows-$rows" many_rows "$rows"; done
