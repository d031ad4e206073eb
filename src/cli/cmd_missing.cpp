// minsheng missing: which lead units have not sent their file for a month, and how late they are.
#include <memory>

#include "cli/commands.hpp"
#include "io/data_dir.hpp"
#include "report/table.hpp"
#include "util/csv.hpp"

namespace minsheng::cli {

struct MissingOptions {
  std::string month;
  std::string as_of;
  std::string format = "table";
};

static int run_missing(const MissingOptions& o, const GlobalOptions& g) {
  Plan plan = load_plan(g);
  YearMonth month = parse_month_option(o.month, "--month");
  Date as_of = o.as_of.empty() ? today() : parse_date_option(o.as_of, "--as-of");
  Date due = plan.due_date(month);
  long days = days_between(as_of, due);  // > 0: days left; < 0: days overdue

  DataSet data = load_data(plan, g.data, month);
  std::set<std::string> have;
  for (const auto& s : data.submissions)
    if (s.month == month) have.insert(s.unit);
  std::vector<std::string> units = plan.lead_units();
  std::vector<std::string> missing;
  for (const auto& u : units)
    if (!have.count(u)) missing.push_back(u);

  std::string when = days > 0    ? "还剩 " + std::to_string(days) + " 天"
                     : days == 0 ? std::string("今日截止")
                                 : "逾期 " + std::to_string(-days) + " 天";
  bool overdue = days < 0 && !missing.empty();
  if (o.format == "csv") {
    std::string out(kUtf8Bom);
    out += csv_line({"unit", "month", "due", "as_of", "days_overdue"});
    for (const auto& u : missing)
      out +=
          csv_line({u, month.str(), due.str(), as_of.str(), std::to_string(std::max(0L, -days))});
    emit(out, "");
    return overdue ? 1 : 0;
  }
  Style style = stdout_style(g);
  std::string out = month.chinese() + "进度报送情况（截止日期 " + due.str() + "，统计日期 " +
                    as_of.str() + "）：应报 " + std::to_string(units.size()) + " 家，已报 " +
                    std::to_string(units.size() - missing.size()) + " 家，未报 " +
                    std::to_string(missing.size()) + " 家\n";
  if (!missing.empty()) {
    TextTable t({"牵头单位", "截止日期", "情况"});
    for (const auto& u : missing)
      t.add({{u, Color::none},
             {due.str(), Color::none},
             {when, days < 0 ? Color::red : (days <= 1 ? Color::yellow : Color::none)}});
    out += "\n" + t.render(style);
  }
  emit(out, "");
  return overdue ? 1 : 0;
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
