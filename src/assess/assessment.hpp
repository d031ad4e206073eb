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
  bool projected_late = false;         // 预计逾期: projected after the deadline month
  std::optional<double> monthly_pace;  // (actual − baseline) per month since the plan started
  std::optional<YearMonth> value_month;
  bool carried = false;  // 沿用 an earlier month's value
  SourceRef source;
  SourceRef target_value_source;  // for a pending target whose value a progress file supplied
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

  int count(Status s) const;
  int lagging() const;  // behind, seriously behind or overdue
};

// A lead unit that did not report this month, in whole or in part.
struct UnitGap {
  std::string unit;
  bool no_file = false;
  std::vector<TargetKey> unreported;    // its targets with no value this month
  std::optional<YearMonth> last_month;  // last month it sent a file, if any
};

// Months of the plan period that have passed by the end of a month, and the share of time used.
struct TimeProgress {
  int elapsed = 0;  // months from the start through the month, not clamped
  int total = 0;    // months from the start through the deadline month
  double pct = 0;   // elapsed / total, clamped to 0–100
};

struct MonthReport {
  const Plan* plan = nullptr;
  YearMonth month;
  TimeProgress time;
  double time_pct = 0;
  int months_left = 0;  // months after `month` up to the deadline month
  std::vector<TargetResult> targets;
  std::vector<TaskResult> tasks;
  std::map<Status, int> task_counts;
  std::vector<Rollup> by_category;  // counts tasks
  std::vector<Rollup> by_unit;      // counts targets
  std::optional<double> avg_completion;
  std::vector<UnitGap> gaps;
  Diagnostics problems;  // data problems shown in the report (errors with --keep-going, warnings)

  std::map<TargetKey, std::size_t> index;  // key → position in `targets`, for find()

  const TargetResult* find(TargetKey k) const;
  int task_count(Status s) const;
};

TimeProgress time_progress(const Plan& plan, YearMonth m);
inline double time_progress_pct(const Plan& plan, YearMonth m) {
  return time_progress(plan, m).pct;
}

// Assesses one target; exposed for unit tests of each boundary.
TargetResult assess_target(const Plan& plan, const Task& task, const Target& target,
                           const Snapshot& snap);

// `last_file_month` maps each unit to the last month it sent a file (for the gap list).
MonthReport assess_month(const Plan& plan, const Snapshot& snap, Diagnostics problems,
                         const std::map<std::string, YearMonth>& last_file_month = {});

}  // namespace minsheng
