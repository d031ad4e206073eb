#!/usr/bin/env bash
# template --format xlsx, filled in by openpyxl as a unit would, reads back with no error and
# its values intact. Exits 77 (skipped) when Debian's python3-openpyxl is not installed.
set -euo pipefail
bin=$1
src=$2
if ! /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
  echo "SKIP: python3-openpyxl is not installed (scripts/setup.sh --browser installs it)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$src"
cp -r demo/reports "$work/data"
# The demo as it stood in June: this test sends July's form itself.
rm -rf "$work"/data/2024-0[789] "$work"/data/2024-1[0-2]
mkdir -p "$work/data/2024-07/submissions"
"$bin" --data "$work/data" template --unit 团市委 --month 2024-07 --format xlsx -o "$work/form.xlsx"
/usr/bin/python3 tests/client/fill_template.py "$work/form.xlsx" "$work/data/2024-07/submissions/团市委.xlsx"
out=$("$bin" --data "$work/data" check --month 2024-07 2>&1)
# No error; the demo 分解方案's warning (task 20) is listed with every month.
[[ $out == *"2024-07 共 1 个进度文件：0 个错误、1 个警告"* ]] || { echo "FAIL: $out"; exit 1; }
csv=$("$bin" --data "$work/data" summary --month 2024-07 --format csv --keep-going 2>/dev/null)
# Task 7 is numeric (June's 14 plus one), task 6 a milestone (推进中); both from the workbook.
grep -q '^7,1,.*,15,.*,2024-07,.*团市委.xlsx' <<<"$csv" || { echo "FAIL: task 7 is not 15"; exit 1; }
grep -q '^6,1,.*,2024-07,.*团市委.xlsx.*,推进中,2024-07' <<<"$csv" || { echo "FAIL: task 6 state"; exit 1; }
# The project added in a spare row, and the unit's general words, are read.
projects=$("$bin" --data "$work/data" projects --month 2024-07 --format csv 2>/dev/null)
grep -q '猇亭区青年之家' <<<"$projects" || { echo "FAIL: the project in the spare row: $projects"; exit 1; }
md=$("$bin" --data "$work/data" summary --month 2024-07 --format md --keep-going 2>/dev/null)
grep -q '各县市区青年之家建设稳步推进' <<<"$md" || { echo "FAIL: the unit's general words"; exit 1; }
echo "ok: the filled template reads back with no error and its values, a new project and the unit's words"
