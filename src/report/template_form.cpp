#include "report/template_form.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <string_view>

#include "report/catalogue_report.hpp"
#include "util/csv.hpp"
#include "util/number.hpp"
#include "util/text.hpp"

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

// 「；计划投资500万元，累计完成投资100万元」: last reported investment, for reference. The columns
// themselves are left blank: a blank keeps the last figure.
std::string money_text(const Investment& i) {
  std::vector<std::string> parts;
  if (i.physical_pct) parts.push_back("形象进度" + format_number(*i.physical_pct) + "%");
  if (i.planned) parts.push_back("计划投资" + format_money_wan(*i.planned));
  if (i.done) parts.push_back("累计完成投资" + format_money_wan(*i.done));
  if (i.funded) parts.push_back("资金到位" + format_money_wan(*i.funded));
  return parts.empty() ? "" : "；" + join(parts, "，");
}

std::string previous_target_value(const Snapshot& prev, TargetKey k) {
  auto it = prev.target_values.find(k);
  return it == prev.target_values.end() ? "" : format_number(it->second.value);
}

constexpr const char* kOpenProjectFigure = "（可填新的具体项目）";

// One row of the form: a target in the city, one 县市区's share, or a project already reported.
struct FormRow {
  const Target* target = nullptr;
  std::string county;
  std::string project;
  std::string figure;    // 计划目标, or the 县市区's 分解目标
  std::string previous;  // 上期累计（参考）
  std::string supplied;  // a pending target's last supplied figure
  std::string planned_finish;
  bool money = false;    // a project's row, or a city row that reported investment: those columns
  std::string issue;     // an open problem's text, for the unit to answer
  std::string issue_id;  // its id, and those of any more on the same row
};

std::vector<FormRow> form_rows(const Plan& plan, const std::string& unit, const Snapshot& prev,
                               const std::map<CountyKey, Allocation>& allocations) {
  std::vector<FormRow> out;
  for (const Target* t : plan.targets_of(unit)) {
    TargetKey k{t->task, t->index};
    auto city_money = prev.investment.find(k);
    bool city_money_known = city_money != prev.investment.end();
    out.push_back({t, "", "", plan_figure(*t),
                   previous_text(prev, k) +
                       (city_money_known ? money_text(city_money->second) : std::string()),
                   t->pending ? previous_target_value(prev, k) : "", "", city_money_known, "", ""});
    for (auto it = allocations.lower_bound({k, -1}); it != allocations.end() && it->first.key == k;
         ++it) {
      std::string prev_county;
      if (auto o = prev.county_values.find(it->first);
          o != prev.county_values.end() && o->second.value)
        prev_county = format_number(*o->second.value) + (o->second.percent ? "%" : "") + "（" +
                      o->second.month.str() + "）";
      out.push_back({t, plan.counties[static_cast<std::size_t>(it->first.county)], "",
                     "分解目标 " + format_number(it->second.value) + t->measure, prev_county, "",
                     "", false, "", ""});
    }
    int listed = 0;
    for (auto it = prev.projects.lower_bound({k, ""});
         it != prev.projects.end() && it->first.key == k; ++it) {
      const ProjectObservation& p = it->second;
      std::string was = p.state ? project_state_label(*p.state) : "";
      if (p.value) was += (was.empty() ? "" : "，") + format_number(*p.value);
      out.push_back({t, p.county >= 0 ? plan.counties[static_cast<std::size_t>(p.county)] : "",
                     it->first.name, "项目",
                     was + "（" + p.month.str() + "）" + money_text(p.invest), "",
                     p.planned_finish ? p.planned_finish->str() : "", true, "", ""});
      ++listed;
    }
    // A target reported by project gets open rows for projects not listed yet: as many as the
    // plan says it has and are not listed, else settings.form_project_rows once it has one.
    // Left as they are, they read as nothing.
    int open = t->projects > 0 ? std::max(0, t->projects - listed)
               : listed > 0    ? plan.settings.form_project_rows
                               : 0;
    for (int i = 0; i < open; ++i)
      out.push_back({t, "", "", kOpenProjectFigure, "", "", "", true, "", ""});
  }
  return out;
}

// Each open problem of the unit on the row it was reported on (a row of its own after its
// target's rows when the form has none). The problem stays the same while its text does, so the
// text is written as it was; a second one on a row adds only its id.
void attach_problems(const Plan& plan, const std::string& unit, std::vector<FormRow>& rows,
                     const std::vector<Problem>& problems) {
  for (const Problem& p : problems) {
    if (!p.open() || p.unit != unit) continue;
    std::string county = p.county >= 0 ? plan.counties[static_cast<std::size_t>(p.county)] : "";
    auto same_target = [&](const FormRow& r) {
      return r.target->task == p.key.task && r.target->index == p.key.target;
    };
    auto row = std::find_if(rows.begin(), rows.end(), [&](const FormRow& r) {
      return same_target(r) && r.project == p.project && (!p.project.empty() || r.county == county);
    });
    if (row == rows.end()) {
      auto last = std::find_if(rows.rbegin(), rows.rend(), same_target);
      if (last == rows.rend()) continue;  // no longer the unit's target
      FormRow own{last->target, p.project.empty() ? county : "",
                  p.project,    "",
                  "",           "",
                  "",           !p.project.empty(),
                  "",           ""};
      if (!p.project.empty()) own.figure = "项目";
      row = rows.insert(last.base(), own);
    }
    if (row->issue_id.empty()) {
      row->issue = p.text;
      row->issue_id = p.id;
    } else {
      row->issue_id += "、" + p.id;
    }
  }
}

std::vector<FormRow> form_rows(const Plan& plan, const std::string& unit, const Snapshot& prev,
                               const std::map<CountyKey, Allocation>& allocations,
                               const std::vector<Problem>& problems) {
  std::vector<FormRow> out = form_rows(plan, unit, prev, allocations);
  attach_problems(plan, unit, out, problems);
  return out;
}

const std::vector<std::string> kFormColumns = {"牵头单位",
                                               "月份",
                                               "任务编号",
                                               "指标",
                                               "县市区",
                                               "任务内容",
                                               "指标名称",
                                               "计划目标",
                                               "计量单位",
                                               "上期累计（参考）",
                                               "累计完成",
                                               "状态",
                                               "目标值",
                                               "项目名称",
                                               "项目状态",
                                               "计划完工",
                                               "形象进度",
                                               "计划投资（万元）",
                                               "累计完成投资（万元）",
                                               "资金到位（万元）",
                                               "进展情况",
                                               "存在问题",
                                               "下步计划",
                                               "问题状态",
                                               "问题编号（参考）",
                                               "备注",
                                               "报送日期"};

}  // namespace

std::string template_csv(const Plan& plan, const std::string& unit, YearMonth month,
                         const Snapshot& previous,
                         const std::map<CountyKey, Allocation>& allocations,
                         const std::vector<Problem>& problems) {
  std::string out(kUtf8Bom);
  // 任务内容, 指标名称, 计划目标, 计量单位 and 上期累计 are reminders, ignored on reading.
  out += csv_line(kFormColumns);
  for (const FormRow& r : form_rows(plan, unit, previous, allocations, problems)) {
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
                     r.issue,
                     "",
                     "",
                     r.issue_id,
                     "",
                     ""});
  }
  return out;
}

OutWorkbook template_workbook(const Plan& plan, const std::string& unit, YearMonth month,
                              const Snapshot& previous,
                              const std::map<CountyKey, Allocation>& allocations,
                              const std::vector<Problem>& problems) {
  OutSheet s = out_sheet(month.chinese() + "进度", kFormColumns,
                         {12, 9,  7, 5,  10, 30, 22, 14, 7,  14, 10, 9,  9, 18,
                          9,  10, 8, 10, 10, 10, 26, 26, 26, 9,  14, 16, 11},
                         true);
  s.note =
      unit + " " + month.chinese() + "民生项目进展报送表：请于 " + plan.due_date(month).chinese() +
      " 前报送" + (plan.report_to.empty() ? "" : "至" + plan.report_to) +
      "；累计完成填自计划开始以来的累计数，里程碑任务在“状态”中选择；县市区行填该县市区的累计数；"
      "新的具体项目填在“（可填新的具体项目）”行，或在表下空行（或插入一行）填写任务编号、"
      "指标序号和项目名称；投资以万元为单位，填在项目行（无项目的填在全市行）。" +
      (problems.empty() ? std::string()
                        : "上期未销号的问题已列在“存在问题”中：已解决的在“问题状态”填“已解决”，"
                          "仍存在的保留原文并在“进展情况”中说明。");
  using I = OutInput;
  s.inputs = {I::none, I::none, I::key,    I::key,    I::text,   I::none,   I::none,
              I::none, I::none, I::none,   I::number, I::list,   I::number, I::text,
              I::list, I::text, I::number, I::number, I::number, I::number, I::text,
              I::text, I::text, I::list,   I::none,   I::text,   I::date};
  s.lists.resize(s.inputs.size());
  s.lists[11] = {"未启动", "推进中", "已完成"};
  s.lists[14] = {"未开工", "在建", "已完工"};
  s.lists[23] = {"已解决", "未解决"};
  s.hints.resize(s.inputs.size());
  s.hints[2] = "请填写任务编号（正整数，如 7）";
  s.hints[3] = "请填写指标序号（正整数，如 1）";
  s.hints[10] = "请填写不小于 0 的数：自计划开始以来的累计数（县市区行填该县市区的累计数）";
  s.hints[12] = "请填写不小于 0 的数：目标待定的指标本期确定的目标值";
  s.hints[15] = "请填写计划完工月份，如 2024-10";
  s.hints[16] = "项目的形象进度：0 到 100（%）";
  for (int c : {17, 18, 19}) s.hints[static_cast<std::size_t>(c)] = "请填写金额（万元），不小于 0";
  s.info = {{"填报单位", unit}, {"填报日期", ""}, {"填表人", ""}, {"联系电话", ""}};
  // Printed, 27 columns would shrink to 4 pt on one page: they go over three, each carrying
  // 任务编号, 指标 and 县市区 so that a row can be followed.
  s.repeat_first_col = 2;
  s.repeat_last_col = 4;
  for (const FormRow& r : form_rows(plan, unit, previous, allocations, problems)) {
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
                      r.issue.empty() ? OutCell{} : out_text(r.issue),
                      OutCell{},
                      OutCell{},
                      r.issue_id.empty() ? OutCell{} : out_text(r.issue_id),
                      OutCell{},
                      OutCell{}});
  }
  // The unit's own words on the month as a whole: a row with no task number.
  std::vector<OutCell> general(kFormColumns.size());
  general[0] = out_text(unit);
  general[1] = out_text(month.str());
  general[6] = out_text("（本单位总体情况：可填进展情况、存在问题、下步计划）");
  s.rows.push_back(std::move(general));
  OutWorkbook wb;
  wb.title = s.note;
  wb.created = plan.due_date(month).days_since_epoch() * 86400LL;
  wb.sheets.push_back(std::move(s));
  return wb;
}

namespace {

// Each line of `text` as a comment: a plan's text can neither end a comment nor start a key.
void add_comment(std::string& out, std::string_view indent, std::string_view text) {
  for (std::string_view line : split(text, '\n')) {
    std::string clean(line);
    strip_controls(clean);  // a CR would end the comment as a LF does
    out.append(indent).append("# ").append(clean).append("\n");
  }
}

// A one-line mapping with each value quoted as YAML needs it (by yaml-cpp's emitter).
class FlowMap {
 public:
  FlowMap() { e_ << YAML::Flow << YAML::BeginMap; }
  FlowMap& add(const char* key, const std::string& value) {
    e_ << YAML::Key << key << YAML::Value << value;
    return *this;
  }
  FlowMap& add(const char* key, int value) {
    e_ << YAML::Key << key << YAML::Value << value;
    return *this;
  }
  std::string str() {
    e_ << YAML::EndMap;
    return e_.c_str();
  }

 private:
  YAML::Emitter e_;
};

std::string yaml_scalar(const std::string& s) {
  YAML::Emitter e;
  e << s;
  return e.c_str();
}

}  // namespace

std::string template_yaml(const Plan& plan, const std::string& unit, YearMonth month,
                          const Snapshot& previous,
                          const std::map<CountyKey, Allocation>& allocations,
                          const std::vector<Problem>& problems) {
  std::string out;
  add_comment(out, "", unit + " " + month.chinese() + " 民生项目进展报送表");
  add_comment(out, "",
              "累计完成(value)填自计划开始以来的累计数；里程碑任务填 status：未启动 / 推进中 / "
              "已完成。");
  add_comment(out, "",
              "请于 " + plan.due_date(month).chinese() + " 前报送" +
                  (plan.report_to.empty() ? "" : "至" + plan.report_to) + "。");
  out += "unit: " + yaml_scalar(unit) + "\nmonth: " + month.str() +
         "\nsubmitted: \"\"  # 报送日期，如 " + plan.due_date(month).str() + "\nprogress:\n";
  for (const FormRow& r : form_rows(plan, unit, previous, allocations, problems)) {
    const Target* t = r.target;
    const Task* task = plan.find_task(t->task);
    if (r.county.empty() && r.project.empty())
      add_comment(out, "  ", std::to_string(task->id) + ". " + task->text);
    std::string note = "  " + (r.county.empty() ? "" : r.county + " ") +
                       (r.project.empty() ? "" : "项目“" + r.project + "” ") +
                       (r.project.empty() ? (r.county.empty() ? "计划目标：" : "") + r.figure : "");
    if (!r.previous.empty()) note += "；上期：" + r.previous;
    add_comment(out, "  ", note);
    if (!r.issue_id.empty())
      add_comment(out, "  ",
                  "  未销号问题（编号 " + r.issue_id +
                      "）：已解决的在 issue_status 填 已解决，仍存在的保留 issues 原文");
    FlowMap row;
    row.add("task", t->task).add("target", t->index);
    if (!r.county.empty()) row.add("county", r.county);
    if (!r.issue.empty()) row.add("issues", r.issue).add("issue_status", "");
    if (!r.project.empty())
      row.add("project", r.project).add("project_status", "").add("value", "");
    else
      row.add(t->kind == TargetKind::milestone ? "status" : "value", "");
    if (t->pending && r.county.empty() && r.project.empty()) row.add("target_value", r.supplied);
    // Investment (万元) where it is reported: a project's row, or a city row that gave it.
    if (r.money) row.add("planned_investment", "").add("invested", "");
    out += "  - " + row.str() + "\n";
  }
  add_comment(out, "  ", "本单位的总体情况（可选）：");
  out += "  - " + FlowMap().add("progress_text", "").add("issues", "").add("next_steps", "").str() +
         "\n";
  return out;
}

}  // namespace minsheng
