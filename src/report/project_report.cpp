#include "report/project_report.hpp"

#include "report/labels.hpp"
#include "util/csv.hpp"
#include "util/json.hpp"
#include "util/number.hpp"
#include "util/text.hpp"

namespace minsheng {

const std::vector<std::string> kProjectCsvColumns = {
    "task",        "target",         "unit",
    "county",      "project",        "project_status",
    "value",       "planned_finish", "months_since_change",
    "value_month", "source",         "planned_investment",
    "invested",    "funded",         "investment_pct",
    "physical_pct"};

const std::vector<std::string> kProblemCsvColumns = {
    "id",          "task",   "target",       "unit",          "text", "first_month",
    "months_open", "status", "closed_month", "months_silent", "stale"};

bool ProjectFilter::keep(const ProjectResult& p) const {
  return (unit.empty() || p.target->lead == unit) && (county < 0 || p.county == county) &&
         (!state || p.state == state) && (!late || p.late);
}

bool ProblemFilter::keep(const Problem& p) const {
  if (which == Which::open && !p.open()) return false;
  if (which == Which::closed && p.open()) return false;
  return unit.empty() || p.unit == unit;
}

namespace {

std::string county_of(const Plan& plan, int county) {
  return county >= 0 ? plan.counties[static_cast<std::size_t>(county)] : "";
}

std::string state_of(const ProjectResult& p) {
  return p.state ? project_state_label(*p.state) : "";
}

std::string target_of(const ProjectResult& p) {
  return p.task->number_of(*p.target);
}

std::vector<const ProjectResult*> selected(const MonthReport& rep, const ProjectFilter& f) {
  std::vector<const ProjectResult*> out;
  for (const auto& p : rep.projects)
    if (f.keep(p)) out.push_back(&p);
  return out;
}

// What a project's 备注 says: why it is late, and its investment apart from its works.
std::string project_remark(const ProjectResult& p, const Settings& s) {
  std::vector<std::string> parts;
  if (p.late) parts.push_back(late_reason(p, s));
  if (p.investment_gap) parts.push_back(investment_gap_text(*p.investment_gap));
  return join(parts, "；");
}

TextTable project_rows(const MonthReport& rep, const ProjectFilter& f) {
  auto list = selected(rep, f);
  // The investment columns only where some project reports investment: most plans have none.
  bool money = std::any_of(list.begin(), list.end(),
                           [](const ProjectResult* p) { return !p->invest.empty(); });
  std::vector<std::string> head = {"编号", "牵头单位", "县市区", "项目", "状态", "完成量"};
  std::vector<bool> right = {false, false, false, false, false, true};
  if (money) {
    for (const char* h : {"形象进度", "计划投资（万元）", "完成投资（万元）", "投资完成率"})
      head.push_back(h), right.push_back(true);
  }
  for (const char* h : {"计划完工", "更新", "备注"}) head.push_back(h), right.push_back(false);
  TextTable t(head, right);
  for (const ProjectResult* p : list) {
    std::vector<std::string> row = {
        target_of(*p), p->target->lead, county_of(*rep.plan, p->county),
        p->name,       state_of(*p),    p->value ? format_number(*p->value) : ""};
    if (money) {
      row.push_back(p->physical_pct ? format_pct(*p->physical_pct) + "%" : "");
      row.push_back(opt_num(p->invest.planned));
      row.push_back(opt_num(p->invest.done));
      row.push_back(p->investment_pct ? format_pct(*p->investment_pct) + "%" : "");
    }
    row.push_back(opt_month(p->planned_finish) +
                  (p->earlier_finish ? "（原" + p->earlier_finish->str() + "）" : ""));
    row.push_back(p->carried               ? "本月未更新（" + p->value_month.str() + "）"
                  : p->months_since_change ? std::to_string(p->months_since_change) + " 个月无变化"
                                           : "本月有变化");
    row.push_back(project_remark(*p, rep.plan->settings));
    t.add(row);
  }
  return t;
}

std::string projects_title(const MonthReport& rep) {
  return rep.plan->short_title + " " + rep.month.chinese() + " 具体项目";
}

}  // namespace

std::string late_reason(const ProjectResult& p, const Settings& s) {
  std::string moved =
      p.earlier_finish ? "（原计划" + p.earlier_finish->str() + "，已延期）" : std::string();
  switch (p.lateness) {
    case ProjectLateness::none:
      return "";
    case ProjectLateness::finish_passed:
      return "计划" + p.planned_finish->str() + "完工" + moved + "，尚未完工";
    case ProjectLateness::finish_after_deadline:
      return "计划" + p.planned_finish->str() + "完工" + moved + "，晚于计划完成时限";
    case ProjectLateness::not_started:
      return "序时进度已" + not_started_late_text(s) + "仍未开工";
  }
  return "";
}

std::string projects_table(const MonthReport& rep, const ProjectFilter& f, const Style& style) {
  TextTable t = project_rows(rep, f);
  std::string out = paint(projects_title(rep), Color::bold, style) + "\n";
  if (t.empty()) return out + "没有符合条件的项目。\n";
  return out + t.render(style, 30);
}

std::string projects_markdown(const MonthReport& rep, const ProjectFilter& f) {
  TextTable t = project_rows(rep, f);
  std::string out = "# " + projects_title(rep) + "\n\n";
  if (t.empty()) return out + "没有符合条件的项目。\n";
  return out + t.markdown();
}

std::string projects_csv(const MonthReport& rep, const ProjectFilter& f) {
  std::string out(kUtf8Bom);
  out += csv_line(kProjectCsvColumns);
  for (const ProjectResult* p : selected(rep, f))
    out += csv_line(
        {std::to_string(p->task->id), std::to_string(p->target->index), p->target->lead,
         county_of(*rep.plan, p->county), p->name, p->state ? project_state_code(*p->state) : "",
         opt_num(p->value), opt_month(p->planned_finish), std::to_string(p->months_since_change),
         p->value_month.str(), p->source.str(), opt_num(p->invest.planned), opt_num(p->invest.done),
         opt_num(p->invest.funded), opt_pct(p->investment_pct), opt_pct(p->physical_pct)});
  return out;
}

std::string projects_json(const MonthReport& rep, const ProjectFilter& f) {
  Json rows = Json::array();
  for (const ProjectResult* p : selected(rep, f))
    rows.push_back({{"task", p->task->id},
                    {"target", p->target->index},
                    {"unit", p->target->lead},
                    {"county", p->county >= 0 ? Json(county_of(*rep.plan, p->county)) : Json()},
                    {"project", p->name},
                    {"project_status", p->state ? Json(project_state_code(*p->state)) : Json()},
                    {"project_status_label", state_of(*p)},
                    {"value", json_number(p->value)},
                    {"planned_finish", p->planned_finish ? Json(p->planned_finish->str()) : Json()},
                    {"months_since_change", p->months_since_change},
                    {"carried", p->carried},
                    {"late", p->late},
                    {"value_month", p->value_month.str()},
                    {"source", p->source.str()},
                    {"planned_investment", json_number(p->invest.planned)},
                    {"invested", json_number(p->invest.done)},
                    {"funded", json_number(p->invest.funded)},
                    {"investment_pct", json_number(round1(p->investment_pct))},
                    {"physical_pct", json_number(round1(p->physical_pct))},
                    {"investment_gap", p->investment_gap.has_value()}});
  return dump_json({{"month", rep.month.str()}, {"projects", rows}});
}

std::string problem_subject(const Plan& plan, const Problem& p) {
  const Task* task = plan.find_task(p.key.task, p.key.target);
  std::string s = task ? task->label_of(task->targets[static_cast<std::size_t>(p.key.target - 1)])
                       : target_label(p.key.task, p.key.target, true);
  if (p.county >= 0) s += "（" + county_of(plan, p.county) + "）";
  if (!p.project.empty()) s += " " + p.project;
  return s;
}

std::string problem_silence_text(const Problem& p, YearMonth as_of) {
  return std::to_string(p.months_silent(as_of)) + "个月未更新";
}

std::string problem_state_text(const Plan& plan, const Problem& p, YearMonth as_of) {
  if (!p.open()) return "已销号（" + p.closed_month->str() + "，" + p.closed_by + "）";
  return p.stale(plan, as_of) ? "未销号（" + problem_silence_text(p, as_of) + "）" : "未销号";
}

namespace {

TextTable problem_rows(const Plan& plan, const std::vector<Problem>& list, YearMonth as_of,
                       const ProblemFilter& f) {
  TextTable t({"编号", "牵头单位", "事项", "存在问题", "首报", "已持续", "状态"},
              {false, false, false, false, false, true, false});
  for (const auto& p : list) {
    if (!f.keep(p)) continue;
    t.add({p.id, p.unit, problem_subject(plan, p), p.text, p.first_month.str(),
           std::to_string(p.months_open(as_of)) + " 个月", problem_state_text(plan, p, as_of)});
  }
  return t;
}

std::string problems_title(const Plan& plan, YearMonth as_of) {
  return plan.short_title + " 问题清单（截至" + as_of.chinese() + "）";
}

std::string problems_counts(const std::vector<Problem>& list) {
  int open = 0, closed = 0;
  for (const auto& p : list) (p.open() ? open : closed)++;
  return "共 " + std::to_string(list.size()) + " 个问题：未销号 " + std::to_string(open) +
         " 个，已销号 " + std::to_string(closed) + " 个。";
}

}  // namespace

std::string problems_table(const Plan& plan, const std::vector<Problem>& list, YearMonth as_of,
                           const ProblemFilter& f, const Style& style) {
  TextTable t = problem_rows(plan, list, as_of, f);
  std::string out =
      paint(problems_title(plan, as_of), Color::bold, style) + "\n" + problems_counts(list) + "\n";
  if (t.empty()) return out + "没有符合条件的问题。\n";
  return out + t.render(style, 36);
}

std::string problems_markdown(const Plan& plan, const std::vector<Problem>& list, YearMonth as_of,
                              const ProblemFilter& f) {
  TextTable t = problem_rows(plan, list, as_of, f);
  std::string out = "# " + problems_title(plan, as_of) + "\n\n" + problems_counts(list) + "\n\n";
  if (t.empty()) return out + "没有符合条件的问题。\n";
  return out + t.markdown();
}

std::string problems_csv(const Plan& plan, const std::vector<Problem>& list, YearMonth as_of,
                         const ProblemFilter& f) {
  std::string out(kUtf8Bom);
  out += csv_line(kProblemCsvColumns);
  for (const auto& p : list)
    if (f.keep(p))
      out += csv_line({p.id, std::to_string(p.key.task), std::to_string(p.key.target), p.unit,
                       p.text, p.first_month.str(), std::to_string(p.months_open(as_of)),
                       p.open() ? "open" : "closed", p.closed_month ? p.closed_month->str() : "",
                       p.open() ? std::to_string(p.months_silent(as_of)) : "",
                       p.stale(plan, as_of) ? "1" : "0"});
  return out;
}

std::string problems_json(const Plan& plan, const std::vector<Problem>& list, YearMonth as_of,
                          const ProblemFilter& f) {
  Json rows = Json::array();
  for (const auto& p : list)
    if (f.keep(p))
      rows.push_back({{"id", p.id},
                      {"task", p.key.task},
                      {"target", p.key.target},
                      {"unit", p.unit},
                      {"county", p.county >= 0 ? Json(county_of(plan, p.county)) : Json()},
                      {"project", p.project.empty() ? Json() : Json(p.project)},
                      {"text", p.text},
                      {"first_month", p.first_month.str()},
                      {"last_month", p.last_month.str()},
                      {"months_open", p.months_open(as_of)},
                      {"months_silent", p.open() ? Json(p.months_silent(as_of)) : Json()},
                      {"stale", p.stale(plan, as_of)},
                      {"status", p.open() ? "open" : "closed"},
                      {"closed_month", p.closed_month ? Json(p.closed_month->str()) : Json()},
                      {"closed_by", p.closed_by.empty() ? Json() : Json(p.closed_by)},
                      {"source", p.source.str()}});
  return dump_json({{"as_of", as_of.str()}, {"problems", rows}});
}

}  // namespace minsheng
