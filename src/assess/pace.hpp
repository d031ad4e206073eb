// 序时进度 and what a pace foretells: the rules of time every status is judged by.
#pragma once
#include <optional>
#include <vector>

#include "model/plan.hpp"
#include "model/progress.hpp"
#include "model/status.hpp"
#include "util/number.hpp"  // kEps

namespace minsheng {

// Months of the plan period that have passed by the end of a month, and the share of time used.
struct TimeProgress {
  int elapsed = 0;  // months from the start through the month, not clamped
  int total = 0;    // months from the start through the deadline month
  double pct = 0;   // elapsed / total, clamped to 0–100
  int months_left() const { return total > elapsed ? total - elapsed : 0; }  // after the month
};

TimeProgress time_progress(const Plan& plan, YearMonth m);
// A target's own 序时进度 at the end of month m. With a schedule (按节点计划): its nodes
// interpolated linearly, from 0 at the plan's start, 100 after the last node; without one,
// the plan's straight line, time_progress(plan, m).pct.
double time_pct(const Plan& plan, const Schedule* schedule, YearMonth m);
// Where the end of month m falls on a schedule, for time_pct and for --explain: `months_in` of
// the `months` from `from` (empty: the plan's start, at 0) to `to` (empty: past the last node, or
// before the start).
struct ScheduleSpan {
  std::optional<ScheduleNode> from, to;
  int months_in = 0, months = 0;
  double pct = 0;
};
ScheduleSpan schedule_span(const Plan& plan, const Schedule& schedule, YearMonth m);
// From the report of the deadline month on, a target is finished (已完成, or 逾期完成 when
// reached after that month) or 未完成 (Status::overdue): never 序时推进 or 滞后, and never
// 预计逾期, since there is no time left to foresee.
bool deadline_reached(const Plan& plan, YearMonth m);

// The recent pace of a target and what it projects, for targets with a value not yet done.
// Pace: the mean monthly increase over the last three months up to `m` (from the latest value
// reported at least three months before `m`, else from the earliest value); with only one value
// ever reported, (value − baseline) over the months since the plan started.
// 预计逾期 when the pace is zero or less, or when at that pace completion by the deadline month
// stays below settings.projection_flag_pct.
// With a schedule the months ahead are not alike: the target is projected to do, of what its
// schedule asks from now to its end, the share it did of what the schedule asked over the same
// recent months (all of it when the schedule asked nothing then), and is 预计逾期 only when that
// falls below projection_flag_pct.
struct Projection {
  double pace = 0;
  std::optional<YearMonth> from;
  double completion_at_deadline = 0;
  std::optional<YearMonth> month;  // when the figure is reached; empty at zero pace
  bool late = false;
};
Projection projection(const Plan& plan, const Target& target, const Schedule* schedule,
                      double target_value, double actual, const std::vector<MonthValue>& series,
                      YearMonth m);

// A target's status from its gap (序时进度 − completion, in points), judged on the gap as every
// report prints it (one decimal, 四舍五入): a printed 30.0 is never 严重滞后 under "> 30" nor a
// printed 10.0 序时推进 under "≥ 10".
Status by_gap(double gap, const Settings& s);

}  // namespace minsheng
