#!/usr/bin/env bash
# Benchmark (not a test): the synthetic province of bench/gen_province.py at doubling sizes,
# through the real commands. Runs are interleaved: each of RUNS rounds (default 3) runs every
# command at every size, so that this machine's speed drifting over minutes (±15% on a VM) hits
# every size alike and the ratios between sizes measure the program, not the hour. Printed per
# size and command: the median wall time, the time per progress row, the ratio to the size
# before, and the highest peak memory. It also checks that one thread and all cores give the
# same bytes at every size.
# Usage: bench/province.sh [BUILD_DIR] [CITIES...]   (default 16 32 64 128; a Release build)
#   LABELS='site --month 2024-12|summary --month 2024-12 (csv)' runs only those commands.
#   BENCH_DIR=/tmp keeps the generated data between runs; RUNS=5 for steadier medians.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${BENCH_DIR:-$(mktemp -d)}
# A copy, so that a rebuild while the benchmark runs neither breaks nor changes what it measures.
cp "$(realpath "${1:-build}/minsheng")" "$work/minsheng.bench"
bin=$work/minsheng.bench
shift || true
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(16 32 64 128)
runs=${RUNS:-3}
echo "data in $work; $(nproc) cores; median of $runs interleaved runs"

# Each command as printed, then its arguments, in the order they run.
commands=(
  "summary --month 2024-12 (csv)|summary --month 2024-12 --format csv"
  "summary --month 2024-12 (md)|summary --month 2024-12 --format md"
  "summary --by county (csv)|summary --month 2024-12 --by county --format csv"
  "diff 2024-11 2024-12 (csv)|diff 2024-11 2024-12 --format csv"
  "missing --month 2024-12|missing --month 2024-12 --as-of 2025-01-02"
  "check|check"
  "history --to 2024-12 (csv)|history --to 2024-12 --format csv"
  "projects --month 2024-12 (csv)|projects --month 2024-12 --format csv"
  "problems (csv)|problems --format csv"
  "bulletin 2024Q4 (md)|bulletin --quarter 2024Q4 --format md --as-of 2025-01-10"
  "bulletin 2024Q4 (html)|bulletin --quarter 2024Q4 --format html --as-of 2025-01-10"
  "final (md)|final --as-of 2025-01-10 --format md"
  "site --month 2024-12|site --month 2024-12 -o SITE"
)
declare -A args_of
labels=()
for c in "${commands[@]}"; do
  labels+=("${c%%|*}")
  args_of[${c%%|*}]=${c#*|}
done
# Only these: LABELS="site --month 2024-12|summary --month 2024-12 (csv)"
if [[ -n ${LABELS:-} ]]; then IFS='|' read -ra labels <<<"$LABELS"; fi

declare -A rows files times peak
for n in "${sizes[@]}"; do
  dir=$work/prov$n
  [[ -d $dir ]] || python3 bench/gen_province.py "$dir" --cities "$n" >/dev/null
  lines=$(find "$dir/reports" -name '*.csv' -exec cat {} + | wc -l)
  files[$n]=$(find "$dir/reports" -name '*.csv' | wc -l)
  rows[$n]=$((lines - files[$n]))  # less each file's header
done

for ((i = 0; i < runs; i++)); do
  for n in "${sizes[@]}"; do
    dir=$work/prov$n
    for label in "${labels[@]}"; do
      read -ra args <<<"${args_of[$label]//SITE/$work/site$n}"
      # Wall time from bash's microsecond clock: /usr/bin/time's %e has 10 ms steps, 5% of the
      # smallest runs. It still gives the peak memory.
      start=$EPOCHREALTIME
      status=0
      /usr/bin/time -f "%M" -o "$work/time" "$bin" --plan "$dir/tasks.yaml" \
        --data "$dir/reports" "${args[@]}" >"$work/out" 2>"$work/err" || status=$?
      end=$EPOCHREALTIME  # read here, not in the subshell below: its fork is not the program's
      secs=$(echo "$end - $start" | bc -l)
      if ((status != 0)); then
        echo "$n cities, $label: exit $status" >&2
        head -5 "$work/err" >&2
        exit 1
      fi
      kb=$(tail -1 "$work/time")
      key="$n|$label"
      times[$key]="${times[$key]:-} $secs"
      ((kb > ${peak[$key]:-0})) && peak[$key]=$kb
      [[ $i -eq 0 && $label == "summary --month 2024-12 (csv)" ]] && cp "$work/out" "$work/summary-all-cores-$n.csv"
    done
  done
done

printf '%-7s %-30s %9s %9s %8s %9s\n' cities command "wall s" "µs/row" "×prev" "peak MiB"
declare -A prev first worst
for n in "${sizes[@]}"; do
  dir=$work/prov$n
  for label in "${labels[@]}"; do
    key="$n|$label"
    # shellcheck disable=SC2086
    median=$(printf '%s\n' ${times[$key]} | sort -n | sed -n "$(((runs + 1) / 2))p")
    ratio="-"
    [[ -n ${prev[$label]:-} ]] && ratio=$(echo "$median / ${prev[$label]}" | bc -l | xargs printf '%.2f')
    [[ $ratio != - ]] && (($(echo "$ratio > ${worst[$label]:-0}" | bc -l))) && worst[$label]=$ratio
    prev[$label]=$median
    first[$label]=${first[$label]:-$median}
    printf '%-7s %-30s %9.3f %9.2f %8s %9.0f\n' "$n" "$label" "$median" \
      "$(echo "$median * 1000000 / ${rows[$n]}" | bc -l)" "$ratio" "$(echo "${peak[$key]} / 1024" | bc -l)"
  done
  "$bin" -j 1 --plan "$dir/tasks.yaml" --data "$dir/reports" summary --month 2024-12 --format csv \
    >"$work/summary-one-thread.csv"
  cmp -s "$work/summary-one-thread.csv" "$work/summary-all-cores-$n.csv" &&
    echo "        one thread and all cores: byte-identical (${rows[$n]} rows, ${files[$n]} files)" ||
    echo "        DIFFERENT output with one thread"
  if [[ " ${labels[*]} " == *" site --month 2024-12 "* ]]; then  # only when it ran
    "$bin" -j 1 --plan "$dir/tasks.yaml" --data "$dir/reports" site --month 2024-12 \
      -o "$work/site$n-one-thread" 2>/dev/null
    diff -rq "$work/site$n" "$work/site$n-one-thread" >/dev/null &&
      echo "        site: one thread and all cores byte-identical ($(find "$work/site$n" -type f | wc -l) files)" ||
      echo "        site: DIFFERENT output with one thread"
  fi
done

# Growth per doubling, three ways: the largest step from one size to the next by the medians
# (the bar: at most 2.2); the same by each size's fastest run, as what slows a run on a shared
# VM only ever adds time; and over the whole range by the medians ((last / first) to the power
# 1 / doublings), in which the machine's ±10% from run to run weighs a third as much.
fastest() {  # fastest run of a size and command
  # shellcheck disable=SC2086
  printf '%s\n' ${times["$1|$2"]} | sort -n | head -1
}
if ((${#sizes[@]} > 1)); then
  doublings=$(echo "l(${sizes[-1]} / ${sizes[0]}) / l(2)" | bc -l)
  printf '%-30s %14s %14s %22s\n' "growth per doubling" "largest step" "(fastest runs)" \
    "${sizes[0]} → ${sizes[-1]} cities"
  for label in "${labels[@]}"; do
    whole=$(echo "e(l(${prev[$label]} / ${first[$label]}) / $doublings)" | bc -l)
    top=0
    for ((k = 1; k < ${#sizes[@]}; k++)); do
      step=$(echo "$(fastest "${sizes[k]}" "$label") / $(fastest "${sizes[k - 1]}" "$label")" | bc -l)
      (($(echo "$step > $top" | bc -l))) && top=$step
    done
    printf '%-30s %14s %14.2f %22.2f\n' "$label" "${worst[$label]}" "$top" "$whole"
  done
fi

# DuckDB doing the summary's merge and assessment (bench/duckdb_summary.mjs) on the same data:
# its wall time and peak memory, the ratio to `summary --format csv`, and whether the two agree
# on every numeric target's completion and status. DUCKDB=0 skips it.
if [[ ${DUCKDB:-1} != 0 ]]; then
  duck=$work/duckdb
  if [[ ! -d $duck/node_modules/@duckdb/node-api ]]; then
    mkdir -p "$duck"
    npm install --prefix "$duck" --silent --no-audit --no-fund @duckdb/node-api yaml >/dev/null
  fi
  cp bench/duckdb_summary.mjs "$duck/"
  printf '%-7s %-30s %9s %9s %9s\n' cities "DuckDB (summary's work)" "wall s" "×minsheng" "peak MiB"
  for n in "${sizes[@]}"; do
    dir=$work/prov$n
    dt=()
    for ((i = 0; i < runs; i++)); do
      start=$EPOCHREALTIME
      /usr/bin/time -f "%M" -o "$work/time" node "$duck/duckdb_summary.mjs" "$dir/tasks.yaml" \
        "$dir/reports" 2024-12 "$work/duckdb-$n.csv"
      dt+=("$(echo "$EPOCHREALTIME - $start" | bc -l)")
    done
    median=$(printf '%s\n' "${dt[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
    ours=$(printf '%s\n' ${times["$n|summary --month 2024-12 (csv)"]:-} | sort -n |
      sed -n "$(((runs + 1) / 2))p")
    ratio=$([[ -n $ours ]] && echo "$median / $ours" | bc -l | xargs printf '%.1f' || echo -)
    printf '%-7s %-30s %9.3f %9s %9.0f\n' "$n" "merge + assessment" "$median" "$ratio" \
      "$(echo "$(tail -1 "$work/time") / 1024" | bc -l)"
    python3 - "$work/duckdb-$n.csv" "$work/summary-all-cores-$n.csv" <<'PY'
import csv, sys
duck = {(r["task"], r["target"]): r for r in csv.DictReader(open(sys.argv[1]))}
ours = {(r["task"], r["target"]): r for r in csv.DictReader(open(sys.argv[2], encoding="utf-8-sig"))}
bad = [k for k, r in duck.items()
       if k not in ours or (r["status"], r["completion_pct"]) != (ours[k]["status"], ours[k]["completion_pct"])]
print(f"        DuckDB and minsheng agree on {len(duck) - len(bad)} of {len(duck)} numeric targets")
PY
  done
fi
