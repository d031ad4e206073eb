// Assesses every target of a month against 序时进度 (time progress). Pure computation.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/plan.hpp"
#include "model/progress.hpp"
#include "model/status.hpp"

namespace minsheng {

struct TargetResult {
  const Task* task = nullptr;
  const Target* target = nullptr;
  std::optional<double> target_value;  // plan value, supplied value, or 100 for a % milestone
  std::string measure;
  double baseline = 0;
  std::optional<double> actual;
  std::optional<MilestoneState> state;
  std::optional<double> completion_pct;
  double time_pct = 0;
  std::optional<double> gap_pp;
  Status status = Status::not_reported;
  std::optional<double> remaining;
  std::optional<double> needed_per_month;
  std::optional<YearMonth> projected_month;
  bool projected_late = false;  // 预计逾期: projected after the deadline month
  std::optional<YearMonth> value_month;
  bool carried = false;  // 沿用 an earlier month's value
  SourceRef source;
  std::string note;

  TargetKey key() const { return {task->id, target->index}; }
  bool milestone_state_based() const { return target->kind == TargetKind::milestone && !actual; }
};

struct TaskResult {
  const Task* task = nullptr;
  Status status = Status::not_reported;
  std::vector<std::size_t> targets;  // indexes into MonthReport::targets
};

struct Rollup {
  std::string name;
  std::map<Status, int> counts;
  int total = 0;
  std::optional<double> avg_completion;  // mean of numeric completions, each capped at 100
};

// A lead unit that did not report this month, in whole or in part.
struct UnitGap {
  std::string unit;
  bool no_file = false;
  std::vector<TargetKey> unreported;    // its targets with no value this month
  std::optional<YearMonth> last_month;  // last month it sent a file, if any
};

struct MonthReport {
  const Plan* plan = nullptr;
  YearMonth month;
  double time_pct = 0;
  int months_left = 0;  // months after `month` up to the deadline month
  std::vector<TargetResult> targets;
  std::vector<TaskResult> tasks;
  std::map<Status, int> task_counts;
  std::vector<Rollup> by_category;  // counts tasks
  std::vector<Rollup> by_unit;      // counts targets
  std::optional<double> avg_completion;
  std::vector<UnitGap> gaps;
  std::vector<std::string> units_reported;
  Diagnostics problems;  // data problems shown in the report (errors with --keep-going, warnings)

  const TargetResult* find(TargetKey k) const;
};

double time_progress_pct(const Plan& plan, YearMonth m);

// Assesses one target; exposed for unit tests of each boundary.
TargetResult assess_target(const Plan& plan, const Task& task, const Target& target,
                           const Snapshot& snap);

// `last_file_month` maps each unit to the last month it sent a file (for the gap list).
MonthReport assess_month(const Plan& plan, const Snapshot& snap, Diagnostics problems,
                         const std::map<std::string, YearMonth>& last_file_month = {});

}  // namespace minsheng
