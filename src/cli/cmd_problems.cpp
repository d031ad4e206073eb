// minsheng problems: the 问题清单, each 存在问题 followed until it is closed (销号).
#include <memory>

#include "assess/problems.hpp"
#include "cli/commands.hpp"
#include "io/data_dir.hpp"
#include "report/project_report.hpp"

namespace minsheng::cli {

struct ProblemsOptions {
  bool open = false, closed = false;
  std::string unit;
  std::string as_of;
  std::string format;
};

static int run_problems(const ProblemsOptions& o, const GlobalOptions& g) {
  if (o.open && o.closed) throw UsageError("--open 和 --closed 只能选一个");
  Plan plan = load_plan(g);
  std::optional<YearMonth> upto;
  if (!o.as_of.empty()) upto = plan_month_option(plan, o.as_of, "--as-of");
  ProblemFilter f;
  f.which = o.open ? ProblemFilter::Which::open
                   : (o.closed ? ProblemFilter::Which::closed : ProblemFilter::Which::all);
  if (!o.unit.empty()) f.unit = unit_option(plan, o.unit);
  // Each month is followed as it is read and its rows let go: a province's year is not held.
  // Every month read is up to --as-of, or up to the last with files (the default --as-of).
  ProblemTracker tracker(plan);
  FollowedSnapshot at;
  DataSet data = fold_data(
      plan, g.data, upto,
      [&](const auto& subs, YearMonth m) {
        at.add_month(subs, m);
        tracker.add_month(subs, m, at.snap);
      },
      received_log(g, plan));
  YearMonth as_of = month_or_latest(plan, data, o.as_of, "--as-of");
  std::vector<Problem> list = tracker.finish();
  Style style = stdout_style(g);
  emit(render_format(output_format(o.format, ""),
                     {{"csv", [&] { return problems_csv(plan, list, as_of, f); }},
                      {"json", [&] { return problems_json(plan, list, as_of, f); }},
                      {"md", [&] { return problems_markdown(plan, list, as_of, f); }},
                      {"table", [&] { return problems_table(plan, list, as_of, f, style); }}},
                     style),
       "");
  return 0;
}

Command setup_problems(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<ProblemsOptions>();
  CLI::App* sub = app.add_subcommand("problems", "问题清单：各单位报告的存在问题，跟踪到销号");
  sub->add_flag("--open", o->open, "只看未销号的问题");
  sub->add_flag("--closed", o->closed, "只看已销号的问题");
  sub->add_option("--unit,-u", o->unit, "只看该牵头单位的问题");
  sub->add_option("--as-of", o->as_of, "截至月份（YYYY-MM，默认最后一个有进度文件的月份）");
  add_format(sub, o->format, {"table", "md", "csv", "json"})
      ->description("输出格式：table|md|csv|json（终端默认 table，否则 md）");
  return {sub, [o, &g] { return run_problems(*o, g); }};
}

}  // namespace minsheng::cli
