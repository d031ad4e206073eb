// minsheng template: writes the progress form one lead unit fills in for a month.
#include <memory>

#include "assess/problems.hpp"
#include "cli/commands.hpp"
#include "io/data_dir.hpp"
#include "io/xlsx_writer.hpp"
#include "model/diagnostic.hpp"
#include "report/template_form.hpp"

namespace minsheng::cli {

struct TemplateOptions {
  std::string unit;
  std::string month;
  std::string format = "csv";
  std::string output;
};

static int run_template(const TemplateOptions& o, const GlobalOptions& g) {
  Plan plan = load_plan(g);
  YearMonth month = parse_month_option(o.month, "--month");
  std::string unit = unit_option(plan, o.unit);
  if (plan.targets_of(unit).empty()) throw UsageError(unit + "在计划中不牵头任何指标，无需报送");
  // The previous month's figures are a reminder only; problems in old files are check's business.
  // Each month is merged into `prev` and followed for problems as it is read, then let go.
  Snapshot prev;
  std::size_t merged = 0;
  ProblemTracker tracker(plan);
  DataSet data = fold_data(
      plan, g.data, month.plus(-1),
      [&](const auto& subs, YearMonth m) {
        advance_snapshot(prev, subs, merged, m, nullptr);
        tracker.add_month(subs, m, prev);
      },
      received_log(g, plan));
  std::vector<Problem> problems = tracker.finish();
  if (o.format == "xlsx" && (o.output.empty() || o.output == "-"))
    throw UsageError("--format xlsx 需要用 -o 指定文件，如 -o " + unit + "_" + month.str() +
                     ".xlsx");
  emit(render_format(
           o.format,
           {{"yaml",
             [&] { return template_yaml(plan, unit, month, prev, data.allocations, problems); }},
            {"csv",
             [&] { return template_csv(plan, unit, month, prev, data.allocations, problems); }},
            {"xlsx",
             [&] {
               return xlsx_bytes(
                   template_workbook(plan, unit, month, prev, data.allocations, problems));
             }}}),
       o.output);
  return 0;
}

Command setup_template(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<TemplateOptions>();
  CLI::App* sub = app.add_subcommand("template", "生成某单位某月的进度报送表");
  sub->add_option("--unit,-u", o->unit, "牵头单位")->required();
  sub->add_option("--month,-m", o->month, "报送月份（YYYY-MM）")->required();
  add_format(sub, o->format, {"csv", "yaml", "xlsx"});
  sub->add_option("-o,--output", o->output, "写入文件（原子写入）而非标准输出");
  return {sub, [o, &g] { return run_template(*o, g); }};
}

}  // namespace minsheng::cli
