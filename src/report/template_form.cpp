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

OutWorkbook template_workbook(const Plan& plan, const std::string& unit, YearMonth month,
                              const Snapshot& previous) {
  OutSheet s = out_sheet(month.chinese() + "进度",
                         {"牵头单位", "月份", "任务编号", "指标", "任务内容", "指标名称", "计划目标",
                          "计量单位", "上期累计（参考）", "累计完成", "状态", "目标值", "备注",
                          "报送日期"},
                         {14, 9, 9, 6, 40, 24, 16, 9, 16, 12, 10, 10, 24, 12}, true);
  s.note = unit + " " + month.chinese() + "民生项目进展报送表：请于 " +
           plan.due_date(month).chinese() + " 前报送" +
           (plan.report_to.empty() ? "" : "至" + plan.report_to) +
           "；累计完成填自计划开始以来的累计数，里程碑任务在“状态”中选择。";
  using I = OutInput;
  s.inputs = {I::none, I::none, I::none, I::none, I::none,   I::none, I::none,
              I::none, I::none, I::number, I::list, I::number, I::text, I::date};
  s.choices = {"未启动", "推进中", "已完成"};
  for (const Target* t : plan.targets_of(unit)) {
    const Task* task = plan.find_task(t->task);
    TargetKey k{t->task, t->index};
    std::string supplied = t->pending ? previous_target_value(previous, k) : "";
    s.rows.push_back({out_text(unit), out_text(month.str()), out_number(t->task),
                      out_number(t->index), out_text(task->text), out_text(t->name),
                      out_text(plan_figure(*t)), out_text(t->measure),
                      out_text(previous_text(previous, k)), OutCell{}, OutCell{},
                      supplied.empty() ? OutCell{} : out_number(*parse_decimal(supplied)),
                      OutCell{}, OutCell{}});
  }
  OutWorkbook wb;
  wb.title = s.note;
  wb.created = plan.due_date(month).days_since_epoch() * 86400LL;
  wb.sheets.push_back(std::move(s));
  return wb;
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
