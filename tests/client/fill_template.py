"""Fills a minsheng template workbook as a unit would in a spreadsheet: last month's figure plus
one in 累计完成 for each numeric target, a state from the list for each milestone, and the date
sent; the 填报日期/填表人/联系电话 cells; the unit's general words on its own row; and a new
project in the first spare row under the table. Before filling, checks the form is one a unit can
use: rows may be inserted and columns widened, each list column has its own choices, each
refusal names its column, and it prints on A4 landscape with the header repeated.
Usage: fill_template.py IN.xlsx OUT.xlsx"""
import datetime
import sys

from openpyxl import load_workbook

wb = load_workbook(sys.argv[1])
ws = wb.worksheets[0]
header_row = next(r for r in range(1, 6) if ws.cell(row=r, column=3).value == "任务编号")
col = {ws.cell(row=header_row, column=c).value: c for c in range(1, ws.max_column + 1)}

# The form as a unit gets it.
assert ws.protection.sheet and not ws.protection.insertRows and not ws.protection.formatColumns, \
    "rows may be inserted and columns widened"  # openpyxl: False means allowed
info = [ws.cell(row=2, column=c).value for c in range(1, 9)]
assert info[0::2] == ["填报单位", "填报日期", "填表人", "联系电话"] and info[1] == "团市委", info
assert not ws.cell(row=2, column=4).protection.locked
lists = {}
for dv in ws.data_validations.dataValidation:
    first_col = str(dv.sqref).split(":")[0].rstrip("0123456789")
    lists[first_col] = (dv.type, dv.formula1, dv.errorTitle, dv.error)
letter = lambda name: ws.cell(row=header_row, column=col[name]).column_letter
assert lists[letter("状态")][1] == '"未启动,推进中,已完成"', lists[letter("状态")]
assert lists[letter("项目状态")][1] == '"未开工,在建,已完工"', lists[letter("项目状态")]
assert lists[letter("问题状态")][1] == '"已解决,未解决"', lists[letter("问题状态")]
assert lists[letter("目标值")][2] == "目标值" and "目标值" in lists[letter("目标值")][3], lists[letter("目标值")]
assert lists[letter("累计完成")][2] == "累计完成", lists[letter("累计完成")]
assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
assert ws.print_title_rows == f"${header_row}:${header_row}", ws.print_title_rows
assert ws.cell(row=header_row + 1, column=col["进展情况"]).alignment.wrap_text

ws.cell(row=2, column=4).value = datetime.date(2024, 8, 2)
ws.cell(row=2, column=6).value = "张三"
ws.cell(row=2, column=8).value = "0717-1234567"
last_row = header_row
for r in range(header_row + 1, ws.max_row + 1):
    if ws.cell(row=r, column=col["指标名称"]).value or ws.cell(row=r, column=col["任务编号"]).value:
        last_row = r
    task = ws.cell(row=r, column=col["任务编号"]).value
    if task is None:
        if str(ws.cell(row=r, column=col["指标名称"]).value or "").startswith("（本单位总体情况"):
            ws.cell(row=r, column=col["进展情况"]).value = "各县市区青年之家建设稳步推进"
            ws.cell(row=r, column=col["存在问题"]).value = "部分场地尚未落实"
        continue
    if ws.cell(row=r, column=col["计划目标"]).value.startswith("（可填"):
        continue  # an open project row, left as it came
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
# A project the form does not list, in the first spare row: unlocked, like the table's inputs.
spare = last_row + 1
assert not ws.cell(row=spare, column=col["任务编号"]).protection.locked
for name, value in [("任务编号", 7), ("指标", 1), ("县市区", "猇亭区"), ("项目名称", "猇亭区青年之家"),
                    ("项目状态", "在建"), ("计划完工", "2024-10"), ("累计完成", 15)]:
    ws.cell(row=spare, column=col[name]).value = value
wb.save(sys.argv[2])
