// The monthly data folder: DATA/YYYY-MM/submissions/<unit>.csv|.yaml
#pragma once
#include <filesystem>
#include <optional>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/plan.hpp"
#include "model/progress.hpp"

namespace minsheng {

struct DataSet {
  std::vector<Submission> submissions;  // sorted by month, then file name
  std::vector<YearMonth> months;        // months that have a submissions folder, ascending
  Diagnostics diagnostics;              // every problem in every file read

  bool has_files(YearMonth m) const;
};

std::filesystem::path month_dir(const std::filesystem::path& data, YearMonth m);
std::vector<YearMonth> list_months(const std::filesystem::path& data);

// Reads every progress file of months up to and including `upto` (all months when absent).
// Never throws for bad content: problems are collected in `diagnostics`.
DataSet load_data(const Plan& plan, const std::filesystem::path& data,
                  std::optional<YearMonth> upto = std::nullopt);

// Adds the checks that need the whole data set: late files and cumulative values that fall.
void check_data(const Plan& plan, const DataSet& data, Diagnostics& diags);

}  // namespace minsheng
