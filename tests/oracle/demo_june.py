"""An oracle independent of src/: works out every number of the demo's June summary and of its
May-to-June diff (tests/expected/) from the plan's rules, in Python, and fails on any that
differs. The rules, as docs/catalogue.md states them:
  time progress  = months elapsed / months of the plan (Jan–Nov 2024: June is 6 of 11, 54.5%);
                   for a target whose 分解方案 gives 节点月份/节点进度 on a row of the whole city,
                   its nodes joined by straight lines from 0 at the plan's start
  completion     = (actual − baseline) / (target − baseline) × 100
  gap            = time progress − completion, in points, judged as printed (one decimal,
                   rounded half away from zero): < 0 超序时, < 10 序时推进, ≤ 30 滞后, else 严重滞后
  reached        = actual ≥ target (左右: ≥ target × 90%) → 已完成, nothing remaining
  remaining      = target − actual; needed a month = remaining / months left (5 after June)
  diff           = June's figure − May's, and the same of completion, in points.
A figure typed in a unit's CSV file is read again here from the file and line the summary
names (numbers as staff type them: 1,680, 3.5万, 95%).
Usage: demo_june.py SOURCE_DIR"""
import csv
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import yaml

src = Path(sys.argv[1])
plan = yaml.safe_load((src / "tasks.yaml").read_text(encoding="utf-8"))
settings = plan.get("settings") or {}
behind = settings.get("behind_pp", 10)
severe = settings.get("seriously_behind_pp", 30)
tolerance = settings.get("about_tolerance", 0.10)


def months(ym):
    y, m = str(ym)[:7].split("-")
    return int(y) * 12 + int(m) - 1


start, deadline = months(plan["plan"]["start"]), months(plan["plan"]["deadline"])
june = months("2024-06")
total, elapsed = deadline - start + 1, june - start + 1
time_pct = elapsed / total * 100
months_left = deadline - june

def node_month(cell):
    """6月, 11月底 or 2024-06: a month of the plan's year."""
    cell = cell.strip().rstrip("底末").rstrip("月")
    if "-" in cell:
        return months(cell)
    return months(f"{str(plan['plan']['start'])[:4]}-{int(cell):02d}")


def split_list(cell):
    for sep in "、，,；;":
        cell = cell.replace(sep, " ")
    return cell.split()


schedules = {}  # (task, target) → [(month index, cumulative %)]
for path in sorted((src / "demo/reports/breakdown").glob("*.csv")):
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gbk")
    for row in csv.DictReader(text.splitlines()):
        if row.get("节点月份") and row.get("县市区") in ("", "全市"):
            nodes = [(node_month(m), float(p.rstrip("%")))
                     for m, p in zip(split_list(row["节点月份"]), split_list(row["节点进度"]))]
            schedules[(int(row["任务编号"]), int(row.get("指标") or 1))] = nodes


def time_of(key):
    """The target's 序时进度 at the end of June."""
    nodes = schedules.get(key)
    if not nodes:
        return time_pct
    x, x0, y0 = june - start + 1, 0, 0.0
    for month, pct in nodes:
        x1 = month - start + 1
        if x <= x1:
            return y0 + (pct - y0) * (x - x0) / (x1 - x0)
        x0, y0 = x1, pct
    return 100.0


assert len(schedules) == 3, schedules
comparators = {}
for task in plan["tasks"]:
    for i, t in enumerate(task.get("targets") or [], 1):
        comparators[(task["id"], i)] = t.get("comparator", "at_least")


def round1(x):
    return float(Decimal(repr(x)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def num(s):
    return float(s) if s not in ("", None) else None


def typed(cell):
    """A number as staff type it."""
    s = cell.strip().replace(",", "").replace("，", "")
    scale = 1
    if s.endswith("%"):
        s = s[:-1]
    if s.endswith("万"):
        s, scale = s[:-1], 10000
    return float(s) * scale


def figure_at(source):
    """The 累计完成 typed at FILE:LINE of a CSV progress file, or None."""
    path, line = source.rsplit(":", 1)
    if not path.endswith(".csv"):
        return None
    raw = (src / path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030")
    reader = csv.reader(text.splitlines(keepends=True))
    header, first, records = None, 1, []
    for record in reader:
        if header is None and ("任务编号" in record or "task" in record):
            header = record
        elif header is not None:
            records.append((first, record))
        first = reader.line_num + 1
    if header is None:
        return None
    col = {name: header.index(name) for name in header}
    value = next((col[n] for n in ("累计完成", "完成值", "value") if n in col), None)
    county = next((col[n] for n in ("县市区", "county") if n in col), None)
    at = next((r for start, r in records if start == int(line)), None)
    if value is None or at is None:
        return None
    cell = lambda r, c: r[c].strip() if c is not None and c < len(r) else ""
    if next((cell(at, col[n]) for n in ("项目名称", "project") if n in col), ""):
        return None  # a figure made of its projects: not worked out here
    county_of = lambda r: "" if cell(r, county) == "全市" else cell(r, county)  # 全市: the city row
    if not county_of(at):
        return typed(cell(at, value)) if cell(at, value) else None
    # A city figure the unit left to its 县市区 rows: their sum, as the summary says it takes.
    key = (cell(at, col.get("任务编号")), cell(at, col.get("指标")))
    return sum(typed(cell(r, value)) for _, r in records
               if (cell(r, col.get("任务编号")), cell(r, col.get("指标"))) == key
               and county_of(r) and cell(r, value))


failures, checked, read_again = [], 0, 0


def expect(row, field, got, want):
    global checked
    checked += 1
    if got != want:
        failures.append(f"task {row['task']}.{row['target']} {field}: golden {got!r}, rules {want!r}")


with open(src / "tests/expected/summary-2024-06.csv", encoding="utf-8-sig", newline="") as f:
    summary = list(csv.DictReader(f))
assert len(summary) == 73, len(summary)
for row in summary:
    key = (int(row["task"]), int(row["target"]))
    expect(row, "time_pct", num(row["time_pct"]), round1(time_of(key)))
    expect(row, "time_basis", row["time_basis"], "nodes" if key in schedules else "linear")
    actual, target = num(row["actual"]), num(row["target_value"])
    if row["actual"] and row["source"]:
        again = figure_at(row["source"])
        if again is not None:
            read_again += 1
            expect(row, "actual (read again from " + row["source"] + ")", actual, again)
    if actual is None or target is None:
        continue  # a milestone by its state word, or not reported: no numbers to work out
    base = num(row["baseline"]) or 0
    completion = (actual - base) / (target - base) * 100
    gap = time_of(key) - completion
    expect(row, "completion_pct", num(row["completion_pct"]), round1(completion))
    expect(row, "gap_pp", num(row["gap_pp"]), round1(gap))
    need = target * (1 - tolerance) if comparators[(int(row["task"]), int(row["target"]))] == "about" else target
    if actual >= need - 1e-9:
        expect(row, "status", row["status"], "done")
        expect(row, "remaining", num(row["remaining"]) or 0, 0)
        continue
    shown = round1(gap)
    status = "ahead" if shown < 0 else "on_track" if shown < behind else "behind" if shown <= severe else "seriously_behind"
    expect(row, "status", row["status"], status)
    expect(row, "remaining", num(row["remaining"]), target - actual)
    expect(row, "needed_per_month", round1(num(row["needed_per_month"])), round1((target - actual) / months_left))

with open(src / "tests/expected/diff-2024-05-2024-06.csv", encoding="utf-8-sig", newline="") as f:
    diff = list(csv.DictReader(f))
by_key = {(r["task"], r["target"]): r for r in summary}
for row in diff:
    old, new = num(row["old_actual"]), num(row["new_actual"])
    s = by_key.get((row["task"], row["target"]))
    if s is not None:
        expect(row, "diff new_actual = summary actual", new, num(s["actual"]))
        expect(row, "diff new_status = summary status", row["new_status"], s["status"])
    if old is not None and new is not None:
        expect(row, "delta", num(row["delta"]), round(new - old, 6))
    # The change in completion is worked out from the figures, then rounded (not from the
    # rounded completions: 8 and 9 of 14 are 57.1% and 64.3%, up 7.1 points, not 7.2).
    if s is not None and old is not None and new is not None and s["target_value"]:
        base, target = num(s["baseline"]) or 0, num(s["target_value"])
        exact = (new - old) / (target - base) * 100
        expect(row, "delta_pp", num(row["delta_pp"]), round1(exact))
        expect(row, "old_completion_pct", num(row["old_completion_pct"]),
               round1((old - base) / (target - base) * 100))

for f in failures:
    print("FAIL:", f)
print(f"oracle: {checked} numbers and statuses of the June summary and diff worked out, "
      f"{read_again} figures read again from the units' CSV files, {len(failures)} differ")
sys.exit(1 if failures or read_again < 20 else 0)
