// minsheng help [COMMAND], and the environment that lets staff run from any folder.
#include <catch2/catch.hpp>

#include "harness.hpp"
#include "util/text.hpp"

using namespace minsheng::e2e;

TEST_CASE("help COMMAND is that command's --help, and help alone is --help") {
  Run h = run("help diff");
  CHECK(h.rc == 0);
  CHECK(h.out == run("diff --help").out);
  CHECK(h.out.find("用法: minsheng diff [选项] OLD NEW") != std::string::npos);
  CHECK(run("help").out == run("--help").out);
  Run typo = run("help sumary");
  CHECK(typo.rc == 2);
  CHECK(typo.err ==
        "minsheng: 没有子命令“sumary”（是否应为“summary”？）；用 minsheng --help 查看全部子命令\n");
}

TEST_CASE("MINSHENG_PLAN and MINSHENG_DATA name the plan and the data folder, and options win") {
  Sandbox s;
  const std::string plan = (s.dir() / "tasks.yaml").string();
  const std::string data = (s.dir() / "demo/reports").string();
  // From a folder with neither: the environment says where they are.
  s.write("elsewhere/readme.txt", "staff's own folder\n");
  Run env = run("summary --month 2024-06 --format csv", s.dir() / "elsewhere",
                "env MINSHENG_PLAN=" + plan + " MINSHENG_DATA=" + data);
  CHECK(env.rc == 0);
  CHECK(env.out ==
        run("--plan " + plan + " --data " + data + " summary --month 2024-06 --format csv").out);
  CHECK(env.out.find("\r\n66,1,10,市城管委,") != std::string::npos);
  // An option given on the command line wins over the environment.
  Run wrong = run("--data " + data + " summary --month 2024-06 --format csv", s.dir() / "elsewhere",
                  "env MINSHENG_PLAN=" + plan + " MINSHENG_DATA=/nonexistent");
  CHECK(wrong.rc == 0);
  CHECK(wrong.out == env.out);
  // Without either, the message says both ways.
  Run none = run("summary --month 2024-06", s.dir() / "elsewhere");
  CHECK(none.rc == 2);
  CHECK(none.err.find("请用 --plan 或环境变量 MINSHENG_PLAN 指定计划文件") != std::string::npos);
}

TEST_CASE("help names each value in Chinese, aligns by display width and fits 80 columns") {
  std::vector<std::string> pages = {"--help"};
  for (const char* c : {"tasks", "check", "template", "missing", "summary", "diff", "bulletin",
                        "history", "projects", "problems", "site", "final"})
    pages.push_back(std::string(c) + " --help");
  for (const auto& args : pages) {
    INFO(args);
    Run r = run(args);
    REQUIRE(r.rc == 0);
    for (const char* english : {" TEXT", "UINT", " INT", "FLOAT", "Excludes", "Env:", "REQUIRED"})
      CHECK(r.out.find(english) == std::string::npos);
    std::size_t start = 0;
    while (start < r.out.size()) {
      std::size_t end = r.out.find('\n', start);
      std::string line = r.out.substr(start, end - start);
      start = end + 1;
      CHECK(minsheng::display_width(line) <= 80);
      // An option's description starts at column 30 whatever the width of its Chinese words
      // (a name too long for the column puts its description on the next line).
      std::size_t gap = line.find("  ", 2);
      if (line.rfind("  -", 0) == 0 && gap != std::string::npos) {
        std::size_t text = line.find_first_not_of(' ', gap);
        CHECK(minsheng::display_width(line.substr(0, text)) == 30);
      }
    }
  }
  Run b = run("bulletin --help");
  CHECK(b.out.find("  --number 期号:1–999         期号") != std::string::npos);
  CHECK(b.out.find("  --date 日期                 落款") != std::string::npos);
  CHECK(b.out.find("  -f,--format 格式:{md,html}  输出格式") != std::string::npos);
  Run top = run("--help");
  CHECK(top.out.find("  --plan 文件=tasks.yaml（环境变量 MINSHENG_PLAN）\n") != std::string::npos);
  CHECK(top.out.find("  -j,--jobs 线程数:0–256      并行") != std::string::npos);
}

TEST_CASE("from a data folder with minsheng.yaml, minsheng runs with no --plan or --data") {
  Sandbox s;
  s.write("demo/reports/minsheng.yaml", "plan: ../../tasks.yaml\n");
  Run here = run("summary --month 2024-06 --format csv", s.data());
  REQUIRE(here.rc == 0);
  Run there = run("--data demo/reports summary --month 2024-06 --format csv", s.dir());
  // The same figures; only the sources' paths differ (./2024-06/… against demo/reports/2024-06/…).
  auto strip = [](std::string t) {
    for (std::size_t at; (at = t.find("demo/reports/")) != std::string::npos;)
      t.replace(at, 13, "./");
    return t;
  };
  CHECK(here.out == strip(there.out));
  // The command line and the environment still win over it.
  CHECK(run("--plan nope.yaml summary --month 2024-06", s.data()).rc == 2);
  CHECK(run("summary --month 2024-06", s.data(), "MINSHENG_PLAN=nope.yaml").rc == 2);
  s.write("demo/reports/minsheng.yaml", "paln: ../../tasks.yaml\n");
  Run bad = run("summary --month 2024-06", s.data());
  CHECK(bad.rc == 1);
  CHECK(bad.err ==
        "minsheng.yaml:1:1: 错误: 未知设置“paln”（是否应为“plan”？）；可用：plan、data、received\n"
        "共 1 个错误、0 个警告\n");
}
