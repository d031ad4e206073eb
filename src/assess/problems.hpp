// The 问题清单: every 存在问题 a unit reports, followed month by month until it is closed (销号).
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/plan.hpp"
#include "model/progress.hpp"

namespace minsheng {

struct Problem {
  // Stable across runs and months: the target as reports number it (27, 48.2), the month first
  // reported, then the 县市区 or the project when the row is one, then a short hash of the text
  // when one row opened two problems that month: 27-202404-秭归县人民医院病理科.
  std::string id;
  TargetKey key;
  int county = -1;  // a 县市区 row's; -1 for the city and for projects
  std::string project;
  std::string unit;
  std::string text;
  YearMonth first_month, last_month;  // first and last reported
  std::optional<YearMonth> closed_month;
  std::string closed_by;  // 已解决, 项目已完工 or 指标已完成
  SourceRef source;       // where it was first reported

  bool open() const { return !closed_month; }
  // Months it has been open as of `as_of` (April to June is 3), or was open (April to a May
  // close is 1).
  int months_open(YearMonth as_of) const;
  // Months since a unit last mentioned it (0: mentioned in `as_of`'s report).
  int months_silent(YearMonth as_of) const { return months_between(last_month, as_of); }
  // Open, yet not mentioned for the plan's problem_stale_months: shown 「N个月未更新」, as no
  // one can say it is still a problem, and never ordered 限期解决 without that mark.
  bool stale(const Plan& plan, YearMonth as_of) const {
    return open() && months_silent(as_of) >= plan.settings.problem_stale_months;
  }
};

// Reads every month up to `as_of` once. A 存在问题 on a row (a target in the city or a 县市区,
// or a project) opens a problem; the same text on the same row later is the same problem. It
// closes when that row says 已解决, when its project is 已完工, or when its target is done.
std::vector<Problem> track_problems(const Plan& plan, const AllRows& data, YearMonth as_of);

// The same, taken a month at a time as the data are read (io::fold_data), so that each month's
// rows can be let go once followed. The plan must outlive it.
class ProblemTracker {
 public:
  explicit ProblemTracker(const Plan& plan);
  ~ProblemTracker();
  // Takes in month `m`'s submissions: `subs` holds them after every earlier month's (added
  // before); later ones are not touched. `at` is the figures as of `m`, its files merged: the
  // caller's (a history's, a form's), as a province's figures are not worth a second copy.
  void add_month(const std::vector<Submission>& subs, YearMonth m, const Snapshot& at);
  std::vector<Problem> finish();  // the problems in the order of track_problems

 private:
  struct State;
  std::unique_ptr<State> s_;
};

}  // namespace minsheng
