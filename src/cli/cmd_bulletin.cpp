// minsheng bulletin: the quarterly 通报 to the city and the half-year 专报 to its leaders.
#include <memory>

#include "assess/bulletin.hpp"
#include "cli/commands.hpp"
#include "io/data_dir.hpp"
#include "io/fs.hpp"
#include "model/diagnostic.hpp"
#include "report/bulletin_render.hpp"
#include "report/public_bulletin.hpp"
#include "util/text.hpp"

namespace minsheng::cli {

struct BulletinOptions {
  std::string quarter, half;
  std::string as_of;
  std::string format = "md";
  std::string output;
  bool write = false;
  bool allow_stale = false;
  std::string template_file;
  bool keep_going = false;
  bool is_public = false;  // the public edition (宣传)
  std::string date;        // the issue date in the signature
  int number = 0;          // 期号; 0: counted from the plan's first period
};

static Period resolve_period(const BulletinOptions& o, Date as_of) {
  bool quarter = !o.quarter.empty();
  const std::string& word = quarter ? o.quarter : o.half;
  Period::Kind kind = quarter ? Period::Kind::quarter : Period::Kind::half;
  if (word == "last") return Period::last_completed(kind, as_of);
  auto p = Period::parse(word);
  if (!p || p->kind != kind)
    throw UsageError(quarter ? "--quarter 应为 2024Q2 这样的季度或 last，实际为“" + word + "”"
                             : "--half 应为 2024H1 这样的半年或 last，实际为“" + word + "”");
  // A bulletin on a period still running would report a part as the whole.
  if (!(p->last_day() < as_of))
    throw UsageError(p->code() + " 到 " + p->last_day().str() + " 才结束（统计日期 " + as_of.str() +
                     "），尚不能生成通报");
  return *p;
}

static int run_bulletin(const BulletinOptions& o, const GlobalOptions& g) {
  Date as_of = o.as_of.empty() ? today() : parse_date_option(o.as_of, "--as-of");
  Period period = resolve_period(o, as_of);
  Plan plan = load_plan(g);
  if (period.last_month() < plan.start)
    throw UsageError(period.code() + " 在计划开始之前：计划期为 " + plan.period_text());
  std::optional<std::string> custom;
  if (!o.template_file.empty()) {
    custom = read_input(o.template_file);
    // An empty template (or a pipe no one wrote to) would publish an empty bulletin, exit 0.
    if (trim(*custom).empty()) throw DataError(o.template_file, 0, 0, "模板文件为空，未生成通报");
  }
  // Only the bulletin's months keep their rows; the 问题清单 is followed as every month is read.
  std::optional<BulletinMonths> months;
  ProblemTracker problems(plan);
  FollowedSnapshot at;
  MonthFold follow = [&](const auto& subs, YearMonth m) {
    at.add_month(subs, m);
    problems.add_month(subs, m, at.snap);
  };
  MonthRows data = load_months(
      plan, g.data,
      [&](const std::vector<YearMonth>& listed) {
        months = bulletin_months(plan, period, listed, o.allow_stale);
        return months->report_months();
      },
      period.last_month(), received_log(g, plan), &follow);
  at = {};  // every month followed: a province's figures are let go before the assessment
  Bulletin b = build_bulletin(plan, std::move(data), *months, problems.finish(), period, as_of,
                              o.keep_going);
  if (!o.date.empty()) b.issued = parse_date_option(o.date, "--date");
  if (o.number > 0) b.number = o.number;
  for (const auto& d : b.report.problems.items())
    if (d.severity == Severity::error) print_err(d.str());
  if (b.stale)
    print_err("minsheng: 注意：" + period.last_month().str() + " 尚无进度文件，通报数据截至 " +
              b.month.str() + "（--allow-stale）");

  auto render = [&](const std::string& fmt) {
    if (o.is_public) return render_public_bulletin(b, fmt);
    return render_bulletin(b, fmt, fmt == o.format ? custom : std::nullopt, o.template_file);
  };
  if (o.write) {
    std::string md = render("md"), html = render("html");  // both ready before either is written
    auto dir = output_dir(g.data, period.code());
    std::string stem = o.is_public ? "bulletin_public" : "bulletin";
    write_file_atomic_pair(dir / (stem + ".md"), md, dir / (stem + ".html"), html);
    print_err("已写入 " + (dir / (stem + ".md")).string() + " 和 " +
              (dir / (stem + ".html")).string() + "（数据截至 " + b.month.str() + "）");
    return 0;
  }
  emit(render(o.format), o.output);
  return 0;
}

Command setup_bulletin(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<BulletinOptions>();
  CLI::App* sub = app.add_subcommand("bulletin", "生成季度通报（--quarter）或半年专报（--half）");
  auto* q =
      sub->add_option("--quarter,-q", o->quarter, "季度，如 2024Q2；last 表示最近一个已结束的季度");
  auto* h = sub->add_option("--half", o->half, "半年，如 2024H1；last 表示最近一个已结束的半年");
  q->excludes(h);
  h->excludes(q);
  sub->add_option("--as-of", o->as_of, "用于计算 last 的日期（默认今天）");
  add_format(sub, o->format, {"md", "html"});
  sub->add_flag("--keep-going", o->keep_going,
                "数据有误时仍生成通报：相关指标标为“数据有误”，出错的文件在报送情况中列出");
  auto* out = sub->add_option("-o,--output", o->output, "写入文件（原子写入）而非标准输出");
  auto* w = sub->add_flag("--write", o->write,
                          "写入 DATA/2024Q2/bulletin.md 和 bulletin.html（原子写入）");
  out->excludes(w);
  w->excludes(out);
  sub->add_flag("--allow-stale", o->allow_stale,
                "期末月份尚无进度文件时仍按已有数据生成，并在正文首段注明数据截至的月份");
  sub->add_option("--date", o->date, "落款的印发日期（YYYY-MM-DD，默认统计日期即今天）");
  sub->add_option("--number", o->number, "期号（默认按计划首个报送季度或半年为第1期顺排）")
      ->check(CLI::Range(1, 999));
  auto* tpl = sub->add_option("--template", o->template_file,
                              "用该 mustache 模板代替内置模板（用于 --format 指定的格式）");
  sub->add_flag("--public", o->is_public,
                "公开版（宣传）：各类各项任务的目标、进展和完成情况，不含存在问题、数据来源、单位和"
                "县市区排名、滞后与预计逾期；--write 写入 bulletin_public.md 和 .html")
      ->excludes(tpl);
  sub->callback([sub] {
    if (sub->count("--quarter") + sub->count("--half") != 1)
      throw CLI::ValidationError("--quarter/--half", "须指定 --quarter 或 --half 之一");
  });
  return {sub, [o, &g] { return run_bulletin(*o, g); }};
}

}  // namespace minsheng::cli
