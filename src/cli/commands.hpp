// One file per subcommand: an options struct, setup_x(CLI::App&) and run_x(const XOptions&).
#pragma once
#include <CLI/CLI.hpp>

#include "cli/common.hpp"

namespace minsheng::cli {

// setup_x registers its subcommand; main calls `run` when that subcommand was given.
struct Command {
  CLI::App* app;
  std::function<int()> run;
};

Command setup_tasks(CLI::App& app, const GlobalOptions& g);
Command setup_check(CLI::App& app, const GlobalOptions& g);
Command setup_template(CLI::App& app, const GlobalOptions& g);
Command setup_missing(CLI::App& app, const GlobalOptions& g);
Command setup_summary(CLI::App& app, const GlobalOptions& g);
Command setup_diff(CLI::App& app, const GlobalOptions& g);
Command setup_bulletin(CLI::App& app, const GlobalOptions& g);
Command setup_history(CLI::App& app, const GlobalOptions& g);
Command setup_projects(CLI::App& app, const GlobalOptions& g);
Command setup_problems(CLI::App& app, const GlobalOptions& g);
Command setup_site(CLI::App& app, const GlobalOptions& g);
Command setup_final(CLI::App& app, const GlobalOptions& g);
Command setup_help(CLI::App& app, const GlobalOptions& g);
Command setup_complete(CLI::App& app, const GlobalOptions& g);  // hidden: for shell completion

}  // namespace minsheng::cli
