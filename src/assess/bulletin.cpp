#include "assess/bulletin.hpp"

#include <algorithm>
#include <map>

#include "assess/month.hpp"

namespace minsheng {
namespace {

std::optional<YearMonth> last_month_with_files(const DataSet& data, const Period& p) {
  std::optional<YearMonth> out;
  for (const auto& s : data.submissions)
    if (p.contains(s.month) && (!out || s.month > *out)) out = s.month;
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
    auto n = [&](Status s) { return roll.counts.count(s) ? roll.counts.at(s) : 0; };
    u.done = n(Status::done);
    u.lagging = n(Status::behind) + n(Status::seriously_behind) + n(Status::overdue);
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
  auto month = last_month_with_files(data, period);
  if (!month)
    throw NoDataError(period.code() + "（" + period.first_month().str() + " 至 " +
                      period.last_month().str() + "）没有任何进度文件，无法生成通报");
  Bulletin b{period,       *month, assess_data(plan, data, *month, false), std::nullopt, false,
             std::nullopt, {}};
  b.previous_month = last_month_with_files(data, period.previous());
  if (!b.previous_month) {
    std::optional<YearMonth> first;
    for (const auto& s : data.submissions)
      if (period.contains(s.month) && (!first || s.month < *first)) first = s.month;
    if (first && *first < *month) {
      b.previous_month = first;
      b.previous_in_period = true;
    }
  }
  if (b.previous_month) {
    MonthReport prev = assess_data(plan, data, *b.previous_month, false);
    b.changes = diff_sides(side_from_report(prev, b.previous_month->str()),
                           side_from_report(b.report, month->str()));
  }
  b.units = standings(plan, data, b);
  return b;
}

}  // namespace minsheng
