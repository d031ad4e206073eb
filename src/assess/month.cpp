#include "assess/month.hpp"

namespace minsheng {

void check_data(const Plan& plan, const DataSet& data, Diagnostics& diags) {
  for (const auto& sub : data.submissions) {
    Date due = plan.due_date(sub.month);
    if (sub.submitted && *sub.submitted > due)
      diags.warning(sub.file, 0, 0,
                    "逾期报送：报送日期 " + sub.submitted->str() + " 晚于截止日期 " + due.str() +
                        "（" + std::to_string(days_between(due, *sub.submitted)) + " 天）");
  }
  if (!data.months.empty()) merge_snapshot(data.submissions, data.months.back(), &diags);
}

Diagnostics month_problems(const Plan& plan, const DataSet& data, YearMonth month) {
  Diagnostics all = data.diagnostics;
  check_data(plan, data, all);
  std::set<std::string> this_month;
  for (const auto& s : data.submissions)
    if (s.month == month) this_month.insert(s.file);
  Diagnostics out;
  for (const auto& d : all.items()) {
    bool ours = this_month.count(d.file) > 0;
    // Files that named no unit are not in `submissions`; their month is in their path.
    bool in_month_dir = d.file.find("/" + month.str() + "/") != std::string::npos;
    if (d.severity == Severity::error || ours || in_month_dir) out.add(d);
  }
  out.sort();
  return out;
}

MonthReport assess_data(const Plan& plan, const DataSet& data, YearMonth month, bool keep_going) {
  Diagnostics problems = month_problems(plan, data, month);
  if (problems.has_errors() && !keep_going) throw DataError(problems);
  Snapshot snap = merge_snapshot(data.submissions, month, nullptr);
  return assess_month(plan, snap, std::move(problems), data.last_file_months(month));
}

}  // namespace minsheng
