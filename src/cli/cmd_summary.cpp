// minsheng summary: the monthly summary of every target against 序时进度.
#include <memory>

#include "assess/month.hpp"
#include "cli/commands.hpp"
#include "io/data_dir.hpp"
#include "io/fs.hpp"
#include "model/diagnostic.hpp"
#include "report/explain.hpp"
#include "report/summary_report.hpp"

namespace minsheng::cli {

struct SummaryOptions {
  std::string month;
  std::string format;
  std::string output;
  bool write = false;
  int explain = 0;
  bool keep_going = false;
};

static int run_summary(const SummaryOptions& o, const GlobalOptions& g) {
  Plan plan = load_plan(g);
  YearMonth month = plan_month_option(plan, o.month, "--month");
  DataSet data = load_data(plan, g.data, month);
  if (!plan.reporting_due(month) && !data.has_files(month))
    throw UsageError(month.str() + " 无需报送进度：计划自 " + plan.reporting_from.str() +
                     " 起按月报送");
  if (!data.has_files(month))
    print_err("minsheng: 注意：" + month_dir(g.data, month).string() +
              "/submissions 中没有进度文件，汇总全部沿用此前月份数据");
  MonthReport rep = assess_data(plan, data, month, o.keep_going);
  if (o.keep_going && rep.problems.has_errors())
    print_err("minsheng: 有 " + std::to_string(rep.problems.error_count()) +
              " 个数据错误，受影响的指标标记为“数据有误”，详见报告“数据问题”一节");

  if (o.explain) {
    if (!plan.find_task(o.explain))
      throw UsageError("没有任务 " + std::to_string(o.explain) + "（计划共 " +
                       std::to_string(plan.tasks.size()) + " 项任务）");
    emit(explain_task(rep, o.explain), o.output);
    return 0;
  }
  if (o.write) {
    // Both files are rendered before either is written, so a failure leaves the old pair intact.
    std::string md = summary_markdown(rep), csv = summary_csv(rep);
    auto dir = month_dir(g.data, month);
    write_file_atomic_pair(dir / "summary.md", md, dir / "summary.csv", csv);
    print_err("已写入 " + (dir / "summary.md").string() + " 和 " + (dir / "summary.csv").string());
    if (o.format.empty() && o.output.empty()) return 0;
  }
  std::string fmt = output_format(o.format, o.output);
  std::string out;
  if (fmt == "csv")
    out = summary_csv(rep);
  else if (fmt == "json")
    out = summary_json(rep);
  else if (fmt == "md")
    out = summary_markdown(rep);
  else
    out = summary_table(rep, o.output.empty() ? stdout_style(g) : Style{});
  emit(out, o.output);
  return 0;
}

Command setup_summary(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<SummaryOptions>();
  CLI::App* sub = app.add_subcommand("summary", "月度汇总：对照序时进度评估每个指标");
  sub->add_option("--month,-m", o->month, "报告月份（YYYY-MM），即进度截至的月份")->required();
  add_format(sub, o->format, {"table", "md", "csv", "json"})
      ->description("输出格式：table|md|csv|json（终端默认 table，否则 md）");
  sub->add_option("-o,--output", o->output, "写入文件（原子写入）而非标准输出");
  sub->add_flag("--write", o->write, "写入 DATA/YYYY-MM/summary.md 和 summary.csv（原子写入）");
  sub->add_option("--explain", o->explain, "说明该任务的状态是如何得出的");
  sub->add_flag("--keep-going", o->keep_going,
                "有数据错误时仍生成报告，受影响指标标记为“数据有误”");
  return {sub, [o, &g] { return run_summary(*o, g); }};
}

}  // namespace minsheng::cli
