#include "assess/assessment.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "util/number.hpp"
#include "util/parallel.hpp"

namespace minsheng {
namespace {

bool reached(const Target& t, double target_value, double actual, const Settings& s) {
  if (t.comparator == Comparator::about)
    return actual >= target_value * (1 - s.about_tolerance) - kEps;
  return actual >= target_value - kEps;
}

// The month since which a figure has stayed reached: the first of the last run of reached
// values (a value corrected down and reached again counts from the second time).
template <class Reached>
std::optional<YearMonth> reached_since(const std::vector<MonthValue>& series, Reached reached) {
  std::optional<YearMonth> since;
  for (auto it = series.rbegin(); it != series.rend() && reached(it->value); ++it)
    since = it->month;
  return since;
}

// 已完成 by the deadline month, or 逾期完成 after it.
Status done_status(const Plan& plan, std::optional<YearMonth> done_month) {
  return done_month && *done_month > plan.deadline_month() ? Status::done_late : Status::done;
}

Status milestone_status(MilestoneState st, double time_pct, bool deadline_passed,
                        const Settings& s) {
  if (st == MilestoneState::completed) return Status::done;
  if (deadline_passed) return Status::overdue;
  if (st == MilestoneState::in_progress) return Status::on_track;
  if (time_pct < s.milestone_not_started_on_track_pct - kEps) return Status::on_track;
  if (time_pct < s.milestone_not_started_behind_pct - kEps) return Status::behind;
  return Status::seriously_behind;
}

}  // namespace

const TargetResult* MonthReport::find(TargetKey k) const {
  auto it = std::lower_bound(index.begin(), index.end(), k,
                             [](const auto& e, TargetKey key) { return e.first < key; });
  return it == index.end() || it->first != k ? nullptr : &targets[it->second];
}

int MonthReport::task_count(Status s) const {
  auto it = task_counts.find(s);
  return it == task_counts.end() ? 0 : it->second;
}

std::vector<Status> MonthReport::category_statuses() const {
  std::vector<Status> out;
  for (Status st : kHeadlineOrder)
    if (std::any_of(by_category.begin(), by_category.end(),
                    [&](const Rollup& r) { return r.count(st) > 0; }))
      out.push_back(st);
  return out;
}

std::vector<const TargetResult*> lagging_targets(const MonthReport& rep) {
  std::vector<const TargetResult*> out;
  for (const auto& t : rep.targets)
    if (is_lagging(t.status)) out.push_back(&t);
  std::stable_sort(out.begin(), out.end(),
                   [](const TargetResult* a, const TargetResult* b) { return needs_more(*a, *b); });
  return out;
}

bool needs_more(const TargetResult& a, const TargetResult& b) {
  if (a.status != b.status) return worse(a.status, b.status);
  return a.gap_pp.value_or(0) > b.gap_pp.value_or(0);
}

std::vector<const TargetResult*> at_risk_targets(const MonthReport& rep) {
  std::vector<const TargetResult*> out;
  for (const auto& t : rep.targets)
    if (t.projected_late && !is_lagging(t.status)) out.push_back(&t);
  return out;
}

namespace {

// Every target in plan order with its task: the unit of work spread over the cores.
std::vector<std::pair<const Task*, const Target*>> targets_in_order(const Plan& plan) {
  std::vector<std::pair<const Task*, const Target*>> out;
  out.reserve(plan.target_count());
  for (const auto& task : plan.tasks)
    for (const auto& target : task.targets) out.emplace_back(&task, &target);
  return out;
}

// Targets are assessed independently, so a province's hundred thousand use every core.
constexpr std::size_t kTargetGrain = 512;

}  // namespace

std::vector<Status> target_statuses(const Plan& plan, const Snapshot& snap) {
  auto all = targets_in_order(plan);
  std::vector<Status> out(all.size());
  parallel_for(
      all.size(),
      [&](std::size_t i) {
        out[i] = assess_target(plan, *all[i].first, *all[i].second, snap).status;
      },
      kTargetGrain);
  return out;
}

std::vector<StatusChange> status_changes(const std::vector<Status>& before,
                                         const MonthReport& after) {
  std::vector<StatusChange> out;
  for (std::size_t i = 0; i < after.targets.size() && i < before.size(); ++i) {
    const TargetResult& r = after.targets[i];
    if (auto c = status_change(r.key(), after.month, before[i],
                               after.month.plus(-1) == after.plan->deadline_month(), r.status,
                               after.at_deadline))
      out.push_back(*c);
  }
  sort_changes(out);
  return out;
}

UnitText unit_words(const MonthReport& rep, const TargetResult& r) {
  UnitText w;
  if (auto it = rep.texts.find(r.key()); it != rep.texts.end()) w = it->second;
  auto general = rep.unit_texts.find(r.target->lead);
  if (general == rep.unit_texts.end()) return w;
  const UnitText& g = general->second;
  if (w.progress.empty()) w.progress = g.progress;
  if (w.issues.empty()) w.issues = g.issues;
  if (w.next_steps.empty()) w.next_steps = g.next_steps;
  if (w.source.file.empty()) w.source = g.source;
  return w;
}

const char* result_label(const TargetResult& r) {
  return r.reached_by_tolerance ? "基本完成" : status_label(r.status, r.at_deadline);
}

namespace {

// What one target (in the city or in one 县市区) is judged on.
struct Observed {
  std::optional<double> target_value;
  SourceRef target_value_source;
  const Observation* obs = nullptr;
  const std::vector<MonthValue>* series = nullptr;
  SchedulePtr schedule;
  bool invalid = false;
};

TargetResult assess_observed(const Plan& plan, const Task& task, const Target& target,
                             const Observed& in, YearMonth month) {
  const Settings& s = plan.settings;
  TargetResult r;
  r.task = &task;
  r.target = &target;
  r.measure = target.measure;
  r.baseline = target.baseline;
  r.schedule = in.schedule;
  r.time_pct = time_pct(plan, r.schedule.get(), month);
  bool deadline_passed = deadline_reached(plan, month);
  r.at_deadline = month == plan.deadline_month();
  int months_left = time_progress(plan, month).months_left();
  r.target_value = in.target_value;
  r.target_value_source = in.target_value_source;

  if (in.obs) {
    const Observation& o = *in.obs;
    r.actual = o.value;
    r.state = o.state;
    r.value_month = o.month;
    r.carried = o.month < month;
    r.source = o.source;
    r.note = o.note;
    r.derived_from = o.derived_from;
    if (target.kind == TargetKind::milestone && o.value) {
      // A milestone reported as a percentage becomes a numeric target of 100%.
      r.target_value = 100;
      r.measure = "%";
    }
  }

  if (in.invalid) {
    r.status = Status::invalid;
    return r;
  }
  if (target.kind == TargetKind::numeric && !r.target_value) {
    r.status = Status::pending;
    return r;
  }
  if (!r.actual && !r.state) {
    r.status = Status::not_reported;
    return r;
  }
  if (!r.actual) {  // milestone by state word
    r.status = milestone_status(*r.state, r.time_pct, deadline_passed, s);
    if (r.status == Status::done) {
      r.done_month = in.obs->completed_since ? in.obs->completed_since : r.value_month;
      r.status = done_status(plan, r.done_month);
    }
    return r;
  }

  double target_value = *r.target_value, actual = *r.actual;
  r.completion_pct = (actual - r.baseline) / (target_value - r.baseline) * 100;
  r.gap_pp = gap_of(r.time_pct, r.completion_pct);
  r.remaining = std::max(0.0, target_value - actual);
  bool milestone_done =
      target.kind == TargetKind::milestone && r.state == MilestoneState::completed;
  bool done = reached(target, target_value, actual, s) || milestone_done;
  r.reached_by_tolerance = done && !milestone_done && actual < target_value - kEps;
  if (done) {
    if (in.series && !milestone_done)
      r.done_month =
          reached_since(*in.series, [&](double v) { return reached(target, target_value, v, s); });
    if (!r.done_month) r.done_month = r.value_month;
    r.status = done_status(plan, r.done_month);
  } else if (deadline_passed) {
    r.status = Status::overdue;
  } else {
    r.status = by_gap(*r.gap_pp, s);
  }

  if (done) {
    r.remaining = 0;
  } else {
    if (months_left > 0) r.needed_per_month = *r.remaining / months_left;
    static const std::vector<MonthValue> kNone;
    Projection p = projection(plan, target, r.schedule.get(), target_value, actual,
                              in.series ? *in.series : kNone, month);
    r.recent_pace = p.pace;
    r.pace_from = p.from;
    r.projected_month = p.month;
    // Once the deadline is reached there is nothing left to foresee: the target is 未完成 and
    // its shortfall (还差) is the fact to report.
    if (!deadline_passed) {
      r.projected_completion_pct = p.completion_at_deadline;
      r.projected_late = p.late;
    }
  }
  return r;
}

template <class Map, class Key>
auto* find_in(const Map& m, const Key& k) {
  auto it = m.find(k);
  return it == m.end() ? nullptr : &it->second;
}

}  // namespace

TargetResult assess_target(const Plan& plan, const Task& task, const Target& target,
                           const Snapshot& snap) {
  TargetKey key{task.id, target.index};
  Observed in;
  in.target_value = target.value;
  if (target.pending)
    if (const Supplied* sv = find_in(snap.target_values, key)) {
      in.target_value = sv->value;
      in.target_value_source = sv->source;
    }
  in.obs = find_in(snap.values, key);
  in.series = in.obs ? &in.obs->series : nullptr;
  in.schedule = target.schedule;
  in.invalid = snap.invalid.count(key) > 0;
  TargetResult r = assess_observed(plan, task, target, in, snap.month);
  if (r.actual && r.value_month)
    if (const CorrectedValue* c = snap.correction(key, *r.value_month)) r.corrected_from = c->was;
  return r;
}

void assess_counties(const Plan& plan, const Snapshot& snap,
                     const std::map<CountyKey, Allocation>& allocations, MonthReport& rep) {
  rep.county_targets.clear();
  rep.counties.clear();
  // Allocations are keyed target first; reports go 县市区 first.
  std::vector<std::vector<std::pair<CountyKey, const Allocation*>>> by_county(plan.counties.size());
  for (const auto& [ck, a] : allocations)
    if (ck.county >= 0 && static_cast<std::size_t>(ck.county) < by_county.size())
      by_county[static_cast<std::size_t>(ck.county)].push_back({ck, &a});
  for (std::size_t c = 0; c < by_county.size(); ++c) {
    if (by_county[c].empty()) continue;
    CountyStanding st;
    st.county = static_cast<int>(c);
    st.rollup.name = plan.counties[c];
    CompletionMean mean;
    for (const auto& [ck, a] : by_county[c]) {
      const Task* task = plan.find_task(ck.key.task, ck.key.target);
      if (!task) continue;
      const Target& target = task->targets[static_cast<std::size_t>(ck.key.target - 1)];
      Observed in;
      in.target_value = a->value;
      in.target_value_source = a->source;
      in.obs = find_in(snap.county_values, ck);
      in.series = in.obs ? &in.obs->series : nullptr;
      in.schedule = a->schedule ? a->schedule : target.schedule;
      in.invalid = snap.invalid_counties.count(ck) > 0;
      TargetResult r = assess_observed(plan, *task, target, in, snap.month);
      r.county = ck.county;
      ++st.rollup.counts[r.status];
      mean.add(r.completion_pct, r.time_pct);
      rep.county_targets.push_back(std::move(r));
    }
    st.rollup.avg_completion = mean.value();
    st.rollup.time_pct = mean.time();
    if (st.rollup.avg_completion)
      st.rollup.avg_status = by_gap(mean.time() - *st.rollup.avg_completion, plan.settings);
    rep.counties.push_back(std::move(st));
  }
  auto order = ranked_counties(rep);
  for (std::size_t i = 0; i < order.size(); ++i)
    rep.counties[static_cast<std::size_t>(order[i] - rep.counties.data())].rank =
        static_cast<int>(i) + 1;
}

TargetsByLead targets_by_lead(const std::vector<TargetResult>& targets) {
  TargetsByLead out;
  for (const auto& t : targets) out[t.target->lead.str()].push_back(&t);
  return out;
}

std::vector<const CountyStanding*> ranked_counties(const MonthReport& rep) {
  std::vector<const CountyStanding*> out;
  for (const auto& c : rep.counties) out.push_back(&c);
  // rep.counties is in plan order, so a stable sort keeps it among equals.
  std::stable_sort(out.begin(), out.end(), [](const CountyStanding* a, const CountyStanding* b) {
    return ranks_before(a->rollup, b->rollup);
  });
  return out;
}

std::map<TargetKey, std::vector<const TargetResult*>> lagging_counties(const MonthReport& rep) {
  std::map<TargetKey, std::vector<const TargetResult*>> out;
  for (const auto& t : rep.county_targets)
    if (is_lagging(t.status)) out[t.key()].push_back(&t);
  for (auto& [key, list] : out)
    std::stable_sort(list.begin(), list.end(), [](const TargetResult* a, const TargetResult* b) {
      if (a->status != b->status) return worse(a->status, b->status);
      return a->gap_pp.value_or(0) > b->gap_pp.value_or(0);
    });
  return out;
}

MonthReport assess_month(const Plan& plan, const Snapshot& snap, Diagnostics problems,
                         const std::map<std::string, YearMonth>& last_file_month,
                         const MonthSends& sends) {
  MonthReport rep;
  rep.plan = &plan;
  rep.month = snap.month;
  rep.time = time_progress(plan, snap.month);
  rep.at_deadline = snap.month == plan.deadline_month();
  rep.problems = std::move(problems);
  // What units wrote this month: per target (its city row) and per unit (a row with no task).
  for (const auto& [unit, sub] : snap.reported) {
    if (!sub->unit_text.empty()) rep.unit_texts[unit] = sub->unit_text;
    for (const auto& e : sub->entries)
      if (e.text && !e.text->empty()) rep.texts[e.key] = *e.text;
  }
  auto order = targets_in_order(plan);
  rep.targets.resize(order.size());
  parallel_for(
      order.size(),
      [&](std::size_t i) {
        rep.targets[i] = assess_target(plan, *order[i].first, *order[i].second, snap);
      },
      kTargetGrain);
  rep.index.reserve(order.size());
  rep.tasks.reserve(plan.tasks.size());
  std::size_t next = 0;
  for (const auto& task : plan.tasks) {
    TaskResult tr;
    tr.task = &task;
    tr.status = Status::done;
    tr.targets = std::views::iota(next, next + task.targets.size());
    for (const auto& target : task.targets) {
      rep.index.emplace_back(TargetKey{task.id, target.index}, next);
      if (worse(rep.targets[next].status, tr.status)) tr.status = rep.targets[next].status;
      rep.by_nodes += target.schedule != nullptr;
      ++next;
    }
    rep.tasks.push_back(tr);
    ++rep.task_counts[tr.status];
  }
  std::sort(rep.index.begin(), rep.index.end());

  CompletionMean all;
  for (const auto& cat : plan.categories) {
    Rollup r{cat.name, {}, std::nullopt, std::nullopt};
    CompletionMean mean;
    for (const auto& tr : rep.tasks) {
      if (tr.task->category != cat.id) continue;
      ++r.counts[tr.status];
      for (std::size_t i : tr.targets)
        mean.add(rep.targets[i].completion_pct, rep.targets[i].time_pct);
    }
    r.avg_completion = mean.value();
    r.time_pct = mean.time();
    if (r.avg_completion)
      r.avg_status = rollup_status(plan, rep.month, *r.avg_completion, mean.time());
    all.add(mean);
    rep.by_category.push_back(std::move(r));
  }
  rep.avg_completion = all.value();

  TargetsByLead by_lead = targets_by_lead(rep.targets);
  for (const auto& unit : plan.lead_units()) {
    Rollup r{unit, {}, std::nullopt, std::nullopt};
    CompletionMean mean;
    auto sent = sends.find(unit);
    UnitGap gap{
        unit, sent == sends.end() || sent->second.sent != Sent::usable, {}, std::nullopt, {}};
    if (auto it = last_file_month.find(unit); it != last_file_month.end())
      gap.last_month = it->second;
    if (gap.no_file && sent != sends.end()) gap.unread_files = sent->second.file_names();
    for (const TargetResult* tp : by_lead[unit]) {
      const TargetResult& t = *tp;
      ++r.counts[t.status];
      mean.add(t.completion_pct, t.time_pct);
      // A target already done in an earlier month need not be reported again; one whose row was
      // rejected (数据有误) was reported, wrongly, and is listed as such, not as 未填报.
      bool reported_now = (t.value_month && *t.value_month == snap.month) ||
                          (t.status == Status::invalid && !gap.no_file);
      if (!reported_now && !(is_done(t.status) && t.value_month)) gap.unreported.push_back(t.key());
    }
    r.avg_completion = mean.value();
    r.time_pct = mean.time();
    if (r.avg_completion)
      r.avg_status = rollup_status(plan, rep.month, *r.avg_completion, mean.time());
    rep.by_unit.push_back(std::move(r));
    if ((gap.no_file || !gap.unreported.empty()) && plan.file_owed(snap.month))
      rep.gaps.push_back(std::move(gap));
  }
  rep.investment = assess_investment(snap, rep.targets);
  return rep;
}

}  // namespace minsheng
