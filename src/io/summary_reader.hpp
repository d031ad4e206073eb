// Reads a summary.csv that `minsheng summary` wrote, including ones from older versions or an
// older tasks.yaml, as one side of a diff.
#pragma once
#include <string>
#include <string_view>

#include "model/assessed.hpp"

namespace minsheng {

// Needs at least the task and status columns. Throws DataError listing every bad cell.
DiffSide parse_summary_csv(std::string_view bytes, const std::string& file);
DiffSide load_summary_csv(const std::string& path);

// The YYYY-MM folder or file-name part of a path, if there is one: reports/2024-05/summary.csv.
std::optional<YearMonth> month_in_path(const std::string& path);

}  // namespace minsheng
