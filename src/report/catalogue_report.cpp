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
  if (!plan.document_number.empty()) out += plan.document_number + "\n\n";
  int current = -1;
  for (const Task* task : tasks) {
    if (task->category != current) {
      current = task->category;
      out += "\n## " + category_name(plan, current) + "\n\n";
    }
    out += std::to_string(task->id) + ". " + md_escape(task->text) + "（牵头单位：" +
           join(task->leads, "、") + "）\n";
    for (const auto& t : task->targets)
      if (t.kind == TargetKind::numeric)
        out += "   - 指标" + std::to_string(t.index) + "：" + md_escape(t.name) + " " +
               target_summary(t) + "（" + t.lead + "）\n";
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
  JsonWriter j;
  j.begin_object();
  j.field("title", plan.title).field("document_number", plan.document_number);
  j.field("start", plan.start.str()).field("deadline", plan.deadline.str());
  j.key("tasks").begin_array();
  for (const Task* task : tasks) {
    j.begin_object();
    j.field("task", task->id).field("category", task->category);
    j.field("category_name", category_name(plan, task->category)).field("text", task->text);
    j.key("leads").begin_array();
    for (const auto& l : task->leads) j.value(l);
    j.end_array();
    j.key("targets").begin_array();
    for (const auto& t : task->targets) {
      bool numeric = t.kind == TargetKind::numeric;
      j.begin_object();
      j.field("target", t.index).field("name", t.name).field("lead", t.lead);
      j.field("kind", numeric ? (t.pending ? "pending" : "numeric") : "milestone");
      j.key("value").value(numeric ? t.value : std::nullopt);
      j.field("unit", t.measure);
      j.key("comparator");
      if (numeric)
        j.value(comparator_code(t.comparator));
      else
        j.null();
      j.field("baseline", t.baseline);
      j.end_object();
    }
    j.end_array().end_object();
  }
  j.end_array().end_object();
  return j.str();
}

}  // namespace minsheng
