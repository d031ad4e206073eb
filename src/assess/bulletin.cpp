#include "assess/bulletin.hpp"

#include <algorithm>
#include <map>

#include "assess/month.hpp"

namespace minsheng {
namespace {

// Months of the period that have progress files, ascending.
std::vector<YearMonth> months_with_files(const DataSet& data, const Period& p) {
  std::vector<YearMonth> out;
  for (YearMonth m : data.months_with_files())
    if (p.contains(m)) out.push_back(m);
  return out;
}

std::vector<UnitStanding> standings(const Plan& plan, const DataSet& data, const Bulletin& b) {
  std::vector<UnitStanding> out;
  std::map<std::pair<YearMonth, std::string>, const Submission*> by_month_unit;
  for (const auto& s : data.submissions) by_month_unit.emplace(std::pair{s.month, s.unit}, &s);
  for (const auto& roll : b.report.by_unit) {
    UnitStanding u;
    u.unit = roll.name;
    u.targets = roll.total;
    u.done = roll.count(Status::done);
    u.lagging = roll.lagging();
    u.avg_completion = roll.avg_completion;
    for (YearMonth m = b.period.first_month(); m <= b.month; m = m.plus(1)) {
      auto it = by_month_unit.find({m, u.unit});
      if (it == by_month_unit.end())
        u.missing_months.push_back(m);
      else if (const Submission* sub = it->second;
               sub->submitted && *sub->submitted > plan.due_date(m))
        u.late_months.push_back({m, days_between(plan.due_date(m), *sub->submitted)});
    }
    out.push_back(std::move(u));
  }
  // Best average completion first; then fewer lagging targets; then plan order (stable).
  std::stable_sort(out.begin(), out.end(), [](const UnitStanding& a, const UnitStanding& b) {
    if (a.avg_completion.has_value() != b.avg_completion.has_value())
      return a.avg_completion.has_value();
    if (a.avg_completion && *a.avg_completion != *b.avg_completion)
      return *a.avg_completion > *b.avg_completion;
    return a.lagging < b.lagging;
  });
  int rank = 0;
  for (auto& u : out)
    if (u.avg_completion) u.rank = ++rank;
  return out;
}

}  // namespace

Bulletin build_bulletin(const Plan& plan, const DataSet& data, Period period) {
  auto months = months_with_files(data, period);
  if (months.empty())
    throw NoDataError(period.code() + "（" + period.first_month().str() + " 至 " +
                      period.last_month().str() + "）没有任何进度文件，无法生成通报");
  YearMonth month = months.back();
  Bulletin b{period,       month, assess_data(plan, data, month, false), std::nullopt, false,
             std::nullopt, {}};
  if (auto before = months_with_files(data, period.previous()); !before.empty()) {
    b.previous_month = before.back();
  } else if (months.front() < month) {
    b.previous_month = months.front();
    b.previous_in_period = true;
  }
  if (b.previous_month) {
    MonthReport prev = assess_data(plan, data, *b.previous_month, false);
    b.changes = diff_sides(side_from_report(prev, b.previous_month->str()),
                           side_from_report(b.report, month.str()));
  }
  b.units = standings(plan, data, b);
  return b;
}

}  // namespace minsheng
