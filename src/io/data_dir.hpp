// The monthly data folder: DATA/YYYY-MM/submissions/<unit>.csv|.yaml
#pragma once
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/plan.hpp"
#include "model/progress.hpp"
#include "model/received.hpp"

namespace minsheng {

std::filesystem::path month_dir(const std::filesystem::path& data, YearMonth m);
// Months that have a submissions folder inside `data`; a month folder (or its submissions)
// that is a symlink leading out of `data` is skipped, with a warning when `warnings` is given.
std::vector<YearMonth> list_months(const std::filesystem::path& data,
                                   Diagnostics* warnings = nullptr);
// DATA/NAME for --write: an IoError when it is a symlink, so no write lands outside DATA.
std::filesystem::path output_dir(const std::filesystem::path& data, const std::string& name);
// A usage error naming the absolute path when `data` is not a folder.
void require_data_dir(const std::filesystem::path& data);

// A month of at least kSpreadFiles files is parsed on every core, then merged in the background
// while the next month is parsed; a smaller one all on the caller's thread, where on two cores
// it ran faster (the 22 files of a city's month parse in 0.5 ms; a thread took 0.05-0.15 ms to
// start or wake, and threads were slower up to about a hundred files).
inline constexpr std::size_t kSpreadFiles = 128;

// Reads every progress file of months up to and including `upto` (all months when absent).
// Never throws for bad content: problems are collected in `diagnostics`. Throws UsageError when
// `data` is not a folder. With `received`, each file's submission date is the one staff logged
// for its unit and month.
AllRows load_data(const Plan& plan, const std::filesystem::path& data,
                  std::optional<YearMonth> upto = std::nullopt,
                  const ReceivedLog* received = nullptr);
// Reads as load_data does, for the reports of `months` alone: the rows of earlier months are
// merged into MonthRows::carried month by month and dropped (a month's report needs no more).
// The 序时 nodes the units' 分解方案 give for whole targets (a row of the whole city with
// 节点月份/节点进度), set on targets the plan gives no nodes of their own (a category's yield).
// Before any reading: every month is assessed on them. Problems are reported by the reading.
void adopt_breakdown_schedules(Plan& plan, const std::filesystem::path& data);

MonthRows load_months(const Plan& plan, const std::filesystem::path& data,
                      std::vector<YearMonth> months, std::optional<YearMonth> upto = std::nullopt,
                      const ReceivedLog* received = nullptr);
// Hands each month's submissions to a fold once read (in month order, beside the reading of the
// next month): for what walks the months once (history, check, problems). It gets the data
// set's submissions, the month's at the end.
using MonthFold = std::function<void(const std::vector<Submission>& subs, YearMonth m)>;
// Picks the report months once the folder is listed, before any file is read, from the months
// whose submissions folder lists a progress file (ascending; a file not read counts): for a
// document whose months depend on which months have files (the bulletin).
using MonthChoice = std::function<std::vector<YearMonth>(const std::vector<YearMonth>& listed)>;
// load_months for the months `choose` picks, every month also handed to `fold` when given.
MonthRows load_months(const Plan& plan, const std::filesystem::path& data,
                      const MonthChoice& choose, std::optional<YearMonth> upto,
                      const ReceivedLog* received, const MonthFold* fold = nullptr);
// The rows of `month` kept, each earlier month's submissions handed to `fold`, and nothing merged
// by the reading: the fold keeps those months' figures, and takes `month` in with its report
// (the site: HistoryBuilder::add_month with an Advance).
FoldedMonth load_folded_month(const Plan& plan, const std::filesystem::path& data, YearMonth month,
                              const ReceivedLog* received, const MonthFold& fold);
// Reads as load_data does, handing each month's submissions to `fold`, then letting their rows
// go.
DataSet fold_data(const Plan& plan, const std::filesystem::path& data,
                  std::optional<YearMonth> upto, const MonthFold& fold,
                  const ReceivedLog* received = nullptr);
// The files of month `m` alone, their rows let go once read: who sent what (`missing`). A
// DataSet, so nothing can assess it.
DataSet load_month_files(const Plan& plan, const std::filesystem::path& data, YearMonth m,
                         const ReceivedLog* received = nullptr);

}  // namespace minsheng
