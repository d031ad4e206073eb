// minsheng final: the 完成情况 report of the plan, at its deadline and again as late targets
// finish.
#include <memory>

#include "assess/final.hpp"
#include "assess/month.hpp"
#include "cli/commands.hpp"
#include "io/data_dir.hpp"
#include "io/xlsx_writer.hpp"
#include "model/diagnostic.hpp"
#include "report/final_report.hpp"

namespace minsheng::cli {

struct FinalOptions {
  std::string as_of;
  std::string format;
  std::string output;
  bool keep_going = false;
};

static int run_final(const FinalOptions& o, const GlobalOptions& g) {
  if (o.format == "xlsx" && (o.output.empty() || o.output == "-"))
    throw UsageError("--format xlsx 需要用 -o 指定文件，如 -o 完成情况.xlsx");
  Date as_of = o.as_of.empty() ? today() : parse_date_option(o.as_of, "--as-of");
  Plan plan = load_plan(g);
  // Every month that has ended by then; the report's month is picked from those with files as
  // soon as the folder is listed, and the months before it are merged as read and let go.
  YearMonth month;
  MonthRows data = load_months(
      plan, g.data,
      [&](const std::vector<YearMonth>& listed) {
        std::optional<YearMonth> picked = final_month(plan, listed, as_of);
        if (!picked)
          throw UsageError("计划完成时限为 " + plan.deadline.str() + "，截止月份 " +
                           plan.deadline_month().str() + " 结束后才能生成完成情况报告（统计日期 " +
                           as_of.str() + "）");
        month = *picked;
        return std::vector{month};
      },
      as_of.year_month().plus(-1), received_log(g, plan));
  if (!data.has_files(month))
    print_err("minsheng: 注意：" + month.str() + " 没有进度文件，完成情况沿用此前月份数据");
  FinalReport f =
      build_final(std::move(assess_data(plan, std::move(data), o.keep_going).front()), as_of);
  if (o.keep_going && f.month.problems.has_errors())
    print_err("minsheng: 有 " + std::to_string(f.month.problems.error_count()) +
              " 个数据错误，受影响的指标计为“无数据”");
  emit(render_format(output_format(o.format, o.output),
                     {{"md", [&] { return final_markdown(f); }},
                      {"table", [&] { return final_markdown(f); }},
                      {"html", [&] { return final_html(f); }},
                      {"csv", [&] { return final_csv(f); }},
                      {"json", [&] { return final_json(f); }},
                      {"xlsx", [&] { return xlsx_bytes(final_workbook(f)); }}}),
       o.output);
  return 0;
}

Command setup_final(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<FinalOptions>();
  CLI::App* sub = app.add_subcommand(
      "final", "完成情况报告：截止后每个指标按期完成、逾期完成或未完成，分类、分单位、分县市区");
  sub->add_option("--as-of", o->as_of,
                  "统计日期（默认今天）：取此前已结束且有进度文件的最近月份，不早于截止月份");
  add_format(sub, o->format, {"md", "html", "csv", "json", "xlsx"})
      ->description("输出格式：md|html|csv|json|xlsx（默认 md；xlsx 须配 -o）");
  sub->add_option("-o,--output", o->output, "写入文件（原子写入）而非标准输出");
  sub->add_flag("--keep-going", o->keep_going, "有数据错误时仍生成，受影响指标计为“无数据”");
  return {sub, [o, &g] { return run_final(*o, g); }};
}

}  // namespace minsheng::cli
