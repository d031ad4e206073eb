#!/usr/bin/env bash
# Benchmark (not a test): the synthetic province of bench/gen_province.py at doubling sizes,
# through the real commands. Prints wall time, time per progress row and peak memory for
# summary, diff, check and history, and checks that one thread and all cores give the same bytes.
# Usage: bench/province.sh [BUILD_DIR] [CITIES...]   (default 16 32 64 128; a Release build)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-build}/minsheng")
shift || true
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(16 32 64 128)
work=${BENCH_DIR:-$(mktemp -d)}
echo "data in $work"
printf '%-7s %-28s %9s %10s %10s\n' cities command "wall s" "µs/row" "peak MB"
for n in "${sizes[@]}"; do
  dir=$work/prov$n
  [[ -d $dir ]] || python3 bench/gen_province.py "$dir" --cities "$n" >/dev/null
  lines=$(find "$dir/reports" -name '*.csv' -exec cat {} + | wc -l)
  files=$(find "$dir/reports" -name '*.csv' | wc -l)
  rows=$((lines - files))  # less each file's header
  run() {
    local label=$1
    shift
    /usr/bin/time -f "%e %M" -o "$work/time" "$bin" --plan "$dir/tasks.yaml" --data "$dir/reports" "$@" \
      >"$work/out" 2>/dev/null || true
    read -r secs kb <"$work/time"
    printf '%-7s %-28s %9.2f %10.2f %10.0f\n' "$n" "$label" "$secs" \
      "$(echo "$secs * 1000000 / $rows" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
  }
  run "summary --month 2024-12" summary --month 2024-12 --format csv
  cp "$work/out" "$work/summary-all-cores.csv"
  run "diff 2024-11 2024-12" diff 2024-11 2024-12 --format csv
  run "check" check
  run "history --to 2024-12" history --to 2024-12 --format csv
  "$bin" -j 1 --plan "$dir/tasks.yaml" --data "$dir/reports" summary --month 2024-12 --format csv \
    >"$work/summary-one-thread.csv"
  cmp -s "$work/summary-one-thread.csv" "$work/summary-all-cores.csv" &&
    echo "        one thread and all cores: byte-identical ($rows rows)" ||
    echo "        DIFFERENT output with one thread"
done
