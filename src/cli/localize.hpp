// CLI11 speaks English; staff read Chinese. Labels of the help text, and every parse error.
#pragma once
#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

namespace minsheng::cli {

// Chinese help labels and parse-error messages for `app` and the subcommands added after it.
void localize(CLI::App& app);

// CLI11's English error text in Chinese ("--month is required" → "缺少 --month").
std::string translate_parse_error(const std::string& what);

// The first word of the command line that should name a subcommand but names none, with the
// closest subcommand: "未知子命令“summery”（是否应为“summary”？）". Global options and their
// values are skipped.
std::optional<std::string> unknown_subcommand(const std::vector<std::string>& args,
                                              const std::vector<std::string>& subcommands,
                                              const std::vector<std::string>& valued_options);

}  // namespace minsheng::cli
