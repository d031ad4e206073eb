// Assesses every target of a month against 序时进度 (time progress). Pure computation.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "assess/reporting.hpp"
#include "model/diagnostic.hpp"
#include "model/plan.hpp"
#include "model/progress.hpp"
#include "model/status.hpp"

namespace minsheng {

struct TargetResult {
  // Grouped by size, not by theme: a province's two reports hold a quarter of a million.
  const Task* task = nullptr;
  const Target* target = nullptr;
  std::optional<double> target_value;  // plan value, supplied value, or 100 for a % milestone
  std::optional<double> actual;
  std::optional<double> completion_pct;
  std::optional<double> gap_pp;
  std::optional<double> remaining;
  std::optional<double> needed_per_month;
  std::optional<double> recent_pace;               // mean monthly increase, see projection()
  std::optional<double> projected_completion_pct;  // by the deadline month at recent_pace
  std::optional<double> corrected_from;  // the figure a later file set right: 已更正（原 X）
  double baseline = 0;
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

struct TaskResult {
  const Task* task = nullptr;
  Status status = Status::not_reported;
  std::vector<std::size_t> targets;  // indexes into MonthReport::targets
};

// The mean completion of a roll-up (a category, a unit, a 县市区, a month of the trend): each
// target counts at most 100%, so one target far past its figure cannot hide another's lag.
class CompletionMean {
 public:
  void add(std::optional<double> completion_pct);
  void add(const CompletionMean& other);
  std::optional<double> value() const;

 private:
  double sum_ = 0;
  std::size_t n_ = 0;
};

struct Rollup {
  std::string name;
  std::map<Status, int> counts;
  std::optional<double> avg_completion;  // mean of numeric completions, each capped at 100
  // The average against 序时进度 by the same gap rule as a target (charts colour it so).
  std::optional<Status> avg_status;

  int count(Status s) const;
  int total() const;
  int lagging() const;   // behind, seriously behind or overdue
  int finished() const;  // done or done_late
};

// One 县市区 over its allocated targets.
struct CountyStanding {
  int county = 0;  // index into Plan::counties
  Rollup rollup;   // name, counts of its targets by status, mean completion
  int rank = 0;    // 1 is best: mean completion, then fewer 严重滞后, then plan order
};

enum class ProjectLateness { none, finish_passed, finish_after_deadline, not_started };

// A project as of a month: the last reported state, value and planned finish.
struct ProjectResult {
  const Task* task = nullptr;
  const Target* target = nullptr;
  std::string name;
  int county = -1;
  std::optional<ProjectState> state;
  std::optional<double> value;
  std::optional<YearMonth> planned_finish;
  YearMonth value_month;                    // last reported for
  int months_since_change = 0;              // since its state or value last changed
  bool carried = false;                     // not in this month's file: 本月未更新
  std::optional<YearMonth> earlier_finish;  // 原计划, when the planned finish was moved
  ProjectLateness lateness = ProjectLateness::none;
  bool late = false;  // lateness != none
  SourceRef source;
  TargetKey key() const { return {task->id, target->index}; }
};

// Why an unfinished project is late, if it is (first that applies): its planned finish has
// passed; its planned finish lies after the plan's deadline month; it is 未开工 while time
// progress is over settings.project_not_started_pct.
ProjectLateness project_lateness(const ProjectObservation& p, YearMonth month, double time_pct,
                                 YearMonth deadline_month, const Settings& s);

// A lead unit that did not report this month, in whole or in part.
struct UnitGap {
  std::string unit;
  bool no_file = false;
  std::vector<TargetKey> unreported;      // its targets with no value this month
  std::optional<YearMonth> last_month;    // last month it sent a file, if any
  std::vector<std::string> unread_files;  // sent this month but unusable: not 未报送
};

// Months of the plan period that have passed by the end of a month, and the share of time used.
struct TimeProgress {
  int elapsed = 0;  // months from the start through the month, not clamped
  int total = 0;    // months from the start through the deadline month
  double pct = 0;   // elapsed / total, clamped to 0–100
  int months_left() const { return total > elapsed ? total - elapsed : 0; }  // after the month
};

// A target whose status differs from the month before.
struct StatusChange {
  TargetKey key;
  YearMonth month;
  Status from, to;
  // Which side was assessed for the plan's deadline month, where overdue reads 未完成.
  bool from_at_deadline = false, to_at_deadline = false;
};

// The change of one target's status from one assessment to the next, if its status moved: the
// one rule of the month's report, the history and the site.
std::optional<StatusChange> status_change(TargetKey key, YearMonth month, Status from,
                                          bool from_at_deadline, Status to, bool to_at_deadline);

// What a change means for the follow-up: it became lagging, or lags worse (fell); it stopped
// lagging (recovered); or neither.
enum class ChangeTrend { fell, recovered, other };
ChangeTrend change_trend(const StatusChange& c);

struct MonthReport {
  const Plan* plan = nullptr;
  YearMonth month;
  TimeProgress time;
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
  // What units wrote this month: per target (its city row) and per unit (a row with no task).
  std::map<TargetKey, UnitText> texts;
  std::map<std::string, UnitText> unit_texts;

  std::unordered_map<TargetKey, std::size_t, TargetKeyHash> index;  // key → position in `targets`

  const TargetResult* find(TargetKey k) const;
  int task_count(Status s) const;
  // The statuses any category has, in headline order: the columns of a table by category, so
  // that each row sums to its tasks (and at the deadline shows 未完成, not empty pace columns).
  std::vector<Status> category_statuses() const;
};

TimeProgress time_progress(const Plan& plan, YearMonth m);
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
struct Projection {
  double pace = 0;
  std::optional<YearMonth> from;
  double completion_at_deadline = 0;
  std::optional<YearMonth> month;  // when the figure is reached; empty at zero pace
  bool late = false;
};
Projection projection(const Plan& plan, const Target& target, double target_value, double actual,
                      const std::vector<MonthValue>& series, YearMonth m);

// Targets that lag (滞后, 严重滞后, 逾期), worst first, then by gap.
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
// The one ranking rule of every table that ranks (县市区, units in the bulletin): a roll-up with
// a mean completion before one without; the higher mean (equal within the last bit); then
// fewer 严重滞后 and 逾期 targets; then fewer lagging ones. Equal ones keep plan order.
bool ranks_before(const Rollup& x, const Rollup& y);

// Changes between two months' assessments of the same plan, worst new status first.
// Every target's status in plan order: all a month before needs to be for status_changes.
std::vector<Status> target_statuses(const Plan& plan, const Snapshot& snap);
// `before` is target_statuses of the month before, in the same (plan) order as after.targets.
std::vector<StatusChange> status_changes(const std::vector<Status>& before,
                                         const MonthReport& after);
void sort_changes(std::vector<StatusChange>& changes);

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

// Every project known as of the snapshot's month, and the units' words of that month.
void assess_projects(const Plan& plan, const Snapshot& snap, MonthReport& rep);

// `last_file_month` maps each unit to the last month it sent a file, `sends` who sent what this
// month (for the gap list). Months before the plan's reporting.from have no gaps: nothing was due.
MonthReport assess_month(const Plan& plan, const Snapshot& snap, Diagnostics problems,
                         const std::map<std::string, YearMonth>& last_file_month = {},
                         const MonthSends& sends = {});

}  // namespace minsheng
