#include "assess/month.hpp"

#include <cmath>
#include <map>
#include <optional>
#include <unordered_map>

#include "assess/reporting.hpp"
#include "util/number.hpp"

namespace minsheng {
namespace {

void add_late_warnings(const Plan& plan, const DataSet& data, Diagnostics& diags) {
  for (const auto& sub : data.submissions)
    if (long days = late_days(plan, sub); days > 0)
      diags.warning(sub.file, 0, 0,
                    "逾期报送：报送日期 " + sub.submitted->str() + " 晚于截止日期 " +
                        plan.due_date(sub.month).str() + "（" + std::to_string(days) + " 天）");
}

// Values that are valid numbers but probably not what the unit meant.
void add_plausibility_warnings(const Plan& plan, const DataSet& data, Diagnostics& diags) {
  std::unordered_map<TargetKey, double, TargetKeyHash> highest;
  std::unordered_map<TargetKey, std::pair<double, const ProgressEntry*>, TargetKeyHash> supplied;
  for (const auto& sub : data.submissions)
    for (const auto& e : sub.entries) {
      const Task* task = plan.find_task(e.key.task);
      if (!task) continue;
      const Target& t = task->targets.at(static_cast<std::size_t>(e.key.target - 1));
      auto warn = [&](std::string msg) {
        diags.warning(e.source.file, e.source.line, 0, task->label_of(t) + msg);
      };
      if (e.target_value) {
        auto [it, fresh] = supplied.try_emplace(e.key, *e.target_value, &e);
        if (!fresh && std::abs(it->second.first - *e.target_value) > 1e-9)
          warn("的目标值由 " + format_number(it->second.first) + "（" +
               it->second.second->source.str() + "）改为 " + format_number(*e.target_value) +
               "，请确认目标是否调整");
        it->second = {*e.target_value, &e};
      }
      if (!e.value || t.kind != TargetKind::numeric) continue;
      std::optional<double> figure = t.value;
      if (auto it = supplied.find(e.key); it != supplied.end()) figure = it->second.first;
      double v = *e.value;
      if (figure && v > 2 * *figure)
        warn("的累计完成 " + format_number(v) + t.measure + " 超过目标 " + format_number(*figure) +
             t.measure + " 的两倍，请核对是否多填或误用“万”");
      auto prev = highest.find(e.key);
      if (t.measure == "%" && !e.percent && v <= 1 &&
          ((prev != highest.end() && prev->second > 1) || (figure && *figure > 1)))
        warn("的累计完成为 " + format_number(v) + "，疑似把百分数写成了小数（" +
             format_number(v * 100) + "%？）；百分数请带 % 填写");
      if (prev == highest.end() || v > prev->second) highest[e.key] = v;
    }
}

struct CheckedMonth {
  Snapshot snap;
  Diagnostics problems;
  std::optional<std::vector<Status>> before;  // the month before, when reports were due for it
};

// One pass over the submissions gives the month before (for 状态变化), the snapshot, and the
// warnings about falling cumulative values.
CheckedMonth check_month(const Plan& plan, const DataSet& data, YearMonth month) {
  Diagnostics all = data.diagnostics;
  add_late_warnings(plan, data, all);
  add_plausibility_warnings(plan, data, all);
  CheckedMonth c;
  std::size_t next = 0;
  if (YearMonth before = month.plus(-1); plan.reporting_due(before)) {
    advance_snapshot(c.snap, data.submissions, next, before, &all);
    c.before = target_statuses(plan, c.snap);
  }
  advance_snapshot(c.snap, data.submissions, next, month, &all);
  for (const auto& d : all.items()) {
    auto m = data.month_of(d.file);
    bool counts = d.severity == Severity::error ? (!m || *m <= month) : m == month;
    if (counts) c.problems.add(d);
  }
  c.problems.sort();
  return c;
}

}  // namespace

void check_data(const Plan& plan, const DataSet& data, Diagnostics& diags) {
  add_late_warnings(plan, data, diags);
  add_plausibility_warnings(plan, data, diags);
  if (!data.months.empty()) merge_snapshot(data.submissions, data.months.back(), &diags);
}

Diagnostics month_problems(const Plan& plan, const DataSet& data, YearMonth month) {
  return check_month(plan, data, month).problems;
}

MonthReport assess_data(const Plan& plan, const DataSet& data, YearMonth month, bool keep_going) {
  CheckedMonth c = check_month(plan, data, month);
  if (c.problems.has_errors() && !keep_going) throw DataError(c.problems);
  MonthReport rep = assess_month(plan, c.snap, std::move(c.problems), data.last_file_months(month),
                                 data.unread_by_unit(month));
  assess_counties(plan, c.snap, data.allocations, rep);
  assess_projects(plan, c.snap, rep);
  if (c.before) rep.changes = status_changes(*c.before, rep);
  return rep;
}

}  // namespace minsheng
