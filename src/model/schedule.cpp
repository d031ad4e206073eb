#include "model/schedule.hpp"

#include <algorithm>
#include <cctype>

#include "util/number.hpp"
#include "util/text.hpp"

namespace minsheng {

const TimeBasis& time_basis(bool by_nodes) {
  static const TimeBasis linear{"linear", "按计划期均匀推进"}, nodes{"nodes", "按节点计划"};
  return by_nodes ? nodes : linear;
}

ScheduleProblem schedule_problem(std::vector<ScheduleNode>& nodes, YearMonth start,
                                 YearMonth deadline) {
  if (nodes.empty()) return {"节点计划没有任何节点", std::nullopt};
  std::sort(nodes.begin(), nodes.end());
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const ScheduleNode& n = nodes[i];
    std::string at = "节点 " + n.month.str();
    if (n.month < start || n.month > deadline)
      return {at + " 不在计划期 " + start.str() + " 至 " + deadline.str() + " 内", n.month};
    if (i > 0 && n.month == nodes[i - 1].month) return {at + " 重复", n.month};
    if (n.pct < 0 || n.pct > 100 + kEps) return {at + " 的进度应在 0 到 100 之间", n.month};
    if (i > 0 && n.pct < nodes[i - 1].pct - kEps)
      return {at + " 的进度 " + format_number(n.pct) + "% 低于前一节点的 " +
                  format_number(nodes[i - 1].pct) + "%（节点进度是累计值）",
              n.month};
  }
  if (std::abs(nodes.back().pct - 100) > kEps)
    return {"最后一个节点（" + nodes.back().month.str() + "）的进度应为 100%，实际为 " +
                format_number(nodes.back().pct) + "%：节点计划须在截止时限前全部完成",
            nodes.back().month};
  return {};
}

namespace {

// Splits a cell's list at 、，,；; and white space.
std::vector<std::string> items_of(std::string_view s) {
  std::string t(s);
  for (const char* sep : {"、", "，", "；"})
    for (std::size_t p; (p = t.find(sep)) != std::string::npos;) t.replace(p, 3, " ");
  for (char& c : t)
    if (c == ',' || c == ';' || c == '\t') c = ' ';
  std::vector<std::string> out;
  for (auto part : split(t, ' '))
    if (!trim(part).empty()) out.emplace_back(trim(part));
  return out;
}

std::optional<YearMonth> node_month(std::string s, YearMonth start) {
  if (auto m = YearMonth::parse(s)) return m;
  for (const char* tail : {"底", "末", "月"})  // 11月底
    if (s.size() > 3 && s.compare(s.size() - 3, 3, tail) == 0) s.resize(s.size() - 3);
  if (s.empty() || s.size() > 2 || !std::all_of(s.begin(), s.end(), ::isdigit)) return {};
  int month = std::stoi(s);
  if (month < 1 || month > 12) return {};
  YearMonth m{start.year, month};
  return m < start ? YearMonth{start.year + 1, month} : m;
}

}  // namespace

std::vector<ScheduleNode> parse_schedule_cells(std::string_view months, std::string_view pcts,
                                               YearMonth start, std::string& error) {
  auto ms = items_of(months), ps = items_of(pcts);
  std::vector<ScheduleNode> out;
  if (ms.size() != ps.size()) {
    error = "节点月份有 " + std::to_string(ms.size()) + " 个，节点进度有 " +
            std::to_string(ps.size()) + " 个，应一一对应";
    return out;
  }
  for (std::size_t i = 0; i < ms.size(); ++i) {
    auto m = node_month(ms[i], start);
    std::string p = ps[i];
    if (p.size() > 1 && p.back() == '%') p.pop_back();
    auto v = parse_decimal(p);
    if (!m)
      error = "节点月份" + quote_value(ms[i]) + "不是月份（如 2024-03 或 3月）";
    else if (!v)
      error = "节点进度" + quote_value(ps[i]) + "不是百分数（如 50%）";
    if (!error.empty()) return {};
    out.push_back({*m, *v});
  }
  return out;
}

std::string schedule_text(const Schedule& s) {
  std::string out;
  for (const auto& n : s.nodes)
    out += (out.empty() ? "" : "、") + n.month.chinese() + format_number(n.pct) + "%";
  return out;
}

}  // namespace minsheng
