#include "report/missing_report.hpp"

#include "util/csv.hpp"
#include "util/text.hpp"

namespace minsheng {
namespace {

std::string when_text(const MissingReport& r) {
  long d = r.days_left;
  return d > 0    ? "还剩 " + std::to_string(d) + " 天"
         : d == 0 ? std::string("今日截止")
                  : "逾期 " + std::to_string(-d) + " 天";
}

std::string state_text(const MissingReport& r, const UnitSend& u) {
  if (u.state == SendState::unreadable)
    return "已报送文件但无法读取（" + join(u.files, "、") + "）";
  return when_text(r);
}

}  // namespace

std::string missing_table(const MissingReport& r, const Style& style) {
  if (!r.due && r.after_deadline)
    return r.month.chinese() +
           "不需报送进度（计划截止月份之后不再按月报送；逾期完成的指标仍可报送）\n";
  if (!r.due) return r.month.chinese() + "不需报送进度（计划规定的首个报送月份之前）\n";
  std::size_t missing = r.missing(), unreadable = r.units.size() - missing;
  std::string out = r.month.chinese() + "进度报送情况（截止日期 " + r.due_date.str() +
                    "，统计日期 " + r.as_of.str() + "）：应报 " + std::to_string(r.expected) +
                    " 家，已报 " + std::to_string(r.expected - r.units.size()) + " 家，未报 " +
                    std::to_string(missing) + " 家";
  if (unreadable) out += "，文件无法读取 " + std::to_string(unreadable) + " 家";
  out += "\n";
  if (r.units.empty()) return out;
  Color late = r.days_left < 0 ? Color::red : (r.days_left <= 1 ? Color::yellow : Color::none);
  TextTable t({"牵头单位", "截止日期", "情况"});
  for (const auto& u : r.units)
    t.add({{u.unit, Color::none},
           {r.due_date.str(), Color::none},
           {state_text(r, u), u.state == SendState::unreadable ? Color::magenta : late}});
  return out + "\n" + t.render(style);
}

std::string missing_csv(const MissingReport& r) {
  std::string out(kUtf8Bom);
  out += csv_line({"unit", "month", "due", "as_of", "days_overdue", "state", "files"});
  for (const auto& u : r.units)
    out += csv_line({u.unit, r.month.str(), r.due_date.str(), r.as_of.str(),
                     std::to_string(std::max(0L, -r.days_left)),
                     u.state == SendState::missing ? "missing" : "unreadable", join(u.files, ";")});
  return out;
}

}  // namespace minsheng
