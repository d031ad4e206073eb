// How a task's status was reached: inputs with sources, formulas with numbers, thresholds.
#pragma once
#include <string>

#include "assess/assessment.hpp"

namespace minsheng {

// Throws std::out_of_range when the report has no such task. `target` 0 explains every target
// of the task; another number only that one (--explain 26.1).
std::string explain_task(const MonthReport& rep, int task_id, int target = 0);

}  // namespace minsheng
