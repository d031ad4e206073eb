// The 完成情况 of a plan at or after its deadline: every target finished (按期 or 逾期) or not,
// counted by category, lead unit and 县市区. Pure computation over one month's assessment.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "assess/assessment.hpp"

namespace minsheng {

struct FinalCounts {
  std::string name;
  int targets = 0;
  int done = 0;        // reached by the deadline month
  int done_late = 0;   // reached after it
  int unfinished = 0;  // not reached (Status::overdue)
  int no_data = 0;     // never reported, target pending or data invalid: nothing to claim
  int finished() const { return done + done_late; }
  // Finished targets over all targets, in percent; nothing for an empty group.
  std::optional<double> rate() const;
  void add(Status s);
};

struct FinalReport {
  MonthReport month;  // the assessment of the month the report is made from
  Date as_of;
  FinalCounts total;
  std::vector<FinalCounts> by_category;  // plan order
  std::vector<FinalCounts> by_unit;      // the plan's lead units, in plan order
  std::vector<FinalCounts> by_county;    // 县市区 with allocations, plan order
  // Indexes into month.targets of the targets not finished, by lead unit, then plan order.
  std::vector<std::size_t> unfinished;
};

// The month a 完成情况 report as of `as_of` is made from: the latest month with files that has
// ended by then, and never before the deadline month. Nothing while the deadline month has not
// ended: before then there is no 完成情况 to report.
std::optional<YearMonth> final_month(const Plan& plan, const std::vector<YearMonth>& with_files,
                                     Date as_of);

FinalReport build_final(MonthReport month, Date as_of);

}  // namespace minsheng
