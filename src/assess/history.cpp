#include "assess/history.hpp"

#include <algorithm>
#include <vector>

#include "util/parallel.hpp"

namespace minsheng {

const TargetHistory* History::find(TargetKey k) const {
  auto it = index.find(k);
  return it == index.end() ? nullptr : &targets[it->second];
}

History build_history(const Plan& plan, const DataSet& data, YearMonth to) {
  History h;
  for (const auto& task : plan.tasks)
    for (const auto& target : task.targets) {
      h.index[{task.id, target.index}] = h.targets.size();
      h.targets.push_back({&task, &target, {}, {}, {}, false});
    }
  YearMonth from = std::max(plan.reporting_from, plan.start);
  std::size_t months = to >= from ? static_cast<std::size_t>(months_between(from, to)) + 1 : 0;
  for (auto& th : h.targets) th.points.reserve(months);  // one block each, not regrown monthly
  data.require_every_row();
  Snapshot snap;
  std::size_t next = 0;
  for (YearMonth m = from; m <= to; m = m.plus(1)) {
    h.months.push_back(m);
    advance_snapshot(snap, data.submissions, next, m, nullptr);
    double time_pct = time_progress(plan, m).pct;
    // Each target on its own, on every core; the month's changes are then taken in plan order.
    std::vector<char> changed(h.targets.size(), 0);
    parallel_for(
        h.targets.size(),
        [&](std::size_t i) {
          TargetHistory& th = h.targets[i];
          TargetResult r = assess_target(plan, *th.task, *th.target, snap);
          if (!th.points.empty() && th.points.back().status != r.status) {
            th.changes.push_back({th.key(), m, th.points.back().status, r.status});
            changed[i] = 1;
          }
          th.points.push_back({m, r.actual, r.state, r.value_month, r.carried, r.completion_pct,
                               r.gap_pp, time_pct, r.status, r.reached_by_tolerance, r.source});
          th.projected_month = r.projected_month;
          th.projected_late = r.projected_late;
        },
        512);
    for (std::size_t i = 0; i < h.targets.size(); ++i)
      if (changed[i]) h.changes.push_back(h.targets[i].changes.back());
  }
  sort_changes(h.changes);
  return h;
}

}  // namespace minsheng
