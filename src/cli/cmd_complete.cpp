// minsheng __complete: what shell completion offers, from the same definitions --help shows.
// Hidden from --help. Prints one candidate per line and never fails loudly: a shell calls it.
#include <memory>

#include "cli/commands.hpp"
#include "io/data_dir.hpp"

namespace minsheng::cli {

struct CompleteOptions {
  std::string what;  // subcommands | options | units | months
  std::string subcommand;
};

static int run_complete(const CompleteOptions& o, const GlobalOptions& g, CLI::App& app) {
  std::string out;
  try {
    if (o.what == "subcommands") {
      for (const auto* sub : app.get_subcommands({}))
        if (!sub->get_group().empty()) out += sub->get_name() + "\n";
    } else if (o.what == "options") {
      const CLI::App* sub = o.subcommand.empty() ? &app : app.get_subcommand(o.subcommand);
      for (const auto* opt : sub->get_options({}))
        for (const auto& name : opt->get_lnames()) out += "--" + name + "\n";
    } else if (o.what == "units") {
      for (const auto& u : load_plan(g).unit_names()) out += u + "\n";
    } else if (o.what == "months") {
      for (YearMonth m : list_months(g.data)) out += m.str() + "\n";
    }
  } catch (const std::exception&) {
    return 0;  // no plan, no data folder: nothing to offer
  }
  emit(out, "");
  return 0;
}

Command setup_complete(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<CompleteOptions>();
  CLI::App* sub = app.add_subcommand("__complete", "");
  sub->add_option("what", o->what)->required();
  sub->add_option("subcommand", o->subcommand);
  return {sub, [o, &g, &app] { return run_complete(*o, g, app); }};
}

}  // namespace minsheng::cli
