// Renders the 完成情况 report (assess/final) for 市委、市政府 and the public record.
#pragma once
#include <string>

#include "assess/final.hpp"
#include "util/sheet_doc.hpp"

namespace minsheng {

std::string final_markdown(const FinalReport& f);
// One print-ready page (A4, page numbers), readable on a phone.
std::string final_html(const FinalReport& f);
std::string final_csv(const FinalReport& f);
std::string final_json(const FinalReport& f);
// 完成情况 (every target), 未完成, 分单位, 分类, 县市区.
OutWorkbook final_workbook(const FinalReport& f);

extern const std::vector<std::string> kFinalCsvColumns;

}  // namespace minsheng
