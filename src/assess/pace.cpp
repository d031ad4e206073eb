#include "assess/pace.hpp"

#include <algorithm>
#include <cmath>

#include "util/number.hpp"

namespace minsheng {

bool deadline_reached(const Plan& plan, YearMonth m) {
  return m >= plan.deadline_month();
}

TimeProgress time_progress(const Plan& plan, YearMonth m) {
  TimeProgress t;
  t.total = months_between(plan.start, plan.deadline_month()) + 1;
  t.elapsed = months_between(plan.start, m) + 1;
  t.pct = std::clamp(static_cast<double>(t.elapsed) / t.total, 0.0, 1.0) * 100;
  return t;
}

Projection projection(const Plan& plan, const Target& target, double target_value, double actual,
                      const std::vector<MonthValue>& series, YearMonth m) {
  Projection p;
  if (series.size() >= 2) {
    const MonthValue* ref = &series.front();
    for (const auto& v : series)
      if (v.month <= m.plus(-plan.settings.pace_window_months)) ref = &v;
    p.from = ref->month;
    p.pace = (actual - ref->value) / std::max(1, months_between(ref->month, m));
  } else {
    p.pace = (actual - target.baseline) / std::max(1, time_progress(plan, m).elapsed);
  }
  int months_left = time_progress(plan, m).months_left();
  double at_deadline = actual + std::max(0.0, p.pace) * months_left;
  p.completion_at_deadline =
      (at_deadline - target.baseline) / (target_value - target.baseline) * 100;
  p.late = p.pace <= kEps || p.completion_at_deadline < plan.settings.projection_flag_pct - kEps;
  if (p.pace > kEps) {
    // Bounded so that a tiny pace cannot overflow the month arithmetic: past a century it is
    // no projection at all.
    double months = std::ceil((target_value - actual) / p.pace - kEps);
    if (months <= 1200) p.month = m.plus(std::max(1, static_cast<int>(months)));
  }
  return p;
}

Status by_gap(double gap, const Settings& s) {
  double shown = round_to(gap, 1).value_or(gap);
  if (shown < 0) return Status::ahead;
  if (shown < s.behind_pp) return Status::on_track;
  if (shown <= s.seriously_behind_pp) return Status::behind;
  return Status::seriously_behind;
}

}  // namespace minsheng
