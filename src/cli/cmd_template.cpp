#include "cli/commands.hpp"
namespace minsheng::cli {
Command setup_template(CLI::App& app, const GlobalOptions&) {
  CLI::App* sub = app.add_subcommand("template", "TODO");
  return {sub, [] { return 2; }};
}
}  // namespace minsheng::cli
