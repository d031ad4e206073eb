// Every target month by month, from the first month reports are due to a given month: the
// series analysts read, and the changes of status as events.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "assess/assessment.hpp"

namespace minsheng {

// A target's month. A province's history holds a million and a half: the figures are OptNum (8
// bytes, not 16), the small fields share 8 bytes, and the value's month and the gap are worked
// out rather than held, so a point takes 64 bytes rather than 128.
struct HistoryPoint {
  YearMonth month;
  std::int16_t value_age = -1;  // months from the value's month to `month` (never later); -1: none
  Status status = Status::not_reported;
  std::optional<MilestoneState> state;
  bool carried = false;
  bool reached_by_tolerance = false;
  bool at_deadline = false;  // the deadline month: overdue reads 未完成
  OptNum actual;
  OptNum completion_pct;
  double time_pct = 0;
  OptNum corrected_from;  // a later file set the value right: 已更正（原 X）
  SourceRef source;       // where the value came from
  std::optional<YearMonth> value_month() const {
    return value_age < 0 ? std::nullopt : std::optional(month.plus(-value_age));
  }
  OptNum gap_pp() const { return gap_of(time_pct, completion_pct); }
  bool corrected_here() const { return corrected_from && value_age == 0; }  // not carried
};

struct TargetHistory {
  const Task* task = nullptr;
  const Target* target = nullptr;
  std::vector<HistoryPoint> points;          // one per month
  std::vector<StatusChange> changes;         // this target's, in time order
  std::optional<YearMonth> projected_month;  // at the last month, by the recent pace
  bool projected_late = false;
  TargetKey key() const { return {task->id, target->index}; }
};

// A project's 计划完工 moved by a month's report: 延期 when later, 提前 when earlier.
struct FinishMove {
  TargetKey key;
  std::string project;
  int county = -1;
  YearMonth month, from, to;
  bool postponed() const { return to > from; }
};

struct History {
  std::vector<YearMonth> months;
  std::vector<TargetHistory> targets;      // plan order
  std::vector<StatusChange> changes;       // worst new status first, then month, then plan order
  std::vector<FinishMove> moves;           // by month, then target and project
  std::map<TargetKey, std::size_t> index;  // key → position in `targets`

  const TargetHistory* find(TargetKey k) const;
};

// Assesses every month from plan.reporting_from to `to`, reading each submission once.
History build_history(const Plan& plan, const AllRows& data, YearMonth to);

// The same history, built as the months are read, so that each month's rows can be let go
// once taken in (a province's year of rows is not held at once). Months are added in order,
// each with its submissions; months without a file need no call. The plan must outlive it.
class HistoryBuilder {
 public:
  explicit HistoryBuilder(const Plan& plan);
  // Takes in month `m`'s submissions: `subs` holds them after every earlier month's (added
  // before); later ones are not touched.
  void add_month(const std::vector<Submission>& subs, YearMonth m);
  // Assesses the months left up to `to` (none of them has a file) and hands the history over;
  // the builder is spent.
  History finish(const std::vector<Submission>& subs, YearMonth to);
  // The figures as of the last month added, until finish().
  const Snapshot& snapshot() const { return snap_; }

 private:
  void assess_until(const std::vector<Submission>& subs, YearMonth last);
  void reassess_corrected(YearMonth m);

  const Plan& plan_;
  History h_;
  Snapshot snap_;
  std::size_t next_ = 0;  // the first submission not merged into snap_
  YearMonth from_;        // the first month assessed
  YearMonth done_;        // the months before it are assessed
};

}  // namespace minsheng
