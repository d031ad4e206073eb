#include "assess/history.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "assess/pace.hpp"
#include "util/memory.hpp"
#include "util/parallel.hpp"

namespace minsheng {

std::optional<std::size_t> History::position(TargetKey k) const {
  auto it = std::lower_bound(index.begin(), index.end(), k,
                             [](const auto& e, TargetKey key) { return e.first < key; });
  if (it == index.end() || it->first != k) return std::nullopt;
  return it->second;
}

double History::time_pct(const TargetHistory& t, const HistoryPoint& p) const {
  return minsheng::time_pct(*plan, t.target->schedule.get(), t.month_of(p));  // as assess_target
}

OptNum History::gap_pp(const TargetHistory& t, const HistoryPoint& p) const {
  return gap_of(time_pct(t, p), p.completion_pct);
}

const TargetHistory* History::find(TargetKey k) const {
  auto pos = position(k);
  return pos ? &targets[*pos] : nullptr;
}

HistoryBuilder::HistoryBuilder(const Plan& plan)
    : plan_(plan), from_(std::max(plan.reporting_from, plan.start)), done_(from_) {
  h_.plan = &plan;
  h_.targets.reserve(plan.target_count());
  h_.index.reserve(plan.target_count());
  for (const auto& task : plan.tasks)
    for (const auto& target : task.targets) {
      h_.index.emplace_back(TargetKey{task.id, target.index}, h_.targets.size());
      h_.targets.push_back({&task, &target, {}, from_, {}, {}, false, {}});
    }
  std::sort(h_.index.begin(), h_.index.end());
  // One block of points per target for the plan's months, not regrown month by month.
  int months = std::max(0, months_between(from_, plan.deadline_month())) + 1;
  for (auto& th : h_.targets) th.points.reserve(static_cast<std::size_t>(months));
}

static_assert(sizeof(HistoryPoint) <= 32, "a province's history holds millions of points");

OptNum TargetHistory::corrected_from(const HistoryPoint& p) const {
  if (!p.corrected) return {};
  YearMonth m = month_of(p);
  for (const auto& [month, was] : corrections)
    if (month == m) return was;
  return {};
}

void TargetHistory::set_point(YearMonth m, const TargetResult& r) {
  auto pos = static_cast<std::size_t>(months_between(first, m));
  HistoryPoint p{
      .file = r.source.file,
      .line = r.source.line,
      .value_age = r.value_month ? static_cast<std::int16_t>(months_between(*r.value_month, m))
                                 : std::int16_t{-1},
      .status = r.status,
      .state_code = static_cast<std::uint8_t>(r.state ? static_cast<int>(*r.state) + 1 : 0),
      .carried = r.carried,
      .reached_by_tolerance = r.reached_by_tolerance,
      .at_deadline = r.at_deadline,
      .corrected = r.corrected_from.has_value(),
      .actual = r.actual,
      .completion_pct = r.completion_pct,
  };
  std::erase_if(corrections, [&](const auto& c) { return c.first == m; });
  if (r.corrected_from) corrections.emplace_back(m, *r.corrected_from);
  if (pos == points.size())
    points.push_back(p);
  else
    points[pos] = p;
}

// Assesses each month from done_ to `last`, merging the submissions of each as it goes (the last
// by `last_advance` when given).
void HistoryBuilder::assess_until(const std::vector<Submission>& subs, YearMonth last,
                                  const Advance* last_advance) {
  for (YearMonth m = done_; m <= last; m = m.plus(1)) {
    h_.months.push_back(m);
    if (m == last && last_advance)
      (*last_advance)(snap_, next_);
    else
      advance_snapshot(snap_, subs, next_, m, nullptr);
    for (const auto& [pk, p] : snap_.projects)
      if (p.moved_in == m && p.earlier_finish && p.planned_finish)
        h_.moves.push_back({pk.key, pk.name, p.county, m, *p.earlier_finish, *p.planned_finish});
    // Each target on its own, on every core.
    parallel_for(
        h_.targets.size(),
        [&](std::size_t i) {
          TargetHistory& th = h_.targets[i];
          TargetResult r = assess_target(plan_, *th.task, *th.target, snap_);
          th.set_point(m, r);
          th.projected_month = r.projected_month;
          th.projected_late = r.projected_late;
        },
        512);
    reassess_corrected(m);
  }
  if (last >= done_) done_ = last.plus(1);
}

// Month m's files set earlier months' figures right: those months are assessed again on the
// right figure, as they would have been had it been reported then.
void HistoryBuilder::reassess_corrected(YearMonth m) {
  for (const auto& [at, c] : snap_.corrections) {
    const TargetKey& key = at.first;
    YearMonth month = at.second;  // not a binding: clang 14 cannot capture one in a lambda
    if (c.in != m || month >= m || month < from_) continue;
    auto idx = h_.position(key);
    auto obs = snap_.values.find(key);
    if (!idx || obs == snap_.values.end()) continue;
    TargetHistory& th = h_.targets[*idx];
    if (months_between(th.first, month) >= static_cast<int>(th.points.size())) continue;
    Snapshot then;
    then.month = month;
    Observation o = obs->second;
    std::erase_if(o.series, [&](const MonthValue& v) { return v.month > month; });
    o.value = c.value;
    o.month = month;
    o.source = c.source;
    then.values.emplace(key, std::move(o));
    if (auto tv = snap_.target_values.find(key); tv != snap_.target_values.end())
      then.target_values.insert(*tv);
    then.corrections.emplace(at, c);
    th.set_point(month, assess_target(plan_, *th.task, *th.target, then));
  }
}

void HistoryBuilder::add_month(const std::vector<Submission>& subs, YearMonth m) {
  // Every earlier month is merged, so month m's submissions, if any, come next.
  if (next_ == subs.size() || subs[next_].month != m) return;  // assessed when a later one comes
  if (m < from_)  // before the first month assessed: merged now, as its rows are let go
    advance_snapshot(snap_, subs, next_, m, nullptr);
  else
    assess_until(subs, m);
}

void HistoryBuilder::add_month(const std::vector<Submission>& subs, YearMonth m,
                               const Advance& advance) {
  if (m < from_) {  // before the first month assessed: merged, as add_month does
    advance(snap_, next_);
    return;
  }
  if (m < done_) throw std::logic_error("HistoryBuilder: month added twice");
  assess_until(subs, m, &advance);
}

History HistoryBuilder::finish(const std::vector<Submission>& subs, YearMonth to) {
  assess_until(subs, to);
  snap_ = {};  // a province's figures, not needed by what is made from the history
  give_back_free_memory();
  // Changes of status from the points, once every correction has been taken in.
  for (auto& th : h_.targets)
    for (std::size_t i = 1; i < th.points.size(); ++i) {
      const HistoryPoint &a = th.points[i - 1], &b = th.points[i];
      if (auto c = status_change(th.key(), th.month_of(b), a.status, a.at_deadline, b.status,
                                 b.at_deadline))
        th.changes.push_back(*c);
    }
  for (const auto& th : h_.targets)
    h_.changes.insert(h_.changes.end(), th.changes.begin(), th.changes.end());
  std::stable_sort(h_.changes.begin(), h_.changes.end(),
                   [](const StatusChange& a, const StatusChange& b) { return a.month < b.month; });
  sort_changes(h_.changes);
  return std::move(h_);
}

History build_history(const Plan& plan, const AllRows& data, YearMonth to) {
  HistoryBuilder b(plan);
  const auto& subs = data.submissions;  // sorted by month
  for (const auto& sub : subs)
    if (sub.month <= to) b.add_month(subs, sub.month);  // a month's first submission merges it
  return b.finish(subs, to);
}

}  // namespace minsheng
