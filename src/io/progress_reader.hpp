// Reads one unit's monthly progress file (CSV or YAML) and validates it against the plan.
#pragma once
#include <string>
#include <string_view>

#include "model/diagnostic.hpp"
#include "model/plan.hpp"
#include "model/progress.hpp"

namespace minsheng {

// `file` is the path as shown in messages; its name decides the format (.csv/.txt or
// .yaml/.yml) and, when the content names no unit, the unit. Problems go to `diags`; rows
// with errors are left out of `entries` and their targets listed in `invalid`.
Submission parse_submission(std::string_view bytes, const std::string& file, const Plan& plan,
                            YearMonth folder_month, Diagnostics& diags);

// The plan unit that a file name starts with: 市民政局_2024年6月进度.csv → 市民政局.
std::string unit_from_file_name(std::string_view stem, const Plan& plan);

}  // namespace minsheng
