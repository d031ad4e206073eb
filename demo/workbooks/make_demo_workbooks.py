"""June's forms of two demo units as workbooks, filled as a person would in Excel: a title row
above the header, numbers stored as numbers, a percent-formatted cell, the date as a date.
Run through make_demo_workbooks.sh, which saves them with LibreOffice (.xlsx and .xls)."""
import datetime
import sys

from openpyxl import Workbook
from openpyxl.styles import Font


def form(unit, rows, path, percent_tasks=()):
    wb = Workbook()
    ws = wb.active
    ws.title = "6月进度"
    ws["A1"] = f"{unit} 2024年6月民生项目进度报送表"
    ws["A1"].font = Font(bold=True)
    ws.merge_cells("A1:F1")
    ws.append(["牵头单位", "任务编号", "指标", "累计完成", "状态", "报送日期"])
    for task, target, value, status in rows:
        ws.append([unit, task, target, value, status, datetime.date(2024, 7, 2)])
        r = ws.max_row
        ws.cell(row=r, column=6).number_format = "yyyy-mm-dd"
        if task in percent_tasks:
            ws.cell(row=r, column=4).number_format = "0%"
    ws.append([])
    ws.append(["填表人：王五", None, None, "联系电话：0717-0000000"])
    wb.save(path)


out = sys.argv[1]
form("市教育局", [(5, None, 650, None), (21, None, 9, None), (22, None, 0.96, None),
                (23, None, 80000, None), (24, None, None, "推进中"), (25, None, None, "已完成")],
     f"{out}/市教育局.xlsx", percent_tasks=(22,))
form("团市委", [(6, None, None, "推进中"), (7, None, 14, None), (8, None, 9, None),
              (9, None, 300, None), (26, 1, 240, None), (26, 2, 9000, None),
              (44, None, 3500, None)], f"{out}/团市委.xlsx")
