#!/usr/bin/env python3
"""Writes the demo's files from July to December 2024 (up to the plan's deadline month, 2024-11,
and the month after it) from the forms `minsheng template` gives each unit, filled in as units
would. July to October move each figure from June's towards November's in equal steps.

Invented figures, like the rest of demo/. By November most targets are reached; a few are not:

  14  市民政局      适老化改造 1630 of 1673 户: 远安县 150 of its 193, the other 县市区 all done
  36  市住建局      既有住宅加装电梯 290 of 300 台 (December: 295, still short)
  54  市交通运输局  新改建农村公路 920 of 1000 公里 (no December file)
  66  市城管委      更换改造井盖 3800 of 4000 个 (December: 3900, still short)
  34  市卫健委      五峰 三级医院 推进中 (December: 已完成, so 逾期完成)

Run from the repository root with a built binary: python3 demo/make_deadline_months.py build/minsheng
It refuses to run when the months exist already, so committed files are never rewritten by accident.
"""
import csv
import io
import os
import subprocess
import sys

import yaml

BIN = sys.argv[1] if len(sys.argv) > 1 else "build/minsheng"
DATA = "demo/reports"
SHORT = {36: 290, 54: 920, 66: 3800, 14: 1630}  # November figures of the targets not reached
COUNTY_VALUES = {(14, "远安县"): 150}  # 193 its share: the city's 1673 falls short by 43
MILESTONE_OPEN = {34}
WORDS = {  # the unit's general row in November: 进展情况, 存在问题, 下步计划
    "市住建局": ("全市既有住宅加装电梯290台。", "剩余10台因业主意见未统一暂缓安装。",
                 "12月继续做好业主协调，力争年底前完成。"),
    "市交通运输局": ("新改建农村公路920公里。", "汛期影响，部分路段推迟开工。",
                     "加快剩余80公里路面施工。"),
    "市城管委": ("更换改造井盖3800个。", "部分井盖权属单位尚未确认。", "12月完成剩余200个。"),
    "市民政局": ("特殊困难老年人家庭适老化改造1630户。", "远安县山区农户分散，改造进度滞后。",
                 "督促远安县12月底前完成剩余43户。"),
    "市卫健委": ("各项任务基本完成。", "五峰县人民医院三级医院评审尚未开展。",
                 "配合省卫健委完成现场评审。"),
}


def plan_targets():
    with open("tasks.yaml", encoding="utf-8") as f:
        plan = yaml.safe_load(f)
    figures = {}
    for task in plan["tasks"]:
        for i, t in enumerate(task.get("targets") or [], start=1):
            figures[(task["id"], i)] = t["value"]
    return plan, figures


def form(unit, month):
    out = subprocess.run([BIN, "--data", DATA, "template", "--unit", unit, "--month", month],
                         check=True, capture_output=True).stdout.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(out)))


def number(text):
    digits = "".join(c for c in text if c.isdigit() or c == ".")
    return float(digits) if digits else None


def fmt(v):
    return str(int(v)) if float(v).is_integer() else str(v)


def previous(r):
    """The figure in the 上期累计（参考） reminder: 950（2024-06）, 已完工，1（2024-06）."""
    text = r["上期累计（参考）"].split("（")[0].split("，")[-1]
    return number(text)


def fill_november(unit, rows, figures):
    out = []
    # Projects of a target add up to its figure: the last one reported takes what is left.
    last_project = {}
    last_county = {}
    for i, r in enumerate(rows):
        if r["项目名称"]:
            last_project[int(r["任务编号"])] = i
        elif r["县市区"] and number(r["计划目标"]) is not None:
            last_county[int(r["任务编号"])] = i
    for i, r in enumerate(rows):
        task, target = int(r["任务编号"]), int(r["指标"])
        figure = figures.get((task, target))
        r["报送日期"] = "2024-12-02"
        if r["项目名称"]:
            r["项目状态"] = "在建" if task in SHORT else "已完工"
            if last_project.get(task) == i and isinstance(figure, (int, float)):
                # A 已完工 project without a figure counts as one.
                others = sum(1 if previous(x) is None else previous(x) for x in rows
                             if x["项目名称"] and int(x["任务编号"]) == task and x is not r)
                r["累计完成"] = fmt(figure - others)
        elif r["计划目标"].startswith("里程碑"):
            r["状态"] = "推进中" if task in MILESTONE_OPEN else "已完成"
        elif r["县市区"]:
            share = number(r["计划目标"])  # 分解目标 N
            if share is not None:
                done = COUNTY_VALUES.get((task, r["县市区"]), share)
                if last_county.get(task) == i and task not in SHORT:
                    # Shares that fall short of the figure (task 20): the city's total is met,
                    # and the last 县市区 reports the rest.
                    shares = sum(number(x["计划目标"]) or 0 for x in rows
                                 if x["县市区"] and not x["项目名称"] and int(x["任务编号"]) == task)
                    done += max(0, figure - shares)
                r["累计完成"] = fmt(done)
        elif figure == "pending":  # the figure set elsewhere has come: it is supplied and met
            if not r["目标值"]:
                r["目标值"] = fmt(previous(r) or 100)
            r["累计完成"] = fmt(max(number(r["目标值"]), previous(r) or 0))
        else:  # a figure never falls below last month's
            r["累计完成"] = fmt(SHORT.get(task, max(figure, previous(r) or 0)))
        if r["存在问题"]:  # an open problem the form lists: solved unless its target is short
            if task not in SHORT and task not in MILESTONE_OPEN:
                r["问题状态"] = "已解决"
        out.append(r)
    return out


def between(rows, step, month, due):
    """A month from July (step 1) to October (step 4): a fifth of the way more each month from
    June's figure to November's; states as in June until November changes them."""
    # A target with 县市区 or project rows is their sum in these months: no city figure is typed
    # that they would contradict.
    summed = {nov["任务编号"] for nov in rows
              if (nov["县市区"] or nov["项目名称"]) and nov["计量单位"] != "%"}
    out = []
    for nov in rows:
        r = dict(nov)
        r["月份"] = month
        r["报送日期"] = due
        r["问题状态"] = ""  # problems are solved in November, not before
        june = previous(nov)
        if nov["项目名称"]:
            r["项目状态"] = nov["上期累计（参考）"].split("（")[0].split("，")[0] or nov["项目状态"]
            r["累计完成"] = ""
        elif nov["计划目标"].startswith("里程碑"):
            was = nov["上期累计（参考）"].split("（")[0]
            r["状态"] = was if was == "已完成" else "推进中"
        elif nov["累计完成"] and june is not None and not (
                nov["任务编号"] in summed and not nov["县市区"]):
            v = june + (float(nov["累计完成"]) - june) * step / 5
            whole = float(june).is_integer() and float(nov["累计完成"]).is_integer()
            r["累计完成"] = fmt(round(v) if whole else round(v, 1))
        else:
            r["累计完成"] = ""
        out.append(r)
    return out


def write(month, unit, rows, extra=None):
    folder = os.path.join(DATA, month, "submissions")
    os.makedirs(folder, exist_ok=True)
    fields = list(rows[0].keys()) if rows else []
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=fields, lineterminator="\r\n")
    w.writeheader()
    for r in rows:
        w.writerow(r)
    if extra:
        row = {k: "" for k in fields}
        row.update({"牵头单位": unit, "月份": month, "进展情况": extra[0], "存在问题": extra[1],
                    "下步计划": extra[2], "报送日期": rows[0]["报送日期"]})
        w.writerow(row)
    with open(os.path.join(folder, unit + ".csv"), "w", encoding="utf-8-sig", newline="") as f:
        f.write(buf.getvalue())


def main():
    for m in ("2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12"):
        if os.path.exists(os.path.join(DATA, m)):
            sys.exit(f"{DATA}/{m} exists already: remove it first to regenerate")
    plan, figures = plan_targets()
    novembers = {}
    for unit in plan["units"]:  # every unit of the plan leads a target
        novembers[unit] = fill_november(unit, form(unit, "2024-11"), figures)
    months = [("2024-07", "2024-08-02"), ("2024-08", "2024-09-02"), ("2024-09", "2024-10-02"),
              ("2024-10", "2024-11-01")]
    for unit, rows in novembers.items():
        for step, (month, due) in enumerate(months, start=1):
            write(month, unit, between(rows, step, month, due))
        write("2024-11", unit, rows, WORDS.get(unit))
    # December: only units with something left send a file, and 市交通运输局 sends none.
    december = {
        "市住建局": [("36", "1", "295")],
        "市城管委": [("66", "1", "3900")],
        "市卫健委": [("34", "1", "已完成")],
    }
    for unit, items in december.items():
        rows = []
        for task, target, v in items:
            row = {"牵头单位": unit, "月份": "2024-12", "任务编号": task, "指标": target,
                   "累计完成": "", "状态": "", "报送日期": "2025-01-03"}
            row["状态" if v == "已完成" else "累计完成"] = v
            rows.append(row)
        write("2024-12", unit, rows)


if __name__ == "__main__":
    main()
