// The summary's merge and assessment in DuckDB, for bench/province.sh to compare with
// `minsheng summary --format csv` on the same synthetic province. It does what the summary does
// for these files: each target's latest cumulative figure up to the month (a later month wins),
// completion against the plan's value and baseline, the gap to 序时进度 and the status by the
// gap (done at 100%; 滞后 from 10 points, 严重滞后 over 30, on the gap rounded to one decimal;
// from the deadline month on, 未完成).
// Milestones by state and everything the synthetic data lacks (县市区, projects, corrections)
// are left out, so DuckDB does less work than minsheng, not more. The synthetic files share one
// header, so read_csv is not asked to union columns by name (which took it half as long again).
// Usage: node bench/duckdb_summary.mjs PLAN.yaml REPORTS_DIR YYYY-MM OUT.csv
//   (run from a folder where `npm install @duckdb/node-api yaml` was run: ES modules resolve
//   packages from the script's own folder; province.sh copies it there)
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import YAML from 'yaml';

const [planFile, reports, month, out] = process.argv.slice(2);
const plan = YAML.parse(readFileSync(planFile, 'utf8'));
const start = String(plan.plan.start);
const deadline = String(plan.plan.deadline).slice(0, 7);
const months = (a, b) => {
  const [ay, am] = a.split('-').map(Number);
  const [by, bm] = b.split('-').map(Number);
  return (by - ay) * 12 + (bm - am);
};
const timePct = Math.min(1, (months(start, month) + 1) / (months(start, deadline) + 1)) * 100;

const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
// The plan's numeric targets, one row each.
const rows = [];
for (const t of plan.tasks)
  (t.targets ?? []).forEach((g, i) => {
    if (typeof g.value === 'number') rows.push(`(${t.id}, ${i + 1}, ${g.value}, ${g.baseline ?? 0})`);
  });
await con.run('CREATE TABLE targets (task INT, target INT, value DOUBLE, baseline DOUBLE)');
for (let i = 0; i < rows.length; i += 10000)
  await con.run(`INSERT INTO targets VALUES ${rows.slice(i, i + 10000).join(',')}`);
await con.run(`
  CREATE TABLE figures AS
  SELECT "任务编号"::INT AS task, coalesce(try_cast("指标" AS INT), 1) AS target,
         try_cast(replace(replace("累计完成", ',', ''), '%', '') AS DOUBLE) AS actual,
         regexp_extract(filename, '(\\d{4}-\\d{2})/submissions', 1) AS month
  FROM read_csv('${reports}/*/submissions/*.csv', filename = true, header = true,
                all_varchar = true)`);
const result = await con.run(`
  COPY (
    WITH latest AS (
      SELECT task, target, arg_max(actual, month) AS actual
      FROM figures WHERE month <= '${month}' AND actual IS NOT NULL GROUP BY task, target),
    assessed AS (
      SELECT t.task, t.target, l.actual,
             (l.actual - t.baseline) / (t.value - t.baseline) * 100 AS completion
      FROM targets t LEFT JOIN latest l USING (task, target))
    SELECT task, target, actual, round(completion, 1) AS completion_pct,
           round(${timePct} - completion, 1) AS gap_pp,
           CASE WHEN actual IS NULL THEN 'not_reported'
                WHEN completion >= 100 - 1e-9 THEN 'done'
                WHEN ${month >= deadline} THEN 'overdue'
                WHEN round(${timePct} - completion, 1) < 0 THEN 'ahead'
                WHEN round(${timePct} - completion, 1) < 10 THEN 'on_track'
                WHEN round(${timePct} - completion, 1) <= 30 THEN 'behind'
                ELSE 'seriously_behind' END AS status
    FROM assessed ORDER BY task, target
  ) TO '${out}' (HEADER)`);
void result;
