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

ScheduleSpan schedule_span(const Plan& plan, const Schedule& schedule, YearMonth m) {
  // Months are counted to their ends: the end of the start month is 1, the plan's start 0.
  int x = months_between(plan.start, m) + 1, x0 = 0;
  ScheduleSpan span;
  if (x <= 0) return span;
  for (const auto& n : schedule.nodes) {
    int x1 = months_between(plan.start, n.month) + 1;
    if (x <= x1) {
      double y0 = span.from ? span.from->pct : 0;
      span.to = n;
      span.months_in = x - x0;
      span.months = x1 - x0;
      span.pct = y0 + (n.pct - y0) * span.months_in / span.months;
      return span;
    }
    x0 = x1;
    span.from = n;
  }
  span.pct = 100;
  return span;
}

double time_pct(const Plan& plan, const Schedule* schedule, YearMonth m) {
  if (!schedule || schedule->nodes.empty()) return time_progress(plan, m).pct;
  return schedule_span(plan, *schedule, m).pct;
}

namespace {

// The share of the rest a scheduled target is projected to do, by what it did of its
// schedule's recent months (see projection()).
double schedule_share(const Plan& plan, const Schedule& schedule, double done, double span,
                      std::optional<YearMonth> from, YearMonth m) {
  double asked =
      (time_pct(plan, &schedule, m) - (from ? time_pct(plan, &schedule, *from) : 0.0)) / 100 * span;
  return asked > kEps ? std::max(0.0, done / asked) : 1.0;
}

// The month `target_value` is reached going on at `pace` a month from `value` in month `from`:
// none at no pace, nor past a century, so that a tiny pace cannot overflow the month arithmetic.
std::optional<YearMonth> reached_at(double target_value, double value, double pace,
                                    YearMonth from) {
  if (pace <= kEps) return std::nullopt;
  double months = std::ceil((target_value - value) / pace - kEps);
  if (months > 1200) return std::nullopt;
  return from.plus(std::max(1, static_cast<int>(months)));
}

}  // namespace

Projection projection(const Plan& plan, const Target& target, const Schedule* schedule,
                      double target_value, double actual, const std::vector<MonthValue>& series,
                      YearMonth m) {
  Projection p;
  double done = actual - target.baseline, span = target_value - target.baseline;
  if (series.size() >= 2) {
    const MonthValue* ref = &series.front();
    for (const auto& v : series)
      if (v.month <= m.plus(-plan.settings.pace_window_months)) ref = &v;
    p.from = ref->month;
    done = actual - ref->value;
    p.pace = done / std::max(1, months_between(ref->month, m));
  } else {
    p.pace = (actual - target.baseline) / std::max(1, time_progress(plan, m).elapsed);
  }
  double at_deadline;
  if (schedule) {
    double share = schedule_share(plan, *schedule, done, span, p.from, m);
    double now = time_pct(plan, schedule, m);
    at_deadline = actual + share * (100 - now) / 100 * span;
    for (YearMonth k = m.plus(1); k <= plan.deadline_month() && !p.month; k = k.plus(1))
      if (actual + share * (time_pct(plan, schedule, k) - now) / 100 * span >= target_value - kEps)
        p.month = k;
    if (!p.month) p.month = reached_at(target_value, at_deadline, p.pace, plan.deadline_month());
  } else {
    at_deadline = actual + std::max(0.0, p.pace) * time_progress(plan, m).months_left();
    p.month = reached_at(target_value, actual, p.pace, m);
  }
  p.completion_at_deadline = (at_deadline - target.baseline) / span * 100;
  p.late = (!schedule && p.pace <= kEps) ||
           p.completion_at_deadline < plan.settings.projection_flag_pct - kEps;
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
