// The blank progress form a lead unit fills in (`minsheng template`).
#pragma once
#include <map>
#include <string>

#include "assess/problems.hpp"
#include "model/plan.hpp"
#include "model/progress.hpp"
#include "util/sheet_doc.hpp"

namespace minsheng {

// `previous` is the snapshot of the month before, for the 上期累计 reminder column. The unit's
// open problems (`problems`; others are skipped) are written into 存在问题 on their rows with
// their ids, so that the unit answers each: 已解决 in 问题状态, or the text kept to say it stands.
std::string template_csv(const Plan& plan, const std::string& unit, YearMonth month,
                         const Snapshot& previous,
                         const std::map<CountyKey, Allocation>& allocations = {},
                         const std::vector<Problem>& problems = {});
// The same form as a workbook: a note with the month and due date above the header; only
// 累计完成、状态、目标值、备注、报送日期 can be edited, 状态 from a list, 报送日期 a date.
OutWorkbook template_workbook(const Plan& plan, const std::string& unit, YearMonth month,
                              const Snapshot& previous,
                              const std::map<CountyKey, Allocation>& allocations = {},
                              const std::vector<Problem>& problems = {});
std::string template_yaml(const Plan& plan, const std::string& unit, YearMonth month,
                          const Snapshot& previous,
                          const std::map<CountyKey, Allocation>& allocations = {},
                          const std::vector<Problem>& problems = {});

}  // namespace minsheng
