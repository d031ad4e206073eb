#include "cli/commands.hpp"
namespace minsheng::cli {
Command setup_diff(CLI::App& app, const GlobalOptions&) {
  CLI::App* sub = app.add_subcommand("diff", "TODO");
  return {sub, [] { return 2; }};
}
}  // namespace minsheng::cli
