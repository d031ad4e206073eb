// Shell completion (packaging/completion/*) asks `minsheng __complete`: what it offers comes from
// the same definitions as --help, the plan and the data folder, and it never fails loudly.
#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>
#include <vector>

#include "harness.hpp"

using namespace minsheng::e2e;

namespace {

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// What completion offers after `option` of `sub`, as the bash script asks for it.
std::vector<std::string> values(const std::string& sub, const std::string& option) {
  Run r = run("--data demo/reports __complete values " + sub + " -- " + option);
  CHECK(r.rc == 0);
  CHECK(r.err.empty());
  return lines(r.out);
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("completion offers the commands, each command's options and the global ones") {
  CHECK(lines(run("__complete subcommands").out) ==
        V{"tasks", "check", "template", "missing", "summary", "diff", "bulletin", "history",
          "projects", "problems", "site", "final", "help"});  // never __complete itself
  V summary = lines(run("__complete options summary").out);
  for (const char* o : {"--month", "--format", "--output", "--write", "--by", "--county", "--as-of",
                        "--allow-stale", "--keep-going", "--explain"})
    CHECK(std::count(summary.begin(), summary.end(), o) == 1);
  V global = lines(run("__complete options").out);
  for (const char* o : {"--plan", "--data", "--received", "--no-color", "--jobs"})
    CHECK(std::count(global.begin(), global.end(), o) == 1);
}

TEST_CASE("completion offers the plan's units, aliases too, and the data folder's months") {
  V units = lines(run("__complete units").out);
  CHECK(units.size() == 22 + 11);  // tasks.yaml: 22 units, 11 aliases
  CHECK(units.front() == "市卫健委");
  CHECK(std::count(units.begin(), units.end(), "共青团宜昌市委") == 1);
  CHECK(lines(run("--data demo/reports __complete months").out) ==
        V{"2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10", "2024-11",
          "2024-12"});
}

TEST_CASE("completion offers each option's values: lists, periods, names, files and flags") {
  CHECK(values("summary", "--format") == V{"table", "md", "csv", "json", "xlsx"});
  CHECK(values("summary", "--by") == V{"county"});
  // The demo data runs April to December: quarters 2 to 4, both halves.
  CHECK(values("bulletin", "--quarter") == V{"last", "2024Q2", "2024Q3", "2024Q4"});
  CHECK(values("bulletin", "--half") == V{"last", "2024H1", "2024H2"});
  CHECK(values("site", "--month").size() == 9);
  CHECK(values("history", "--to").front() == "2024-04");
  CHECK(values("projects", "--status") == V{"未开工", "在建", "已完工"});
  V only = values("diff", "--only");
  CHECK(only.size() == 11);
  CHECK(only.front() == "completed");
  CHECK(values("diff", "--fail-on") == only);
  V counties = values("summary", "--county");
  CHECK(counties.size() == 14);
  CHECK(counties.back() == "宜昌高新区");
  CHECK(values("template", "--unit").size() == 33);
  CHECK(values("-", "--plan") == V{"__files__"});
  CHECK(values("summary", "--output") == V{"__files__"});
  CHECK(values("summary", "--write") == V{"__flag__"});
  V jobs = values("-", "--jobs");
  CHECK(jobs.size() >= 2);
  CHECK(jobs.front() == "1");
  // A date is typed, not chosen; an unknown option or command offers nothing.
  CHECK(values("missing", "--as-of").empty());
  CHECK(values("summary", "--nonsense").empty());
  CHECK(values("nosuch", "--month").empty());
}

TEST_CASE("completion without a plan or a data folder offers nothing, quietly") {
  Sandbox s;
  for (const char* args : {"__complete units", "--data nowhere __complete months",
                           "--plan nowhere.yaml __complete values template -- --unit"}) {
    INFO(args);
    Run r = run(args, s.dir() / "demo");
    CHECK(r.rc == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
  }
}
