// Renders who has not sent a readable progress file for a month.
#pragma once
#include <string>

#include "assess/reporting.hpp"
#include "report/table.hpp"

namespace minsheng {

std::string missing_table(const MissingReport& r, const Style& style);
std::string missing_csv(const MissingReport& r);

}  // namespace minsheng
