"""市民政局's own-layout workbooks for August and September 2024, as units keep them: a sheet per month, a title
naming the month, a 填报单位 line, 任务编号 and 任务内容 merged down over the 县市区 rows, the
city total written 合　计, a 完成率 formula that is "" where there is no figure, task numbers as
reports write them, and a footer. openpyxl writes it; make_unit_forms.sh has LibreOffice compute
the formulas and save it, as Excel or WPS would.

September's form has a 月份 column, merged down over the month's rows, and one more row below
them: 月份 2024年8月, task 14's city total 1100, setting right the 1200 August's form gave."""
import sys

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

COUNTIES = ["夷陵区", "宜都市", "当阳市", "枝江市", "远安县", "秭归县", "长阳土家族自治县"]
SHARES = [300, 280, 250, 250, 193, 200, 200]


def month_sheet(wb, month, values, county_values, title_month):
    ws = wb.create_sheet(f"{month}月")
    ws.merge_cells("A1:H1")
    ws["A1"] = f"宜昌市民政局2024年{title_month}月民生项目进展情况表"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws["A2"] = "填报单位：宜昌市民政局（盖章）"
    ws["F2"] = f"填报日期：2024年{month + 1}月2日"
    for col, head in zip("ABCDEFGH", ["任务编号", "任务内容", "县（市、区）", "计划目标",
                                      "累计完成", "完成率", "状态", "备注"]):
        ws[f"{col}3"] = head
    # Task 14: the number and the text merged down over the city total and the 县市区 rows.
    ws["A4"], ws["B4"] = 14, "特殊困难老年人家庭适老化改造1673户以上"
    ws.merge_cells("A4:A11")
    ws.merge_cells("B4:B11")
    ws["C4"], ws["D4"], ws["E4"] = "合　计", 1673, values[14]
    for i, (county, share, v) in enumerate(zip(COUNTIES, SHARES, county_values), start=5):
        ws[f"C{i}"], ws[f"D{i}"], ws[f"E{i}"] = county, share, v
    ws["A12"], ws["B12"], ws["E12"] = "17", "社区养老服务综合体", values[17]
    ws["A13"], ws["B13"], ws["G13"] = "60", "落实老年人助餐服务", "推进中"
    ws["A14"], ws["B14"], ws["E14"] = "62（1）", "城乡低保平均标准增速", values[62]
    ws["H14"] = "按省厅口径"
    for r in range(4, 15):
        ws[f"F{r}"] = f'=IFERROR(E{r}/D{r},"")'
        ws[f"F{r}"].number_format = "0.0%"
    ws["A16"] = "填表人：张三　联系电话：0717-6000000"
    return ws


def september(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "9月"
    ws.merge_cells("A1:I1")
    ws["A1"] = "宜昌市民政局2024年9月民生项目进展情况表"
    ws["A2"] = "填报单位：宜昌市民政局（盖章）"
    ws["G2"] = "填报日期：2024年10月2日"
    for col, head in zip("ABCDEFGHI", ["月份", "任务编号", "任务内容", "县（市、区）", "计划目标",
                                       "累计完成", "完成率", "状态", "备注"]):
        ws[f"{col}3"] = head
    ws["A4"] = "9月"
    ws.merge_cells("A4:A13")
    ws["B4"], ws["C4"] = 14, "特殊困难老年人家庭适老化改造1673户以上"
    ws.merge_cells("B4:B11")
    ws.merge_cells("C4:C11")
    ws["D4"], ws["E4"], ws["F4"] = "合　计", 1673, 1150
    county_values = [240, 240, 180, 190, 60, 130, 110]
    for i, (county, share, v) in enumerate(zip(COUNTIES, SHARES, county_values), start=5):
        ws[f"D{i}"], ws[f"E{i}"], ws[f"F{i}"] = county, share, v
    ws["B12"], ws["C12"], ws["F12"] = "17", "社区养老服务综合体", 9
    ws["B13"], ws["C13"], ws["H13"] = "60", "落实老年人助餐服务", "推进中"
    ws["A14"], ws["B14"], ws["C14"] = "2024年8月", 14, "特殊困难老年人家庭适老化改造（更正8月数）"
    ws["D14"], ws["E14"], ws["F14"] = "合计", 1673, 1100
    ws["I14"] = "8月误报1200户，实为1100户"
    for r in range(4, 15):
        ws[f"G{r}"] = f'=IFERROR(F{r}/E{r},"")'
        ws[f"G{r}"].number_format = "0.0%"
    ws["A16"] = "填表人：张三　联系电话：0717-6000000"
    wb.save(path)


def august(path):
    wb = Workbook()
    wb.remove(wb.active)
    month_sheet(wb, 7, {14: 1000, 17: 7, 62: "5.4%"}, [220, 210, 170, 180, 40, 100, 80], 7)
    month_sheet(wb, 8, {14: 1200, 17: 8, 62: "5.6%"}, [260, 250, 190, 200, 60, 130, 110], 8)
    wb.save(path)


august(sys.argv[1] + "/民政局8月进度.xlsx")
september(sys.argv[1] + "/民政局9月进度.xlsx")
