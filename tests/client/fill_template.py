"""Fills a minsheng template workbook as a unit would in a spreadsheet: last month's figure plus
one in 累计完成 for each numeric target, a state from the list for each milestone, and the date sent.
Usage: fill_template.py IN.xlsx OUT.xlsx"""
import datetime
import sys

from openpyxl import load_workbook

wb = load_workbook(sys.argv[1])
ws = wb.worksheets[0]
header_row = next(r for r in range(1, 6) if ws.cell(row=r, column=3).value == "任务编号")
col = {ws.cell(row=header_row, column=c).value: c for c in range(1, ws.max_column + 1)}
for r in range(header_row + 1, ws.max_row + 1):
    task = ws.cell(row=r, column=col["任务编号"]).value
    if task is None:
        continue
    if ws.cell(row=r, column=col["计划目标"]).value.startswith("里程碑"):
        ws.cell(row=r, column=col["状态"]).value = "推进中"
    else:
        # One more than last month's figure, as the 上期累计 column reminds: "14（2024-06）".
        prev = ws.cell(row=r, column=col["上期累计（参考）"]).value or ""
        last = prev.split("（")[0].rstrip("%")
        ws.cell(row=r, column=col["累计完成"]).value = (float(last) if last else 0) + 1
    date = ws.cell(row=r, column=col["报送日期"])
    date.value = datetime.date(2024, 8, 2)
    date.number_format = "yyyy-mm-dd"
wb.save(sys.argv[2])
