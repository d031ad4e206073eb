// minsheng missing: which lead units have not sent their file for a month, and how late they are.
#include <memory>

#include "assess/reporting.hpp"
#include "cli/commands.hpp"
#include "io/data_dir.hpp"
#include "report/missing_report.hpp"

namespace minsheng::cli {

struct MissingOptions {
  std::string month;
  std::string as_of;
  std::string format = "table";
};

static int run_missing(const MissingOptions& o, const GlobalOptions& g) {
  Plan plan = load_plan(g);
  YearMonth month = plan_month_option(plan, o.month, "--month");
  Date as_of = o.as_of.empty() ? today() : parse_date_option(o.as_of, "--as-of");
  DataSet data = load_month_files(plan, g.data, month,
                                  received_log(g, plan));  // who sent what: this month alone
  MissingReport r = assess_missing(plan, data, month, as_of);
  Style style = stdout_style(g);
  emit(render_format(o.format,
                     {{"csv", [&] { return missing_csv(r); }},
                      {"table", [&] { return missing_table(r, style); }}},
                     style),
       "");
  return r.overdue() ? 1 : 0;
}

Command setup_missing(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<MissingOptions>();
  CLI::App* sub =
      app.add_subcommand("missing", "列出某月尚未报送进度文件的牵头单位；有逾期时退出码为 1");
  sub->add_option("--month,-m", o->month, "报送月份（YYYY-MM）")->required();
  sub->add_option("--as-of", o->as_of, "按该日期计算剩余或逾期天数（默认今天）");
  add_format(sub, o->format, {"table", "csv"});
  return {sub, [o, &g] { return run_missing(*o, g); }};
}

}  // namespace minsheng::cli
