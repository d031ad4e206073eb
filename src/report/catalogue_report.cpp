#include "report/catalogue_report.hpp"

#include "report/labels.hpp"
#include "util/csv.hpp"
#include "util/json.hpp"
#include "util/number.hpp"
#include "util/text.hpp"

namespace minsheng {

static std::string category_name(const Plan& plan, int id) {
  const Category* c = plan.find_category(id);
  return c ? c->name : std::to_string(id);
}

std::string target_summary(const Target& t) {
  if (t.kind == TargetKind::milestone) return "里程碑";
  if (t.pending) return "待定（" + t.measure + "）" + comparator_suffix(t.comparator);
  return figure_text(*t.value, t.measure, t.comparator);
}

std::string catalogue_table(const Plan& plan, const std::vector<const Task*>& tasks,
                            const Style& style) {
  TextTable table({"编号", "类别", "牵头单位", "指标", "目标", "任务"},
                  {true, false, false, false, false, false});
  for (const Task* task : tasks)
    for (const auto& t : task->targets) {
      std::string idx = task->number_of(t);
      table.add({{idx, Color::none},
                 {category_name(plan, task->category), Color::none},
                 {t.lead, Color::none},
                 {t.name.empty() ? "—" : t.name, Color::none},
                 {target_summary(t), t.kind == TargetKind::milestone ? Color::grey : Color::none},
                 {task->text, Color::none}});
    }
  std::size_t n = 0;
  for (const Task* t : tasks) n += t->targets.size();
  return table.render(style, 40) + "\n共 " + std::to_string(tasks.size()) + " 项任务、" +
         std::to_string(n) + " 个指标\n";
}

std::string catalogue_markdown(const Plan& plan, const std::vector<const Task*>& tasks) {
  std::string out = "# " + plan.title + "\n\n";
  // 宜昌市人民政府办公室 宜府办发〔2024〕21号（2024-04-02 印发）: where the plan comes from.
  std::vector<std::string> origin;
  for (const std::string& part : {plan.issuer, plan.document_number})
    if (!part.empty()) origin.push_back(part);
  if (plan.issued) origin.push_back("（" + plan.issued->str() + " 印发）");
  if (!origin.empty()) out += join(origin, " ") + "\n\n";
  int current = -1;
  for (const Task* task : tasks) {
    if (task->category != current) {
      current = task->category;
      out += "\n## " + category_name(plan, current) + "\n\n";
    }
    out += std::to_string(task->id) + ". " + md_escape(task->text) + "（牵头单位：" +
           join(lead_names(*task), "、") + "）\n";
    for (const auto& t : task->targets)
      if (t.kind == TargetKind::numeric)
        out += "   - 指标" + std::to_string(t.index) + "：" + md_escape(t.name) + " " +
               target_summary(t) + "（" + t.lead.str() + "）\n";
  }
  return out;
}

std::string catalogue_csv(const Plan& plan, const std::vector<const Task*>& tasks) {
  std::string out(kUtf8Bom);
  out += csv_line({"task", "target", "category", "lead", "value", "unit", "comparator", "text",
                   "name", "kind", "baseline", "category_name"});
  for (const Task* task : tasks)
    for (const auto& t : task->targets) {
      bool numeric = t.kind == TargetKind::numeric;
      out += csv_line(
          {std::to_string(task->id), std::to_string(t.index), std::to_string(task->category),
           t.lead, numeric && t.value ? format_number(*t.value) : "", t.measure,
           numeric ? comparator_code(t.comparator) : "", task->text, t.name,
           numeric ? (t.pending ? "pending" : "numeric") : "milestone",
           numeric ? format_number(t.baseline) : "", category_name(plan, task->category)});
    }
  return out;
}

std::string catalogue_json(const Plan& plan, const std::vector<const Task*>& tasks) {
  Json out = {
      {"title", plan.title},       {"document_number", plan.document_number},
      {"issuer", plan.issuer},     {"issued", plan.issued ? Json(plan.issued->str()) : Json()},
      {"start", plan.start.str()}, {"deadline", plan.deadline.str()},
      {"tasks", Json::array()}};
  for (const Task* task : tasks) {
    Json targets = Json::array();
    for (const auto& t : task->targets) {
      bool numeric = t.kind == TargetKind::numeric;
      targets.push_back({{"target", t.index},
                         {"name", t.name},
                         {"lead", t.lead},
                         {"kind", numeric ? (t.pending ? "pending" : "numeric") : "milestone"},
                         {"value", json_number(numeric ? t.value : std::nullopt)},
                         {"unit", t.measure},
                         {"comparator", numeric ? Json(comparator_code(t.comparator)) : Json()},
                         {"baseline", json_number(t.baseline)}});
    }
    out["tasks"].push_back({{"task", task->id},
                            {"category", task->category},
                            {"category_name", category_name(plan, task->category)},
                            {"text", task->text},
                            {"leads", task->leads},
                            {"targets", targets}});
  }
  return dump_json(out);
}

}  // namespace minsheng
