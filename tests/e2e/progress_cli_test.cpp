#include <catch2/catch.hpp>

#include "harness.hpp"

using namespace minsheng::e2e;

TEST_CASE("check on the demo data passes with its four warnings") {
  Run r = run("--data demo/reports check");
  CHECK(r.rc == 0);
  CHECK(r.out ==
        "计划 70 项任务、73 个指标；2024-04 至 2024-06 共 65 个进度文件：0 个错误、4 个警告\n");
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
  // The 分解方案 warning belongs to no month: a month's check lists that month's files.
  CHECK(may.out == "计划 70 项任务、73 个指标；2024-05 共 22 个进度文件：未发现问题\n");
}

TEST_CASE("check reports every problem in bad files and exits 1, leaving the files untouched") {
  Sandbox s;
  std::string bad = "任务编号,累计完成,状态\n14,九百,\n99,1,\n60,,进行中\n";
  s.write("demo/reports/2024-06/submissions/市民政局.yaml.bak", "ignored: not a progress file\n");
  s.write("demo/reports/2024-06/submissions/市民证局.csv", bad);
  Run r = run("--data demo/reports check --month 2024-06", s.dir());
  CHECK(r.rc == 1);
  const std::string f = "demo/reports/2024-06/submissions/市民证局.csv";
  CHECK(r.err.find(
            f +
            ": 错误: "
            "无法确定牵头单位：文件名“市民证局."
            "csv”不以计划中的牵头单位开头，文件内也没有“牵头单位”列（是否应为“市民政局”？）\n") !=
        std::string::npos);
  CHECK(r.err.find(f + ":2:4: 错误: 任务14的累计完成值“九百”不是数字") != std::string::npos);
  CHECK(r.err.find(f + ":3:1: 错误: 未知任务编号 99（计划共 70 项任务）") != std::string::npos);
  CHECK(r.err.find(f + ":4:5: 错误: 状态应为 未启动、推进中 或 已完成，实际为“进行中”") !=
        std::string::npos);
  // The .bak is not read, and says so: a unit that sent only that is not silently 未报送.
  CHECK(r.err.find("demo/reports/2024-06/submissions/市民政局.yaml.bak: 警告: 不是进度文件（应为 "
                   ".csv 或 .yaml），未读取\n") != std::string::npos);
  CHECK(r.out.find("4 个错误、4 个警告") !=
        std::string::npos);  // 3 + the demo 分解方案 short of its figure
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
  Run t = run("--data demo/reports template --unit 市民政局 --month 2024-07", s.dir());
  REQUIRE(t.rc == 0);
  CHECK(t.out.rfind("\xEF\xBB\xBF牵头单位,月份,任务编号,指标,县市区,任务内容,指标名称,计划目标,"
                    "计量单位,上期累计（参考）,累计完成,状态,目标值,项目名称,项目状态,计划完工,"
                    "进展情况,存在问题,下步计划,问题状态,备注,报送日期\r\n",
                    0) == 0);
  // The reminder column carries June's figure; twelve columns to fill follow it.
  CHECK(t.out.find(",1673户以上,户,950（2024-06）,,,,,,,,,,,,\r\n") != std::string::npos);
  // Each 县市区 of the 分解方案 has its row, with its share and its June figure.
  CHECK(t.out.find("市民政局,2024-07,14,1,远安县,") != std::string::npos);
  CHECK(t.out.find(",分解目标 193户,户,20（2024-06）,,,,,,,,,,,,\r\n") != std::string::npos);
  // Fill in two cells the way a person would in Excel, and the pending target's 目标值.
  std::string filled = t.out;
  auto fill = [&](const std::string& from, const std::string& to) {
    auto pos = filled.find(from);
    REQUIRE(pos != std::string::npos);
    filled.replace(pos, from.size(), to);
  };
  fill(",1673户以上,户,950（2024-06）,,,,,,,,,,,,",
       ",1673户以上,户,950（2024-06）,\"1,100\",,,,,,,,,,,2024-08-02");
  fill(",里程碑（填写状态）,,推进中（2024-06）,,,,,,,,,,,,",
       ",里程碑（填写状态）,,推进中（2024-06）,,已完成,,,,,,,,,,");
  s.write("demo/reports/2024-07/submissions/市民政局.csv", filled);
  Run c = run("--data demo/reports check --month 2024-07", s.dir());
  CHECK(c.rc == 0);
  CHECK(c.err.empty());
  Run e = run("--data demo/reports summary --month 2024-07 --explain 14", s.dir());
  CHECK(e.out.find(
            "累计完成  1100户（2024-07，来源 demo/reports/2024-07/submissions/市民政局.csv:2）") !=
        std::string::npos);
  Run e60 = run("--data demo/reports summary --month 2024-07 --explain 60", s.dir());
  CHECK(e60.out.find("任务状态：已完成 (done)") != std::string::npos);
}

TEST_CASE("the YAML template reads back too") {
  Sandbox s;
  Run t = run("--data demo/reports template --unit 市残联 --month 2024-07 --format yaml", s.dir());
  REQUIRE(t.rc == 0);
  std::string y = t.out;
  auto pos = y.find("{task: 64, target: 1, value: }");
  REQUIRE(pos != std::string::npos);
  y.replace(pos, 30, "{task: 64, target: 1, value: 150}");
  s.write("demo/reports/2024-07/submissions/市残联.yaml", y);
  Run c = run("--data demo/reports check --month 2024-07", s.dir());
  CHECK(c.rc == 0);
  CHECK(c.err.empty());
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
