#include <catch2/catch.hpp>

#include "harness.hpp"

using namespace minsheng::e2e;

namespace {

// Runs minsheng under a pseudo-terminal (util-linux `script`), as a person at a terminal would.
Run run_on_tty(const std::string& args, const std::string& env) {
  std::string inner = "env " + env + " " + shell_quote(MINSHENG_BIN) + " " + args;
  return run_shell("script -qec " + shell_quote(inner) + " /dev/null");
}

}  // namespace

TEST_CASE("colour on a terminal, none with NO_COLOR, and the table is the default there") {
  Run tty = run_on_tty("--data demo/reports summary --month 2024-06", "TERM=xterm NO_COLOR=");
  REQUIRE(tty.rc == 0);
  CHECK(tty.out.find("\x1b[31m严重滞后") != std::string::npos);        // 严重滞后 in red
  CHECK(tty.out.find("（一）着力实现幼有善育") != std::string::npos);  // the table, not Markdown
  Run plain = run_on_tty("--data demo/reports summary --month 2024-06", "TERM=xterm NO_COLOR=1");
  CHECK(plain.out.find("\x1b[") == std::string::npos);
  Run dumb = run_on_tty("--data demo/reports summary --month 2024-06", "TERM=dumb NO_COLOR=");
  CHECK(dumb.out.find("\x1b[") == std::string::npos);
}

TEST_CASE("files never contain colour codes, even when written from a terminal") {
  Sandbox s;
  std::string out = (s.dir() / "s.txt").string();
  Run r = run_on_tty("--data " + shell_quote(s.data().string()) +
                         " summary --month 2024-06 --format table -o " + shell_quote(out),
                     "TERM=xterm NO_COLOR=");
  REQUIRE(r.rc == 0);
  std::string text = slurp(out);
  CHECK(text.find("70项任务") != std::string::npos);
  CHECK(text.find("\x1b[") == std::string::npos);
}

TEST_CASE("control characters from the data never reach the terminal or a file name") {
  Sandbox s;
  // A note with an ESC sequence and a file name with one.
  s.write("demo/reports/2024-06/submissions/市妇联.csv",
          "任务编号,累计完成,备注\n30,140000,\"\x1b[2J清屏\"\n");
  s.write("demo/reports/2024-06/submissions/说明\x1b[31m.docx", "x");
  Run t = run("--data demo/reports summary --month 2024-06 --format table", s.dir());
  REQUIRE(t.rc == 0);
  CHECK(t.out.find('\x1b') == std::string::npos);
  Run md = run("--data demo/reports summary --month 2024-06 --format md", s.dir());
  CHECK(md.out.find('\x1b') == std::string::npos);
  CHECK(md.out.find("清屏") != std::string::npos);
  Run chk = run("--data demo/reports check --month 2024-06", s.dir());
  CHECK(chk.err.find('\x1b') == std::string::npos);
  CHECK(chk.err.find("说明?[31m.docx: 警告: 不是进度文件") != std::string::npos);
}
