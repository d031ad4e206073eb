// minsheng diff: what moved, stalled or slipped between two months or two summary files.
#include <filesystem>
#include <memory>

#include "assess/diff.hpp"
#include "assess/month.hpp"
#include "cli/commands.hpp"
#include "io/data_dir.hpp"
#include "io/summary_reader.hpp"
#include "model/diagnostic.hpp"
#include "report/diff_report.hpp"

namespace minsheng::cli {

struct DiffOptions {
  std::string old_arg, new_arg;
  std::string format;
  std::vector<std::string> only, fail_on;
};

static std::set<ChangeKind> parse_kinds(const std::vector<std::string>& words, const char* option) {
  std::set<ChangeKind> out;
  for (const auto& w : words) {
    auto k = parse_change(w);
    if (!k) {
      std::string all;
      for (ChangeKind c : kAllChangeKinds)
        all += std::string(all.empty() ? "" : ", ") + change_code(c);
      throw UsageError(std::string(option) + " 中的“" + w + "”不是变化类型；可用：" + all);
    }
    out.insert(*k);
  }
  return out;
}

// A month is assessed from the progress files, as summary does; anything else is a summary CSV.
static DiffSide load_side(const std::string& arg, const GlobalOptions& g, const Plan*& plan,
                          std::unique_ptr<Plan>& plan_store, std::unique_ptr<DataSet>& data) {
  auto m = YearMonth::parse(arg);
  if (!m || m->str() != arg || std::filesystem::exists(arg)) return load_summary_csv(arg);
  if (!plan) {
    plan_store = std::make_unique<Plan>(load_plan(g));
    plan = plan_store.get();
    data = std::make_unique<DataSet>(load_data(*plan, g.data));
  }
  if (std::find(data->months.begin(), data->months.end(), *m) == data->months.end())
    throw DataError(month_dir(g.data, *m).string(), 0, 0,
                    "没有该月的进度数据（缺少 submissions 目录）");
  MonthReport rep = assess_data(*plan, *data, *m, false);
  return side_from_report(rep, m->str());
}

static int run_diff(const DiffOptions& o, const GlobalOptions& g) {
  std::set<ChangeKind> only = parse_kinds(o.only, "--only");
  std::set<ChangeKind> fail_on = parse_kinds(o.fail_on, "--fail-on");
  const Plan* plan = nullptr;
  std::unique_ptr<Plan> plan_store;
  std::unique_ptr<DataSet> data;
  DiffSide old_side = load_side(o.old_arg, g, plan, plan_store, data);
  DiffSide new_side = load_side(o.new_arg, g, plan, plan_store, data);
  DiffReport rep = diff_sides(std::move(old_side), std::move(new_side));

  std::string fmt = o.format.empty() ? (stdout_is_terminal() ? "table" : "md") : o.format;
  std::string out;
  if (fmt == "csv")
    out = diff_csv(rep, only);
  else if (fmt == "json")
    out = diff_json(rep, only);
  else if (fmt == "md")
    out = diff_markdown(rep, only);
  else
    out = diff_table(rep, only, stdout_style(g));
  emit(out, "");
  for (ChangeKind k : fail_on)
    if (rep.counts.count(k)) {
      print_err("minsheng: 存在 " + std::to_string(rep.counts.at(k)) + " 项“" + change_label(k) +
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
  add_format(sub, o->format, {"table", "md", "csv", "json"})
      ->description("输出格式：table|md|csv|json（终端默认 table，否则 md）");
  sub->add_option("--only", o->only, "只列出这些变化类型，逗号分隔，如 worsened,stalled")
      ->delimiter(',');
  sub->add_option("--fail-on", o->fail_on, "出现这些变化类型时退出码为 1，如 worsened,revised_down")
      ->delimiter(',');
  return {sub, [o, &g] { return run_diff(*o, g); }};
}

}  // namespace minsheng::cli
