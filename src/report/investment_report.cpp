#include "report/investment_report.hpp"

#include "report/labels.hpp"
#include "util/number.hpp"
#include "util/text.hpp"

namespace minsheng {
namespace {

std::string money(bool known, double wan) {
  return known ? format_money_wan(wan) : "";
}

std::string line_name(const Plan& plan, const InvestmentLine& l) {
  if (l.task) return std::to_string(l.task->id) + " " + l.task->text;
  if (!l.unit.empty()) return l.unit;
  return category_heading(plan, l.category);
}

TextTable lines_table(const Plan& plan, const char* first,
                      const std::vector<InvestmentLine>& lines) {
  TextTable t({first, "计划投资", "累计完成投资", "资金到位", "投资完成率", "指标平均完成率"},
              {false, true, true, true, true, true});
  for (const auto& l : lines) {
    const InvestmentSum& s = l.sum;
    t.add({line_name(plan, l), money(s.has_planned, s.planned), money(s.has_done, s.done),
           money(s.has_funded, s.funded), pct_text(s.pct()), pct_text(l.completion)});
  }
  return t;
}

Json line_json(const InvestmentSum& s, const std::optional<double>& completion) {
  auto field = [](bool known, double v) { return known ? json_number(v) : Json(); };
  return {{"planned_investment", field(s.has_planned, s.planned)},
          {"invested", field(s.has_done, s.done)},
          {"funded", field(s.has_funded, s.funded)},
          {"investment_pct", json_number(round1(s.pct()))},
          {"avg_completion_pct", json_number(round1(completion))}};
}

}  // namespace

std::string investment_figures(const InvestmentSum& s, const char* sep) {
  std::vector<std::string> parts;
  if (s.has_planned) parts.push_back("计划投资" + (sep + format_money_wan(s.planned)));
  if (s.has_done) parts.push_back("累计完成投资" + (sep + format_money_wan(s.done)));
  if (auto pct = s.pct()) parts.push_back("投资完成率" + (sep + pct_text(pct)));
  if (s.has_funded) parts.push_back("资金到位" + (sep + format_money_wan(s.funded)));
  return join(parts, "，");
}

std::string investment_sentence(const MonthReport& rep) {
  const InvestmentReport& inv = rep.investment;
  if (!inv.any()) return "";
  std::string out = std::to_string(inv.tasks.size()) + " 项任务填报了投资：" +
                    investment_figures(inv.total.sum, " ");
  if (inv.total.completion) out += "；这些任务的指标平均完成率 " + pct_text(inv.total.completion);
  return out + "。";
}

std::string investment_section_table(const MonthReport& rep, const Style& style) {
  if (!rep.investment.any()) return "";
  return "\n" + paint("投资完成情况", Color::bold, style) + "\n" + investment_sentence(rep) + "\n" +
         lines_table(*rep.plan, "任务", rep.investment.tasks).render(style, 28);
}

std::string investment_section_markdown(const MonthReport& rep, const std::string& heading) {
  if (!rep.investment.any()) return "";
  const Plan& p = *rep.plan;
  const InvestmentReport& inv = rep.investment;
  return heading + "\n\n" + investment_sentence(rep) +
         "\n\n投资完成率 = 累计完成投资 ÷ "
         "计划投资；任务的投资为全市行所填，未填的为其项目之和。\n\n" +
         lines_table(p, "类别", inv.categories).markdown() + "\n" +
         lines_table(p, "牵头单位", inv.units).markdown() + "\n" +
         lines_table(p, "任务", inv.tasks).markdown() + "\n";
}

Json investment_json(const MonthReport& rep) {
  const InvestmentReport& inv = rep.investment;
  Json tasks = Json::array(), cats = Json::array(), units = Json::array();
  for (const auto& l : inv.tasks) {
    Json j = line_json(l.sum, l.completion);
    j["task"] = l.task->id;
    tasks.push_back(std::move(j));
  }
  for (const auto& l : inv.categories) {
    Json j = line_json(l.sum, l.completion);
    j["category"] = l.category;
    cats.push_back(std::move(j));
  }
  for (const auto& l : inv.units) {
    Json j = line_json(l.sum, l.completion);
    j["unit"] = l.unit;
    units.push_back(std::move(j));
  }
  return {{"total", line_json(inv.total.sum, inv.total.completion)},
          {"by_task", tasks},
          {"by_category", cats},
          {"by_unit", units}};
}

std::optional<OutSheet> investment_sheet(const MonthReport& rep) {
  const InvestmentReport& inv = rep.investment;
  if (!inv.any()) return std::nullopt;
  OutSheet s = out_sheet("投资情况",
                         {"名称", "计划投资（万元）", "累计完成投资（万元）", "资金到位（万元）",
                          "投资完成率", "指标平均完成率"},
                         {44, 17, 21, 17, 11, 13});
  auto number = [](bool known, double v) { return known ? out_number(v) : OutCell{}; };
  auto pct = [](const std::optional<double>& v) {
    return v ? OutCell{OutCell::Kind::percent, "", *round1(v), ""} : OutCell{};
  };
  auto add = [&](const std::string& name, const InvestmentLine& l) {
    const InvestmentSum& m = l.sum;
    s.rows.push_back({out_text(name), number(m.has_planned, m.planned), number(m.has_done, m.done),
                      number(m.has_funded, m.funded), pct(m.pct()), pct(l.completion)});
  };
  add("合计（" + std::to_string(inv.tasks.size()) + " 项任务）", inv.total);
  const std::pair<const char*, const std::vector<InvestmentLine>*> groups[] = {
      {"按类别", &inv.categories}, {"按牵头单位", &inv.units}, {"按任务", &inv.tasks}};
  for (const auto& [heading, lines] : groups) {
    s.rows.push_back(out_section(heading));
    for (const auto& l : *lines) add(line_name(*rep.plan, l), l);
  }
  return s;
}

Json investment_row_json(const MonthReport& rep, TargetKey key) {
  static const InvestmentSum none;
  const InvestmentSum* s = rep.investment.find(key);
  Json j = line_json(s ? *s : none, std::nullopt);
  j.erase("avg_completion_pct");
  return j;
}

std::vector<std::string> investment_csv_cells(const MonthReport& rep, TargetKey key) {
  const InvestmentSum* s = rep.investment.find(key);
  if (!s) return {"", "", "", ""};
  auto field = [](bool known, double v) { return known ? format_number(v) : std::string(); };
  return {field(s->has_planned, s->planned), field(s->has_done, s->done),
          field(s->has_funded, s->funded), opt_pct(s->pct())};
}

}  // namespace minsheng
