// 县市区: the standings and each 县市区's allocated targets, in every format.
#pragma once
#include <string>
#include <vector>

#include "assess/assessment.hpp"
#include "report/table.hpp"
#include "util/sheet_doc.hpp"

namespace minsheng {

// `county` is an index into Plan::counties, or -1 for every 县市区.
std::string county_table(const MonthReport& rep, int county, const Style& style);
std::string county_markdown(const MonthReport& rep, int county);
std::string county_csv(const MonthReport& rep, int county);
std::string county_json(const MonthReport& rep, int county);
OutWorkbook county_workbook(const MonthReport& rep, int county);

// The 县市区推进情况 section of the monthly summary and the bulletin: the standings, and for
// every lagging city target the 县市区 that lag on it. Empty when nothing is allocated.
std::string county_section_markdown(const MonthReport& rep, const std::string& heading);

// "远安县（10.4%，严重滞后）、…": the 县市区 lagging on one target; `projection` adds 预计逾期.
std::string lagging_county_names(const MonthReport& rep,
                                 const std::vector<const TargetResult*>& lag, bool projection);

extern const std::vector<std::string> kCountyCsvColumns;

}  // namespace minsheng
