// Every target month by month, from the first month reports are due to a given month: the
// series analysts read, and the changes of status as events.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <vector>

#include "assess/assessment.hpp"

namespace minsheng {

// A target's month. A province's history holds a million and a half: the figures are OptNum (8
// bytes, not 16), the small fields share what would be the source's padding, the figure a
// correction replaced (rare) is kept by the target, and the month (by its place among the
// target's points), the 序时进度 and the gap are worked out rather than held, so a point takes
// 32 bytes rather than 128.
struct HistoryPoint {
  FileName file;  // where the value came from, as a SourceRef's parts
  std::int32_t line = 0;
  // Months from the value's month to the point's (never later); -1: none.
  std::int16_t value_age = -1;
  Status status = Status::not_reported;
  std::uint8_t state_code : 2 = 0;  // 0: none; else the MilestoneState, plus one
  bool carried : 1 = false;
  bool reached_by_tolerance : 1 = false;
  bool at_deadline : 1 = false;  // the deadline month: overdue reads 未完成
  bool corrected : 1 = false;    // a later file set the value right: TargetHistory::corrected_from
  OptNum actual;
  OptNum completion_pct;
  SourceRef source() const { return {file, line}; }
  std::optional<MilestoneState> state() const {
    if (state_code == 0) return std::nullopt;
    return static_cast<MilestoneState>(state_code - 1);
  }
  bool corrected_here() const { return corrected && value_age == 0; }  // not carried
};

struct TargetHistory {
  const Task* task = nullptr;
  const Target* target = nullptr;
  std::vector<HistoryPoint> points;  // one per month, from `first`
  YearMonth first;
  std::vector<StatusChange> changes;         // this target's, in time order
  std::optional<YearMonth> projected_month;  // at the last month, by the recent pace
  bool projected_late = false;
  // (month, the figure a correction replaced there), for its few corrected points
  std::vector<std::pair<YearMonth, double>> corrections;
  TargetKey key() const { return {task->id, target->index}; }
  // The month of point p, one of `points`, and the month its value was reported for.
  YearMonth month_of(const HistoryPoint& p) const {
    return first.plus(static_cast<int>(&p - points.data()));
  }
  std::optional<YearMonth> value_month(const HistoryPoint& p) const {
    return p.value_age < 0 ? std::nullopt : std::optional(month_of(p).plus(-p.value_age));
  }
  // The figure a later file's correction replaced at point `p`: 已更正（原 X）.
  OptNum corrected_from(const HistoryPoint& p) const;
  // Sets month m's point (or adds it, when m is the month after the last point's) to its
  // assessment.
  void set_point(YearMonth m, const TargetResult& r);
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
  const Plan* plan = nullptr;  // built from
  std::vector<YearMonth> months;
  std::vector<TargetHistory> targets;  // plan order
  std::vector<StatusChange> changes;   // worst new status first, then month, then plan order
  std::vector<FinishMove> moves;       // by month, then target and project
  // (key, position in `targets`), sorted by key: a province's 131,000 targets in 3 MB, not a
  // map's 8.
  std::vector<std::pair<TargetKey, std::size_t>> index;

  const TargetHistory* find(TargetKey k) const;
  // Point p's 序时进度, as its month's assessment gave it (the target's own schedule, else the
  // plan's line), and how far its figure was behind it.
  double time_pct(const TargetHistory& t, const HistoryPoint& p) const;
  OptNum gap_pp(const TargetHistory& t, const HistoryPoint& p) const;
  std::optional<std::size_t> position(TargetKey k) const;
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
  // Moves a snapshot on to month m, merging subs[next...] of m and leaving `next` past them.
  using Advance = std::function<void(Snapshot& snap, std::size_t& next)>;
  // Takes in month `m` (files or none) with `advance` in place of the builder's own merge of it:
  // a report of m made from the builder's snapshot (assess_folded_month), so that the figures
  // are held once.
  void add_month(const std::vector<Submission>& subs, YearMonth m, const Advance& advance);
  // Assesses the months left up to `to` (none of them has a file) and hands the history over;
  // the builder is spent.
  History finish(const std::vector<Submission>& subs, YearMonth to);
  // The figures as of the last month added, until finish().
  const Snapshot& snapshot() const { return snap_; }

 private:
  void assess_until(const std::vector<Submission>& subs, YearMonth last,
                    const Advance* last_advance = nullptr);
  void reassess_corrected(YearMonth m);

  const Plan& plan_;
  History h_;
  Snapshot snap_;
  std::size_t next_ = 0;  // the first submission not merged into snap_
  YearMonth from_;        // the first month assessed
  YearMonth done_;        // the months before it are assessed
};

}  // namespace minsheng
