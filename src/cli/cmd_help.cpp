// minsheng help [COMMAND]: a command's help, as `minsheng COMMAND --help` gives it.
#include <memory>

#include "cli/commands.hpp"
#include "model/diagnostic.hpp"
#include "util/suggest.hpp"

namespace minsheng::cli {

struct HelpOptions {
  std::string command;
};

static int run_help(const HelpOptions& o, CLI::App& app) {
  // As --help formats it (App::help would give help's own help: it is the command parsed).
  if (o.command.empty()) {
    emit(app.get_formatter()->make_help(&app, "minsheng", CLI::AppFormatMode::Normal), "");
    return 0;
  }
  std::vector<std::string> names;
  for (const CLI::App* sub :
       app.get_subcommands([](CLI::App* s) { return !s->get_group().empty(); }))
    names.push_back(sub->get_name());
  for (const auto& name : names)
    if (name == o.command) {
      const CLI::App* sub = app.get_subcommand(name);
      emit(sub->get_formatter()->make_help(sub, "minsheng " + name, CLI::AppFormatMode::Normal),
           "");
      return 0;
    }
  throw UsageError("没有子命令“" + o.command + "”" + did_you_mean(o.command, names) +
                   "；用 minsheng --help 查看全部子命令");
}

Command setup_help(CLI::App& app, const GlobalOptions&) {
  auto o = std::make_shared<HelpOptions>();
  CLI::App* sub = app.add_subcommand("help", "显示帮助；help 子命令 显示该子命令的用法和选项");
  sub->add_option("command", o->command, "子命令，如 summary");
  return {sub, [o, &app] { return run_help(*o, app); }};
}

}  // namespace minsheng::cli
