// What every subcommand shares: global options, output, colour and the plan.
#pragma once
#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/plan.hpp"
#include "model/progress.hpp"
#include "model/received.hpp"
#include "report/table.hpp"
#include "util/date.hpp"

namespace minsheng::cli {

struct GlobalOptions {
  std::string plan = "tasks.yaml";
  std::string data = "reports";
  std::string received;  // 收文登记 CSV; empty: dates come from the files alone
  bool no_color = false;
  unsigned jobs = 0;  // threads for reading and assessing; 0: one per core
};

// Colour only when stdout is a terminal, NO_COLOR is unset and TERM is not "dumb".
// Tables fit the terminal's width (COLUMNS when set); piped, rows keep their full width.
Style stdout_style(const GlobalOptions& g);
int terminal_width();
bool stdout_is_terminal();

// Writes to `path` atomically, or to stdout when `path` is empty.
void emit(const std::string& content, const std::string& path);
// Standard output written piece by piece as `produce` hands the pieces over (a province's
// history), with the same check to its close as emit.
void emit_pieces(const std::function<void(const std::function<void(std::string_view)>&)>& produce);
void print_err(const std::string& line);

// minsheng.yaml in the current folder (plan:, data:, received:) fills in what neither the
// command line nor the environment gave; without data:, the data folder is the current one.
void apply_folder_settings(const CLI::App& app, GlobalOptions& g);

Plan load_plan(const GlobalOptions& g);
// The --received log, read once and kept; nullptr without --received. A DataError listing
// every bad row of the log.
const ReceivedLog* received_log(const GlobalOptions& g, const Plan& plan);

// Keeps `v` until the process ends, whose exit returns the memory at once: destroying a
// province's plan and report object by object took 0.1 s of summary's 2. It stays reachable,
// so leak checkers do not count it.
template <class T>
T& until_exit(T&& v) {
  static auto* kept = new std::vector<const void*>;
  auto* p = new T(std::move(v));
  kept->push_back(p);
  return *p;
}
// A --unit value as the plan names the unit (aliases accepted); a usage error with a suggestion.
std::string unit_option(const Plan& plan, const std::string& name);
YearMonth parse_month_option(const std::string& s, const char* option);
// A month the plan covers: a usage error naming the plan's period for a month before its start.
YearMonth plan_month_option(const Plan& plan, const std::string& s, const char* option);
// The 县市区 --county names (an index into Plan::counties), -1 when empty; a usage error with
// the nearest name when it is not one.
int county_option(const Plan& plan, const std::string& name);
// The month an option names, or (when it is empty) the last month with progress files.
YearMonth month_or_latest(const Plan& plan, const DataSet& data, const std::string& s,
                          const char* option);
Date parse_date_option(const std::string& s, const char* option);
Date today();
// A month's report asked for as of `as_of_option` (default today). Nothing when the month has
// ended; before it ends, a usage error unless --as-of was given, and then that day, which the
// document names (截至…（本月尚未结束）): a report must not pass a part month off as the whole.
std::optional<Date> month_cutoff(YearMonth m, const std::string& as_of_option);

// The format asked for, or the default: a table for a person at a terminal, else Markdown.
std::string output_format(const std::string& asked, const std::string& output_file);

// The renderer for a --format value: every command dispatches through this one place.
using Renderers = std::vector<std::pair<std::string, std::function<std::string()>>>;
// A table's lines longer than `style.width` (prose above the tables) are wrapped to fit.
std::string render_format(const std::string& format, const Renderers& renderers,
                          const Style& style = {});

// --allow-stale, worded once for every command that offers it.
CLI::Option* add_allow_stale(CLI::App* app, bool& target);
// require_month_files for `month` under the data folder of `g`.
void require_month_files(const Plan& plan, const DataSet& data, YearMonth month, bool allow_stale,
                         const GlobalOptions& g);

// --format values, checked by CLI11.
CLI::Option* add_format(CLI::App* app, std::string& target, std::vector<std::string> allowed);

}  // namespace minsheng::cli
