// minsheng history: every target month by month, and the months its status changed.
#include <memory>

#include "assess/history.hpp"
#include "cli/commands.hpp"
#include "io/data_dir.hpp"
#include "report/history_report.hpp"

namespace minsheng::cli {

struct HistoryOptions {
  std::string to;
  int task = 0;
  std::string unit;
  bool changes = false;
  std::string format;
  std::string as_of;
};

static int run_history(const HistoryOptions& o, const GlobalOptions& g) {
  Plan plan = load_plan(g);
  HistoryFilter f{o.task, o.unit.empty() ? "" : unit_option(plan, o.unit)};
  if (f.task && !plan.find_task(f.task))
    throw UsageError("没有任务 " + std::to_string(f.task) + "（计划共 " +
                     std::to_string(plan.tasks.size()) + " 项任务）");
  std::optional<YearMonth> upto;
  if (!o.to.empty()) {
    upto = plan_month_option(plan, o.to, "--to");
    month_cutoff(*upto, o.as_of);  // a month not yet ended is no month of a history
  }
  // Each month is assessed as it is read and its rows let go: a province's year is not held.
  HistoryBuilder builder(plan);
  DataSet data = fold_data(
      plan, g.data, upto, [&](const auto& subs, YearMonth m) { builder.add_month(subs, m); },
      received_log(g, plan));
  History h = builder.finish(data.submissions, month_or_latest(plan, data, o.to, "--to"));
  Style style = stdout_style(g);
  std::string fmt = output_format(o.format, "");
  if (fmt == "csv" && !o.changes) {  // a province's rows, written a month at a time
    emit_pieces([&](const auto& write) { history_csv(h, f, write); });
    return 0;
  }
  // --changes lists the status changes instead of the month-by-month rows; JSON has both.
  Renderers rows = o.changes ? Renderers{{"csv", [&] { return changes_csv(h, f); }},
                                         {"md", [&] { return changes_markdown(h, f); }},
                                         {"table", [&] { return changes_table(h, f, style); }}}
                             : Renderers{{"csv", [&] { return history_csv(h, f); }},
                                         {"md", [&] { return history_markdown(h, f); }},
                                         {"table", [&] { return history_table(h, f, style); }}};
  rows.push_back({"json", [&] { return history_json(h, f); }});
  emit(render_format(fmt, rows, style), "");
  return 0;
}

Command setup_history(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<HistoryOptions>();
  CLI::App* sub = app.add_subcommand("history", "各指标逐月走势与状态变化");
  sub->add_option("--to", o->to, "截至月份（YYYY-MM，默认最后一个有进度文件的月份）");
  sub->add_option("--task,-t", o->task, "只看该任务");
  sub->add_option("--unit,-u", o->unit, "只看该牵头单位的指标");
  sub->add_flag("--changes", o->changes, "列出每一次状态变化，最差的新状态在前");
  add_format(sub, o->format, {"table", "md", "csv", "json"})
      ->description("输出格式：table|md|csv|json（终端默认 table，否则 md）");
  sub->add_option("--as-of", o->as_of, "统计日期（默认今天）：--to 的月份尚未结束时须指定");
  return {sub, [o, &g] { return run_history(*o, g); }};
}

}  // namespace minsheng::cli
