#include "cli/common.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "assess/month.hpp"
#include "assess/period.hpp"
#include "io/data_dir.hpp"
#include "io/folder_settings.hpp"
#include "io/fs.hpp"
#include "io/plan_loader.hpp"
#include "io/received_reader.hpp"
#include "model/diagnostic.hpp"
#include "util/suggest.hpp"
#include "util/text.hpp"

namespace minsheng::cli {

bool stdout_is_terminal() {
  return isatty(STDOUT_FILENO) != 0;
}

Style stdout_style(const GlobalOptions& g) {
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  bool color = !g.no_color && stdout_is_terminal() && !(no_color && *no_color) &&
               !(term && std::string(term) == "dumb");
  return Style{color, terminal_width()};
}

int terminal_width() {
  // COLUMNS, when set, is what the user asked for (and what a test sets); else the terminal's.
  if (const char* c = std::getenv("COLUMNS"); c && *c) {
    char* end = nullptr;
    long v = std::strtol(c, &end, 10);
    if (*end == '\0' && v >= 20 && v <= 10000) return static_cast<int>(v);
  }
  winsize ws{};
  if (stdout_is_terminal() && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
    return ws.ws_col;
  return 0;
}

void emit(const std::string& content, const std::string& path) {
  if (!path.empty() && path != "-") {
    write_file_atomic(path, content);
    return;
  }
  emit_pieces([&](const auto& write) { write(content); });
}

void emit_pieces(const std::function<void(const std::function<void(std::string_view)>&)>& produce) {
  // A full disk or a closed pipe under a scheduled job must not pass for a published file.
  errno = 0;
  bool ok = true;
  produce([&](std::string_view piece) {
    ok = ok && std::fwrite(piece.data(), 1, piece.size(), stdout) == piece.size();
  });
  if (!ok || std::fflush(stdout) != 0 || std::ferror(stdout))
    throw IoError("标准输出", "写出失败: " + io_reason(errno ? errno : EIO));
}

void print_err(const std::string& line) {
  std::fputs(line.c_str(), stderr);
  std::fputc('\n', stderr);
}

Plan load_plan(const GlobalOptions& g) {
  std::error_code ec;
  if (!std::filesystem::exists(g.plan, ec)) {
    auto cwd = std::filesystem::current_path(ec).string();
    throw UsageError("找不到计划文件 " + g.plan + "（当前目录 " + cwd +
                     "）：请用 --plan 或环境变量 MINSHENG_PLAN 指定计划文件，或在项目目录（含 "
                     "tasks.yaml）或含 minsheng.yaml 的数据目录中运行");
  }
  Plan plan = minsheng::load_plan(g.plan);
  if (!g.data.empty()) adopt_breakdown_schedules(plan, g.data);
  return plan;
}

void apply_folder_settings(const CLI::App& app, GlobalOptions& g) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(kFolderSettingsFile, ec)) return;
  FolderSettings s = parse_folder_settings(read_input(kFolderSettingsFile), kFolderSettingsFile);
  auto unset = [&](const char* option, const char* env) {
    const char* v = env ? std::getenv(env) : nullptr;
    return app.get_option(option)->count() == 0 && !(v && *v);
  };
  if (!s.plan.empty() && unset("--plan", "MINSHENG_PLAN")) g.plan = s.plan;
  // minsheng.yaml lives in the data folder unless it names another.
  if (unset("--data", "MINSHENG_DATA")) g.data = s.data.empty() ? "." : s.data;
  if (!s.received.empty() && unset("--received", nullptr)) g.received = s.received;
}

const ReceivedLog* received_log(const GlobalOptions& g, const Plan& plan) {
  if (g.received.empty()) return nullptr;
  Diagnostics diags;
  ReceivedLog log = parse_received(read_input(g.received), g.received, plan, diags);
  if (diags.has_errors()) throw DataError(std::move(diags));
  for (const auto& d : diags.items()) print_err(d.str());
  return &until_exit(std::move(log));
}

std::string unit_option(const Plan& plan, const std::string& name) {
  std::string unit = plan.canonical_unit(name);
  if (unit.empty())
    throw UsageError("“" + name + "”不是计划中的牵头单位" + did_you_mean(name, plan.unit_names()));
  return unit;
}

YearMonth parse_month_option(const std::string& s, const char* option) {
  auto m = YearMonth::parse(s);
  if (!m) throw UsageError(std::string(option) + " 应为年月，如 2024-06，实际为“" + s + "”");
  return *m;
}

YearMonth plan_month_option(const Plan& plan, const std::string& s, const char* option) {
  YearMonth m = parse_month_option(s, option);
  if (m < plan.start)
    throw UsageError(std::string(option) + " " + m.str() + " 早于计划开始月份：计划期为 " +
                     plan.period_text());
  return m;
}

Date parse_date_option(const std::string& s, const char* option) {
  auto d = Date::parse(s);
  if (!d) throw UsageError(std::string(option) + " 应为日期，如 2024-07-03，实际为“" + s + "”");
  return *d;
}

Date today() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

std::optional<Date> month_cutoff(YearMonth m, const std::string& as_of_option) {
  Date as_of = as_of_option.empty() ? today() : parse_date_option(as_of_option, "--as-of");
  if (month_ended(m, as_of)) return std::nullopt;
  if (as_of < Date{m.year, m.month, 1})
    throw UsageError(m.str() + " 尚未开始（统计日期 " + as_of.str() + "）");
  if (as_of_option.empty())
    throw UsageError(m.str() + " 到 " + m.str() + "-" +
                     std::to_string(days_in_month(m.year, m.month)) + " 才结束（今天 " +
                     as_of.str() + "），月度报告须在月份结束后生成；如需阶段性数据，请加 --as-of " +
                     as_of.str());
  return as_of;
}

std::string output_format(const std::string& asked, const std::string& output_file) {
  if (!asked.empty()) return asked;
  return stdout_is_terminal() && output_file.empty() ? "table" : "md";
}

std::string render_format(const std::string& format, const Renderers& renderers,
                          const Style& style) {
  for (const auto& [name, render] : renderers)
    if (name == format) return format == "table" ? wrap_lines(render(), style.width) : render();
  throw UsageError("不支持的输出格式“" + format + "”");  // CLI11 checks first; kept for safety
}

CLI::Option* add_allow_stale(CLI::App* app, bool& target) {
  return app->add_flag("--allow-stale", target,
                       "该月尚无进度文件时仍生成报告：全部沿用此前月份数据，并在报告中注明");
}

void require_month_files(const Plan& plan, const DataSet& data, YearMonth month, bool allow_stale,
                         const GlobalOptions& g) {
  minsheng::require_month_files(plan, data, month, allow_stale,
                                (month_dir(g.data, month) / "submissions").string());
}

CLI::Option* add_format(CLI::App* app, std::string& target, std::vector<std::string> allowed) {
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : "|") + a;
  return app->add_option("--format,-f", target, "输出格式：" + list)->check(CLI::IsMember(allowed));
}

YearMonth month_or_latest(const Plan& plan, const DataSet& data, const std::string& s,
                          const char* option) {
  if (!s.empty()) return plan_month_option(plan, s, option);
  auto months = data.months_with_files();
  if (months.empty()) throw UsageError("数据目录中还没有任何进度文件");
  return months.back();
}

// The 县市区 --county names, or a usage error with the nearest name.
int county_option(const Plan& plan, const std::string& name) {
  if (name.empty()) return -1;
  if (plan.counties.empty())
    throw UsageError("计划未列出县市区（tasks.yaml 的 counties），不能使用 --county");
  int i = plan.county_index(name);
  if (i < 0) throw UsageError("没有县市区“" + name + "”" + did_you_mean(name, plan.counties));
  return i;
}

}  // namespace minsheng::cli
