// minsheng summary: the monthly summary of every target against 序时进度.
#include <cmath>
#include <memory>

#include "assess/month.hpp"
#include "cli/commands.hpp"
#include "io/data_dir.hpp"
#include "io/fs.hpp"
#include "io/xlsx_writer.hpp"
#include "model/diagnostic.hpp"
#include "report/county_report.hpp"
#include "report/explain.hpp"
#include "report/summary_report.hpp"
#include "util/number.hpp"
#include "util/suggest.hpp"

namespace minsheng::cli {

struct SummaryOptions {
  std::string month;
  std::string format;
  std::string output;
  bool write = false;
  std::string explain;
  bool keep_going = false;
  std::string by;      // "county": one row per allocated (target, 县市区)
  std::string county;  // only this 县市区
  std::string as_of;
  bool allow_stale = false;
};

// "36" or "26.1": a task, or one target of it, as every report numbers them.
static std::pair<int, int> explain_option(const Plan& plan, const std::string& s) {
  auto dot = s.find('.');
  auto task = parse_decimal(s.substr(0, dot));
  auto target =
      dot == std::string::npos ? std::optional<double>(0) : parse_decimal(s.substr(dot + 1));
  bool whole = task && target && *task == std::floor(*task) && *target == std::floor(*target) &&
               *task >= 1 && *task <= 1e6 && *target >= 0 && *target <= 1e6;
  if (!whole)
    throw UsageError("--explain 应为任务编号（如 36）或任务编号.指标序号（如 26.1），实际为“" + s +
                     "”");
  const Task* t = plan.find_task(static_cast<int>(*task));
  if (!t)
    throw UsageError("没有任务 " + s.substr(0, dot) + "（计划共 " +
                     std::to_string(plan.tasks.size()) + " 项任务）");
  if (*target > static_cast<double>(t->targets.size()) || (dot != std::string::npos && *target < 1))
    throw UsageError("任务" + std::to_string(t->id) + "没有指标 " + s.substr(dot + 1) + "（共 " +
                     std::to_string(t->targets.size()) + " 个）");
  return {t->id, static_cast<int>(*target)};
}

static int run_summary(const SummaryOptions& o, const GlobalOptions& g) {
  // Usage is settled before anything is read or written (--write with --format xlsx and no -o
  // once wrote three files and then failed).
  if (o.format == "xlsx" && (o.output.empty() || o.output == "-"))
    throw UsageError("--format xlsx 需要用 -o 指定文件，如 -o 2024年6月汇总.xlsx");
  const Plan& plan = until_exit(load_plan(g));
  YearMonth month = plan_month_option(plan, o.month, "--month");
  std::optional<Date> partial = month_cutoff(month, o.as_of);
  // Rows of earlier months are merged as they are read and not kept. Later months are read for
  // their corrections of this month's figures (none when the month is the latest).
  MonthRows data = load_months(plan, g.data, {month}, std::nullopt, received_log(g, plan));
  require_month_files(plan, data, month, o.allow_stale, g);
  if (!data.has_files(month))
    print_err("minsheng: 注意：" + month_dir(g.data, month).string() +
              "/submissions 中没有进度文件，汇总全部沿用此前月份数据");
  MonthReport& rep =
      until_exit(std::move(assess_data(plan, std::move(data), o.keep_going).front()));
  rep.partial_as_of = partial;
  if (o.keep_going && rep.problems.has_errors())
    print_err("minsheng: 有 " + std::to_string(rep.problems.error_count()) +
              " 个数据错误，受影响的指标标记为“数据有误”，详见报告“数据问题”一节");

  if (o.by == "county" || !o.county.empty()) {
    int county = county_option(plan, o.county);
    Style style = o.output.empty() ? stdout_style(g) : Style{};
    emit(render_format(output_format(o.format, o.output),
                       {{"csv", [&] { return county_csv(rep, county); }},
                        {"json", [&] { return county_json(rep, county); }},
                        {"md", [&] { return county_markdown(rep, county); }},
                        {"xlsx", [&] { return xlsx_bytes(county_workbook(rep, county)); }},
                        {"table", [&] { return county_table(rep, county, style); }}},
                       style),
         o.output);
    return 0;
  }
  if (!o.explain.empty()) {
    auto [task, target] = explain_option(plan, o.explain);
    emit(explain_task(rep, task, target), o.output);
    return 0;
  }
  if (o.write) {
    // All three are rendered before any is written, so a failure leaves the old set intact.
    auto dir = output_dir(g.data, month.str());
    write_files_atomic({{dir / "summary.md", summary_markdown(rep)},
                        {dir / "summary.csv", summary_csv(rep)},
                        {dir / "summary.xlsx", xlsx_bytes(summary_workbook(rep))}});
    print_err("已写入 " + (dir / "summary.md").string() + "、summary.csv 和 summary.xlsx");
    if (o.format.empty() && o.output.empty()) return 0;
  }
  Style style = o.output.empty() ? stdout_style(g) : Style{};
  emit(render_format(output_format(o.format, o.output),
                     {{"csv", [&] { return summary_csv(rep); }},
                      {"json", [&] { return summary_json(rep); }},
                      {"md", [&] { return summary_markdown(rep); }},
                      {"xlsx", [&] { return xlsx_bytes(summary_workbook(rep)); }},
                      {"table", [&] { return summary_table(rep, style); }}},
                     style),
       o.output);
  return 0;
}

Command setup_summary(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<SummaryOptions>();
  CLI::App* sub = app.add_subcommand("summary", "月度汇总：对照序时进度评估每个指标");
  sub->add_option("--month,-m", o->month, "报告月份（YYYY-MM），即进度截至的月份")->required();
  add_format(sub, o->format, {"table", "md", "csv", "json", "xlsx"})
      ->description("输出格式：table|md|csv|json|xlsx（终端默认 table，否则 md；xlsx 须配 -o）");
  sub->add_option("-o,--output", o->output, "写入文件（原子写入）而非标准输出");
  sub->add_flag("--write", o->write,
                "写入 DATA/YYYY-MM/summary.md、summary.csv 和 summary.xlsx（原子写入）");
  sub->add_option("--explain", o->explain, "说明该任务（36）或指标（26.1）的状态是如何得出的");
  sub->add_option("--by", o->by, "按县市区汇总：county（每个分解到县市区的指标一行）")
      ->check(CLI::IsMember({"county"}));
  sub->add_option("--county", o->county, "只看一个县市区（如 夷陵区），即反馈给该县市区的清单");
  sub->add_flag("--keep-going", o->keep_going,
                "有数据错误时仍生成报告，受影响指标标记为“数据有误”");
  sub->add_option("--as-of", o->as_of,
                  "统计日期（默认今天）：月份尚未结束时须指定，报告注明“截至该日（本月尚未结束）”");
  add_allow_stale(sub, o->allow_stale);
  return {sub, [o, &g] { return run_summary(*o, g); }};
}

}  // namespace minsheng::cli
