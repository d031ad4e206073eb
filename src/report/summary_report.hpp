// Renders one month's assessment. Compute first (assess_month), then pick a renderer.
#pragma once
#include <string>

#include "assess/assessment.hpp"
#include "report/table.hpp"
#include "util/sheet_doc.hpp"

namespace minsheng {

std::string summary_table(const MonthReport& rep, const Style& style);
std::string summary_markdown(const MonthReport& rep);
std::string summary_csv(const MonthReport& rep);
std::string summary_json(const MonthReport& rep);
// The summary as a workbook staff work in: 总表, 分类汇总, 分单位, 报送情况, 数据问题.
OutWorkbook summary_workbook(const MonthReport& rep);

// The exact column order of summary.csv; `minsheng diff` reads files with these columns.
extern const std::vector<std::string> kSummaryCsvColumns;

// "市乡村振兴局：本月未报送进度文件（沿用2024-05数据）" and "…：本月未填报 …" lines.
std::vector<std::string> gap_lines(const MonthReport& rep);

}  // namespace minsheng
