#include "cli/commands.hpp"
namespace minsheng::cli {
Command setup_summary(CLI::App& app, const GlobalOptions&) {
  CLI::App* sub = app.add_subcommand("summary", "TODO");
  return {sub, [] { return 2; }};
}
}  // namespace minsheng::cli
