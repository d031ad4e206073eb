#!/usr/bin/env bash
# template --format xlsx, filled in by openpyxl as a unit would and a row inserted in LibreOffice
# Calc, reads back with no error and its values intact; printed, it is readable. Exits 77
# (skipped) when Debian's python3-openpyxl is not installed.
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
# A project row inserted in LibreOffice Calc under task 7's first row, the sheet still protected
# as the unit got it, reads back with the rest (its 3 now adds to the projects' sum: the warning).
soffice=$(command -v soffice || command -v libreoffice || true)
if [[ -n $soffice ]] && /usr/bin/python3 -c 'import uno' 2>/dev/null; then
  sent="$work/data/2024-07/submissions/团市委.xlsx"
  mv "$sent" "$work/filled.xlsx"
  timeout 300 /usr/bin/python3 tests/client/insert_row_lo.py "$soffice" "$work/uno-profile" \
    "$work/filled.xlsx" "$sent" 2>"$work/uno.log" || { cat "$work/uno.log"; exit 1; }
  out=$("$bin" --data "$work/data" check --month 2024-07 2>&1)
  [[ $out == *"2024-07 共 1 个进度文件：0 个错误、2 个警告"* && $out == *"项目合计 18 与全市 15 不符"* ]] ||
    { echo "FAIL: after LibreOffice inserted a row: $out"; exit 1; }
  projects=$("$bin" --data "$work/data" projects --month 2024-07 --format csv 2>/dev/null)
  grep -q '^7,1,团市委,西陵区,西陵区青年之家,in_progress,3,' <<<"$projects" ||
    { echo "FAIL: the row LibreOffice inserted: $projects"; exit 1; }
  grep -q '^7,1,团市委,猇亭区,猇亭区青年之家,in_progress,15,2024-10,' <<<"$projects" ||
    { echo "FAIL: the spare row after LibreOffice saved the form: $projects"; exit 1; }
else
  echo "note: python3-uno is not installed: the row insertion in LibreOffice is not tried"
fi
# Printed, the 23-column form goes across three A4 landscape pages at a readable size (on one it
# was 4 pt type), each page repeating 任务编号, 指标 and 县市区, a row continued on the next page.
/usr/bin/python3 - "$work/form.xlsx" <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
assert ws.print_title_cols == "$C:$E", ws.print_title_cols
assert ws.page_setup.fitToWidth == 3 and ws.page_setup.orientation == "landscape", ws.page_setup
assert ws.page_setup.pageOrder == "overThenDown", ws.page_setup.pageOrder
PY
soffice=$(command -v soffice || command -v libreoffice || true)
if [[ -n $soffice ]] && command -v pdftotext >/dev/null; then
  timeout 180 "$soffice" --headless -env:UserInstallation=file://"$work/profile" --convert-to pdf \
    --outdir "$work" "$work/form.xlsx" >"$work/soffice.log" 2>&1 || { cat "$work/soffice.log"; exit 1; }
  pages=$(pdfinfo "$work/form.pdf" | awk '/^Pages:/ {print $2}')
  ((pages >= 3)) || { echo "FAIL: form.pdf has $pages pages"; exit 1; }
  pdftotext -f 2 -l 2 "$work/form.pdf" - | grep -q 任务编号 ||
    { echo "FAIL: page 2 of the printed form does not repeat 任务编号"; exit 1; }
  # A CJK word's box is 1.2 times its type size: under 10.7 pt is type under 9 pt.
  pdftotext -bbox "$work/form.pdf" - | python3 -c '
import re, sys
hs = [float(b) - float(a) for a, b in re.findall(r"<word xMin=\S+ yMin=\"([0-9.]+)\" xMax=\S+ yMax=\"([0-9.]+)\"", sys.stdin.read())]
print(f"form.pdf: {len(hs)} words, smallest box {min(hs):.2f} pt")
sys.exit(0 if min(hs) >= 10.7 else 1)' || { echo "FAIL: the form prints under 9 pt"; exit 1; }
fi
echo "ok: the filled template reads back with no error and its values, a new project and the unit's words; printed, it is readable"
