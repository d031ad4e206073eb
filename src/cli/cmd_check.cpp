// minsheng check: validates the plan and the progress files, reporting every problem at once.
#include <filesystem>
#include <memory>
#include <set>

#include "assess/month.hpp"
#include "cli/commands.hpp"
#include "io/data_dir.hpp"
#include "io/summary_reader.hpp"
#include "model/diagnostic.hpp"

namespace minsheng::cli {

struct CheckOptions {
  std::string month;
};

static int run_check(const CheckOptions& o, const GlobalOptions& g) {
  Plan plan = load_plan(g);  // throws DataError with every catalogue problem
  std::optional<YearMonth> month;
  if (!o.month.empty()) month = parse_month_option(o.month, "--month");

  // Each month is checked as it is read and its rows let go: a province's year is not held.
  DataChecker checker(plan);
  DataSet data = fold_data(
      plan, g.data, month, [&](const auto& subs, YearMonth m) { checker.add_month(subs, m); },
      received_log(g, plan));
  Diagnostics all = data.diagnostics;
  checker.finish(data, all);
  // Summaries written before a file set one of their month's figures right.
  std::set<YearMonth> corrected;
  for (const auto& [at, c] : checker.corrections()) corrected.insert(at.second);
  for (YearMonth m : corrected) {
    std::string file = (month_dir(g.data, m) / "summary.csv").string();
    if (!std::filesystem::is_regular_file(file)) continue;
    try {
      check_written_summary(load_summary_csv(file), m, checker.corrections(), file, all);
    } catch (const DataError&) {
      all.warning(file, 0, 0, "无法读取，未能核对其中是否有已更正的数值");
    }
  }
  Diagnostics shown;
  std::size_t files = 0;
  if (month) {
    // The month's files, and what belongs to every month: the 分解方案 in breakdown/.
    for (const auto& d : all.items())
      if (auto m = data.month_of(d.file); m == month || !m) shown.add(d);
    for (const auto& s : data.submissions) files += s.month == *month;
    if (!data.has_month(*month))
      shown.warning(month_dir(g.data, *month).string(), 0, 0,
                    "该月份没有 submissions 目录，尚无进度文件");
  } else {
    shown = all;
    files = data.submissions.size();
  }
  shown.sort();
  for (const auto& d : shown.items()) print_err(d.str());

  std::string scope =
      month ? month->str()
            : (data.months.empty() ? std::string("（无月份数据）")
                                   : data.months.front().str() + " 至 " + data.months.back().str());
  std::string line = "计划 " + std::to_string(plan.tasks.size()) + " 项任务、" +
                     std::to_string(plan.target_count()) + " 个指标；" + scope + " 共 " +
                     std::to_string(files) + " 个进度文件：";
  if (shown.items().empty())
    line += "未发现问题";
  else
    line += std::to_string(shown.error_count()) + " 个错误、" +
            std::to_string(shown.warning_count()) + " 个警告";
  emit(line + "\n", "");
  return shown.has_io_errors() ? 4 : shown.has_errors() ? 1 : 0;
}

Command setup_check(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<CheckOptions>();
  CLI::App* sub = app.add_subcommand("check", "检查计划文件和各单位进度文件，列出全部问题");
  sub->add_option("--month,-m", o->month, "只检查该月（YYYY-MM）的进度文件；默认检查全部月份");
  return {sub, [o, &g] { return run_check(*o, g); }};
}

}  // namespace minsheng::cli
