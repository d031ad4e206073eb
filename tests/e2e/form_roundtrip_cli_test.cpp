// The forms round-trip: whatever the plan names (a county "=甲县" that a spreadsheet would take
// for a formula, one with ", value: 5" that would add a YAML key, a task text with a line break
// and "}"), a unit's form read back as it was sent finds every name, and the figure typed in it
// lands on its target and county.
#include <catch2/catch.hpp>
#include <filesystem>

#include "harness.hpp"

using namespace minsheng::e2e;
namespace fs = std::filesystem;

namespace {

const char* kPlan = R"(plan:
  title: 测试计划
  start: 2024-01
  deadline: 2024-10-31
  reporting: {to: 市发改委, due_day: 3}
measures: [个]
units: [市民政局]
counties: ["=甲县", "乙区, value: 5", "#丙市", "'丁县\"", "@戊区", "-己县"]
categories:
  - {id: 1, name: 类别一}
tasks:
  - id: 1
    category: 1
    lead: 市民政局
    text: "新建综合体}\n# 第二行: 不是键"
    targets:
      - {name: 综合体, value: 100, measure: 个}
)";

// April's figures, and a 分解方案 that splits the target over every county, so that May's form
// has a row for each.
const char* kApril = "任务编号,累计完成\n1,60\n";
const char* kBreakdown =
    "task,target,county,target_value\n1,,\"=甲县\",20\n1,,\"乙区, value: 5\",20\n1,,#丙市,20\n"
    "1,,\"'丁县\"\"\",20\n1,,@戊区,10\n1,,-己县,10\n";

}  // namespace

TEST_CASE("every form format reads back whatever the plan names, and a typed figure lands") {
  for (const std::string format : {"csv", "yaml", "xlsx"}) {
    INFO(format);
    Sandbox s;
    fs::create_directories(s.dir() / "r/2024-05/submissions");
    s.write("plan.yaml", kPlan);
    s.write("r/2024-04/submissions/市民政局.csv", kApril);
    s.write("r/breakdown/市民政局_分解方案.csv", kBreakdown);
    const std::string base = "--plan plan.yaml --data r ";
    REQUIRE(run(base + "template --unit 市民政局 --month 2024-05 --format " + format + " -o form." +
                    format,
                s.dir())
                .rc == 0);
    std::string form = slurp(s.dir() / ("form." + format));
    const std::string sent = "r/2024-05/submissions/市民政局." + format;
    // As sent, blank: every row's county is one of the plan's (a mangled name is an error).
    s.write(sent, form);
    Run blank = run(base + "check --month 2024-05", s.dir());
    CHECK(blank.rc == 0);
    CHECK(blank.out == "计划 1 项任务、1 个指标；2024-05 共 1 个进度文件：未发现问题\n");
    if (format == "xlsx") continue;  // filled in a spreadsheet: unit_forms_cli_test
    // Filled in as a unit would: 乙区's figure typed where its value is empty.
    // (In the CSV: 计量单位 个, an empty 上期累计, then 累计完成.)
    std::string empty = format == "csv" ? "个,,," : "value: \"\"";
    std::string typed = format == "csv" ? "个,,25," : "value: 25";
    auto row = form.find("\"乙区, value: 5\"");
    REQUIRE(row != std::string::npos);
    auto at = form.find(empty, row);
    REQUIRE(at != std::string::npos);
    form.replace(at, empty.size(), typed);
    s.write(sent, form);
    Run filled = run(base + "summary --month 2024-05 --by county --format csv", s.dir());
    CHECK(filled.rc == 0);
    INFO(filled.out);
    // 25 of 乙区's 分解目标 20: 125.0%; no other county has a figure.
    CHECK(
        filled.out.find("\n\"乙区, value: 5\",1,1,市民政局,综合体,20,25,125.0,50.0,-75.0,done,") !=
        std::string::npos);
    CHECK(filled.out.find(",not_reported,") != std::string::npos);
  }
}
