// From a data set to one month's report: validation of the whole set, then assessment.
#pragma once
#include <memory>
#include <vector>

#include "assess/assessment.hpp"
#include "model/assessed.hpp"
#include "model/progress.hpp"

namespace minsheng {

// Problems that need the whole data set: files sent after the due date, implausible values
// (over twice the target, a percentage typed as a fraction, a changed target), cumulative values
// lower than an earlier month's, and city values that their 县市区 or projects do not add up to.
void check_data(const Plan& plan, const AllRows& data, Diagnostics& diags);

// The same checks, taken a month at a time as the data are read (io::fold_data), so that each
// month's rows can be let go once checked. The plan must outlive it.
class DataChecker {
 public:
  explicit DataChecker(const Plan& plan);
  ~DataChecker();
  // Checks the submissions of months up to `m` not checked yet, in order.
  void add_month(const std::vector<Submission>& subs, YearMonth m);
  // Adds to `diags` the late files, then what the months added showed.
  void finish(const DataSet& data, Diagnostics& diags);
  // Figures the months added set right.
  const Corrections& corrections() const;

 private:
  struct State;
  const Plan& plan_;
  std::unique_ptr<State> s_;
};

// A summary written for `month` (`written`, read from `file`) that still shows a figure a file
// has since set right: one warning naming each such figure and how to write the summary again.
void check_written_summary(const DiffSide& written, YearMonth month, const Corrections& corrections,
                           const std::string& file, Diagnostics& out);

// The problems a month's report must show: errors in any file up to `month` (carried values
// come from them) and warnings about `month`'s own files.
Diagnostics month_problems(const Plan& plan, const AllRows& data, YearMonth month);

// The one rule for a month due for reporting that has no progress file at all: a report of it
// would pass earlier figures off as the month's, so NoDataError (exit 3) naming `folder` and
// --allow-stale, unless `allow_stale`; then the report says every figure is carried. A month
// before the plan's first reporting month, with no file, is a UsageError: nothing was due.
void require_month_files(const Plan& plan, const DataSet& data, YearMonth month, bool allow_stale,
                         const std::string& folder);

// Throws DataError when there are errors, unless `keep_going`: then the report lists them in its
// problems and marks the affected targets 数据有误.
MonthReport assess_data(const Plan& plan, const AllRows& data, YearMonth month, bool keep_going);
// Several months from one pass over the submissions (bulletins, the site): each report is the
// one assess_data gives for its month. Returned in the order asked.
std::vector<MonthReport> assess_data(const Plan& plan, const AllRows& data,
                                     const std::vector<YearMonth>& months, bool keep_going);
// The reports of the months `data` was read for, in that order (summary, diff). It takes
// MonthRows::carried rather than copying it (a province's is tens of MB) and lets each month's
// rows go once that month is assessed: `data` is used up.
std::vector<MonthReport> assess_data(const Plan& plan, MonthRows&& data, bool keep_going);
// The report of data.month from `snap`, the figures of data.submissions[0, next) that a fold
// kept (HistoryBuilder::add_month with an Advance), moved on to data.month in place and `next`
// past its submissions: the same report assess_data gives, the figures held once.
MonthReport assess_folded_month(const Plan& plan, const FoldedMonth& data, Snapshot& snap,
                                std::size_t& next, bool keep_going);

}  // namespace minsheng
