// minsheng bulletin: the quarterly 通报 to the city and the half-year 专报 to its leaders.
#include <memory>

#include "assess/bulletin.hpp"
#include "cli/commands.hpp"
#include "io/data_dir.hpp"
#include "io/fs.hpp"
#include "model/diagnostic.hpp"
#include "report/bulletin_render.hpp"

namespace minsheng::cli {

struct BulletinOptions {
  std::string quarter, half;
  std::string as_of;
  std::string format = "md";
  std::string output;
  bool write = false;
  std::string template_file;
};

static Period resolve_period(const BulletinOptions& o) {
  bool quarter = !o.quarter.empty();
  const std::string& word = quarter ? o.quarter : o.half;
  Period::Kind kind = quarter ? Period::Kind::quarter : Period::Kind::half;
  if (word == "last") {
    Date as_of = o.as_of.empty() ? today() : parse_date_option(o.as_of, "--as-of");
    return Period::last_completed(kind, as_of);
  }
  auto p = Period::parse(word);
  if (!p || p->kind != kind)
    throw UsageError(quarter ? "--quarter 应为 2024Q2 这样的季度或 last，实际为“" + word + "”"
                             : "--half 应为 2024H1 这样的半年或 last，实际为“" + word + "”");
  return *p;
}

static int run_bulletin(const BulletinOptions& o, const GlobalOptions& g) {
  Period period = resolve_period(o);
  Plan plan = load_plan(g);
  std::optional<std::string> custom;
  if (!o.template_file.empty()) custom = read_file(o.template_file);
  DataSet data = load_data(plan, g.data, period.last_month());
  Bulletin b = build_bulletin(plan, data, period);

  auto render = [&](const std::string& fmt) {
    return render_bulletin(b, fmt, fmt == o.format ? custom : std::nullopt, o.template_file);
  };
  if (o.write) {
    std::string md = render("md"), html = render("html");  // both ready before either is written
    auto dir = std::filesystem::path(g.data) / period.code();
    write_file_atomic_pair(dir / "bulletin.md", md, dir / "bulletin.html", html);
    print_err("已写入 " + (dir / "bulletin.md").string() + " 和 " +
              (dir / "bulletin.html").string() + "（数据截至 " + b.month.str() + "）");
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
  auto* out = sub->add_option("-o,--output", o->output, "写入文件（原子写入）而非标准输出");
  auto* w = sub->add_flag("--write", o->write,
                          "写入 DATA/2024Q2/bulletin.md 和 bulletin.html（原子写入）");
  out->excludes(w);
  w->excludes(out);
  sub->add_option("--template", o->template_file,
                  "用该 mustache 模板代替内置模板（用于 --format 指定的格式）");
  sub->callback([sub] {
    if (sub->count("--quarter") + sub->count("--half") != 1)
      throw CLI::ValidationError("--quarter/--half", "须指定 --quarter 或 --half 之一");
  });
  return {sub, [o, &g] { return run_bulletin(*o, g); }};
}

}  // namespace minsheng::cli
