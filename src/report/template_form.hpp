// The blank progress form a lead unit fills in (`minsheng template`).
#pragma once
#include <string>

#include "model/plan.hpp"
#include "model/progress.hpp"

namespace minsheng {

// `previous` is the snapshot of the month before, for the 上期累计 reminder column.
std::string template_csv(const Plan& plan, const std::string& unit, YearMonth month,
                         const Snapshot& previous);
std::string template_yaml(const Plan& plan, const std::string& unit, YearMonth month,
                          const Snapshot& previous);

}  // namespace minsheng
