#include "report/missing_report.hpp"

#include "util/csv.hpp"
#include "util/text.hpp"

namespace minsheng {
namespace {

std::string when_text(const MissingReport& r) {
  long d = r.days_left;
  return d > 0    ? "未报送，还剩 " + std::to_string(d) + " 天"
         : d == 0 ? std::string("未报送，今日截止")
                  : "未报送，已逾期 " + std::to_string(-d) + " 天";
}

std::string state_text(const MissingReport& r, const UnitSend& u) {
  switch (u.state) {
    case SendState::unreadable:
      return "已报送文件但未能采用（" + join(u.files, "、") + "）";
    case SendState::late:
      return "逾期 " + std::to_string(u.days_late) + " 天报送（" + u.sent->str() + "，据" +
             date_from_label(u.sent_from) + "）";
    case SendState::missing:
      break;
  }
  if (!u.maybe.empty())
    return when_text(r) + "（已收到无法识别单位的文件 " + join(u.maybe, "、") +
           "，是否为本单位？）";
  return when_text(r);
}

const char* state_code(SendState s) {
  switch (s) {
    case SendState::unreadable:
      return "unreadable";
    case SendState::late:
      return "late";
    case SendState::missing:
      break;
  }
  return "missing";
}

Color state_color(const MissingReport& r, SendState s) {
  if (s == SendState::unreadable) return Color::magenta;
  if (s == SendState::late) return Color::yellow;
  return r.days_left < 0 ? Color::red : (r.days_left <= 1 ? Color::yellow : Color::none);
}

}  // namespace

std::string missing_table(const MissingReport& r, const Style& style) {
  if (!r.due && r.after_deadline)
    return r.month.chinese() +
           "不需报送进度（计划截止月份之后不再按月报送；逾期完成的指标仍可报送）\n";
  if (!r.due) return r.month.chinese() + "不需报送进度（计划规定的首个报送月份之前）\n";
  std::size_t unreadable = r.count(SendState::unreadable), late = r.count(SendState::late);
  std::string out = r.month.chinese() + "进度报送情况（截止日期 " + r.due_date.str() +
                    "，统计日期 " + r.as_of.str() + "）：应报 " + std::to_string(r.expected) +
                    " 家，已报 " + std::to_string(r.sent()) + " 家，未报 " +
                    std::to_string(r.missing()) + " 家";
  if (unreadable) out += "，文件未能采用 " + std::to_string(unreadable) + " 家";
  if (late) out += "；逾期报送 " + std::to_string(late) + " 家";
  // Without a date a file is neither on time nor late: say so rather than count it on time.
  if (r.undated) out += "；报送日期未注明 " + std::to_string(r.undated) + " 家";
  out += "\n";
  for (const auto& k : r.unknown)
    out += "已收到无法识别单位的文件：" + k.file +
           (k.guess.empty() ? "" : "（是否为" + k.guess + "？）") +
           "；请在文件中写明“填报单位”或按单位名称重命名\n";
  if (r.units.empty()) return out;
  TextTable t({"牵头单位", "截止日期", "情况"});
  for (const auto& u : r.units)
    t.add({{u.unit, Color::none},
           {r.due_date.str(), Color::none},
           {state_text(r, u), state_color(r, u.state)}});
  return out + "\n" + t.render(style);
}

std::string missing_csv(const MissingReport& r) {
  std::string out(kUtf8Bom);
  out += csv_line(
      {"unit", "month", "due", "as_of", "days_overdue", "state", "files", "sent", "sent_evidence"});
  for (const auto& u : r.units) {
    long days = u.state == SendState::late ? u.days_late : std::max(0L, -r.days_left);
    out += csv_line({u.unit, r.month.str(), r.due_date.str(), r.as_of.str(), std::to_string(days),
                     state_code(u.state), join(u.files.empty() ? u.maybe : u.files, ";"),
                     u.sent ? u.sent->str() : "", u.sent ? date_from_code(u.sent_from) : ""});
  }
  return out;
}

}  // namespace minsheng
