#include "io/output_guard.hpp"

#include <catch2/catch.hpp>

#include "model/diagnostic.hpp"
#include "temp_dir.hpp"

using namespace minsheng;
namespace fs = std::filesystem;

TEST_CASE("input_role: the plan, the data folder, submissions and breakdown are never outputs") {
  test::TempDir t;
  fs::path plan = t.write("work/tasks.yaml", "x");
  fs::path data = t.path() / "work" / "reports";
  t.write("work/reports/2024-06/submissions/市妇联.csv", "x");
  t.write("work/reports/breakdown/市民政局_分解方案.csv", "x");
  auto role = [&](const fs::path& out) { return input_role(out, plan, data); };
  CHECK(role(plan) == "计划文件");
  CHECK(role(t.path() / "work" / "reports" / ".." / "tasks.yaml") == "计划文件");
  CHECK(role(data) == "数据目录");
  CHECK(role(data / "2024-06" / "submissions" / "市妇联.csv").starts_with("单位报送文件目录"));
  // A new file there would be read as a unit's report next time.
  CHECK(role(data / "2024-07" / "submissions" / "汇总.csv").starts_with("单位报送文件目录"));
  CHECK(role(data / "2024-06" / "submissions").starts_with("单位报送文件目录"));
  CHECK(role(data / "2024-06").starts_with("月份目录"));
  CHECK(role(data / "breakdown").starts_with("分解方案目录"));
  CHECK(role(data / "breakdown" / "new.csv").starts_with("分解方案目录"));
  CHECK(role(t.path() / "work") == "包含计划文件的目录");
  CHECK(role(t.path()) == "包含计划文件的目录");
  CHECK(role("/") == "包含计划文件的目录");
  // What minsheng itself writes into the data folder, and anywhere else, is allowed.
  CHECK(role(data / "2024-06" / "summary.md").empty());
  CHECK(role(data / "site").empty());
  CHECK(role(data / "2024Q2" / "bulletin.md").empty());
  CHECK(role(t.path() / "out" / "6月汇总.xlsx").empty());
  // A folder named like a month but not a month is nobody's input.
  CHECK(role(data / "2024年6月备份" / "submissions" / "a.csv").empty());
}

TEST_CASE("input_role: a symlink to an input is that input") {
  test::TempDir t;
  fs::path plan = t.write("tasks.yaml", "x");
  fs::path data = t.path() / "reports";
  t.write("reports/2024-06/submissions/a.csv", "x");
  fs::create_directory_symlink(data / "2024-06" / "submissions", t.path() / "inbox");
  fs::create_symlink(plan, t.path() / "plan-link.yaml");
  CHECK(input_role(t.path() / "inbox" / "a.csv", plan, data).starts_with("单位报送文件目录"));
  CHECK(input_role(t.path() / "plan-link.yaml", plan, data) == "计划文件");
}

TEST_CASE("refuse_input_as_output names the option, the path and what it is") {
  test::TempDir t;
  fs::path plan = t.write("tasks.yaml", "x");
  try {
    refuse_input_as_output("-o", plan, plan, t.path() / "reports");
    FAIL("the plan was accepted as an output");
  } catch (const UsageError& e) {
    CHECK(std::string(e.what()) ==
          "-o " + plan.string() +
              " 是计划文件，输出不能写到输入上；请另选输出位置（未写入任何文件）");
  }
  CHECK_NOTHROW(refuse_input_as_output("-o", t.path() / "out.md", plan, t.path() / "reports"));
}
