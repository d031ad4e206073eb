#include "cli/commands.hpp"
namespace minsheng::cli {
Command setup_bulletin(CLI::App& app, const GlobalOptions&) {
  CLI::App* sub = app.add_subcommand("bulletin", "TODO");
  return {sub, [] { return 2; }};
}
}  // namespace minsheng::cli
