// The monthly data folder: DATA/YYYY-MM/submissions/<unit>.csv|.yaml
#pragma once
#include <filesystem>
#include <optional>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/plan.hpp"
#include "model/progress.hpp"

namespace minsheng {

std::filesystem::path month_dir(const std::filesystem::path& data, YearMonth m);
std::vector<YearMonth> list_months(const std::filesystem::path& data);
// A usage error naming the absolute path when `data` is not a folder.
void require_data_dir(const std::filesystem::path& data);

// Reads every progress file of months up to and including `upto` (all months when absent).
// Never throws for bad content: problems are collected in `diagnostics`. Throws UsageError when
// `data` is not a folder.
DataSet load_data(const Plan& plan, const std::filesystem::path& data,
                  std::optional<YearMonth> upto = std::nullopt);

}  // namespace minsheng
