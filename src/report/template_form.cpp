#include "report/template_form.hpp"

#include <map>

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

// One row of the form: a target in the city, one 县市区's share, or a project already reported.
struct FormRow {
  const Target* target = nullptr;
  std::string county;
  std::string project;
  std::string figure;    // 计划目标, or the 县市区's 分解目标
  std::string previous;  // 上期累计（参考）
  std::string supplied;  // a pending target's last supplied figure
  std::string planned_finish;
};

std::vector<FormRow> form_rows(const Plan& plan, const std::string& unit, const Snapshot& prev,
                               const std::map<CountyKey, Allocation>& allocations) {
  std::vector<FormRow> out;
  for (const Target* t : plan.targets_of(unit)) {
    TargetKey k{t->task, t->index};
    out.push_back({t, "", "", plan_figure(*t), previous_text(prev, k),
                   t->pending ? previous_target_value(prev, k) : "", ""});
    for (auto it = allocations.lower_bound({k, -1}); it != allocations.end() && it->first.key == k;
         ++it) {
      std::string prev_county;
      if (auto o = prev.county_values.find(it->first);
          o != prev.county_values.end() && o->second.value)
        prev_county = format_number(*o->second.value) + (o->second.percent ? "%" : "") + "（" +
                      o->second.month.str() + "）";
      out.push_back({t, plan.counties[static_cast<std::size_t>(it->first.county)], "",
                     "分解目标 " + format_number(it->second.value) + t->measure, prev_county, "",
                     ""});
    }
    for (auto it = prev.projects.lower_bound({k, ""});
         it != prev.projects.end() && it->first.key == k; ++it) {
      const ProjectObservation& p = it->second;
      std::string was = p.state ? project_state_label(*p.state) : "";
      if (p.value) was += (was.empty() ? "" : "，") + format_number(*p.value);
      out.push_back({t, p.county >= 0 ? plan.counties[static_cast<std::size_t>(p.county)] : "",
                     it->first.name, "项目", was + "（" + p.month.str() + "）", "",
                     p.planned_finish ? p.planned_finish->str() : ""});
    }
  }
  return out;
}

const std::vector<std::string> kFormColumns = {
    "牵头单位", "月份",     "任务编号",         "指标",     "县市区",   "任务内容", "指标名称",
    "计划目标", "计量单位", "上期累计（参考）", "累计完成", "状态",     "目标值",   "项目名称",
    "项目状态", "计划完工", "进展情况",         "存在问题", "下步计划", "问题状态", "备注",
    "报送日期"};

}  // namespace

std::string template_csv(const Plan& plan, const std::string& unit, YearMonth month,
                         const Snapshot& previous,
                         const std::map<CountyKey, Allocation>& allocations) {
  std::string out(kUtf8Bom);
  // 任务内容, 指标名称, 计划目标, 计量单位 and 上期累计 are reminders, ignored on reading.
  out += csv_line(kFormColumns);
  for (const FormRow& r : form_rows(plan, unit, previous, allocations)) {
    const Task* task = plan.find_task(r.target->task);
    out += csv_line({unit,
                     month.str(),
                     std::to_string(r.target->task),
                     std::to_string(r.target->index),
                     r.county,
                     task->text,
                     r.target->name,
                     r.figure,
                     r.target->measure,
                     r.previous,
                     "",
                     "",
                     r.supplied,
                     r.project,
                     "",
                     r.planned_finish,
                     "",
                     "",
                     "",
                     "",
                     "",
                     ""});
  }
  return out;
}

OutWorkbook template_workbook(const Plan& plan, const std::string& unit, YearMonth month,
                              const Snapshot& previous,
                              const std::map<CountyKey, Allocation>& allocations) {
  OutSheet s = out_sheet(
      month.chinese() + "进度", kFormColumns,
      {14, 9, 9, 6, 12, 40, 24, 16, 9, 16, 12, 10, 10, 20, 10, 10, 30, 30, 30, 10, 20, 12}, true);
  s.note =
      unit + " " + month.chinese() + "民生项目进展报送表：请于 " + plan.due_date(month).chinese() +
      " 前报送" + (plan.report_to.empty() ? "" : "至" + plan.report_to) +
      "；累计完成填自计划开始以来的累计数，里程碑任务在“状态”中选择；县市区行填该县市区的累计数；"
      "具体项目可另起一行填写项目名称。";
  using I = OutInput;
  s.inputs = {I::none, I::none, I::none,   I::none, I::none,   I::none, I::none, I::none,
              I::none, I::none, I::number, I::list, I::number, I::text, I::text, I::text,
              I::text, I::text, I::text,   I::text, I::text,   I::date};
  s.choices = {"未启动", "推进中", "已完成"};
  for (const FormRow& r : form_rows(plan, unit, previous, allocations)) {
    const Task* task = plan.find_task(r.target->task);
    s.rows.push_back({out_text(unit),
                      out_text(month.str()),
                      out_number(r.target->task),
                      out_number(r.target->index),
                      out_text(r.county),
                      out_text(task->text),
                      out_text(r.target->name),
                      out_text(r.figure),
                      out_text(r.target->measure),
                      out_text(r.previous),
                      OutCell{},
                      OutCell{},
                      r.supplied.empty() ? OutCell{} : out_number(*parse_decimal(r.supplied)),
                      out_text(r.project),
                      OutCell{},
                      out_text(r.planned_finish),
                      OutCell{},
                      OutCell{},
                      OutCell{},
                      OutCell{},
                      OutCell{},
                      OutCell{}});
  }
  OutWorkbook wb;
  wb.title = s.note;
  wb.created = plan.due_date(month).days_since_epoch() * 86400LL;
  wb.sheets.push_back(std::move(s));
  return wb;
}

std::string template_yaml(const Plan& plan, const std::string& unit, YearMonth month,
                          const Snapshot& previous,
                          const std::map<CountyKey, Allocation>& allocations) {
  std::string out = "# " + unit + " " + month.chinese() + " 民生项目进展报送表\n";
  out +=
      "# 累计完成(value)填自计划开始以来的累计数；里程碑任务填 status：未启动 / 推进中 / "
      "已完成。\n";
  out += "# 请于 " + plan.due_date(month).chinese() + " 前报送" +
         (plan.report_to.empty() ? "" : "至" + plan.report_to) + "。\n";
  out += "unit: " + unit + "\nmonth: " + month.str() + "\nsubmitted:    # 报送日期，如 " +
         plan.due_date(month).str() + "\nprogress:\n";
  for (const FormRow& r : form_rows(plan, unit, previous, allocations)) {
    const Target* t = r.target;
    const Task* task = plan.find_task(t->task);
    if (r.county.empty() && r.project.empty())
      out += "  # " + std::to_string(task->id) + ". " + task->text + "\n";
    out += "  #   " + (r.county.empty() ? "" : r.county + " ") +
           (r.project.empty() ? "" : "项目“" + r.project + "” ") +
           (r.project.empty() ? (r.county.empty() ? "计划目标：" : "") + r.figure : "");
    if (!r.previous.empty()) out += "；上期：" + r.previous;
    out += "\n  - {task: " + std::to_string(t->task) + ", target: " + std::to_string(t->index);
    if (!r.county.empty()) out += ", county: " + r.county;
    if (!r.project.empty())
      out += ", project: \"" + r.project + "\", project_status: , value: ";
    else if (t->kind == TargetKind::milestone)
      out += ", status: ";
    else
      out += ", value: ";
    if (t->pending && r.county.empty() && r.project.empty()) out += ", target_value: " + r.supplied;
    out += "}\n";
  }
  out += "  # 本单位的总体情况（可选）：\n  - {progress_text: , issues: , next_steps: }\n";
  return out;
}

}  // namespace minsheng
