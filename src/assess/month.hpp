// From a data set to one month's report: validation of the whole set, then assessment.
#pragma once
#include <vector>

#include "assess/assessment.hpp"
#include "model/progress.hpp"

namespace minsheng {

// Problems that need the whole data set: files sent after the due date, and cumulative values
// lower than an earlier month's.
void check_data(const Plan& plan, const DataSet& data, Diagnostics& diags);

// The problems a month's report must show: errors in any file up to `month` (carried values
// come from them) and warnings about `month`'s own files.
Diagnostics month_problems(const Plan& plan, const DataSet& data, YearMonth month);

// Throws DataError when there are errors, unless `keep_going`: then the report lists them in its
// problems and marks the affected targets 数据有误.
MonthReport assess_data(const Plan& plan, const DataSet& data, YearMonth month, bool keep_going);
// Several months from one pass over the submissions (diff, bulletins): each report is the one
// assess_data gives for its month. Returned in the order asked.
std::vector<MonthReport> assess_data(const Plan& plan, const DataSet& data,
                                     const std::vector<YearMonth>& months, bool keep_going);
// The same, taking DataSet::carried rather than copying it (a province's is tens of MB), and
// letting each month's rows go once that month is assessed: `data` is used up.
MonthReport assess_data(const Plan& plan, DataSet&& data, YearMonth month, bool keep_going);
std::vector<MonthReport> assess_data(const Plan& plan, DataSet&& data,
                                     const std::vector<YearMonth>& months, bool keep_going);

}  // namespace minsheng
