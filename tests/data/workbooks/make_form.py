"""团市委's June form, filled as a person would: see make_fixtures.sh."""
import datetime
import sys

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

wb = Workbook()
notes = wb.active
notes.title = "填表说明"
notes["A1"] = "本表由牵头单位填写，任务编号见计划文件。"
notes.sheet_state = "hidden"  # a hidden sheet first: never read

ws = wb.create_sheet("进度")
ws.merge_cells("A1:F1")
ws["A1"] = "宜昌市2024年十大民生项目进度报送表（2024年6月）"
ws["A1"].font = Font(bold=True, size=14)
ws["A1"].alignment = Alignment(horizontal="center")
ws["A2"] = "填报单位：团市委"
ws["D2"] = "报送日期"
ws["E2"] = datetime.date(2024, 7, 2)
ws["E2"].number_format = "yyyy-mm-dd"
# Two header rows: 任务编号 and 指标 over both, a group title over the progress columns.
ws["A3"], ws["B3"], ws["C3"], ws["F3"] = "任务编号", "指标", "进展情况", "备注"
ws.merge_cells("C3:E3")
ws.merge_cells("A3:A4")
ws.merge_cells("B3:B4")
ws.merge_cells("F3:F4")
ws["C4"], ws["D4"], ws["E4"] = "累计完成", "状态", "报送日期"
rows = [
    (6, None, None, "推进中", None, "宜都、当阳试点推进"),
    (7, None, 14, None, None, None),
    (8, None, "=4+5", None, None, "公式：已建成的两批之和"),  # a formula: 9
    (9, None, "300", None, None, None),                       # a number typed as text
    (26, 1, 240, None, None, None),
    (26, 2, "9,000", None, None, None),
    (44, None, 3500, None, None, None),
]
for i, (task, target, value, status, date, note) in enumerate(rows, start=5):
    ws.cell(row=i, column=1, value=task)
    ws.cell(row=i, column=2, value=target)
    ws.cell(row=i, column=3, value=value)
    ws.cell(row=i, column=4, value=status)
    ws.cell(row=i, column=6, value=note)
ws.column_dimensions["B"].hidden = True  # a hidden column is still read
# Footer rows below the table.
ws["A13"] = "填表人：张三"
ws["C13"] = "联系电话：0717-1234567"
ws["A14"] = "审核人：李四"
wb.save(sys.argv[1])
