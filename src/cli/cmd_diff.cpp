// minsheng diff: what moved, stalled or slipped between two months or two summary files.
#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>

#include "assess/diff.hpp"
#include "assess/month.hpp"
#include "cli/commands.hpp"
#include "io/data_dir.hpp"
#include "io/summary_reader.hpp"
#include "io/xlsx_writer.hpp"
#include "model/diagnostic.hpp"
#include "report/diff_report.hpp"
#include "util/text.hpp"

namespace minsheng::cli {

struct DiffOptions {
  std::string old_arg, new_arg;
  std::string format;
  std::string output;
  std::vector<std::string> only, fail_on;
  std::string by;
  bool allow_stale = false;
};

static std::set<ChangeKind> parse_kinds(const std::vector<std::string>& given, const char* option) {
  // CLI11 splits at ","; people typing Chinese also separate with "，" and "、".
  std::vector<std::string> words;
  for (std::string g : given) {
    for (std::string_view sep : {"，", "、"})
      for (auto at = g.find(sep); at != std::string::npos; at = g.find(sep, at))
        g.replace(at, sep.size(), ",");
    for (auto part : split(g, ',')) words.emplace_back(part);
  }
  std::set<ChangeKind> out;
  for (const auto& w : words) {
    auto k = parse_change(w);
    if (!k) {
      std::string all;
      for (ChangeKind c : kAllChangeKinds)
        all +=
            std::string(all.empty() ? "" : "、") + change_code(c) + "（" + change_label(c) + "）";
      throw UsageError(std::string(option) + " 中的“" + w + "”不是变化类型；可用：" + all);
    }
    out.insert(*k);
  }
  return out;
}

// A side is a month (exactly YYYY-MM, and no file of that name) or a summary CSV.
static std::optional<YearMonth> as_month(const std::string& arg) {
  auto m = YearMonth::parse_exact(arg);
  return m && !std::filesystem::exists(arg) ? m : std::nullopt;
}

// Assesses months as summary does; the plan and the data are read once, up to the later month.
// Both months are assessed in one pass over the submissions.
class MonthSides {
 public:
  MonthSides(const GlobalOptions& g, const std::vector<YearMonth>& months, bool allow_stale)
      : g_(g), plan_(load_plan(g)) {
    // Rows of months before the earlier one are merged as they are read and not kept.
    MonthRows data =
        load_months(plan_, g.data, months, *std::max_element(months.begin(), months.end()),
                    received_log(g, plan_));
    for (YearMonth m : months) {
      if (m < plan_.start)
        throw UsageError(m.str() + " 早于计划开始月份：计划期为 " + plan_.period_text());
      require_month_files(plan_, data, m, allow_stale, g_);
    }
    auto reports = assess_data(plan_, std::move(data), false);
    for (std::size_t i = 0; i < months.size(); ++i)
      reports_.emplace(months[i], std::move(reports[i]));
  }

  // A side is taken once: its report is let go then (a province's is tens of MB).
  DiffSide take_side(YearMonth m, bool by_county) {
    auto node = reports_.extract(m);
    const MonthReport& rep = node.mapped();
    if (by_county && plan_.counties.empty())
      throw UsageError("计划未列出县市区（tasks.yaml 的 counties），不能使用 --by county");
    return by_county ? side_from_counties(rep, m.str()) : side_from_report(rep, m.str());
  }

 private:
  const GlobalOptions& g_;
  Plan plan_;
  std::multimap<YearMonth, MonthReport> reports_;  // OLD and NEW may be the same month
};

static int run_diff(const DiffOptions& o, const GlobalOptions& g) {
  std::set<ChangeKind> only = parse_kinds(o.only, "--only");
  std::set<ChangeKind> fail_on = parse_kinds(o.fail_on, "--fail-on");
  auto old_month = as_month(o.old_arg), new_month = as_month(o.new_arg);
  std::optional<MonthSides> months;
  std::vector<YearMonth> asked;
  for (const auto& m : {old_month, new_month})
    if (m) asked.push_back(*m);
  if (!asked.empty()) months.emplace(g, asked, o.allow_stale);
  bool by_county = o.by == "county";
  if (by_county && (!old_month || !new_month))
    throw UsageError(
        "--by county 只能比较两个月份（如 diff --by county 2024-05 2024-06）：summary.csv "
        "中没有县市区数据");
  DiffSide old_side =
      old_month ? months->take_side(*old_month, by_county) : load_summary_csv(o.old_arg);
  DiffSide new_side =
      new_month ? months->take_side(*new_month, by_county) : load_summary_csv(o.new_arg);
  if (old_side.month && new_side.month && *old_side.month > *new_side.month)
    throw UsageError("OLD（" + old_side.month->str() + "）晚于 NEW（" + new_side.month->str() +
                     "）：请把较早的一方写在前面，如 diff " + new_side.month->str() + " " +
                     old_side.month->str());
  DiffReport rep = diff_sides(std::move(old_side), std::move(new_side));

  if (o.format == "xlsx" && (o.output.empty() || o.output == "-"))
    throw UsageError("--format xlsx 需要用 -o 指定文件，如 -o 5月至6月变化.xlsx");
  Style style = o.output.empty() ? stdout_style(g) : Style{};
  emit(render_format(output_format(o.format, o.output),
                     {{"csv", [&] { return diff_csv(rep, only); }},
                      {"json", [&] { return diff_json(rep, only); }},
                      {"md", [&] { return diff_markdown(rep, only); }},
                      {"xlsx", [&] { return xlsx_bytes(diff_workbook(rep, only)); }},
                      {"table", [&] { return diff_table(rep, only, style); }}},
                     style),
       o.output);
  for (ChangeKind k : fail_on)
    if (rep.count(k)) {
      print_err("minsheng: 存在 " + std::to_string(rep.count(k)) + " 项“" + change_label(k) +
                "”（--fail-on " + change_code(k) + "）");
      return 1;
    }
  return 0;
}

Command setup_diff(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<DiffOptions>();
  CLI::App* sub = app.add_subcommand("diff", "比较两个月（或两份 summary.csv）的进展变化");
  sub->add_option("OLD", o->old_arg, "较早的一方：月份（YYYY-MM）或 summary.csv 文件")->required();
  sub->add_option("NEW", o->new_arg, "较新的一方：月份（YYYY-MM）或 summary.csv 文件")->required();
  add_format(sub, o->format, {"table", "md", "csv", "json", "xlsx"})
      ->description("输出格式：table|md|csv|json|xlsx（终端默认 table，否则 md；xlsx 须配 -o）");
  sub->add_option("-o,--output", o->output, "写入文件（原子写入）而非标准输出");
  sub->add_option("--by", o->by, "按县市区对比：county（每个分解到县市区的指标一行）")
      ->check(CLI::IsMember({"county"}));
  sub->add_option("--only", o->only,
                  "只列出这些变化类型，逗号分隔，如 worsened,stalled 或 状态恶化,无进展")
      ->delimiter(',');
  sub->add_option("--fail-on", o->fail_on,
                  "出现这些变化类型时退出码为 1，如 worsened,revised_down 或 状态恶化,数据下调")
      ->delimiter(',');
  add_allow_stale(sub, o->allow_stale);
  return {sub, [o, &g] { return run_diff(*o, g); }};
}

}  // namespace minsheng::cli
