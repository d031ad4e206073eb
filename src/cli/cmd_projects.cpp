// minsheng projects: every 具体项目 with its state, planned finish and how long it stood still.
#include <memory>

#include "assess/month.hpp"
#include "cli/commands.hpp"
#include "io/data_dir.hpp"
#include "report/project_report.hpp"
#include "util/suggest.hpp"

namespace minsheng::cli {

struct ProjectsOptions {
  std::string month;
  std::string unit;
  std::string county;
  std::string status;
  bool late = false;
  std::string format;
  bool allow_stale = false;
};

static int run_projects(const ProjectsOptions& o, const GlobalOptions& g) {
  Plan plan = load_plan(g);
  YearMonth month = plan_month_option(plan, o.month, "--month");
  ProjectFilter f;
  if (!o.unit.empty()) f.unit = unit_option(plan, o.unit);
  f.county = county_option(plan, o.county);
  if (!o.status.empty()) {
    f.state = parse_project_state(o.status);
    if (!f.state)
      throw UsageError("--status 应为 未开工、在建 或 已完工，实际为“" + o.status + "”" +
                       did_you_mean(o.status, {"未开工", "在建", "已完工"}));
  }
  f.late = o.late;
  MonthRows data = load_months(plan, g.data, {month}, month, received_log(g, plan));
  require_month_files(plan, data, month, o.allow_stale, g);
  // A list of projects is wanted even when some figure elsewhere is wrong: check names those.
  MonthReport rep = std::move(assess_data(plan, std::move(data), true).front());
  Style style = stdout_style(g);
  emit(render_format(output_format(o.format, ""),
                     {{"csv", [&] { return projects_csv(rep, f); }},
                      {"json", [&] { return projects_json(rep, f); }},
                      {"md", [&] { return projects_markdown(rep, f); }},
                      {"table", [&] { return projects_table(rep, f, style); }}},
                     style),
       "");
  return 0;
}

Command setup_projects(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<ProjectsOptions>();
  CLI::App* sub = app.add_subcommand("projects", "具体项目清单：状态、计划完工、多久没有变化");
  sub->add_option("--month,-m", o->month, "截至月份（YYYY-MM）")->required();
  sub->add_option("--unit,-u", o->unit, "只看该牵头单位的项目");
  sub->add_option("--county", o->county, "只看该县市区的项目");
  sub->add_option("--status", o->status, "只看该状态：未开工|在建|已完工");
  sub->add_flag(
      "--late", o->late,
      "只看滞后项目：计划完工月份已过仍未完工，或序时进度超过计划设定（默认过半）仍未开工");
  add_format(sub, o->format, {"table", "md", "csv", "json"})
      ->description("输出格式：table|md|csv|json（终端默认 table，否则 md）");
  add_allow_stale(sub, o->allow_stale);
  return {sub, [o, &g] { return run_projects(*o, g); }};
}

}  // namespace minsheng::cli
