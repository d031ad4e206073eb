// Outputs never touch inputs: the audit's `site -o reports` deleted every unit's file with
// exit 0, and `summary -o tasks.yaml` replaced the plan.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>

#include "harness.hpp"

using namespace minsheng::e2e;
namespace fs = std::filesystem;

namespace {

// Every file under `dir`, path to bytes: what must be the same after a refused run.
std::map<std::string, std::string> tree(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    out[fs::relative(e.path(), dir).string()] = e.is_regular_file() ? slurp(e.path()) : "<dir>";
  return out;
}

}  // namespace

TEST_CASE("site -o onto the data folder, a submissions or breakdown folder, or a home is refused") {
  Sandbox s;
  auto before = tree(s.dir());
  for (const char* out : {"demo/reports", "demo/reports/2024-06/submissions",
                          "demo/reports/breakdown", "demo/reports/2024-06", "demo", "."}) {
    INFO(out);
    Run r = run(std::string("--data demo/reports site --month 2024-06 -o ") + out, s.dir());
    CHECK(r.rc == 2);
    CHECK(r.err.find("输出不能写到输入上") != std::string::npos);
    CHECK(tree(s.dir()) == before);
  }
  // A folder of other files that holds no input: refused by the marker rule, untouched.
  s.write("home/me/论文.docx", "mine");
  before = tree(s.dir());
  Run r = run("--data demo/reports site --month 2024-06 -o home/me", s.dir());
  CHECK(r.rc == 2);
  CHECK(r.err.find("home/me 不是 minsheng 生成的看板目录，拒绝覆盖") != std::string::npos);
  CHECK(tree(s.dir()) == before);
  // Its own site it replaces, --write's too.
  REQUIRE(run("--data demo/reports site --month 2024-05 -o out", s.dir()).rc == 0);
  CHECK(fs::exists(s.dir() / "out" / ".minsheng-site"));
  CHECK(run("--data demo/reports site --month 2024-06 -o out", s.dir()).rc == 0);
  CHECK(slurp(s.dir() / "out" / "index.html").find("2024年6月") != std::string::npos);
}

TEST_CASE("every command refuses an -o naming the plan or a unit's file, and writes nothing") {
  Sandbox s;
  auto before = tree(s.dir());
  const std::vector<std::string> commands = {
      "summary --month 2024-06 --format csv",   "summary --month 2024-06 --by county --format csv",
      "diff 2024-05 2024-06 --format csv",      "bulletin --quarter 2024Q2 --as-of 2024-07-10",
      "template --unit 市妇联 --month 2024-07", "tasks --format csv",
  };
  const std::vector<std::string> inputs = {
      "tasks.yaml", "./demo/../tasks.yaml", "demo/reports/2024-06/submissions/市妇联.csv",
      "demo/reports/2024-07/submissions/新文件.csv", "demo/reports/breakdown/x.csv"};
  for (const auto& c : commands)
    for (const auto& in : inputs) {
      INFO(c << " -o " << in);
      Run r = run("--data demo/reports " + c + " -o " + in, s.dir());
      CHECK(r.rc == 2);
      CHECK(r.err.find("输出不能写到输入上") != std::string::npos);
    }
  CHECK(tree(s.dir()) == before);
  // Beside the inputs is fine: a summary in the month's folder, a file anywhere else.
  CHECK(run("--data demo/reports summary --month 2024-06 --format csv -o "
            "demo/reports/2024-06/6月.csv",
            s.dir())
            .rc == 0);
  CHECK(run("--data demo/reports summary --month 2024-06 --format csv -o 6月.csv", s.dir()).rc ==
        0);
}

TEST_CASE("a usage error is found before --write writes anything") {
  Sandbox s;
  auto before = tree(s.dir());
  Run r = run("--data demo/reports summary --month 2024-06 --write --format xlsx", s.dir());
  CHECK(r.rc == 2);
  CHECK(r.err.find("--format xlsx 需要用 -o 指定文件") != std::string::npos);
  CHECK(tree(s.dir()) == before);
}

TEST_CASE("a failed write to standard output is exit 4, not a silent truncated file") {
  Sandbox s;
  for (const char* c : {"summary --month 2024-06 --format csv", "check", "tasks --format csv",
                        "missing --month 2024-06 --as-of 2024-07-10 --format csv",
                        "history --to 2024-12 --format csv"}) {  // written a month at a time
    INFO(c);
    Run r = run(std::string("--data demo/reports ") + c + " >/dev/full", s.dir());
    CHECK(r.rc == 4);
    CHECK(r.err.find("标准输出: 写出失败: 磁盘空间不足") != std::string::npos);
  }
}

TEST_CASE(
    "an -o into a folder that does not exist is a usage error naming it, and creates nothing") {
  Sandbox s;
  Run r = run("--data demo/reports summary --month 2024-06 -o 报告/6月.md", s.dir());
  CHECK(r.rc == 2);
  CHECK(r.err == "minsheng: -o 报告/6月.md：目录“报告”不存在，请先创建（未写入任何文件）\n");
  CHECK_FALSE(std::filesystem::exists(s.dir() / "报告"));
  s.write("notes.txt", "a file, not a folder\n");
  Run site = run("--data demo/reports site --month 2024-06 -o notes.txt/site", s.dir());
  CHECK(site.rc == 2);
  CHECK(site.err == "minsheng: -o notes.txt/site：“notes.txt”不是目录（未写入任何文件）\n");
  // Into a folder that exists, and into the current folder, as before.
  std::filesystem::create_directories(s.dir() / "报告");
  CHECK(run("--data demo/reports summary --month 2024-06 -o 报告/6月.md", s.dir()).rc == 0);
  CHECK(run("--data demo/reports summary --month 2024-06 -o 6月.md", s.dir()).rc == 0);
  CHECK(std::filesystem::is_regular_file(s.dir() / "报告/6月.md"));
}
