#!/usr/bin/env bash
# ThreadSanitizer over the code that runs on several threads (parsing files, folding months,
# assessing targets, reading a plan's tasks, formatting CSV and JSON): the unit tests, then the real
# commands on a synthetic province (bench/gen_province.py, 16 cities). Any report fails it.
# Usage: scripts/tsan.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_TYPE=Debug scripts/build.sh build-tsan -DCMAKE_CXX_FLAGS="-fsanitize=thread -O1" \
  -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread
export TSAN_OPTIONS=halt_on_error=1:exitcode=66
build-tsan/tests/unit_tests -w NoTests >/dev/null
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
python3 bench/gen_province.py "$data/prov" --cities 16 >/dev/null
for args in "summary --month 2024-12 --format csv" "diff 2024-11 2024-12 --format csv" \
  "check" "history --to 2024-12 --format csv" "problems --format csv" \
  "summary --month 2024-12 --format json"; do
  # shellcheck disable=SC2086
  build-tsan/minsheng -j 4 --plan "$data/prov/tasks.yaml" --data "$data/prov/reports" $args \
    >/dev/null 2>"$data/err" || [[ $? -ne 66 ]] || { cat "$data/err"; exit 1; }
  echo "tsan: $args: no race"
done
