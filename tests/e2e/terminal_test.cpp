#include <catch2/catch.hpp>

#include "harness.hpp"
#include "util/text.hpp"

using namespace minsheng::e2e;

namespace {

// Runs minsheng under a pseudo-terminal (util-linux `script`), as a person at a terminal would.
Run run_on_tty(const std::string& args, const std::string& env) {
  std::string inner = "env " + env + " " + shell_quote(MINSHENG_BIN) + " " + args;
  return run_shell("script -qec " + shell_quote(inner) + " /dev/null");
}

// The widest line, in terminal columns, with colour codes taken out.
int widest_line(const std::string& text) {
  int widest = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    for (std::size_t e; (e = line.find('\x1b')) != std::string::npos;)
      line.erase(e, line.find('m', e) - e + 1);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    widest = std::max(widest, minsheng::display_width(line));
    start = end + 1;
  }
  return widest;
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

TEST_CASE("with COLUMNS=80 no line of any table output is wider than 80 columns") {
  for (const char* args : {"summary --month 2024-06", "summary --month 2024-06 --by county",
                           "summary --month 2024-06 --county 夷陵区", "diff 2024-05 2024-06",
                           "history", "history --changes", "projects --month 2024-06", "problems",
                           "tasks", "missing --month 2024-06 --as-of 2024-07-10"}) {
    INFO(args);
    Run wide = run(std::string("--data demo/reports ") + args + " --format table");
    Run narrow = run(std::string("--data demo/reports ") + args + " --format table",
                     MINSHENG_SOURCE_DIR, "COLUMNS=80");
    REQUIRE(narrow.rc == wide.rc);
    CHECK(widest_line(narrow.out) <= 80);
    CHECK(narrow.out.size() > 200);
  }
  // Piped without COLUMNS, rows keep their full width: the summary's run to about 110 columns.
  CHECK(widest_line(run("--data demo/reports summary --month 2024-06 --format table").out) > 100);
}

TEST_CASE("a narrow table drops the bar, then cuts long names with an ellipsis") {
  Run r = run("--data demo/reports summary --month 2024-06 --format table", MINSHENG_SOURCE_DIR,
              "COLUMNS=80");
  CHECK(r.out.find("█") == std::string::npos);  // the bar went first
  CHECK(r.out.find("   4  新增3岁以…   市卫健委  1680个    1100个   65.5%  -10.9  超序时\n") !=
        std::string::npos);
  // The status, last, stays whole while the names can give.
  CHECK(r.out.find(
            "  66  更换改造…  市城管委    4000个    1450个   36.3%   18.3  滞后，预计逾期\n") !=
        std::string::npos);
  // The headline, prose, wraps at 80 columns rather than being cut.
  CHECK(r.out.find(
            "70项任务：已完成 13 项、超序时 17 项、序时推进 29 项、滞后 8 项、严重滞后 1 项、\n"
            "未填报 1 项、目标待定 1 项\n") != std::string::npos);
  // At 120 columns the summary fits whole: the bar is back and no name is cut.
  Run wide = run("--data demo/reports summary --month 2024-06 --format table", MINSHENG_SOURCE_DIR,
                 "COLUMNS=120");
  CHECK(wide.out.find("█") != std::string::npos);
  CHECK(wide.out.find("新增3岁以下婴幼儿托位") != std::string::npos);
}

TEST_CASE("on a terminal the table fits the terminal's own width") {
  // script gives a pseudo-terminal; stty sets its width, as a 80-column window has.
  std::string inner = "stty cols 80; env -u COLUMNS TERM=xterm NO_COLOR=1 " +
                      shell_quote(MINSHENG_BIN) + " --data demo/reports summary --month 2024-06";
  Run tty = run_shell("script -qec " + shell_quote(inner) + " /dev/null");
  REQUIRE(tty.rc == 0);
  CHECK(tty.out.find("（一）着力实现幼有善育") != std::string::npos);
  CHECK(widest_line(tty.out) <= 80);
}
