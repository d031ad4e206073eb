// Renders a DiffReport: headline first, then the rows grouped by kind of change.
#pragma once
#include <set>
#include <string>

#include "assess/diff.hpp"
#include "report/table.hpp"
#include "util/sheet_doc.hpp"

namespace minsheng {

// "与2024-05相比：新完成 3 项，状态改善 5 项，状态恶化 2 项，无进展 12 项，数据下调 1 项"
std::string diff_headline(const DiffReport& rep);

// `only` empty: every kind. Unchanged rows are counted, and listed only when asked for.
std::string diff_table(const DiffReport& rep, const std::set<ChangeKind>& only, const Style& style);
std::string diff_markdown(const DiffReport& rep, const std::set<ChangeKind>& only);
std::string diff_csv(const DiffReport& rep, const std::set<ChangeKind>& only);
std::string diff_json(const DiffReport& rep, const std::set<ChangeKind>& only);
// 全部, then a sheet per kind of change that occurs, with Chinese headers.
OutWorkbook diff_workbook(const DiffReport& rep, const std::set<ChangeKind>& only);

extern const std::vector<std::string> kDiffCsvColumns;

}  // namespace minsheng
