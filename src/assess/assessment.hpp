// Assesses every target of a month against 序时进度 (time progress), and the month's
// 县市区 and projects, into one MonthReport. Pure computation; the rules it applies live in
// pace (time, gap, projection), rollup (means, ranking), changes and projects.
#pragma once
#include <map>
#include <optional>
#include <ranges>
#include <string>
#include <unordered_map>
#include <vector>

#include "assess/changes.hpp"
#include "assess/investment.hpp"
#include "assess/pace.hpp"
#include "assess/projects.hpp"
#include "assess/reporting.hpp"
#include "assess/rollup.hpp"
#include "model/diagnostic.hpp"
#include "model/plan.hpp"
#include "model/progress.hpp"
#include "model/status.hpp"

namespace minsheng {

struct TargetResult {
  // Grouped by size, not by theme: a province's two reports hold a quarter of a million.
  const Task* task = nullptr;
  const Target* target = nullptr;
  OptNum target_value;  // plan value, supplied value, or 100 for a % milestone
  OptNum actual;
  OptNum completion_pct;
  OptNum gap_pp;
  OptNum remaining;
  OptNum needed_per_month;
  OptNum recent_pace;               // mean monthly increase, see projection()
  OptNum projected_completion_pct;  // by the deadline month at recent_pace
  OptNum corrected_from;            // the figure a later file set right: 已更正（原 X）
  double baseline = 0;
  double time_pct = 0;   // its own 序时进度: by its schedule's nodes, else the plan's line
  SchedulePtr schedule;  // its nodes (按节点计划: the city's, or a 县市区's own), else null
  std::string measure;
  SharedText note;
  SourceRef source;
  SourceRef target_value_source;  // a pending target's supplied value, or a 县市区's allocation
  std::optional<YearMonth> projected_month;  // when the figure is reached at recent_pace
  std::optional<YearMonth> pace_from;        // the pace is measured from here; empty: from start
  std::optional<YearMonth> value_month;
  std::optional<YearMonth> done_month;  // since when the figure has stayed reached
  std::optional<MilestoneState> state;
  Status status = Status::not_reported;
  int county = -1;                    // a 县市区's share (Plan::counties), or -1: the city
  SumOf derived_from = SumOf::none;   // the city value is the sum of 县市区 or projects
  bool projected_late = false;        // 预计逾期: see projection()
  bool reached_by_tolerance = false;  // done only through about_tolerance: 基本完成
  bool carried = false;               // 沿用 an earlier month's value
  bool at_deadline = false;           // assessed for the deadline month: overdue reads 未完成

  TargetKey key() const { return {task->id, target->index}; }
  bool milestone_state_based() const { return target->kind == TargetKind::milestone && !actual; }
};

// How far a figure is behind its 序时进度, in points (negative: ahead); none without a figure.
inline OptNum gap_of(double time_pct, OptNum completion_pct) {
  return completion_pct ? OptNum(time_pct - *completion_pct) : OptNum();
}

struct TaskResult {
  const Task* task = nullptr;
  Status status = Status::not_reported;
  // Indexes into MonthReport::targets: a task's are consecutive there (plan order), so a range
  // rather than a vector each (a province has 125,000 tasks).
  std::ranges::iota_view<std::size_t, std::size_t> targets;
};

// A lead unit that did not report this month, in whole or in part.
struct UnitGap {
  std::string unit;
  bool no_file = false;
  std::vector<TargetKey> unreported;      // its targets with no value this month
  std::optional<YearMonth> last_month;    // last month it sent a file, if any
  std::vector<std::string> unread_files;  // sent this month but unusable: not 未报送
};

struct MonthReport {
  const Plan* plan = nullptr;
  YearMonth month;
  TimeProgress time;                  // the plan's straight line; each target has its own time_pct
  int by_nodes = 0;                   // targets whose 序时进度 follows their schedule's nodes
  bool at_deadline = false;           // the deadline month's report: overdue reads 未完成
  std::optional<Date> partial_as_of;  // asked for before the month ended: data as of this day
  bool no_files = false;  // the month has no progress file: every figure is an earlier month's
  std::vector<TargetResult> targets;
  std::vector<TaskResult> tasks;
  std::map<Status, int> task_counts;
  std::vector<Rollup> by_category;  // counts tasks
  std::vector<Rollup> by_unit;      // counts targets
  std::optional<double> avg_completion;
  std::vector<UnitGap> gaps;
  Diagnostics problems;  // data problems shown in the report (errors with --keep-going, warnings)
  std::vector<StatusChange> changes;  // since the month before, worst new status first
  // One per allocated (target, 县市区): 县市区 in plan order, then targets in plan order.
  std::vector<TargetResult> county_targets;
  std::vector<CountyStanding> counties;  // 县市区 with allocations, in plan order
  std::vector<ProjectResult> projects;   // plan order of targets, then project name
  InvestmentReport investment;           // empty when no file reports any
  // What units wrote this month: per target (its city row) and per unit (a row with no task).
  std::map<TargetKey, UnitText> texts;
  std::map<std::string, UnitText> unit_texts;

  // (key, position in `targets`), sorted by key: a province's 131,000 targets in 2 MB, not a
  // hash map's 6.
  std::vector<std::pair<TargetKey, std::size_t>> index;

  const TargetResult* find(TargetKey k) const;
  int task_count(Status s) const;
  // The statuses any category has, in headline order: the columns of a table by category, so
  // that each row sums to its tasks (and at the deadline shows 未完成, not empty pace columns).
  std::vector<Status> category_statuses() const;
};

// The order of targets by need: the worse status first, then the larger gap.
bool needs_more(const TargetResult& a, const TargetResult& b);
// Targets that lag (滞后, 严重滞后, 逾期), in that order (needs_more).
std::vector<const TargetResult*> lagging_targets(const MonthReport& rep);
// Targets not yet lagging that are 预计逾期: every report lists the same ones.
std::vector<const TargetResult*> at_risk_targets(const MonthReport& rep);

// For each target with 县市区 that lag on it (滞后, 严重滞后, 逾期): those 县市区, worst first,
// then by gap. One pass over the 县市区 results.
std::map<TargetKey, std::vector<const TargetResult*>> lagging_counties(const MonthReport& rep);
// Each lead unit's targets, in plan order, grouped in one pass (a province has thousands of
// units and a hundred thousand targets: no scan of every target per unit). The views are the
// plan's unit names.
using TargetsByLead = std::unordered_map<std::string_view, std::vector<const TargetResult*>>;
TargetsByLead targets_by_lead(const std::vector<TargetResult>& targets);
// The 县市区 standings ordered by rank.
std::vector<const CountyStanding*> ranked_counties(const MonthReport& rep);

// Changes between two months' assessments of the same plan, worst new status first.
// Every target's status in plan order: all a month before needs to be for status_changes.
std::vector<Status> target_statuses(const Plan& plan, const Snapshot& snap);
// `before` is target_statuses of the month before, in the same (plan) order as after.targets.
std::vector<StatusChange> status_changes(const std::vector<Status>& before,
                                         const MonthReport& after);

// The label a person reads for a target's status: 基本完成 for a 左右/力争 figure reached only
// within the tolerance, else the status's own label.
const char* result_label(const TargetResult& r);

// What a unit says about a target: the target row's 存在问题/下步计划/进展情况, each falling
// back to the unit's general rows when the target row leaves it empty.
UnitText unit_words(const MonthReport& rep, const TargetResult& r);

// Assesses one target; exposed for unit tests of each boundary.
TargetResult assess_target(const Plan& plan, const Task& task, const Target& target,
                           const Snapshot& snap);

// Assesses each allocated (target, 县市区) by the rules of a city target, against its share,
// and ranks the 县市区. Fills `county_targets` and `counties`.
void assess_counties(const Plan& plan, const Snapshot& snap,
                     const std::map<CountyKey, Allocation>& allocations, MonthReport& rep);

// `last_file_month` maps each unit to the last month it sent a file, `sends` who sent what this
// month (for the gap list). Months before the plan's reporting.from have no gaps: nothing was due.
MonthReport assess_month(const Plan& plan, const Snapshot& snap, Diagnostics problems,
                         const std::map<std::string, YearMonth>& last_file_month = {},
                         const MonthSends& sends = {});

}  // namespace minsheng
