#include "assess/bulletin.hpp"

#include <algorithm>
#include <map>

#include "assess/month.hpp"
#include "assess/reporting.hpp"
#include "util/text.hpp"

namespace minsheng {
namespace {

// Months of the period that have progress files, ascending.
std::vector<YearMonth> months_with_files(const std::vector<YearMonth>& with_files,
                                         const Period& p) {
  std::vector<YearMonth> out;
  for (YearMonth m : with_files)
    if (p.contains(m)) out.push_back(m);
  return out;
}

std::vector<UnitStanding> standings(const Plan& plan, const DataSet& data, const Bulletin& b,
                                    std::optional<Date> as_of) {
  std::vector<UnitStanding> out;
  YearMonth from = std::max(b.period.first_month(), plan.reporting_from);
  std::map<YearMonth, MonthSends> sends;
  for (YearMonth m = from; m <= b.period.last_month() && plan.file_owed(m); m = m.plus(1))
    sends.emplace(m, month_sends(data, m));
  // b.report.by_unit is in plan order: the stable sort keeps it among equals.
  std::vector<const Rollup*> ranked;
  for (const auto& roll : b.report.by_unit) ranked.push_back(&roll);
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const Rollup* x, const Rollup* y) { return ranks_before(*x, *y); });
  for (const Rollup* r : ranked) {
    const Rollup& roll = *r;
    UnitStanding u;
    u.unit = roll.name;
    u.targets = roll.total();
    u.done = roll.finished();
    u.lagging = roll.lagging();
    u.avg_completion = roll.avg_completion;
    // Every due month of the period counts, also those after the last month with files.
    for (const auto& [m, month] : sends) {
      auto it = month.find(u.unit);
      if (it == month.end()) {
        if (!as_of || file_overdue(plan, m, *as_of))
          u.missing_months.push_back(m);
        else
          u.pending_months.push_back(m);
      } else if (it->second.sent == Sent::unusable) {
        u.unusable_months.push_back(m);
      } else if (!it->second.first->submitted) {
        u.undated_months.push_back(m);  // on time or not, the file does not say
      } else if (long days = late_days(plan, *it->second.first); days > 0) {
        u.late_months.push_back({m, days});
      }
    }
    out.push_back(std::move(u));
  }
  int rank = 0;
  for (auto& u : out)
    if (u.avg_completion) u.rank = ++rank;
  return out;
}

std::vector<TargetKey> keys(const std::vector<const TargetResult*>& rs) {
  std::vector<TargetKey> out;
  for (const TargetResult* r : rs) out.push_back(r->key());
  return out;
}

}  // namespace

// What both readings share: the months chosen, their reports (the bulletin's month first) and
// the problems followed to it.
static Bulletin bulletin_of(const Plan& plan, const DataSet& data, const BulletinMonths& months,
                            std::vector<MonthReport>&& reports, std::vector<Problem>&& problems,
                            Period period, std::optional<Date> as_of) {
  YearMonth month = months.month;
  Bulletin b;
  b.period = period;
  b.number = period.issue_number(plan.reporting_from);
  if (as_of) b.issued = *as_of;
  b.month = month;
  b.stale = months.stale;
  b.previous_month = months.previous;
  b.previous_in_period = months.previous_in_period;
  b.report = std::move(reports.front());
  std::map<TargetKey, ChangeKind> change_of;
  if (b.previous_month) {
    // The month before is let go once its side is made: a province's two reports and two sides
    // are not held at once.
    DiffSide before = side_from_report(reports.back(), b.previous_month->str());
    reports.pop_back();
    b.changes = diff_sides(std::move(before), side_from_report(b.report, month.str()));
    for (const auto& row : b.changes->rows) change_of[row.key] = row.kind;
  }
  for (const auto& t : b.report.targets) {
    if (t.completion_pct) {
      ++b.numeric_count;
      b.numeric_done += is_done(t.status);
    }
    if (!is_done(t.status)) continue;
    if (b.changes) {
      auto it = change_of.find(t.key());
      ChangeKind k = it == change_of.end() ? ChangeKind::added : it->second;
      if (k != ChangeKind::completed && k != ChangeKind::newly_reported && k != ChangeKind::added)
        continue;
    }
    b.completed.push_back(t.key());
  }
  b.lagging = keys(lagging_targets(b.report));
  b.attention = keys(at_risk_targets(b.report));
  b.status_columns = b.report.category_statuses();
  b.units = standings(plan, data, b, as_of);
  // The three lowest 县市区 are named only when they have a target 滞后 or worse: a county that
  // finished everything is not told to hurry, however the averages fall.
  auto ranked = ranked_counties(b.report);
  for (std::size_t i = ranked.size(); i-- > (ranked.size() > 3 ? ranked.size() - 3 : 0);)
    if (ranked[i]->rollup.lagging() > 0) b.lowest_counties.push_back(ranked[i]->rollup.name);
  b.problems = std::move(problems);
  for (std::size_t i = 0; i < b.problems.size(); ++i) {
    const Problem& p = b.problems[i];
    b.problems_opened += period.contains(p.first_month);
    b.problems_closed += p.closed_month && period.contains(*p.closed_month);
    if (p.stale(plan, month))
      b.silent.push_back(i);
    else if (p.open() && p.months_open(month) >= plan.settings.long_open_months)
      b.long_open.push_back(i);
  }
  return b;
}

std::vector<YearMonth> BulletinMonths::report_months() const {
  return previous ? std::vector{month, *previous} : std::vector{month};
}

BulletinMonths bulletin_months(const Plan& plan, Period period,
                               const std::vector<YearMonth>& with_files, bool allow_stale) {
  std::vector<YearMonth> months = months_with_files(with_files, period);
  // A period that runs past the deadline month is whole with that month's files: no file is
  // owed after it (the H2 专报 is written from November, without December's).
  YearMonth owed_end = std::min(period.last_month(), plan.deadline_month());
  // The last month with files before the period: a period with none of its own, allowed stale,
  // is told from it, and the refusal names it.
  std::optional<YearMonth> earlier;
  if (months.empty())
    for (YearMonth m : with_files)
      if (m < period.first_month()) earlier = m;
  std::optional<YearMonth> before_period = allow_stale ? earlier : std::nullopt;
  if ((months.empty() && !before_period) || (!allow_stale && months.back() < owed_end)) {
    std::vector<std::string> absent;
    for (YearMonth m = std::max(period.first_month(), plan.reporting_from); m <= owed_end;
         m = m.plus(1))
      if (!std::binary_search(with_files.begin(), with_files.end(), m)) absent.push_back(m.str());
    std::string what = period.code() + "（" + period.first_month().str() + " 至 " +
                       period.last_month().str() + "）";
    if (months.empty()) {
      throw NoDataError(
          what + "没有任何进度文件，无法生成通报" +
          (plan.reporting_from > period.last_month()
               ? "（计划自 " + plan.reporting_from.str() + " 起报送进度）"
               : std::string()) +
          (earlier ? "；确需按此前数据（截至 " + earlier->str() + "）生成时加 --allow-stale"
                   : std::string()));
    }
    throw NoDataError(what + "的最后一个月尚无进度文件（缺 " + join(absent, "、") +
                      "），不生成通报；确需按已有数据（截至 " + months.back().str() +
                      "）生成时加 --allow-stale");
  }
  BulletinMonths out;
  out.month = before_period ? *before_period : months.back();
  out.stale = out.month < owed_end;
  if (before_period) {
    // Nothing in the period to compare with the period before.
  } else if (auto before = months_with_files(with_files, period.previous()); !before.empty()) {
    out.previous = before.back();
  } else if (months.front() < out.month) {
    out.previous = months.front();
    out.previous_in_period = true;
  }
  return out;
}

Bulletin build_bulletin(const Plan& plan, const AllRows& data, Period period, bool allow_stale,
                        std::optional<Date> as_of, bool keep_going) {
  BulletinMonths months = bulletin_months(plan, period, data.months_with_files(), allow_stale);
  return bulletin_of(plan, data, months,
                     assess_data(plan, data, months.report_months(), keep_going),
                     track_problems(plan, data, months.month), period, as_of);
}

Bulletin build_bulletin(const Plan& plan, MonthRows&& data, const BulletinMonths& months,
                        std::vector<Problem> problems, Period period, std::optional<Date> as_of,
                        bool keep_going) {
  if (data.report_months != months.report_months())
    throw std::logic_error("build_bulletin: data not read for the bulletin's months");
  // The rows are used up; the files and their dates stay, for the units' reporting record.
  std::vector<MonthReport> reports = assess_data(plan, std::move(data), keep_going);
  return bulletin_of(plan, data, months, std::move(reports), std::move(problems), period, as_of);
}

}  // namespace minsheng
