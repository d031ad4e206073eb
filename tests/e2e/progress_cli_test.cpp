#include <catch2/catch.hpp>
#include <filesystem>

#include "harness.hpp"

using namespace minsheng::e2e;

namespace {
// The demo's one 分解方案 warning, which every month's check lists.
const std::string kBreakdownNote =
    "demo/reports/breakdown/市人社局_分解方案.csv:2: 警告: 任务20：分解合计 18000人 少于全市目标 "
    "20000人\n";
}  // namespace

TEST_CASE("check on the demo data passes with its four warnings") {
  Run r = run("--data demo/reports check");
  CHECK(r.rc == 0);
  CHECK(r.out ==
        "计划 70 项任务、73 个指标；2024-04 至 2024-12 共 178 个进度文件：0 个错误、4 个警告\n");
  CHECK(
      r.err ==
      "demo/reports/2024-06/submissions/市交通运输局.csv: 警告: 逾期报送：报送日期 2024-07-05"
      "（据表内报送日期）晚于截止日期 "
      "2024-07-03（2 天）\n"
      "demo/reports/2024-06/submissions/市城管委.csv:3: 警告: 累计值较上月减少：任务66指标1 由 "
      "1500（2024-05，"
      "demo/reports/2024-05/submissions/市城管委.csv:3）降为 1450\n"
      // 210 + 200 + 150 + 160 + 20 + 120 + 100 = 960 against the typed 950.
      "demo/reports/2024-06/submissions/市民政局.yaml:6: 警告: 任务14指标1：县市区合计 960 与全市 "
      "950 不符（县市区行：第 7–13 行），以全市值为准\n"
      // 5000 + 4000 + 3000 + 3000 + 3000 = 18000 of 20000 (the rest is 市本级).
      "demo/reports/breakdown/市人社局_分解方案.csv:2: 警告: 任务20：分解合计 18000人 少于全市目标 "
      "20000人\n");
  Run may = run("--data demo/reports check --month 2024-05");
  CHECK(may.rc == 0);
  // A month's check lists that month's files and the 分解方案 every month is judged by.
  CHECK(may.out == "计划 70 项任务、73 个指标；2024-05 共 22 个进度文件：0 个错误、1 个警告\n");
  CHECK(
      may.err ==
      "demo/reports/breakdown/市人社局_分解方案.csv:2: 警告: 任务20：分解合计 18000人 少于全市目标 "
      "20000人\n");
}

TEST_CASE("check reports every problem in bad files and exits 1, leaving the files untouched") {
  Sandbox s;
  std::string bad = "任务编号,累计完成,状态\n14,九百,\n99,1,\n60,,进行中\n";
  s.write("demo/reports/2024-06/submissions/市民政局.yaml.bak", "ignored: not a progress file\n");
  s.write("demo/reports/2024-06/submissions/市民证局.csv", bad);
  Run r = run("--data demo/reports check --month 2024-06", s.dir());
  CHECK(r.rc == 1);
  const std::string f = "demo/reports/2024-06/submissions/市民证局.csv";
  // A misspelt name whose tasks (14, 60) are all 市民政局's: taken as its file, and said so.
  CHECK(r.err.find(f +
                   ": 警告: 文件名“市民证局.csv”不以计划中的牵头单位开头（是否应为“市民政局”？）；"
                   "表中任务均由市民政局牵头，按市民政局采用，请核对\n") != std::string::npos);
  CHECK(r.err.find(f + ":2:4: 错误: 任务14的累计完成值“九百”不是数字") != std::string::npos);
  CHECK(r.err.find(f + ":3:1: 错误: 未知任务编号 99（计划共 70 项任务）") != std::string::npos);
  CHECK(r.err.find(f + ":4:5: 错误: 状态应为 未启动、推进中 或 已完成，实际为“进行中”") !=
        std::string::npos);
  // The .bak is not read, and says so: a unit that sent only that is not silently 未报送.
  CHECK(r.err.find("demo/reports/2024-06/submissions/市民政局.yaml.bak: 警告: 不是进度文件（应为 "
                   ".csv 或 .yaml），未读取\n") != std::string::npos);
  // The three row errors; the month's three warnings, the file name's, the .bak's, the
  // demo 分解方案's (task 20 short of its figure) and two projects' investment apart from
  // their works (宜都, 枝江: 40 points each).
  CHECK(r.out.find("3 个错误、8 个警告") != std::string::npos);
  CHECK(slurp(s.data() / "2024-06/submissions/市民证局.csv") == bad);
}

TEST_CASE("missing lists units without a file and exits 1 once they are overdue") {
  Run before = run("--data demo/reports missing --month 2024-06 --as-of 2024-07-01");
  CHECK(before.rc == 0);
  CHECK(before.out.find("应报 22 家，已报 21 家，未报 1 家") != std::string::npos);
  CHECK(before.out.find("市乡村振兴局  2024-07-03  未报送，还剩 2 天") != std::string::npos);
  Run after = run("--data demo/reports missing --month 2024-06 --as-of 2024-07-05");
  CHECK(after.rc == 1);
  CHECK(after.out.find("市乡村振兴局  2024-07-03  未报送，已逾期 2 天") != std::string::npos);
  // 市交通运输局's file gives 报送日期 2024-07-05 in its own column: two days after the 3rd.
  CHECK(after.out.find("已报 21 家，未报 1 家；逾期报送 1 家\n") != std::string::npos);
  CHECK(after.out.find("市交通运输局  2024-07-03  逾期 2 天报送（2024-07-05，据表内报送日期）") !=
        std::string::npos);
  Run complete = run("--data demo/reports missing --month 2024-05 --as-of 2024-07-05");
  CHECK(complete.rc == 0);
  CHECK(complete.out.find("未报 0 家") != std::string::npos);
  Run csv = run("--data demo/reports missing --month 2024-06 --as-of 2024-07-05 --format csv");
  CHECK(csv.out ==
        "\xEF\xBB\xBFunit,month,due,as_of,days_overdue,state,files,sent,sent_evidence\r\n"
        "市交通运输局,2024-06,2024-07-03,2024-07-05,2,late,"
        "demo/reports/2024-06/submissions/市交通运输局.csv,2024-07-05,column\r\n"
        "市乡村振兴局,2024-06,2024-07-03,2024-07-05,2,missing,,,\r\n");
}

TEST_CASE("a filled-in template reads back with its header untouched") {
  Sandbox s;
  s.drop_months_after("2024-06");  // the demo as it stood in June
  Run t = run("--data demo/reports template --unit 市民政局 --month 2024-07", s.dir());
  REQUIRE(t.rc == 0);
  CHECK(t.out.rfind("\xEF\xBB\xBF牵头单位,月份,任务编号,指标,县市区,任务内容,指标名称,计划目标,"
                    "计量单位,上期累计（参考）,累计完成,状态,目标值,项目名称,项目状态,计划完工,"
                    "形象进度,计划投资（万元）,累计完成投资（万元）,资金到位（万元）,"
                    "进展情况,存在问题,下步计划,问题状态,问题编号（参考）,备注,报送日期\r\n",
                    0) == 0);
  // The reminder column carries June's figure; seventeen columns to fill or read follow it.
  CHECK(t.out.find(",1673户以上,户,950（2024-06）,,,,,,,,,,,,,,,,,\r\n") != std::string::npos);
  // Each 县市区 of the 分解方案 has its row, with its share and its June figure.
  CHECK(t.out.find("市民政局,2024-07,14,1,远安县,") != std::string::npos);
  CHECK(t.out.find(",分解目标 193户,户,20（2024-06）,,,,,,,,,,,,,,,,,\r\n") != std::string::npos);
  // Fill in two cells the way a person would in Excel, and the pending target's 目标值.
  std::string filled = t.out;
  auto fill = [&](const std::string& from, const std::string& to) {
    auto pos = filled.find(from);
    REQUIRE(pos != std::string::npos);
    filled.replace(pos, from.size(), to);
  };
  fill(",1673户以上,户,950（2024-06）,,,,,,,,,,,,,,,,,",
       ",1673户以上,户,950（2024-06）,\"1,100\",,,,,,,,,,,,,,,,2024-08-02");
  fill(",里程碑（填写状态）,,推进中（2024-06）,,,,,,,,,,,,,,,,,",
       ",里程碑（填写状态）,,推进中（2024-06）,,已完成,,,,,,,,,,,,,,,");
  s.write("demo/reports/2024-07/submissions/市民政局.csv", filled);
  Run c = run("--data demo/reports check --month 2024-07", s.dir());
  CHECK(c.rc == 0);
  CHECK(c.err == kBreakdownNote);
  Run e = run("--data demo/reports summary --month 2024-07 --explain 14", s.dir());
  CHECK(e.out.find(
            "累计完成  1100户（2024-07，来源 demo/reports/2024-07/submissions/市民政局.csv:2）") !=
        std::string::npos);
  Run e60 = run("--data demo/reports summary --month 2024-07 --explain 60", s.dir());
  CHECK(e60.out.find("任务状态：已完成 (done)") != std::string::npos);
}

TEST_CASE("a target reported by project gets five open project rows: blank they read as nothing") {
  Sandbox s;
  s.drop_months_after("2024-06");
  Run t = run("--data demo/reports template --unit 市卫健委 --month 2024-07", s.dir());
  REQUIRE(t.rc == 0);
  // Task 27 was reported by project in June (four hospitals): five open rows follow them.
  const std::string open_row =
      "市卫健委,2024-07,27,1,,建成4家数智化病理科。,建成数智化病理科,（可填新的具体项目）,家,,,,,,,"
      ",,,,,,,,,,,\r\n";
  std::size_t count = 0;
  for (auto at = t.out.find(open_row); at != std::string::npos; at = t.out.find(open_row, at + 1))
    ++count;
  CHECK(count == 5);
  // Sent back untouched: no error (they are no second report of task 27).
  s.write("demo/reports/2024-07/submissions/市卫健委.csv", t.out);
  Run untouched = run("--data demo/reports check --month 2024-07", s.dir());
  CHECK(untouched.rc == 0);
  CHECK(untouched.err == kBreakdownNote);
  // One filled in: a new project of task 27.
  std::string filled = t.out;
  auto at = filled.find(open_row);
  filled.replace(
      at, open_row.size(),
      "市卫健委,2024-07,27,1,远安县,建成4家数智化病理科。,建成数智化病理科,（可填新的具体项目）,"
      "家,,,,,远安县人民医院病理科,在建,2024-10,,,,,,,,,,,\r\n");
  s.write("demo/reports/2024-07/submissions/市卫健委.csv", filled);
  Run p = run("--data demo/reports projects --month 2024-07 --format csv", s.dir());
  REQUIRE(p.rc == 0);
  CHECK(p.out.find("远安县人民医院病理科") != std::string::npos);
  CHECK(run("--data demo/reports check --month 2024-07", s.dir()).rc == 0);
  // The plan sets how many: settings.form_project_rows.
  std::string plan = slurp(s.dir() / "tasks.yaml");
  plan.replace(plan.find("settings:"), 9, "settings:\n  form_project_rows: 2");
  s.write("tasks.yaml", plan);
  Run two = run("--data demo/reports template --unit 市卫健委 --month 2024-07", s.dir());
  REQUIRE(two.rc == 0);
  count = 0;
  for (auto at = two.out.find(open_row); at != std::string::npos;
       at = two.out.find(open_row, at + 1))
    ++count;
  CHECK(count == 2);
}

TEST_CASE("a plan that says a target has four projects gives the form four rows for them") {
  Sandbox s;
  s.drop_months_after("2024-05");
  std::string plan = slurp(s.dir() / "tasks.yaml");
  const std::string target = "{name: 建成数智化病理科, value: 4, measure: 家";
  auto at = plan.find(target);
  REQUIRE(at != std::string::npos);
  plan.insert(at + target.size(), ", projects: 4");
  s.write("tasks.yaml", plan);
  auto open_rows = [&](const std::string& month) {
    Run t = run("--data demo/reports template --unit 市卫健委 --month " + month, s.dir());
    REQUIRE(t.rc == 0);
    const std::string open_row =
        "市卫健委," + month +
        ",27,1,,建成4家数智化病理科。,建成数智化病理科,（可填新的具体项目）,家,";
    std::size_t n = 0;
    for (auto p = t.out.find(open_row); p != std::string::npos; p = t.out.find(open_row, p + 1))
      ++n;
    return n;
  };
  // April's form, before any of task 27's hospitals was reported: four open rows, where the
  // default gave none (it gives five once a project is listed).
  CHECK(open_rows("2024-04") == 4);
  // June's, with all four listed in May: none.
  CHECK(open_rows("2024-06") == 0);
  // A count out of range is refused where the plan says it.
  std::string zero = plan;
  zero.replace(zero.find("projects: 4"), 11, "projects: 0");
  s.write("tasks.yaml", zero);
  Run bad = run("--data demo/reports check", s.dir());
  CHECK(bad.rc == 1);
  CHECK(bad.err.find("projects（按项目报送的项目数）应在 1 到 500 之间") != std::string::npos);
}

TEST_CASE("the YAML template reads back too") {
  Sandbox s;
  s.drop_months_after("2024-06");  // the demo as it stood in June
  Run t = run("--data demo/reports template --unit 市残联 --month 2024-07 --format yaml", s.dir());
  REQUIRE(t.rc == 0);
  std::string y = t.out;
  const std::string blank = "{task: 64, target: 1, value: \"\"}";
  auto pos = y.find(blank);
  REQUIRE(pos != std::string::npos);
  y.replace(pos, blank.size(), "{task: 64, target: 1, value: 150}");
  s.write("demo/reports/2024-07/submissions/市残联.yaml", y);
  Run c = run("--data demo/reports check --month 2024-07", s.dir());
  CHECK(c.rc == 0);
  CHECK(c.err == kBreakdownNote);
}

TEST_CASE("the form lists the unit's open problems by id, and the unit's answers read back") {
  Sandbox s;
  s.drop_months_after("2024-06");  // the demo as it stood in June
  // 市卫健委 has two open problems at the end of June (README 演示数据): 秭归县人民医院病理科's,
  // on its project row since April, and 34's, on the city row since June.
  Run t = run("--data demo/reports template --unit 市卫健委 --month 2024-07", s.dir());
  REQUIRE(t.rc == 0);
  const std::string zigui =
      ",秭归县人民医院病理科,,2024-05,,,,,,选址未定，设备采购未启动,,,27-202404-"
      "秭归县人民医院病理科,"
      ",\r\n";
  const std::string row34 =
      ",未启动（2024-06）,,,,,,,,,,,,等待省卫健委评审安排。,,,34-202406,,\r\n";
  REQUIRE(t.out.find(zigui) != std::string::npos);
  REQUIRE(t.out.find(row34) != std::string::npos);
  // Closed problems (33's) are not listed.
  CHECK(t.out.find("33-202404") == std::string::npos);
  // The unit keeps 27's text (it stands) and answers 已解决 for 34, as a person would in Excel.
  std::string filled = t.out;
  filled.replace(filled.find(row34), row34.size(),
                 ",未启动（2024-06）,,推进中,,,,,,,,,,等待省卫健委评审安排。,,已解决,34-202406,,"
                 "2024-08-02\r\n");
  s.write("demo/reports/2024-07/submissions/市卫健委.csv", filled);
  Run c = run("--data demo/reports check --month 2024-07", s.dir());
  CHECK(c.rc == 0);
  CHECK(c.err == kBreakdownNote);
  auto p = run("--data demo/reports problems --as-of 2024-07 --format csv", s.dir());
  CHECK(p.out.find(
            "\r\n27-202404-秭归县人民医院病理科,27,1,市卫健委,选址未定，设备采购未启动,2024-04,"
            "4,open,,0,0\r\n") != std::string::npos);
  CHECK(p.out.find(
            "\r\n34-202406,34,1,市卫健委,等待省卫健委评审安排。,2024-06,1,closed,2024-07,,0\r\n") !=
        std::string::npos);
  // The August form lists only what is still open.
  Run aug = run("--data demo/reports template --unit 市卫健委 --month 2024-08", s.dir());
  CHECK(aug.out.find("27-202404-秭归县人民医院病理科") != std::string::npos);
  CHECK(aug.out.find("34-202406") == std::string::npos);
  // The YAML form carries the same (quoted where YAML needs it; these need not), and reads back
  // with the problem kept.
  Run y =
      run("--data demo/reports template --unit 市卫健委 --month 2024-07 --format yaml", s.dir());
  CHECK(y.out.find(
            "  #   未销号问题（编号 27-202404-秭归县人民医院病理科）：已解决的在 issue_status "
            "填 已解决，仍存在的保留 issues 原文\n  - {task: 27, target: 1, county: 秭归县, "
            "issues: 选址未定，设备采购未启动, issue_status: \"\", project: "
            "秭归县人民医院病理科, project_status: \"\", value: \"\", planned_investment: \"\", "
            "invested: \"\"}\n") != std::string::npos);
  Sandbox s2;
  s2.drop_months_after("2024-06");
  s2.write("demo/reports/2024-07/submissions/市卫健委.yaml", y.out);
  CHECK(run("--data demo/reports check --month 2024-07", s2.dir()).rc == 0);
  CHECK(run("--data demo/reports problems --as-of 2024-07 --format csv", s2.dir())
            .out.find("\r\n27-202404-秭归县人民医院病理科,27,1,市卫健委,选址未定，设备采购未启动,"
                      "2024-04,4,open,,0,0\r\n") != std::string::npos);
}

TEST_CASE("template for an unknown unit suggests the closest") {
  Run r = run("--data demo/reports template --unit 残联 --month 2024-07");
  CHECK(r.rc == 2);
  CHECK(r.err == "minsheng: “残联”不是计划中的牵头单位（是否应为“市残联”？）\n");
}

TEST_CASE("an unreadable progress file is named once, with every other problem, and exits 4") {
  // setup.sh installs strace: without it these faults would go untested, so it is required.
  REQUIRE(std::system("command -v strace >/dev/null 2>&1") == 0);
  Sandbox s;
  // Only the opening of that one file fails, with EACCES, as a permission problem would (the
  // tests run as root, so a chmod would not).
  // LeakSanitizer cannot run under ptrace: the sanitizer build turns it off for these runs.
  std::string inject =
      "ASAN_OPTIONS=detect_leaks=0 strace -f -qq -o /dev/null -P "
      "demo/reports/2024-06/submissions/市民政局.yaml"
      " -e trace=openat -e inject=openat:error=EACCES";
  for (const char* cmd : {"check --month 2024-06", "summary --month 2024-06 --format csv"}) {
    Run r = run(std::string("--data demo/reports ") + cmd, s.dir(), inject);
    INFO(cmd << "\n" << r.err);
    CHECK(r.rc == 4);
    std::string line =
        "demo/reports/2024-06/submissions/市民政局.yaml: 错误: 无法读取文件: 没有权限\n";
    CHECK(r.err.find(line) != std::string::npos);
    // The path is printed once on that line, not twice.
    auto first = r.err.find("市民政局.yaml");
    CHECK(r.err.find("市民政局.yaml", first + 1) == std::string::npos);
  }
}

TEST_CASE(
    "missing names a file of no known unit, and the unit it may be, before calling it overdue") {
  Sandbox s;
  s.drop_months_after("2024-06");
  std::filesystem::remove(s.data() / "2024-06/submissions/市妇联.csv");
  // 市妇联's June report arrives as 妇联6月.docx: not a form minsheng reads, nor a unit's name.
  s.write("demo/reports/2024-06/submissions/妇联6月.docx", "PK\x03\x04");
  Run r = run("--data demo/reports missing --month 2024-06 --as-of 2024-07-10", s.dir());
  CHECK(r.rc == 1);
  CHECK(r.out.find("已收到无法识别单位的文件：demo/reports/2024-06/submissions/"
                   "妇联6月.docx（是否为市妇联？）；"
                   "请在文件中写明“填报单位”或按单位名称重命名\n") != std::string::npos);
  CHECK(r.out.find(
            "市妇联        2024-07-03  未报送，已逾期 7 天（已收到无法识别单位的文件 妇联6月.docx，"
            "是否为本单位？）") != std::string::npos);
  Run csv =
      run("--data demo/reports missing --month 2024-06 --as-of 2024-07-10 --format csv", s.dir());
  CHECK(csv.out.find("市妇联,2024-06,2024-07-03,2024-07-10,7,missing,妇联6月.docx,,\r\n") !=
        std::string::npos);
}
