// Projects, the units' words and the 问题清单 end to end on the demo data. Every figure is
// worked out by hand from the files: projects of tasks 27 and 33 (市卫健委), 39 (市文旅局, which
// sends project rows only) and 53 (市公安局, whose 东山大道 project is missing in June).
#include <catch2/catch.hpp>
#include <map>

#include "harness.hpp"
#include "util/csv.hpp"

using namespace minsheng::e2e;

namespace {

std::vector<std::vector<std::string>> rows_of(const std::string& csv) {
  std::vector<std::vector<std::string>> out;
  for (const auto& rec : minsheng::parse_csv(csv)) {
    std::vector<std::string> r;
    for (const auto& f : rec.fields) r.push_back(f.value);
    out.push_back(r);
  }
  return out;
}

// project name → its row of projects --format csv
std::map<std::string, std::vector<std::string>> by_name(const std::string& csv) {
  std::map<std::string, std::vector<std::string>> out;
  auto rows = rows_of(csv);
  for (std::size_t i = 1; i < rows.size(); ++i) out[rows[i][4]] = rows[i];
  return out;
}

}  // namespace

TEST_CASE("projects of June: states, planned finishes, months without change, one not updated") {
  Run r = run("--data demo/reports projects --month 2024-06 --format csv");
  REQUIRE(r.rc == 0);
  auto rows = rows_of(r.out);
  CHECK(rows[0] == std::vector<std::string>{"\xEF\xBB\xBF"
                                            "task",
                                            "target", "unit", "county", "project", "project_status",
                                            "value", "planned_finish", "months_since_change",
                                            "value_month", "source", "planned_investment",
                                            "invested", "funded", "investment_pct",
                                            "physical_pct"});
  CHECK(rows.size() == 1 + 4 + 3 + 7 + 7);
  auto p = by_name(r.out);
  // Finished in April and unchanged since; not in June's file: carried from May.
  CHECK(p["东山大道—城东大道路口"][5] == "finished");
  CHECK(p["东山大道—城东大道路口"][6] == "1");
  CHECK(p["东山大道—城东大道路口"][8] == "2");
  CHECK(p["东山大道—城东大道路口"][9] == "2024-05");
  // 在建 in April and May, 已完工 in June: changed this month.
  CHECK(p["枝江市全民健身广场"][5] == "finished");
  CHECK(p["枝江市全民健身广场"][8] == "0");
  CHECK(p["枝江市全民健身广场"][3] == "枝江市");
  CHECK(p["秭归县人民医院病理科"][5] == "not_started");
  CHECK(p["秭归县人民医院病理科"][6] == "");
  CHECK(p["秭归县人民医院病理科"][7] == "2024-05");
  CHECK(p["秭归县人民医院病理科"][8] == "2");
}

TEST_CASE("a target with project rows only takes the sum of its projects") {
  // Task 39: 6 finished projects (1 each) and 点军区's 未开工 one (0) in June; 3 in April.
  auto value = [](const std::string& month) {
    Run r = run("--data demo/reports summary --month " + month + " --format csv");
    for (const auto& row : rows_of(r.out))
      if (row[0] == "39") return row[8];
    return std::string("missing");
  };
  CHECK(value("2024-04") == "3");
  CHECK(value("2024-05") == "5");
  CHECK(value("2024-06") == "6");
  Run e = run("--data demo/reports summary --month 2024-06 --explain 39");
  CHECK(e.out.find("单位未填全市值，取项目合计") != std::string::npos);
}

TEST_CASE("late projects: past their planned finish, or 未开工 with time over half") {
  Run june = run("--data demo/reports projects --month 2024-06 --late --format csv");
  auto late = by_name(june.out);
  // 秭归县病理科 was due 2024-05; 远安县 and 点军区 are 未开工 at 54.5%.
  CHECK(late.size() == 3);
  CHECK(late.count("秭归县人民医院病理科") == 1);
  CHECK(late.count("远安县人民医院晋升三级") == 1);
  CHECK(late.count("点军区全民健身中心") == 1);
  // In May (45.5%) nothing is late: 秭归县's finish month is May itself.
  Run may = run("--data demo/reports projects --month 2024-05 --late --format csv");
  CHECK(rows_of(may.out).size() == 1);
  CHECK(
      by_name(run("--data demo/reports projects --month 2024-06 --status 未开工 --format csv").out)
          .size() == 3);
  auto zhijiang =
      by_name(run("--data demo/reports projects --month 2024-06 --county 枝江市 --format csv").out);
  CHECK(zhijiang.size() == 2);
  CHECK(zhijiang.count("枝江市人民医院晋升三级") == 1);
  Run md = run("--data demo/reports summary --month 2024-06 --format md");
  CHECK(md.out.find("## 滞后项目") != std::string::npos);
  CHECK(md.out.find("| 27 | 市卫健委 | 秭归县 | 秭归县人民医院病理科 | 未开工 | 2024-05 | "
                    "计划2024-05完工，尚未完工 |") != std::string::npos);
  CHECK(run("--data demo/reports projects --month 2024-06 --status 施工中").rc == 2);
}

TEST_CASE("the 问题清单 of the demo months, opened and closed by hand") {
  Run r = run("--data demo/reports problems --as-of 2024-06 --format csv");
  REQUIRE(r.rc == 0);
  auto rows = rows_of(r.out);
  using V = std::vector<std::string>;
  REQUIRE(rows.size() == 8);
  CHECK(rows[0] == V{"\xEF\xBB\xBF"
                     "id",
                     "task", "target", "unit", "text", "first_month", "months_open", "status",
                     "closed_month", "months_silent", "stale"});
  // Reported in April, May and June, project still 未开工, target 2 of 4: open three months.
  CHECK(rows[1] == V{"27-202404-秭归县人民医院病理科", "27", "1", "市卫健委",
                     "选址未定，设备采购未启动", "2024-04", "3", "open", "", "0", "0"});
  // Reported in April, 已解决 on the same row in May.
  CHECK(rows[2] == V{"33-202404", "33", "1", "市卫健委", "县级医院高级职称人才缺口大", "2024-04",
                     "1", "closed", "2024-05", "", "0"});
  // Its project 已完工 in May.
  CHECK(rows[3] == V{"33-202404-当阳市人民医院晋升三级", "33", "1", "市卫健委",
                     "等待省卫健委现场评审", "2024-04", "1", "closed", "2024-05", "", "0"});
  CHECK(rows[4] == V{"39-202404-点军区全民健身中心", "39", "1", "市文旅局", "项目用地待落实",
                     "2024-04", "3", "open", "", "0", "0"});
  CHECK(rows[5][0] == "15-202406");
  CHECK(rows[6][0] == "34-202406");
  CHECK(rows[7][0] == "49-202406");
  for (int i = 5; i <= 7; ++i) CHECK(rows[i][6] == "1");
  // As of May: two open for two months, two closed that month.
  auto may = rows_of(run("--data demo/reports problems --as-of 2024-05 --format csv").out);
  REQUIRE(may.size() == 5);
  CHECK(may[1][6] == "2");
  CHECK(may[2][7] == "closed");
  auto open = rows_of(
      run("--data demo/reports problems --as-of 2024-06 --open --unit 市文旅局 --format csv").out);
  REQUIRE(open.size() == 3);
  CHECK(open[1][0] == "39-202404-点军区全民健身中心");
  CHECK(open[2][0] == "15-202406");
  CHECK(rows_of(run("--data demo/reports problems --as-of 2024-06 --closed --format csv").out)
            .size() == 3);
  CHECK(run("--data demo/reports problems --open --closed").rc == 2);
  // The bulletin counts what the quarter opened and closed, and names what stood three months.
  Run b = run("--data demo/reports bulletin --quarter 2024Q2");
  CHECK(b.out.find("本期新报告存在问题7个，销号2个。以下问题持续三个月以上仍未销号") !=
        std::string::npos);
  CHECK(b.out.find(
            "- 市文旅局 任务39 点军区全民健身中心：项目用地待落实（2024年4月首报，已持续3个月") !=
        std::string::npos);
  CHECK(
      b.out.find(
          "- 15\\. 建成乡村健身广场（市文旅局）：存在问题：部分乡镇选址调整，“广场”设计方案反复修改；"
          "下步计划：8月底前完成剩余6个广场主体施工。") != std::string::npos);
  // Only the 专报 gathers every 存在问题 by unit.
  CHECK(b.out.find("存在问题汇总") == std::string::npos);
  Run h = run("--data demo/reports bulletin --half 2024H1");
  CHECK(h.out.find("### 存在问题汇总") != std::string::npos);
  CHECK(h.out.find("**市残联**\n\n- 省下达年度任务尚未明确。") != std::string::npos);
}

TEST_CASE("a unit's words with pipes, line breaks, script tags and quotes render inertly") {
  Sandbox s;
  const std::string nasty =
      "用地|审批<script>alert(1)</script>\n第二行 \"引号\" 'single' **粗** # 标题";
  std::string csv =
      "牵头单位,任务编号,累计完成,进展情况,存在问题,下步计划\n"
      "市妇联,30,13.5万,已完成过半,\"" +
      std::string(
          "用地|审批<script>alert(1)</script>\n第二行 \"\"引号\"\" 'single' **粗** # 标题") +
      "\",下月|继续\n";
  s.write("demo/reports/2024-06/submissions/市妇联.csv", csv);
  Run md = run("--data demo/reports summary --month 2024-06 --format md", s.dir());
  REQUIRE(md.rc == 0);
  CHECK(md.out.find("<script>") == std::string::npos);
  CHECK(
      md.out.find("  - **存在问题**：用地\\|审批\\<script\\>alert(1)\\</script\\> 第二行 \"引号\" "
                  "'single' \\*\\*粗\\*\\* \\# 标题\n") != std::string::npos);
  CHECK(md.out.find("  - **下步计划**：下月\\|继续\n") != std::string::npos);
  // The CSV keeps the text exactly, quoted so that it reads back whole.
  Run p = run("--data demo/reports problems --format csv", s.dir());
  bool found = false;
  for (const auto& row : rows_of(p.out))
    if (row[0] == "30-202406") found = row[4] == nasty;
  CHECK(found);
  // The HTML bulletin escapes it; task 30 is on pace, so the 专报's list carries it.
  Run h = run("--data demo/reports bulletin --half 2024H1 --format html", s.dir());
  REQUIRE(h.rc == 0);
  CHECK(h.out.find("<script>alert") == std::string::npos);
  CHECK(h.out.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
}

TEST_CASE("a moved 计划完工 is a change, and a finish past the deadline month is late") {
  Sandbox s;
  // July: 点军区全民健身中心 (未开工, 计划完工 2024-09 in June) is moved to 2024-12, past the
  // plan's deadline month 2024-11; nothing else about it changes.
  s.write(
      "demo/reports/2024-07/submissions/市文旅局.csv",
      "任务编号,县市区,项目名称,项目状态,计划完工\n39,点军区,点军区全民健身中心,未开工,2024-12\n");
  Run r = run("--data demo/reports projects --month 2024-07 --unit 市文旅局 --late --format csv",
              s.dir());
  REQUIRE(r.rc == 0);
  auto rows = rows_of(r.out);
  REQUIRE(rows.size() == 2);  // the header and the one late project
  CHECK(rows[1][4] == "点军区全民健身中心");
  CHECK(rows[1][7] == "2024-12");
  CHECK(rows[1][8] == "0");  // changed this month: a delay is not "no change"
  Run md = run("--data demo/reports projects --month 2024-07 --unit 市文旅局 --format md", s.dir());
  CHECK(md.out.find("2024-12（原2024-09）") != std::string::npos);
  CHECK(md.out.find("计划2024-12完工（原计划2024-09，已延期），晚于计划完成时限") !=
        std::string::npos);
  // A form of projects alone (no 累计完成 column) is a whole, valid report.
  CHECK(run("--data demo/reports check --month 2024-07", s.dir()).rc == 0);
  // The move is an event of its own in history --changes, in every format.
  Run csv = run("--data demo/reports history --changes --format csv", s.dir());
  CHECK(csv.out.find("\r\n2024-07,39,1,市文旅局,2024-09,2024-12,postponed,点军区全民健身中心\r\n") !=
        std::string::npos);
  Run cmd = run("--data demo/reports history --changes --format md", s.dir());
  CHECK(cmd.out.find("| 2024-07 | 39 | 新建全民健身设施补短板工程项目：点军区全民健身中心 | 市文旅局 | "
                     "计划完工 2024-09 | 计划完工 2024-12（延期） |") != std::string::npos);
  Run json = run("--data demo/reports history --changes --format json", s.dir());
  CHECK(json.out.find("\"from\": \"2024-09\"") != std::string::npos);
  CHECK(json.out.find("\"kind\": \"postponed\"") != std::string::npos);
}

TEST_CASE("a problem no report mentions for two months is 未更新, not ordered 限期解决") {
  Sandbox s;
  // 市卫健委 reports July to September, and no longer mentions 秭归县人民医院病理科's problem
  // (last written in June). 市文旅局 keeps writing 点军区全民健身中心's each month.
  for (const char* m : {"2024-07", "2024-08", "2024-09"}) {
    s.write(std::string("demo/reports/") + m + "/submissions/市卫健委.csv",
            "任务编号,累计完成,项目名称,项目状态,存在问题\n27,2,,,\n27,,秭归县人民医院病理科,在建,\n");
    s.write(std::string("demo/reports/") + m + "/submissions/市文旅局.csv",
            "任务编号,累计完成,县市区,项目名称,项目状态,存在问题\n39,,点军区,点军区全民健身中心,未开工,"
            "项目用地待落实\n");
  }
  // As of August, June is two months back: the plan's problem_stale_months (2) is reached.
  auto aug = rows_of(
      run("--data demo/reports problems --as-of 2024-08 --open --format csv", s.dir()).out);
  std::map<std::string, std::vector<std::string>> by_id;
  for (std::size_t i = 1; i < aug.size(); ++i) by_id[aug[i][0]] = aug[i];
  REQUIRE(by_id.count("27-202404-秭归县人民医院病理科"));
  CHECK(by_id["27-202404-秭归县人民医院病理科"][9] == "2");   // months_silent
  CHECK(by_id["27-202404-秭归县人民医院病理科"][10] == "1");  // stale
  CHECK(by_id["39-202404-点军区全民健身中心"][9] == "0");
  CHECK(by_id["39-202404-点军区全民健身中心"][10] == "0");
  // In July it was one month: not yet.
  auto jul = rows_of(
      run("--data demo/reports problems --as-of 2024-07 --open --format csv", s.dir()).out);
  CHECK(jul[1][0] == "27-202404-秭归县人民医院病理科");
  CHECK(jul[1][9] == "1");
  CHECK(jul[1][10] == "0");
  Run table = run("--data demo/reports problems --as-of 2024-08 --open --format md", s.dir());
  CHECK(table.out.find("| 27-202404-秭归县人民医院病理科 | 市卫健委 |") != std::string::npos);
  CHECK(table.out.find("| 未销号（2个月未更新） |") != std::string::npos);
  // The Q3 通报: 点军区's problem, written every month since April, is 限期解决; 秭归县's is
  // listed apart, three months without an update, for the unit to confirm.
  Run b = run("--data demo/reports bulletin --quarter 2024Q3 --as-of 2024-10-10", s.dir());
  REQUIRE(b.rc == 0);
  auto limit = b.out.find("以下问题持续三个月以上仍未销号，请相关单位限期解决：");
  auto silent = b.out.find("个问题未销号，但已连续2个月以上未在报送中更新，请相关单位核实");
  REQUIRE(limit != std::string::npos);
  REQUIRE(silent != std::string::npos);
  REQUIRE(limit < silent);
  std::string limited = b.out.substr(limit, silent - limit);
  CHECK(limited.find("点军区全民健身中心：项目用地待落实（2024年4月首报，已持续6个月") !=
        std::string::npos);
  CHECK(limited.find("秭归县") == std::string::npos);
  CHECK(b.out.find("秭归县人民医院病理科：选址未定，设备采购未启动（2024年4月首报，最近一次报送为"
                   "2024年6月，3个月未更新；编号 27-202404-秭归县人民医院病理科）",
                   silent) != std::string::npos);
}
