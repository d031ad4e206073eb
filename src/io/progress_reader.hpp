// Reads one unit's monthly progress file (CSV or YAML) and validates it against the plan.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

#include "io/workbook.hpp"
#include "model/diagnostic.hpp"
#include "model/plan.hpp"
#include "model/progress.hpp"

namespace minsheng {

// `file` is the path as shown in messages; its name decides the format (.csv/.txt, .yaml/.yml,
// .xlsx, .xls; an .et by its bytes) and, when the content names no unit, the unit. Problems go to
// `diags`; rows with errors are left out of `entries` and their targets listed in `invalid`. A
// workbook's first visible sheet with a header, read like a CSV file; places are Sheet!Cell.
Submission parse_workbook_submission(const Workbook& wb, const std::string& file, const Plan& plan,
                                     YearMonth folder_month, Diagnostics& diags);

Submission parse_submission(std::string_view bytes, const std::string& file, const Plan& plan,
                            YearMonth folder_month, Diagnostics& diags);

// A 分解方案 file (DATA/breakdown/): one row per target and 县市区 with its 分解目标, read like a
// progress file (CSV, YAML with an `allocations` list, or a workbook). Valid rows only.
std::vector<std::pair<CountyKey, Allocation>> parse_breakdown(std::string_view bytes,
                                                              const std::string& file,
                                                              const Plan& plan, Diagnostics& diags);

// The plan unit that a file name starts with: 市民政局_2024年6月进度.csv → 市民政局.
std::string unit_from_file_name(std::string_view stem, const Plan& plan);

}  // namespace minsheng
