"""A form with a percent-formatted number and a formula with no cached value (openpyxl never
computes formulas, so it writes none): see make_fixtures.sh."""
import sys

from openpyxl import Workbook

wb = Workbook()
ws = wb.active
ws.title = "Sheet1"
ws.append(["牵头单位", "任务编号", "累计完成"])
ws.append(["市民政局", 19, 0.46])
ws["C2"].number_format = "0%"  # shows 46%
ws.append(["市民政局", 14, "=900+50"])  # no cached value until a spreadsheet computes it
wb.save(sys.argv[1])
