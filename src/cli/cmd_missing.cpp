#include "cli/commands.hpp"
namespace minsheng::cli {
Command setup_missing(CLI::App& app, const GlobalOptions&) {
  CLI::App* sub = app.add_subcommand("missing", "TODO");
  return {sub, [] { return 2; }};
}
}  // namespace minsheng::cli
