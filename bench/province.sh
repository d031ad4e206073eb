#!/usr/bin/env bash
# Benchmark (not a test): the synthetic province of bench/gen_province.py at doubling sizes,
# through the real commands. Each command runs RUNS times (default 3); the median wall time, the
# time per progress row, the ratio to the size before, and the highest peak memory are printed.
# It also checks that one thread and all cores give the same bytes.
# Usage: bench/province.sh [BUILD_DIR] [CITIES...]   (default 16 32 64 128; a Release build)
#   BENCH_DIR=/tmp keeps the generated data between runs; RUNS=5 for steadier medians.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-build}/minsheng")
shift || true
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(16 32 64 128)
runs=${RUNS:-3}
work=${BENCH_DIR:-$(mktemp -d)}
echo "data in $work; $(nproc) cores; median of $runs runs"
printf '%-7s %-30s %9s %9s %8s %9s\n' cities command "wall s" "µs/row" "×prev" "peak MB"
declare -A prev
for n in "${sizes[@]}"; do
  dir=$work/prov$n
  [[ -d $dir ]] || python3 bench/gen_province.py "$dir" --cities "$n" >/dev/null
  lines=$(find "$dir/reports" -name '*.csv' -exec cat {} + | wc -l)
  files=$(find "$dir/reports" -name '*.csv' | wc -l)
  rows=$((lines - files))  # less each file's header
  run() {
    local label=$1
    shift
    local times=() peak=0
    for ((i = 0; i < runs; i++)); do
      /usr/bin/time -f "%e %M" -o "$work/time" "$bin" --plan "$dir/tasks.yaml" \
        --data "$dir/reports" "$@" >"$work/out" 2>/dev/null || true
      read -r secs kb <"$work/time"
      times+=("$secs")
      ((kb > peak)) && peak=$kb
    done
    local median
    median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
    local ratio="-"
    [[ -n ${prev[$label]:-} ]] && ratio=$(echo "$median / ${prev[$label]}" | bc -l | xargs printf '%.2f')
    prev[$label]=$median
    printf '%-7s %-30s %9.2f %9.2f %8s %9.0f\n' "$n" "$label" "$median" \
      "$(echo "$median * 1000000 / $rows" | bc -l)" "$ratio" "$(echo "$peak / 1024" | bc -l)"
  }
  run "summary --month 2024-12 (csv)" summary --month 2024-12 --format csv
  cp "$work/out" "$work/summary-all-cores.csv"
  run "summary --month 2024-12 (md)" summary --month 2024-12 --format md
  run "diff 2024-11 2024-12 (csv)" diff 2024-11 2024-12 --format csv
  run "missing --month 2024-12" missing --month 2024-12 --as-of 2025-01-02
  run "check" check
  run "history --to 2024-12 (csv)" history --to 2024-12 --format csv
  "$bin" -j 1 --plan "$dir/tasks.yaml" --data "$dir/reports" summary --month 2024-12 --format csv \
    >"$work/summary-one-thread.csv"
  cmp -s "$work/summary-one-thread.csv" "$work/summary-all-cores.csv" &&
    echo "        one thread and all cores: byte-identical ($rows rows, $files files)" ||
    echo "        DIFFERENT output with one thread"
done
