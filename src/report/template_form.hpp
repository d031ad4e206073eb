// The blank progress form a lead unit fills in (`minsheng template`).
#pragma once
#include <map>
#include <string>

#include "model/plan.hpp"
#include "model/progress.hpp"
#include "util/sheet_doc.hpp"

namespace minsheng {

// `previous` is the snapshot of the month before, for the 上期累计 reminder column.
std::string template_csv(const Plan& plan, const std::string& unit, YearMonth month,
                         const Snapshot& previous,
                         const std::map<CountyKey, Allocation>& allocations = {});
// The same form as a workbook: a note with the month and due date above the header; only
// 累计完成、状态、目标值、备注、报送日期 can be edited, 状态 from a list, 报送日期 a date.
OutWorkbook template_workbook(const Plan& plan, const std::string& unit, YearMonth month,
                              const Snapshot& previous,
                              const std::map<CountyKey, Allocation>& allocations = {});
std::string template_yaml(const Plan& plan, const std::string& unit, YearMonth month,
                          const Snapshot& previous,
                          const std::map<CountyKey, Allocation>& allocations = {});

}  // namespace minsheng
