#include "assess/month.hpp"

namespace minsheng {
namespace {

void add_late_warnings(const Plan& plan, const DataSet& data, Diagnostics& diags) {
  for (const auto& sub : data.submissions) {
    Date due = plan.due_date(sub.month);
    if (sub.submitted && *sub.submitted > due)
      diags.warning(sub.file, 0, 0,
                    "逾期报送：报送日期 " + sub.submitted->str() + " 晚于截止日期 " + due.str() +
                        "（" + std::to_string(days_between(due, *sub.submitted)) + " 天）");
  }
}

struct CheckedMonth {
  Snapshot snap;
  Diagnostics problems;
};

// One merge gives both the snapshot and the warnings about falling cumulative values.
CheckedMonth check_month(const Plan& plan, const DataSet& data, YearMonth month) {
  Diagnostics all = data.diagnostics;
  add_late_warnings(plan, data, all);
  CheckedMonth c{merge_snapshot(data.submissions, month, &all), {}};
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
  if (!data.months.empty()) merge_snapshot(data.submissions, data.months.back(), &diags);
}

Diagnostics month_problems(const Plan& plan, const DataSet& data, YearMonth month) {
  return check_month(plan, data, month).problems;
}

MonthReport assess_data(const Plan& plan, const DataSet& data, YearMonth month, bool keep_going) {
  CheckedMonth c = check_month(plan, data, month);
  if (c.problems.has_errors() && !keep_going) throw DataError(c.problems);
  return assess_month(plan, c.snap, std::move(c.problems), data.last_file_months(month));
}

}  // namespace minsheng
