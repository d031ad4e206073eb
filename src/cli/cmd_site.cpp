// minsheng site: the dashboard, a static site leaders open on their phones.
#include <memory>

#include "assess/history.hpp"
#include "assess/month.hpp"
#include "assess/problems.hpp"
#include "cli/commands.hpp"
#include "io/data_dir.hpp"
#include "io/fs.hpp"
#include "report/public_site.hpp"
#include "report/site.hpp"

namespace minsheng::cli {

struct SiteOptions {
  std::string month;
  std::string output;
  bool write = false;
  bool keep_going = false;
  std::string as_of;
  bool allow_stale = false;
  bool public_edition = false;
};

// The public edition needs the month's report alone: no history, no 问题清单.
static MonthReport public_report(const SiteOptions& o, const GlobalOptions& g, const Plan& plan,
                                 YearMonth month, std::optional<Date> partial) {
  MonthRows data = load_months(plan, g.data, {month}, month, received_log(g, plan));
  require_month_files(plan, data, month, o.allow_stale, g);
  MonthReport rep = std::move(assess_data(plan, std::move(data), o.keep_going).front());
  rep.partial_as_of = partial;
  return rep;
}

static int run_site(const SiteOptions& o, const GlobalOptions& g) {
  if (o.output.empty() == !o.write)
    throw UsageError(o.write ? "--write 与 -o 只能选一个"
                             : "请用 -o 指定网站目录，或用 --write 写入 DATA/site/");
  std::filesystem::path dir = o.write
                                  ? output_dir(g.data, o.public_edition ? "site_public" : "site")
                                  : std::filesystem::path(o.output);
  require_own_dir(dir, kSiteMarker);  // refused before any work, not after it
  Plan plan = load_plan(g);
  YearMonth month = plan_month_option(plan, o.month, "--month");
  std::optional<Date> partial = month_cutoff(month, o.as_of);
  if (o.public_edition) {
    MonthReport rep = public_report(o, g, plan, month, partial);
    DirSwap swap(dir, kSiteMarker);
    std::size_t pages =
        render_public_site(rep, [&](std::size_t, SitePage&& p) { swap.add(p.path, p.html); });
    swap.commit();
    print_err("已写入 " + (dir / "index.html").string() + " 等 " + std::to_string(pages - 1) +
              " 个页面（公开版）");
    return 0;
  }
  // The months before the report's are followed for the history and the 问题清单 as they are
  // read, then let go: a province's year is not held. The month's rows are kept for its report,
  // made from the history's snapshot: a province's figures are held once.
  HistoryBuilder builder(plan);
  ProblemTracker tracker(plan);
  MonthFold fold = [&](const auto& subs, YearMonth m) {
    builder.add_month(subs, m);
    tracker.add_month(subs, m, builder.snapshot());  // the figures as of m, not a second copy
  };
  FoldedMonth data = load_folded_month(plan, g.data, month, received_log(g, plan), fold);
  require_month_files(plan, data, month, o.allow_stale, g);
  std::optional<MonthReport> rep;
  builder.add_month(data.submissions, month, [&](Snapshot& snap, std::size_t& next) {
    rep = assess_folded_month(plan, data, snap, next, o.keep_going);
  });
  tracker.add_month(data.submissions, month, builder.snapshot());
  data = {};  // the month's rows, let go before the history's changes are gathered
  History history = builder.finish(data.submissions, month);  // every month is in
  std::vector<Problem> problems = tracker.finish();
  rep->partial_as_of = partial;
  // Each page is written as it is made, on every core, and let go: a province's are not held.
  DirSwap swap(dir, kSiteMarker);
  std::size_t pages = render_site(*rep, history, problems,
                                  [&](std::size_t, SitePage&& p) { swap.add(p.path, p.html); });
  swap.commit();
  print_err("已写入 " + (dir / "index.html").string() + " 等 " + std::to_string(pages - 1) +
            " 个页面");
  return 0;
}

Command setup_site(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<SiteOptions>();
  CLI::App* sub = app.add_subcommand("site", "生成静态网站（手机可读的进展看板），整目录原子替换");
  sub->add_option("--month,-m", o->month, "数据截至月份（YYYY-MM）")->required();
  sub->add_option(
      "-o,--output", o->output,
      "网站目录：新目录、空目录或 minsheng 生成过的看板目录（整目录替换，失败时保留旧网站）");
  sub->add_flag("--write", o->write, "写入 DATA/site/");
  sub->add_flag("--keep-going", o->keep_going, "有数据错误时仍生成，受影响指标标记为“数据有误”");
  sub->add_option("--as-of", o->as_of,
                  "统计日期（默认今天）：月份尚未结束时须指定，看板注明“截至该日（本月尚未结束）”");
  add_allow_stale(sub, o->allow_stale);
  sub->add_flag(
      "--public", o->public_edition,
      "公开版（宣传用）：各类别、各项任务的目标、进度和完成情况，不含问题、来源、单位排名和"
      "“滞后”“预计逾期”等内部标注；--write 写入 DATA/site_public/");
  return {sub, [o, &g] { return run_site(*o, g); }};
}

}  // namespace minsheng::cli
