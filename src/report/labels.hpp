// Wording shared by every human-facing renderer.
#pragma once
#include <map>
#include <optional>
#include <string>

#include "assess/assessment.hpp"
#include "report/table.hpp"

namespace minsheng {

std::string chinese_numeral(int n);                      // 1 → 一, 10 → 十, 12 → 十二
std::string category_heading(const Plan& plan, int id);  // （一）着力实现幼有善育
Color status_color(Status s);
std::string with_measure(std::optional<double> v, const std::string& measure);  // "1100个", "96%"
std::string pct_text(std::optional<double> v);                                  // "54.5%" or "—"
// "70项任务：已完成 3 项、超序时 20 项、…" — statuses with a count, best news first.
std::string headline(const std::map<Status, int>& counts, std::size_t total,
                     const char* noun = "项任务");
// "沿用2024-05数据" when the value is carried, else empty.
std::string carried_text(const TargetResult& r);
// The short status text a person reads: "推进中" for a milestone, else the label, plus 预计逾期.
std::string status_text(const TargetResult& r);

}  // namespace minsheng
