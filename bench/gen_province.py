#!/usr/bin/env python3
"""Generates a synthetic province for benchmarks (not a test fixture): CITIES cities, each with
COUNTIES 县市区 and its own copy of the plan's targets for every county, as distinct targets and
tasks; 22 lead units per city; one CSV per unit per month for MONTHS months of 2024.

At 128 cities, 14 counties and 12 months: 128 × 14 × 73 = 130,816 targets, 2,816 units,
33,792 files and 1.57 million progress rows.

Usage: gen_province.py OUT_DIR [--cities 128] [--counties 14] [--months 12] [--plan tasks.yaml]
Writes OUT_DIR/tasks.yaml and OUT_DIR/reports/2024-MM/submissions/*.csv. Deterministic.
"""
import argparse
import os
import re

ap = argparse.ArgumentParser()
ap.add_argument("out")
ap.add_argument("--cities", type=int, default=128)
ap.add_argument("--counties", type=int, default=14)
ap.add_argument("--months", type=int, default=12)
ap.add_argument("--plan", default=os.path.join(os.path.dirname(__file__), "..", "tasks.yaml"))
a = ap.parse_args()

# The real plan's tasks: id, category, lead(s), and each target's lead, figure and measure.
text = open(a.plan, encoding="utf-8").read()
tasks = []
for block in re.split(r"\n  - id: ", text.split("\ntasks:\n", 1)[1])[1:]:
    tid = int(block.split("\n", 1)[0])
    cat = int(re.search(r"category: (\d+)", block).group(1))
    lead = re.search(r"lead: (.+)", block).group(1).strip()
    leads = [x.strip() for x in lead.strip("[]").split(",")]
    targets = []
    for m in re.finditer(r"- \{name: ([^,]+), (?:lead: ([^,]+), )?value: (\w+)(?:, baseline: [\d.]+)?, "
                         r"measure: (\"%\"|[^,}]+)", block):
        value = m.group(3)
        targets.append((m.group(2) or leads[0], None if value == "pending" else float(value),
                        m.group(4).strip('"')))
    tasks.append((tid, cat, leads, targets))
units = [u.strip() for u in re.search(r"\nunits:\n((?:  - .+\n)+)", text).group(1).replace("  - ", "").split("\n") if u.strip()]
measures = re.search(r"\nmeasures: (\[.+\])", text).group(1)
categories = re.search(r"\ncategories:\n((?:  - .+\n)+)", text).group(1)

os.makedirs(a.out, exist_ok=True)
cities = [f"市{c + 1:03d}" for c in range(a.cities)]
with open(os.path.join(a.out, "tasks.yaml"), "w", encoding="utf-8") as f:
    f.write("plan:\n  title: 合成全省民生项目\n  start: 2024-01\n  deadline: 2024-12-31\n"
            "  reporting: {to: 省发改委, due_day: 3, from: 2024-01}\n")
    f.write(f"measures: {measures}\nunits:\n")
    for city in cities:
        for u in units:
            f.write(f"  - {city}{u}\n")
    f.write(f"categories:\n{categories}tasks:\n")
    for ci, city in enumerate(cities):
        for k in range(a.counties):
            for tid, cat, leads, targets in tasks:
                nid = (ci * a.counties + k) * 100 + tid
                f.write(f"  - id: {nid}\n    category: {cat}\n    lead: [{', '.join(city + l for l in leads)}]\n"
                        f"    text: 合成任务{nid}\n")
                if targets:
                    f.write("    targets:\n")
                    for lead, value, measure in targets:
                        v = "pending" if value is None else f"{value:g}"
                        m = '"%"' if measure == "%" else measure
                        f.write(f"      - {{name: 指标, lead: {city}{lead}, value: {v}, measure: {m}, comparator: at_least}}\n")

rows = 0
for month in range(1, a.months + 1):
    d = os.path.join(a.out, "reports", f"2024-{month:02d}", "submissions")
    os.makedirs(d, exist_ok=True)
    for ci, city in enumerate(cities):
        per_unit = {}
        for k in range(a.counties):
            for tid, cat, leads, targets in tasks:
                nid = (ci * a.counties + k) * 100 + tid
                if not targets:
                    per_unit.setdefault(city + leads[0], []).append(f"{nid},,,{'推进中' if month < 12 else '已完成'}")
                    continue
                for i, (lead, value, measure) in enumerate(targets, 1):
                    figure = value if value is not None else 100
                    # Cumulative, growing month by month at a pace that differs by target.
                    pace = 0.6 + 0.5 * ((nid * 7 + i) % 10) / 10
                    v = figure * min(1.2, pace * month / 12)
                    cell = f"{v:.1f}%" if measure == "%" else f"{v:.0f}"
                    per_unit.setdefault(city + lead, []).append(f"{nid},{i},{cell},")
        for unit, lines in per_unit.items():
            with open(os.path.join(d, unit + ".csv"), "w", encoding="utf-8") as f:
                f.write("任务编号,指标,累计完成,状态\n" + "\n".join(lines) + "\n")
            rows += len(lines)
print(f"{a.cities} cities: {sum(len(t[3]) or 1 for t in tasks) * a.cities * a.counties} targets, "
      f"{rows} rows in {len(cities) * len(units) * a.months} files (at most)")
