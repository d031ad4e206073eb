#!/usr/bin/env bash
# LibreOffice, the spreadsheet staff may open it in, reads the demo's summary.xlsx: every sheet
# converts, and the 总表 sheet holds the numbers summary.csv holds. Exits 77 (skipped) when
# LibreOffice is not installed (scripts/setup.sh --browser installs it).
set -euo pipefail
bin=$1
src=$2
soffice=$(command -v soffice || command -v libreoffice || true)
if [[ -z $soffice ]]; then
  echo "SKIP: LibreOffice is not installed (scripts/setup.sh --browser installs it)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$src"
"$bin" --data demo/reports summary --month 2024-06 --format xlsx -o "$work/summary.xlsx"
"$bin" --data demo/reports summary --month 2024-06 --format csv -o "$work/summary.csv"
# Each sheet to its own CSV, UTF-8 (76), comma-separated (44), quoted by " (34).
timeout 180 "$soffice" --headless -env:UserInstallation=file://"$work/profile" \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
  --outdir "$work" "$work/summary.xlsx" >"$work/soffice.log" 2>&1 || { cat "$work/soffice.log"; exit 1; }
for sheet in 总表 分类汇总 分单位 投资情况 报送情况 数据问题 数据来源; do
  [[ -s "$work/summary-$sheet.csv" ]] || { echo "FAIL: LibreOffice gave no sheet $sheet"; cat "$work/soffice.log"; exit 1; }
done
# 投资情况: the total of June's investment as summary.json has it (42980, 13175, 20400万元, 30.7%).
python3 - "$work/summary-投资情况.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
total = next(r for r in rows if r and r[0].startswith("合计"))
assert [float(x.replace(",", "")) for x in total[1:4]] == [42980, 13175, 20400], total
assert total[4] == "30.7%", total
PY
python3 - "$work/summary-总表.csv" "$work/summary.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
# A 汇总表's heading: the title row and the 数据截至 line, then the header.
assert rows[0][0] == "宜昌市2024年十大民生项目 2024年6月进展汇总（总表）", rows[0]
assert rows[1][0].startswith("数据截至 2024年6月底；序时进度 54.5%"), rows[1]
# Each category opens with a separator row (（一）着力实现幼有善育); the targets follow.
sections = [r[0] for r in rows[3:] if not r[0].isdigit()]
assert len(sections) == 10 and sections[0] == "（一）着力实现幼有善育", sections
lo = [dict(zip(rows[2], r)) for r in rows[3:] if r[0].isdigit()]
ref = list(csv.DictReader(open(sys.argv[2], encoding="utf-8-sig")))
assert len(lo) == len(ref) == 73, (len(lo), len(ref))
bad = 0

for a, b in zip(lo, ref):
    ident = b["task"] + ("." + b["target"] if a["编号"] != b["task"] else "")
    # Numbers compare as numbers: LibreOffice shows them as the cell's format does.
    def num(s):
        s = s.replace(",", "").rstrip("%")
        return round(float(s), 1) if s else None
    checks = [
        (a["编号"], ident),
        (a["牵头单位"], b["lead"]),
        (num(a["累计完成"]) if b["actual"] else None, num(b["actual"])),
        (num(a["完成率"]), num(b["completion_pct"])),
        (num(a["序时进度"]), num(b["time_pct"])),
        (a["数据月份"], b["value_month"]),
    ]
    for got, want in checks:
        if got != want:
            bad += 1
            print(f"FAIL: task {ident}: LibreOffice shows {got!r}, summary.csv has {want!r}")
    # A target on nodes says so in 备注, its 序时进度 cell staying a number.
    if a["备注"].startswith("序时按节点计划") != (b["time_basis"] == "nodes"):
        bad += 1
        print(f"FAIL: task {ident}: 备注 {a['备注']!r} with time_basis {b['time_basis']!r}")
    if not a["状态"].startswith(b["status_label"]):
        bad += 1
        print(f"FAIL: task {ident}: status {a['状态']!r} vs {b['status_label']!r}")
sys.exit(1 if bad else 0)
PY
# As a 汇总表 prints (openpyxl reads the layout): the merged title, borders on every table cell,
# gaps to one decimal (not -9, 6.5, 0), the header repeated on each page, a page-number footer.
/usr/bin/python3 - "$work/summary.xlsx" <<'PY'
import sys
from openpyxl import load_workbook
ws = load_workbook(sys.argv[1])["总表"]
merged = [str(r) for r in ws.merged_cells.ranges]
assert merged[:3] == ["A1:N1", "A2:N2", "A4:N4"] and len(merged) == 12, merged
assert ws["A4"].value == "（一）着力实现幼有善育" and ws["A4"].font.bold
# 序号 is a number, 1 to 73, so the sheet sorts as the plan does; no file path in the 总表.
numbers = [ws.cell(row=r, column=1).value for r in range(4, ws.max_row + 1)]
assert [n for n in numbers if isinstance(n, int)] == list(range(1, 74)), numbers
assert ws["N3"].value == "备注" and ws["N6"].value == "已于3月纳入支付范围"
# A row is as tall as its wrapped text: 任务6's 指标 runs to five lines.
assert ws.row_dimensions[11].height and ws.row_dimensions[11].height >= 4 * 13.5, ws.row_dimensions[11].height
assert all("submissions" not in str(c.value) for row in ws.iter_rows() for c in row)
assert ws.print_title_rows == "$3:$3", ws.print_title_rows
assert ws.oddFooter.center.text == "第 &P 页 共 &N 页", ws.oddFooter.center.text
assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
bad = 0
for row in ws.iter_rows(min_row=3, max_row=ws.max_row, max_col=14):
    for c in row:
        if type(c).__name__ == "MergedCell":  # a separator row: its first cell carries the border
            continue
        if c.border.left.style != "thin" or c.border.bottom.style != "thin":
            bad += 1
            print(f"FAIL: {c.coordinate} has no border")
    gap = row[9]
    if gap.row > 3 and gap.value is not None and gap.number_format != "0.0":
        bad += 1
        print(f"FAIL: {gap.coordinate}: gap {gap.value} in format {gap.number_format!r}")
assert ws["D5"].font.name == "宋体" and ws["D5"].alignment.wrap_text
sys.exit(1 if bad else 0)
PY
# Printed by LibreOffice: the 总表 runs over several A4 pages, none shrunk below a readable
# size. poppler gives each word's box; this CJK font's box is 1.2 times its size (the 16 pt title
# measures 19.1 pt), so a box under 10.7 pt is text printed under 9 pt.
if command -v pdftotext >/dev/null; then
  timeout 180 "$soffice" --headless -env:UserInstallation=file://"$work/profile" --convert-to pdf \
    --outdir "$work" "$work/summary.xlsx" >"$work/soffice.log" 2>&1 || { cat "$work/soffice.log"; exit 1; }
  pages=$(pdfinfo "$work/summary.pdf" | awk '/^Pages:/ {print $2}')
  [[ $pages -ge 3 ]] || { echo "FAIL: summary.pdf has $pages pages"; exit 1; }
  pdftotext -bbox "$work/summary.pdf" - | python3 -c '
import re, sys
hs = [float(b) - float(a) for a, b in re.findall(r"<word xMin=\S+ yMin=\"([0-9.]+)\" xMax=\S+ yMax=\"([0-9.]+)\"", sys.stdin.read())]
assert len(hs) > 1000, len(hs)
small = min(hs)
print(f"summary.pdf: {len(hs)} words, smallest box {small:.2f} pt (about {small / 1.195:.1f} pt type)")
sys.exit(0 if small >= 10.7 else 1)'
fi
# diff.xlsx: its 全部 sheet has diff.csv's rows (all but the unchanged) with the same numbers.
"$bin" --data demo/reports diff 2024-05 2024-06 --format xlsx -o "$work/diff.xlsx"
"$bin" --data demo/reports diff 2024-05 2024-06 --format csv >"$work/diff.csv"
timeout 180 "$soffice" --headless -env:UserInstallation=file://"$work/profile" \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
  --outdir "$work" "$work/diff.xlsx" >"$work/soffice.log" 2>&1 || { cat "$work/soffice.log"; exit 1; }
python3 - "$work/diff-全部.csv" "$work/diff.csv" <<'PY'
import csv, sys
lo = list(csv.DictReader(open(sys.argv[1], encoding="utf-8").readlines()[2:]))  # under the title
ref = [r for r in csv.DictReader(open(sys.argv[2], encoding="utf-8-sig"))]
def num(s):
    s = s.replace(",", "").rstrip("%")
    return round(float(s), 1) if s else None
assert len(lo) == len(ref), (len(lo), len(ref))
bad = 0
for a, b in zip(lo, ref):
    for got, want in [(num(a["现累计完成"]) if b["new_actual"] else None, num(b["new_actual"])),
                      (num(a["增量"]), num(b["delta"])),
                      (num(a["完成率变化（百分点）"]), num(b["delta_pp"]))]:
        if got != want:
            bad += 1
            print(f"FAIL: diff task {b['task']}.{b['target']}: {got!r} vs {want!r}")
sys.exit(1 if bad else 0)
PY
# The 县市区 workbook: its 县市区明细 sheet has summary --by county's rows and numbers.
"$bin" --data demo/reports summary --month 2024-06 --by county --format xlsx -o "$work/county.xlsx"
"$bin" --data demo/reports summary --month 2024-06 --by county --format csv >"$work/county.csv"
timeout 180 "$soffice" --headless -env:UserInstallation=file://"$work/profile" \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
  --outdir "$work" "$work/county.xlsx" >"$work/soffice.log" 2>&1 || { cat "$work/soffice.log"; exit 1; }
python3 - "$work/county-县市区明细.csv" "$work/county.csv" "$work/county-县市区排名.csv" <<'PY'
import csv, sys
lo = list(csv.DictReader(open(sys.argv[1], encoding="utf-8").readlines()[2:]))  # under the title
ref = list(csv.DictReader(open(sys.argv[2], encoding="utf-8-sig")))
rank = list(csv.DictReader(open(sys.argv[3], encoding="utf-8").readlines()[2:]))
def num(s):
    s = s.replace(",", "").rstrip("%")
    return round(float(s), 1) if s else None
assert len(lo) == len(ref) == 36, (len(lo), len(ref))
assert [r["县市区"] for r in rank][:2] == ["西陵区", "兴山县"] and len(rank) == 14, rank[:2]
bad = 0
for a, b in zip(lo, ref):
    for got, want in [(a["县市区"], b["county"]), (num(a["分解目标"]), num(b["county_target"])),
                      (num(a["累计完成"]), num(b["actual"])), (num(a["完成率"]), num(b["completion_pct"]))]:
        if got != want:
            bad += 1
            print(f"FAIL: {b['county']} task {b['task']}: {got!r} vs {want!r}")
sys.exit(1 if bad else 0)
PY
# The diff and county workbooks print at full size too.
if command -v pdftotext >/dev/null; then
  timeout 180 "$soffice" --headless -env:UserInstallation=file://"$work/profile" --convert-to pdf \
    --outdir "$work" "$work/diff.xlsx" "$work/county.xlsx" >"$work/soffice.log" 2>&1 || { cat "$work/soffice.log"; exit 1; }
  for f in diff county; do
    pdftotext -bbox "$work/$f.pdf" - | python3 -c '
import re, sys
hs = [float(b) - float(a) for a, b in re.findall(r"<word xMin=\S+ yMin=\"([0-9.]+)\" xMax=\S+ yMax=\"([0-9.]+)\"", sys.stdin.read())]
small = min(hs)
print(f"'"$f"'.pdf: {len(hs)} words, smallest box {small:.2f} pt")
sys.exit(0 if small >= 10.7 else 1)' || { echo "FAIL: $f.xlsx prints under 9 pt"; exit 1; }
  done
fi
echo "ok: LibreOffice reads summary.xlsx (73 targets, 7 sheets), diff.xlsx and the 县市区 workbook with the CSVs' numbers"
