// minsheng __complete: what shell completion offers, from the same definitions --help shows.
// Hidden from --help. Prints one candidate per line and never fails loudly: a shell calls it.
#include <algorithm>
#include <memory>
#include <thread>

#include "assess/diff.hpp"
#include "assess/period.hpp"
#include "cli/commands.hpp"
#include "io/data_dir.hpp"
#include "util/text.hpp"

namespace minsheng::cli {

struct CompleteOptions {
  std::string what;  // subcommands | options | units | months | values
  std::string subcommand;
  std::string option;  // for values: the option before the word being completed
};

// What may follow `opt`: "__flag__" when nothing does (a flag), "__files__" for a path, else
// the values themselves.
static std::string values_of(const CLI::Option* opt, const GlobalOptions& g) {
  if (opt->get_type_size() == 0 || opt->get_type_name().empty()) return "__flag__\n";
  std::string name = opt->get_lnames().empty() ? opt->get_name() : opt->get_lnames().front();
  std::string out;
  auto months = [&] { return list_months(g.data); };
  if (name == "plan" || name == "data" || name == "output" || name == "template" ||
      name == "received")
    return "__files__\n";
  if (name == "unit")
    for (const auto& u : load_plan(g).unit_names()) out += u + "\n";
  if (name == "county")
    for (const auto& c : load_plan(g).counties) out += c + "\n";
  bool month_valued = opt->get_description().find("YYYY-MM") != std::string::npos &&
                      opt->get_description().find("YYYY-MM-DD") == std::string::npos;
  if (name == "month" || name == "to" || name == "from" || month_valued)
    for (YearMonth m : months()) out += m.str() + "\n";
  if (name == "quarter" || name == "half") {
    Period::Kind kind = name == "quarter" ? Period::Kind::quarter : Period::Kind::half;
    std::vector<std::string> seen;
    for (YearMonth m : months()) {
      int per = kind == Period::Kind::quarter ? 3 : 6;
      std::string code = Period{kind, m.year, (m.month - 1) / per + 1}.code();
      if (seen.empty() || seen.back() != code) seen.push_back(code);
    }
    out += "last\n";
    for (const auto& c : seen) out += c + "\n";
  }
  if (name == "status") out += "未开工\n在建\n已完工\n";
  if (name == "only" || name == "fail-on")
    for (ChangeKind k : kAllChangeKinds) out += std::string(change_code(k)) + "\n";
  if (name == "jobs")
    for (unsigned j = 1; j <= std::max(2u, std::thread::hardware_concurrency()); ++j)
      out += std::to_string(j) + "\n";
  // A checked list (--format, --by): CLI11 describes it as "TEXT:{md,html}".
  std::string t = opt->get_type_name();
  if (auto open = t.find(":{"); open != std::string::npos && t.back() == '}') {
    std::string list = t.substr(open + 2, t.size() - open - 3);
    for (auto v : split(list, ',')) out += std::string(v) + "\n";
  }
  return out;
}

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
    } else if (o.what == "values") {
      const CLI::App* sub =
          o.subcommand.empty() || o.subcommand == "-" ? &app : app.get_subcommand(o.subcommand);
      const CLI::Option* opt = sub->get_option_no_throw(o.option);
      if (!opt) opt = app.get_option_no_throw(o.option);
      if (opt) out = values_of(opt, g);
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
  sub->add_option("option", o->option);
  return {sub, [o, &g, &app] { return run_complete(*o, g, app); }};
}

}  // namespace minsheng::cli
