// minsheng help [COMMAND], and the environment that lets staff run from any folder.
#include <catch2/catch.hpp>

#include "harness.hpp"

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
