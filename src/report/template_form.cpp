#include "report/template_form.hpp"

#include "report/catalogue_report.hpp"
#include "util/csv.hpp"
#include "util/number.hpp"

namespace minsheng {
namespace {

std::string plan_figure(const Target& t) {
  return t.kind == TargetKind::milestone ? "里程碑（填写状态）" : target_summary(t);
}

std::string previous_text(const Snapshot& prev, TargetKey k) {
  auto it = prev.values.find(k);
  if (it == prev.values.end()) return "";
  const Observation& o = it->second;
  std::string s = o.value ? format_number(*o.value) + (o.percent ? "%" : "")
                          : (o.state ? milestone_label(*o.state) : "");
  return s + "（" + o.month.str() + "）";
}

std::string previous_target_value(const Snapshot& prev, TargetKey k) {
  auto it = prev.target_values.find(k);
  return it == prev.target_values.end() ? "" : format_number(it->second.value);
}

}  // namespace

std::string template_csv(const Plan& plan, const std::string& unit, YearMonth month,
                         const Snapshot& previous) {
  std::string out(kUtf8Bom);
  // Read back by minsheng: 牵头单位, 月份, 任务编号, 指标, 累计完成, 状态, 目标值, 备注, 报送日期.
  // The other columns are reminders and are ignored on reading.
  out +=
      csv_line({"牵头单位", "月份", "任务编号", "指标", "任务内容", "指标名称", "计划目标",
                "计量单位", "上期累计（参考）", "累计完成", "状态", "目标值", "备注", "报送日期"});
  for (const Target* t : plan.targets_of(unit)) {
    const Task* task = plan.find_task(t->task);
    TargetKey k{t->task, t->index};
    out += csv_line({unit, month.str(), std::to_string(t->task), std::to_string(t->index),
                     task->text, t->name, plan_figure(*t), t->measure, previous_text(previous, k),
                     "", "", t->pending ? previous_target_value(previous, k) : "", "", ""});
  }
  return out;
}

std::string template_yaml(const Plan& plan, const std::string& unit, YearMonth month,
                          const Snapshot& previous) {
  std::string out = "# " + unit + " " + month.chinese() + " 民生项目进展报送表\n";
  out +=
      "# 累计完成(value)填自计划开始以来的累计数；里程碑任务填 status：未启动 / 推进中 / "
      "已完成。\n";
  out += "# 请于 " + plan.due_date(month).chinese() + " 前报送" +
         (plan.report_to.empty() ? "" : "至" + plan.report_to) + "。\n";
  out += "unit: " + unit + "\nmonth: " + month.str() + "\nsubmitted:    # 报送日期，如 " +
         plan.due_date(month).str() + "\nprogress:\n";
  for (const Target* t : plan.targets_of(unit)) {
    const Task* task = plan.find_task(t->task);
    TargetKey k{t->task, t->index};
    out += "  # " + std::to_string(task->id) + ". " + task->text + "\n";
    out += "  #   计划目标：" + plan_figure(*t);
    std::string prev = previous_text(previous, k);
    if (!prev.empty()) out += "；上期累计：" + prev;
    out += "\n  - {task: " + std::to_string(t->task) + ", target: " + std::to_string(t->index);
    if (t->kind == TargetKind::milestone)
      out += ", status: ";
    else
      out += ", value: ";
    if (t->pending) out += ", target_value: " + previous_target_value(previous, k);
    out += "}\n";
  }
  return out;
}

}  // namespace minsheng
