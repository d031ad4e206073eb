// The 投资完成情况 of a month (InvestmentReport) in every format of the summary.
#pragma once
#include <optional>
#include <string>

#include "assess/assessment.hpp"
#include "report/table.hpp"
#include "util/json.hpp"
#include "util/sheet_doc.hpp"

namespace minsheng {

// 「计划投资 4.3亿元，累计完成投资 1.32亿元，投资完成率 30.7%，资金到位 2.04亿元」: the fields
// known, each after `sep` (a space in the summary, none in a 通报).
std::string investment_figures(const InvestmentSum& s, const char* sep);
// 「5 项任务填报投资：计划投资4.3亿元，累计完成投资1.32亿元，投资完成率30.7%…」; empty when
// no file reports investment.
std::string investment_sentence(const MonthReport& rep);
// The section of the terminal summary and of summary.md: the sentence, then tables by category,
// by lead unit and by task. Empty when no file reports investment.
std::string investment_section_table(const MonthReport& rep, const Style& style);
std::string investment_section_markdown(const MonthReport& rep, const std::string& heading);
// {"total": …, "by_task": […], "by_category": […], "by_unit": […]}: sums in 万元, rates in %.
Json investment_json(const MonthReport& rep);
// The 投资情况 sheet of summary.xlsx: the total, then by category, by lead unit and by task,
// sums in 万元 as numbers. Nothing when no file reports investment.
std::optional<OutSheet> investment_sheet(const MonthReport& rep);
// A target's fields of summary.json: the same four, null where unknown.
Json investment_row_json(const MonthReport& rep, TargetKey key);
// A target's columns of summary.csv: planned_investment, invested, funded, investment_pct.
std::vector<std::string> investment_csv_cells(const MonthReport& rep, TargetKey key);

}  // namespace minsheng
