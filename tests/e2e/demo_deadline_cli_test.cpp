// The plan's end on the demo data as committed (demo/make_deadline_months.py): all 22 units report
// July to November on time; at the deadline five targets are short, one of them only in 远安县;
// in December three units report again and one of the five is finished. Every figure below is
// worked out by hand from demo/README.md and README 判定规则.
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "harness.hpp"
#include "io/workbook.hpp"
#include "util/csv.hpp"

using namespace minsheng::e2e;

namespace {

using Row = std::map<std::string, std::string>;

// A CSV output as rows keyed "task.target".
std::map<std::string, Row> by_target(const std::string& csv) {
  auto recs = minsheng::parse_csv(csv);
  std::vector<std::string> header;
  for (const auto& f : recs.at(0).fields) header.push_back(f.value);
  header[0] = "task";  // past the BOM
  std::map<std::string, Row> out;
  for (std::size_t i = 1; i < recs.size(); ++i) {
    Row row;
    for (std::size_t c = 0; c < header.size() && c < recs[i].fields.size(); ++c)
      row[header[c]] = recs[i].fields[c].value;
    out[row["task"] + "." + row["target"]] = row;
  }
  return out;
}

std::set<std::string> not_done(const std::map<std::string, Row>& rows) {
  std::set<std::string> out;
  for (const auto& [key, row] : rows)
    if (row.at("status") != "done") out.insert(key);
  return out;
}

const std::set<std::string> kShort = {"14.1", "34.1", "36.1", "54.1", "66.1"};

}  // namespace

TEST_CASE("demo November: exactly the five short targets are 未完成, none is 序时推进") {
  Run r = run("--data demo/reports summary --month 2024-11 --format csv");
  REQUIRE(r.rc == 0);
  auto rows = by_target(r.out);
  REQUIRE(rows.size() == 73);
  CHECK(not_done(rows) == kShort);
  for (const auto& key : kShort) {
    INFO(key);
    CHECK(rows[key].at("status") == "overdue");
    CHECK(rows[key].at("status_label") == "未完成");
    CHECK(rows[key].at("projected_late") == "0");
    CHECK(rows[key].at("time_pct") == "100.0");
  }
  // 1630 of 1673: 97.43 → 97.4, 43 short; 290 of 300: 96.7; 920 of 1000; 3800 of 4000.
  CHECK(rows["14.1"].at("completion_pct") == "97.4");
  CHECK(rows["14.1"].at("remaining") == "43");
  CHECK(rows["36.1"].at("completion_pct") == "96.7");
  CHECK(rows["36.1"].at("remaining") == "10");
  CHECK(rows["54.1"].at("completion_pct") == "92.0");
  CHECK(rows["54.1"].at("remaining") == "80");
  CHECK(rows["66.1"].at("completion_pct") == "95.0");
  CHECK(rows["66.1"].at("remaining") == "200");
  Run md = run("--data demo/reports summary --month 2024-11 --format md");
  CHECK(md.out.find("70项任务：已完成 65 项、未完成 5 项。") != std::string::npos);
  // The category table has the columns that occur: 已完成 and 未完成, not empty pace columns.
  CHECK(md.out.find("| 类别 | 任务数 | 已完成 | 未完成 | 平均完成率 |") != std::string::npos);
  CHECK(md.out.find("| （三）加快推进老有颐养 | 7 | 6 | 1 | ") != std::string::npos);
}

TEST_CASE("demo December: 34 finished late is 逾期完成, the rest 逾期未完成, 54 carried from November") {
  Run r = run("--data demo/reports summary --month 2024-12 --format csv");
  REQUIRE(r.rc == 0);
  auto rows = by_target(r.out);
  CHECK(not_done(rows) == kShort);
  CHECK(rows["34.1"].at("status") == "done_late");
  CHECK(rows["34.1"].at("status_label") == "逾期完成");
  CHECK(rows["36.1"].at("actual") == "295");
  CHECK(rows["36.1"].at("remaining") == "5");
  CHECK(rows["66.1"].at("actual") == "3900");
  CHECK(rows["66.1"].at("completion_pct") == "97.5");
  for (const char* key : {"14.1", "36.1", "54.1", "66.1"}) {
    INFO(key);
    CHECK(rows[key].at("status_label") == "逾期未完成");
  }
  // 市交通运输局 sent no December file: nothing was owed, and its figure is November's.
  CHECK(rows["54.1"].at("value_month") == "2024-11");
  Run md = run("--data demo/reports summary --month 2024-12 --format md");
  CHECK(md.out.find("920公里（沿用11月）") != std::string::npos);
  CHECK(md.out.find("本月未报送进度文件") == std::string::npos);  // none was owed
  Run m = run("--data demo/reports missing --month 2024-12 --as-of 2025-01-05");
  CHECK(m.rc == 0);
  CHECK(m.out.find("不需报送进度") != std::string::npos);
}

TEST_CASE("demo final at the deadline's report date lists exactly the five, by unit, category and county") {
  Run csv = run("--data demo/reports final --as-of 2024-12-03 --format csv");
  REQUIRE(csv.rc == 0);
  auto rows = by_target(csv.out);
  REQUIRE(rows.size() == 73);
  CHECK(not_done(rows) == kShort);
  for (const auto& key : kShort) CHECK(rows[key].at("status_label") == "未完成");
  Run md = run("--data demo/reports final --as-of 2024-12-03 --format md");
  REQUIRE(md.rc == 0);
  // 68 of 73 reached by November: 93.2%.
  CHECK(md.out.find("计划共 73 个指标：按期完成 68 个、未完成 5 个；完成率 93.2%。") !=
        std::string::npos);
  CHECK(md.out.find("| 加快推进老有颐养 | 7 | 6 | 0 | 1 | 0 | 85.7% |") != std::string::npos);
  CHECK(md.out.find("| 市交通运输局 | 1 | 0 | 0 | 1 | 0 | 0.0% |") != std::string::npos);
  CHECK(md.out.find("| 市城管委 | 2 | 1 | 0 | 1 | 0 | 50.0% |") != std::string::npos);
  // 远安县 has one share (task 14: 150 of 193) and it is short; every other 县市区 finished.
  CHECK(md.out.find("| 远安县 | 1 | 0 | 0 | 1 | 0 | 0.0% |") != std::string::npos);
  CHECK(md.out.find("| 夷陵区 | 6 | 6 | 0 | 0 | 0 | 100.0% |") != std::string::npos);
  // The unfinished, each under its unit with the unit's own words from its general row.
  CHECK(md.out.find("### 市民政局\n\n| 编号 | 指标 | 目标 | 最终值 | 完成率 | 还差 | 存在问题 | 下步计划 |") !=
        std::string::npos);
  CHECK(md.out.find("| 14 | 特殊困难老年人家庭适老化改造 | 1673户以上 | 1630户 | 97.4% | 43户 | "
                    "远安县山区农户分散，改造进度滞后。 | 督促远安县12月底前完成剩余43户。 |") !=
        std::string::npos);
  CHECK(md.out.find("| 54 | 新改建农村公路 | 1000公里 | 920公里 | 92.0% | 80公里 |") !=
        std::string::npos);
  Run json = run("--data demo/reports final --as-of 2024-12-03 --format json");
  CHECK(json.out.find("\"unfinished\": 5") != std::string::npos);
  CHECK(json.out.find("\"rate_pct\": 93.2") != std::string::npos);
  Run html = run("--data demo/reports final --as-of 2024-12-03 --format html");
  REQUIRE(html.rc == 0);
  for (const char* name : {"特殊困难老年人家庭适老化改造", "既有住宅加装电梯", "新改建农村公路",
                           "更换改造存在安全隐患的井盖"})
    CHECK(html.out.find(name) != std::string::npos);
  Sandbox s;
  REQUIRE(run("--data demo/reports final --as-of 2024-12-03 --format xlsx -o 完成情况.xlsx", s.dir())
              .rc == 0);
  minsheng::Workbook wb = minsheng::read_xlsx(slurp(s.dir() / "完成情况.xlsx"));
  const minsheng::Sheet* unfinished = nullptr;
  for (const auto& sh : wb.sheets)
    if (sh.name == "未完成") unfinished = &sh;
  REQUIRE(unfinished);
  // One row per unfinished target, under its unit.
  std::set<std::string> units;
  for (std::size_t i = 1; i < unfinished->rows.size(); ++i)
    units.insert(unfinished->rows[i].cells.at(0).text);
  CHECK(unfinished->rows.size() == 1 + 5);
  CHECK(units ==
        std::set<std::string>{"市民政局", "市卫健委", "市住建局", "市交通运输局", "市城管委"});
}

TEST_CASE("demo final in January: 34 is 逾期完成 dated December, four remain") {
  Run csv = run("--data demo/reports final --as-of 2025-01-05 --format csv");
  REQUIRE(csv.rc == 0);
  auto rows = by_target(csv.out);
  CHECK(rows["34.1"].at("status") == "done_late");
  CHECK(rows["34.1"].at("done_month") == "2024-12");
  CHECK(rows["36.1"].at("status_label") == "逾期未完成");
  Run md = run("--data demo/reports final --as-of 2025-01-05 --format md");
  // (68 + 1) of 73: 94.5%.
  CHECK(md.out.find("按期完成 68 个、逾期完成 1 个、未完成 4 个；完成率 94.5%。") !=
        std::string::npos);
}

TEST_CASE("demo H2 专报 without December's files: from November, nobody late, no projection") {
  Sandbox s;
  s.drop_months_after("2024-11");  // written before any December file came in
  Run r = run("--data demo/reports bulletin --half 2024H2 --as-of 2025-01-05", s.dir());
  REQUIRE(r.rc == 0);
  CHECK(r.err.empty());
  CHECK(r.out.find("本专报数据截至2024年11月底。计划完成时限2024年11月30日已到，以下为完成情况。") !=
        std::string::npos);
  CHECK(r.out.find("共5项指标截至2024年11月底未完成") != std::string::npos);
  for (const char* row : {"| 54 | 新改建农村公路 | 市交通运输局 | 92.0% |",
                          "| 66 | 更换改造存在安全隐患的井盖 | 市城管委 | 95.0% |",
                          "| 36 | 既有住宅加装电梯 | 市住建局 | 96.7% |",
                          "| 14 | 特殊困难老年人家庭适老化改造 | 市民政局 | 97.4% |"})
    CHECK(r.out.find(row) != std::string::npos);
  // Every unit sent July to November by the 3rd; December is owed by nobody.
  CHECK(r.out.find("未报送") == std::string::npos);
  CHECK(r.out.find("月逾期") == std::string::npos);  // as "6月逾期2天" would say
  CHECK(r.out.find("未按时报送") == std::string::npos);
  CHECK(r.out.find("确保按期完成") == std::string::npos);
  CHECK(r.out.find("完成率将低于") == std::string::npos);
  CHECK(r.out.find("| 排名 | 县市区 | 分解指标 | 已完成 | 未完成 | 平均完成率 |") !=
        std::string::npos);
  CHECK(r.out.find("平均完成率排名后三位中有未完成指标的是远安县") != std::string::npos);
  // The Q4 通报 once the quarter has ended, from November as well.
  Run q4 = run("--data demo/reports bulletin --quarter 2024Q4 --as-of 2025-01-04", s.dir());
  CHECK(q4.rc == 0);
  CHECK(q4.out.find("本通报数据截至2024年11月底。") != std::string::npos);
}
