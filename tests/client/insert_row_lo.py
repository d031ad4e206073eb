"""Inserts a project row in a filled minsheng form with LibreOffice Calc, as a unit would (the
sheet stays protected: the form allows inserting rows), types the project into it and saves the
workbook as .xlsx. Drives LibreOffice through UNO (Debian's python3-uno).
Usage: insert_row_lo.py SOFFICE PROFILE_DIR IN.xlsx OUT.xlsx"""
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue

soffice, profile, src, dst = sys.argv[1:5]
pipe = "minsheng_insert_row"
office = subprocess.Popen([soffice, "--headless", "--invisible", "--norestore", "--nologo",
                           f"-env:UserInstallation=file://{profile}",
                           f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"])


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except Exception:
            time.sleep(0.5)
    else:
        sys.exit("LibreOffice did not start")
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0,
                                       (prop("Hidden", True),))
    sheet = doc.Sheets.getByIndex(0)
    assert sheet.isProtected(), "the form comes protected"
    cells = sheet.getCellRangeByPosition(0, 0, 30, 200).getDataArray()
    header = next(r for r, row in enumerate(cells) if row[2] == "任务编号")
    col = {name: c for c, name in enumerate(cells[header]) if name}
    # Below the first row of task 7, as a unit adds a project where it belongs.
    at = next(r for r in range(header + 1, len(cells)) if cells[r][col["任务编号"]] == 7) + 1
    sheet.Rows.insertByIndex(at, 1)
    # The inserted row takes the formats of the row above: its 任务编号 and 指标 must be open to
    # typing, or a unit could not say which target the new row is for.
    for name in ("任务编号", "指标", "县市区", "项目名称", "累计完成"):
        assert not sheet.getCellByPosition(col[name], at).CellProtection.IsLocked, name
    for name, value in [("任务编号", 7), ("指标", 1), ("县市区", "西陵区"),
                        ("项目名称", "西陵区青年之家"), ("项目状态", "在建"), ("累计完成", 3)]:
        cell = sheet.getCellByPosition(col[name], at)
        if isinstance(value, str):
            cell.setString(value)
        else:
            cell.setValue(value)
    doc.storeToURL(uno.systemPathToFileUrl(dst), (prop("FilterName", "Calc MS Excel 2007 XML"),))
    doc.close(True)
finally:
    office.terminate()
    office.wait(timeout=60)
