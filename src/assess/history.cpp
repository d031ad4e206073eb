#include "assess/history.hpp"

#include <algorithm>
#include <vector>

#include "util/parallel.hpp"

namespace minsheng {

const TargetHistory* History::find(TargetKey k) const {
  auto it = index.find(k);
  return it == index.end() ? nullptr : &targets[it->second];
}

HistoryBuilder::HistoryBuilder(const Plan& plan)
    : plan_(plan), from_(std::max(plan.reporting_from, plan.start)), done_(from_) {
  for (const auto& task : plan.tasks)
    for (const auto& target : task.targets) {
      h_.index[{task.id, target.index}] = h_.targets.size();
      h_.targets.push_back({&task, &target, {}, {}, {}, false});
    }
  // One block of points per target for the plan's months, not regrown month by month.
  int months = std::max(0, months_between(from_, plan.deadline_month())) + 1;
  for (auto& th : h_.targets) th.points.reserve(static_cast<std::size_t>(months));
}

// Assesses each month from done_ to `last`, merging the submissions of each as it goes.
void HistoryBuilder::assess_until(const std::vector<Submission>& subs, YearMonth last) {
  for (YearMonth m = done_; m <= last; m = m.plus(1)) {
    h_.months.push_back(m);
    advance_snapshot(snap_, subs, next_, m, nullptr);
    for (const auto& [pk, p] : snap_.projects)
      if (p.moved_in == m && p.earlier_finish && p.planned_finish)
        h_.moves.push_back({pk.key, pk.name, p.county, m, *p.earlier_finish, *p.planned_finish});
    double time_pct = time_progress(plan_, m).pct;
    // Each target on its own, on every core; the month's changes are then taken in plan order.
    std::vector<char> changed(h_.targets.size(), 0);
    parallel_for(
        h_.targets.size(),
        [&](std::size_t i) {
          TargetHistory& th = h_.targets[i];
          TargetResult r = assess_target(plan_, *th.task, *th.target, snap_);
          if (!th.points.empty() && th.points.back().status != r.status) {
            th.changes.push_back({th.key(), m, th.points.back().status, r.status,
                                  th.points.back().at_deadline, r.at_deadline});
            changed[i] = 1;
          }
          th.points.push_back({m, r.actual, r.state, r.value_month, r.carried, r.completion_pct,
                               r.gap_pp, time_pct, r.status, r.reached_by_tolerance, r.at_deadline,
                               r.source});
          th.projected_month = r.projected_month;
          th.projected_late = r.projected_late;
        },
        512);
    for (std::size_t i = 0; i < h_.targets.size(); ++i)
      if (changed[i]) h_.changes.push_back(h_.targets[i].changes.back());
  }
  if (last >= done_) done_ = last.plus(1);
}

void HistoryBuilder::add_month(const std::vector<Submission>& subs, YearMonth m) {
  // Every earlier month is merged, so month m's submissions, if any, come next.
  if (next_ == subs.size() || subs[next_].month != m) return;  // assessed when a later one comes
  if (m < from_)  // before the first month assessed: merged now, as its rows are let go
    advance_snapshot(snap_, subs, next_, m, nullptr);
  else
    assess_until(subs, m);
}

History HistoryBuilder::finish(const std::vector<Submission>& subs, YearMonth to) {
  assess_until(subs, to);
  sort_changes(h_.changes);
  return std::move(h_);
}

History build_history(const Plan& plan, const DataSet& data, YearMonth to) {
  data.require_every_row();
  HistoryBuilder b(plan);
  const auto& subs = data.submissions;  // sorted by month
  for (const auto& sub : subs)
    if (sub.month <= to) b.add_month(subs, sub.month);  // a month's first submission merges it
  return b.finish(subs, to);
}

}  // namespace minsheng
