// How a task's status was reached: inputs with sources, formulas with numbers, thresholds.
#pragma once
#include <string>

#include "assess/assessment.hpp"

namespace minsheng {

// Throws std::out_of_range when the report has no such task.
std::string explain_task(const MonthReport& rep, int task_id);

}  // namespace minsheng
