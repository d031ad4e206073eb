// The plan's end: from the deadline month (2024-11 in tasks.yaml) a target is finished or not,
// and one reached afterwards is 逾期完成. Figures worked out by hand from README 判定规则.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>

#include "harness.hpp"
#include "io/workbook.hpp"
#include "util/csv.hpp"

using namespace minsheng::e2e;

namespace {

// summary.csv as rows keyed "task.target", each a column → value map.
std::map<std::string, std::map<std::string, std::string>> rows_of(const std::string& csv) {
  auto recs = minsheng::parse_csv(csv);
  std::vector<std::string> header;
  for (const auto& f : recs.at(0).fields) header.push_back(f.value);
  header[0] = "task";  // past the BOM
  std::map<std::string, std::map<std::string, std::string>> out;
  for (std::size_t i = 1; i < recs.size(); ++i) {
    std::map<std::string, std::string> row;
    for (std::size_t c = 0; c < header.size() && c < recs[i].fields.size(); ++c)
      row[header[c]] = recs[i].fields[c].value;
    out[row["task"] + "." + row["target"]] = row;
  }
  return out;
}

}  // namespace

TEST_CASE("November, the deadline month: nothing unfinished is 序时推进, it is 未完成") {
  Sandbox s;
  s.drop_months_after("2024-06");  // this test writes its own later months
  // 市住建局 sends November: 290 of the 300 lifts (task 36). The other units' figures are
  // carried from June.
  s.write("demo/reports/2024-11/submissions/市住建局.csv", "任务编号,累计完成\n36,290\n");
  Run r = run("--data demo/reports summary --month 2024-11 --format csv", s.dir());
  REQUIRE(r.rc == 0);
  auto rows = rows_of(r.out);
  REQUIRE(rows.size() == 73);
  const auto& lifts = rows["36.1"];
  CHECK(lifts.at("completion_pct") == "96.7");  // 290 ÷ 300
  CHECK(lifts.at("time_pct") == "100.0");
  CHECK(lifts.at("status") == "overdue");
  CHECK(lifts.at("status_label") == "未完成");
  CHECK(lifts.at("remaining") == "10");
  CHECK(lifts.at("projected_late") == "0");  // no 预计逾期 once time is out
  // Every target is judged finished or not: no pace statuses remain at the deadline.
  for (const auto& [key, row] : rows) {
    INFO(key << " " << row.at("status"));
    const std::string& st = row.at("status");
    CHECK((st == "done" || st == "overdue" || st == "not_reported" || st == "pending" ||
           st == "invalid"));
    CHECK(row.at("projected_late") == "0");
  }
  Run md = run("--data demo/reports summary --month 2024-11 --format md", s.dir());
  REQUIRE(md.rc == 0);
  // The headline counts what is finished and what is not, in November's word 未完成.
  auto at = md.out.find("70项任务：");
  REQUIRE(at != std::string::npos);
  std::string headline = md.out.substr(at, md.out.find('\n', at) - at);
  INFO(headline);
  CHECK(headline.find("已完成") != std::string::npos);
  CHECK(headline.find("、未完成") != std::string::npos);
  CHECK(headline.find("序时推进") == std::string::npos);
  CHECK(headline.find("滞后") == std::string::npos);
  // Only the footnote, which states the rule for later months, may name 逾期未完成.
  std::string body = md.out.substr(0, md.out.find("说明："));
  CHECK(body.find("逾期未完成") == std::string::npos);
  // The workbook's roll-up sheets head the column 未完成 too.
  REQUIRE(
      run("--data demo/reports summary --month 2024-11 --format xlsx -o 11月.xlsx", s.dir()).rc ==
      0);
  minsheng::Workbook wb = minsheng::read_xlsx(slurp(s.dir() / "11月.xlsx"));
  for (const auto& sheet : wb.sheets) {
    if (sheet.name != "分类汇总" && sheet.name != "分单位") continue;
    std::vector<std::string> header;
    // Under the sheet's title row and its 数据截至 line.
    for (const auto& c : sheet.rows.at(2).cells) header.push_back(c.text);
    INFO(sheet.name);
    CHECK(std::find(header.begin(), header.end(), "未完成") != header.end());
    CHECK(std::find(header.begin(), header.end(), "逾期未完成") == header.end());
  }
}

TEST_CASE("December: reached only now is 逾期完成, still short is 逾期未完成") {
  Sandbox s;
  s.drop_months_after("2024-06");  // this test writes its own later months
  s.write("demo/reports/2024-11/submissions/市住建局.csv", "任务编号,累计完成\n36,290\n");
  s.write("demo/reports/2024-12/submissions/市住建局.csv", "任务编号,累计完成\n36,300\n");
  Run r = run("--data demo/reports summary --month 2024-12 --format csv", s.dir());
  REQUIRE(r.rc == 0);
  auto rows = rows_of(r.out);
  CHECK(rows["36.1"].at("status") == "done_late");
  CHECK(rows["36.1"].at("status_label") == "逾期完成");
  // Task 1 (新生儿疾病筛查) was 已完成 by June: still 已完成, not late.
  CHECK(rows["1.1"].at("status") == "done");
  // Task 38 is 2600 of its figure in June's file and was never finished: 逾期未完成 now.
  CHECK(rows["38.1"].at("status") == "overdue");
  CHECK(rows["38.1"].at("status_label") == "逾期未完成");
  Run e = run("--data demo/reports summary --month 2024-12 --explain 36", s.dir());
  CHECK(e.out.find("300 ≥ 300，2024-12 起达到，晚于截止月份 2024-11 → 逾期完成 (done_late)") !=
        std::string::npos);
}

TEST_CASE("a month not yet ended is a usage error, unless --as-of asks for a part month") {
  Sandbox s;
  s.drop_months_after("2024-06");  // this test writes its own later months
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  char month[32];
  std::snprintf(month, sizeof month, "%04d-%02d", tm.tm_year + 1900, tm.tm_mon + 1);
  for (std::string cmd : {"summary --month " + std::string(month) + " --format csv",
                          "history --to " + std::string(month) + " --format csv",
                          "site --month " + std::string(month) + " -o site"}) {
    INFO(cmd);
    Run r = run("--data demo/reports " + cmd, s.dir());
    CHECK(r.rc == 2);
    CHECK(r.err.find("才结束") != std::string::npos);
    CHECK(r.err.find("请加 --as-of") != std::string::npos);
    CHECK(r.out.empty());
  }
  CHECK_FALSE(std::filesystem::exists(s.dir() / "site"));
  s.write("demo/reports/2024-11/submissions/市住建局.csv", "任务编号,累计完成\n36,290\n");
  // On the month's last day it has not ended: the document says so.
  Run part =
      run("--data demo/reports summary --month 2024-11 --as-of 2024-11-30 --format md", s.dir());
  REQUIRE(part.rc == 0);
  CHECK(part.out.find("数据截至 2024年11月30日（本月尚未结束）；") != std::string::npos);
  CHECK(part.out.find("2024年11月底") == std::string::npos);
  // The day after, it is the whole month.
  Run whole =
      run("--data demo/reports summary --month 2024-11 --as-of 2024-12-01 --format md", s.dir());
  REQUIRE(whole.rc == 0);
  CHECK(whole.out.find("数据截至 2024年11月底；") != std::string::npos);
  CHECK(whole.out.find("尚未结束") == std::string::npos);
  Run early = run("--data demo/reports summary --month 2024-11 --as-of 2024-10-31", s.dir());
  CHECK(early.rc == 2);
  CHECK(early.err == "minsheng: 2024-11 尚未开始（统计日期 2024-10-31）\n");
  Run site = run("--data demo/reports site --month 2024-11 --as-of 2024-11-20 -o site", s.dir());
  REQUIRE(site.rc == 0);
  CHECK(slurp(s.dir() / "site" / "index.html").find("数据截至2024年11月20日（本月尚未结束）") !=
        std::string::npos);
}

TEST_CASE(
    "the H2 专报 after the deadline: from November, no December owed, a 完成情况 not a push") {
  Sandbox s;
  s.drop_months_after("2024-06");  // this test writes its own later months
  s.write("demo/reports/2024-11/submissions/市住建局.csv", "任务编号,累计完成\n36,290\n");
  // Written in January without December's files and without --allow-stale.
  Run r = run("--data demo/reports bulletin --half 2024H2 --as-of 2025-01-05", s.dir());
  REQUIRE(r.rc == 0);
  CHECK(r.err.empty());
  CHECK(
      r.out.find("本专报数据截至2024年11月底。计划完成时限2024年11月30日已到，以下为完成情况。") !=
      std::string::npos);
  CHECK(r.out.find("## 三、未完成的任务") != std::string::npos);
  CHECK(r.out.find("确保按期完成") == std::string::npos);
  CHECK(r.out.find("序时进度为") == std::string::npos);
  CHECK(r.out.find("各项指标均可在") == std::string::npos);
  CHECK(r.out.find("完成率将低于") == std::string::npos);  // no projection to a past deadline
  CHECK(r.out.find("12月未报送") == std::string::npos);    // nothing is owed after November
  CHECK(r.out.find("11月未报送") != std::string::npos);    // November was
  CHECK(r.out.find("尚未报送") == std::string::npos);
  // December is not a month anyone owes a file for.
  Run m = run("--data demo/reports missing --month 2024-12 --as-of 2025-01-05", s.dir());
  CHECK(m.rc == 0);
  CHECK(m.out.find("不需报送进度（计划截止月份之后不再按月报送") != std::string::npos);
  Run html =
      run("--data demo/reports bulletin --half 2024H2 --as-of 2025-01-05 --format html", s.dir());
  REQUIRE(html.rc == 0);
  CHECK(html.out.find("<h2>三、未完成的任务</h2>") != std::string::npos);
  CHECK(html.out.find("确保按期完成") == std::string::npos);
}
