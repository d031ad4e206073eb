// The 县市区 dimension end to end on the demo data: 分解方案 in demo/reports/breakdown/, 县市区
// rows in the progress files of 2024-04..06. Every figure below is worked out by hand from
// those files; June's time progress is 6/11 = 54.5%.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>

#include "harness.hpp"
#include "io/workbook.hpp"
#include "util/csv.hpp"

using namespace minsheng::e2e;

namespace {

struct Expected {
  const char* county;
  int task;
  const char* share;
  const char* actual;
  const char* completion;
  const char* gap;
  const char* status;
  const char* value_month;
};

// share = the 分解目标; completion = actual ÷ share; gap = 序时进度 − completion, 序时进度 54.5
// (6 of 11 months) but for 夷陵区's 任务14, on its own nodes (3月30%、5月60%、8月90%、10月100%
// in 市民政局's 分解方案): June's end is 1 of the 3 months from May to August, 60 + 30 × 1/3
// = 70.0.
const Expected kJune[] = {
    {"夷陵区", 4, "380", "250", "65.8", "-11.2", "ahead", "2024-06"},
    {"夷陵区", 13, "4", "4", "100.0", "-45.5", "done", "2024-06"},
    {"夷陵区", 14, "300", "210", "70.0", "0.0", "on_track", "2024-06"},  // −15.5 on the line
    {"夷陵区", 16, "20", "15", "75.0", "-20.5", "ahead", "2024-06"},
    {"夷陵区", 19, "50", "30", "60.0", "-5.5", "ahead", "2024-06"},  // a rate: its own level
    {"夷陵区", 20, "5000", "3600", "72.0", "-17.5", "ahead", "2024-06"},
    {"西陵区", 4, "400", "320", "80.0", "-25.5", "ahead", "2024-06"},
    {"西陵区", 13, "4", "4", "100.0", "-45.5", "done", "2024-06"},
    {"西陵区", 17, "3", "2", "66.7", "-12.1", "ahead", "2024-06"},
    {"西陵区", 19, "50", "60", "120.0", "-65.5", "done", "2024-06"},
    {"西陵区", 20, "4000", "3000", "75.0", "-20.5", "ahead", "2024-06"},
    {"伍家岗区", 4, "300", "150", "50.0", "4.5", "on_track", "2024-06"},
    {"伍家岗区", 13, "3", "3", "100.0", "-45.5", "done", "2024-06"},
    {"伍家岗区", 17, "3", "2", "66.7", "-12.1", "ahead", "2024-06"},
    {"伍家岗区", 19, "50", "45", "90.0", "-35.5", "done", "2024-06"},  // 左右: 45 ≥ 50 × 0.9
    {"伍家岗区", 20, "3000", "1800", "60.0", "-5.5", "ahead", "2024-06"},
    {"点军区", 17, "2", "1", "50.0", "4.5", "on_track", "2024-06"},
    {"猇亭区", 17, "2", "0", "0.0", "54.5", "seriously_behind", "2024-06"},
    {"宜都市", 4, "300", "200", "66.7", "-12.1", "ahead", "2024-06"},
    {"宜都市", 14, "280", "200", "71.4", "-16.9", "ahead", "2024-06"},
    {"宜都市", 16, "20", "12", "60.0", "-5.5", "ahead", "2024-06"},
    {"宜都市", 20, "3000", "2000", "66.7", "-12.1", "ahead", "2024-06"},
    {"当阳市", 13, "3", "3", "100.0", "-45.5", "done", "2024-06"},
    {"当阳市", 14, "250", "150", "60.0", "-5.5", "ahead", "2024-06"},
    {"当阳市", 16, "20", "10", "50.0", "4.5", "on_track", "2024-06"},
    {"枝江市", 4, "300", "180", "60.0", "-5.5", "ahead", "2024-06"},
    {"枝江市", 14, "250", "160", "64.0", "-9.5", "ahead", "2024-06"},
    {"枝江市", 16, "20", "10", "50.0", "4.5", "on_track", "2024-06"},
    {"枝江市", 20, "3000", "1600", "53.3", "1.2", "on_track", "2024-06"},
    {"远安县", 14, "193", "20", "10.4", "44.2", "seriously_behind", "2024-06"},
    {"兴山县", 13, "4", "3", "75.0", "-20.5", "ahead", "2024-05"},  // not in June's file
    {"秭归县", 14, "200", "120", "60.0", "-5.5", "ahead", "2024-06"},
    {"秭归县", 16, "20", "5", "25.0", "29.5", "behind", "2024-06"},
    {"长阳土家族自治县", 14, "200", "100", "50.0", "4.5", "on_track", "2024-06"},
    {"五峰土家族自治县", 13, "4", "1", "25.0", "29.5", "behind", "2024-06"},
    {"宜昌高新区", 17, "2", "1", "50.0", "4.5", "on_track", "2024-06"},
};

}  // namespace

TEST_CASE("summary --by county: every allocated (县市区, target) of June, worked out by hand") {
  Run r = run("--data demo/reports summary --month 2024-06 --by county --format csv");
  REQUIRE(r.rc == 0);
  auto rows = minsheng::parse_csv(r.out);
  REQUIRE(rows.size() == 1 + std::size(kJune));
  std::vector<std::string> header;
  for (const auto& f : rows[0].fields) header.push_back(f.value);
  CHECK(header == std::vector<std::string>{"\xEF\xBB\xBF"
                                           "county",
                                           "task", "target", "lead", "name", "county_target",
                                           "actual", "completion_pct", "time_pct", "gap_pp",
                                           "status", "status_label", "value_month", "source",
                                           "note", "time_basis"});
  for (std::size_t i = 0; i < std::size(kJune); ++i) {
    const auto& f = rows[i + 1].fields;
    const Expected& e = kJune[i];
    INFO(e.county << " 任务" << e.task);
    CHECK(f[0].value == e.county);
    CHECK(f[1].value == std::to_string(e.task));
    CHECK(f[5].value == e.share);
    CHECK(f[6].value == e.actual);
    CHECK(f[7].value == e.completion);
    bool own_nodes = e.county == std::string("夷陵区") && e.task == 14;
    CHECK(f[8].value == (own_nodes ? "70.0" : "54.5"));
    CHECK(f[15].value == (own_nodes ? "nodes" : "linear"));
    CHECK(f[9].value == e.gap);
    CHECK(f[10].value == e.status);
    CHECK(f[12].value == e.value_month);
  }
}

TEST_CASE("县市区 standings: mean completion capped at 100, ties by 严重滞后 then plan order") {
  // 西陵区 (80 + 100 + 66.7 + 100 + 75) / 5 = 84.3; 兴山县 75; 夷陵区 (65.8 + 100 + 70 + 75 + 60
  // + 72) / 6 = 73.8; 伍家岗区 (50 + 100 + 66.7 + 90 + 60) / 5 = 73.3; 当阳市 70; 宜都市 66.2;
  // 枝江市 56.8; 点军区, 长阳, 高新区 50 each (plan order); 秭归县 42.5; 五峰 25; 远安县 10.4;
  // 猇亭区 0.
  Run r = run("--data demo/reports summary --month 2024-06 --by county --format md");
  REQUIRE(r.rc == 0);
  const char* order[] = {"西陵区",           "兴山县",     "夷陵区", "伍家岗区",
                         "当阳市",           "宜都市",     "枝江市", "点军区",
                         "长阳土家族自治县", "宜昌高新区", "秭归县", "五峰土家族自治县",
                         "远安县",           "猇亭区"};
  const char* avg[] = {"84.3%", "75.0%", "73.8%", "73.3%", "70.0%", "66.2%", "56.8%",
                       "50.0%", "50.0%", "50.0%", "42.5%", "25.0%", "10.4%", "0.0%"};
  for (int i = 0; i < 14; ++i) {
    std::string row = "| " + std::to_string(i + 1) + " | " + order[i] + " | ";
    auto at = r.out.find(row);
    INFO(row);
    REQUIRE(at != std::string::npos);
    CHECK(r.out.substr(at, r.out.find('\n', at) - at).find(avg[i]) != std::string::npos);
  }
  CHECK(r.out.find("| 14 | 猇亭区 | 1 | 0 | 0 | 1 | 0.0% |") != std::string::npos);
  // The bulletin names the three lowest, lowest first, each having a target 滞后 or worse.
  Run b = run("--data demo/reports bulletin --quarter 2024Q2");
  CHECK(b.out.find("平均完成率排名后三位中有滞后指标的是猇亭区、远安县、五峰土家族自治县") !=
        std::string::npos);
  CHECK(b.out.find("- 14\\. 特殊困难老年人家庭适老化改造（市民政局）：远安县（10.4%，严重滞后）") !=
        std::string::npos);
  Run h = run("--data demo/reports bulletin --quarter 2024Q2 --format html");
  CHECK(h.out.find("<svg class=\"chart\" id=\"county-chart\"") != std::string::npos);
}

TEST_CASE("the city values reconciled from 县市区 rows") {
  Run r = run("--data demo/reports summary --month 2024-06 --format csv");
  auto rows = minsheng::parse_csv(r.out);
  std::map<std::string, std::string> actual;
  for (const auto& rec : rows)
    actual[rec.fields[0].value + "." + rec.fields[1].value] = rec.fields[8].value;
  CHECK(actual["4.1"] == "1100");  // 市卫健委 sent only 县市区 rows: 320+150+250+200+180
  CHECK(actual["14.1"] == "950");  // typed 950 stands against the rows' 960 (a warning)
  CHECK(actual["13.1"] == "18");   // typed 18 = 4+4+3+3+1 + 兴山县's 3 carried from May
  CHECK(actual["20.1"] == "12000");
  Run e = run("--data demo/reports summary --month 2024-06 --explain 13");
  CHECK(e.out.find("全市值    取单位填报的全市值") != std::string::npos);
  CHECK(e.out.find("兴山县            分解目标 4家，累计完成 3家（2024-05，") != std::string::npos);
  Run e4 = run("--data demo/reports summary --month 2024-06 --explain 4");
  CHECK(e4.out.find("全市值    单位未填全市值，取县市区合计") != std::string::npos);
  Run c = run("--data demo/reports check");
  CHECK(
      c.err.find("市民政局.yaml:6: 警告: 任务14指标1：县市区合计 960 与全市 950 不符（县市区行：第 "
                 "7–13 行），以全市值为准") != std::string::npos);
  // May's rows add up to the typed 800: no warning then.
  CHECK(c.err.find("2024-05/submissions/市民政局.yaml:6: 警告") == std::string::npos);
}

TEST_CASE("summary --county gives one 县市区's sheet and an unknown name suggests the nearest") {
  Run r = run("--data demo/reports summary --month 2024-06 --county 远安县 --format csv");
  REQUIRE(r.rc == 0);
  auto rows = minsheng::parse_csv(r.out);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].fields[0].value == "远安县");
  CHECK(rows[1].fields[10].value == "seriously_behind");
  Run md = run("--data demo/reports summary --month 2024-06 --county 远安县 --format md");
  CHECK(md.out.find("# 宜昌市2024年十大民生项目 2024年6月 远安县推进情况") != std::string::npos);
  CHECK(md.out.find("| 13 | 远安县 | 1 | 0 | 0 | 1 | 10.4% |") != std::string::npos);
  Run bad = run("--data demo/reports summary --month 2024-06 --county 远安");
  CHECK(bad.rc == 2);
  CHECK(bad.err.find("没有县市区“远安”（是否应为“远安县”？）") != std::string::npos);
}

TEST_CASE("summary --by county --format xlsx: a ranking sheet and a detail sheet") {
  Sandbox s;
  Run r = run("--data demo/reports summary --month 2024-06 --by county --format xlsx -o c.xlsx",
              s.dir());
  REQUIRE(r.rc == 0);
  auto wb = minsheng::read_xlsx(slurp(s.dir() / "c.xlsx"));
  REQUIRE(wb.sheets.size() == 3);
  CHECK(wb.sheets[0].name == "县市区排名");
  // A title, the 数据截至 line, the header, then the 14 县市区.
  CHECK(wb.sheets[0].rows.size() == 3 + 14);
  CHECK(wb.sheets[0].rows[0].cells[0].text.find("（县市区排名）") != std::string::npos);
  CHECK(wb.sheets[0].rows[1].cells[0].text.rfind("数据截至 2024年6月底", 0) == 0);
  CHECK(wb.sheets[0].rows[3].cells[1].text == "西陵区");
  CHECK(wb.sheets[1].name == "县市区明细");
  CHECK(wb.sheets[1].rows.size() == 3 + std::size(kJune));
  // File paths are on the 数据来源 sheet, never in the table a county reads.
  for (const auto& row : wb.sheets[1].rows)
    for (const auto& c : row.cells) CHECK(c.text.find("submissions") == std::string::npos);
  CHECK(wb.sheets[2].name == "数据来源");
}

TEST_CASE("diff --by county: what moved in each 县市区 from May to June") {
  Run r = run("--data demo/reports diff --by county 2024-05 2024-06 --format csv");
  REQUIRE(r.rc == 0);
  auto rows = minsheng::parse_csv(r.out);
  REQUIRE(rows.size() == 1 + std::size(kJune));
  CHECK(rows[0].fields[0].value ==
        "\xEF\xBB\xBF"
        "county");
  std::map<std::string, std::pair<std::string, std::string>> change;  // → (delta, change)
  for (std::size_t i = 1; i < rows.size(); ++i)
    change[rows[i].fields[0].value + rows[i].fields[1].value] = {rows[i].fields[8].value,
                                                                 rows[i].fields[16].value};
  CHECK(change["夷陵区13"] == std::pair<std::string, std::string>{"1", "completed"});  // 3 → 4 of 4
  CHECK(change["猇亭区17"].second == "stalled");                                       // 0 → 0
  CHECK(change["兴山县13"].second == "stalled");  // carried: no June figure
  CHECK(change["远安县14"].first == "5");         // 15 → 20
  CHECK(run("--data demo/reports diff --by county tests/expected/summary-2024-06.csv 2024-06").rc ==
        2);
}

TEST_CASE("template lists each 县市区 of the unit's 分解方案 under its target") {
  Run t = run("--data demo/reports template --unit 市卫健委 --month 2024-07");
  REQUIRE(t.rc == 0);
  auto rows = minsheng::parse_csv(t.out);
  std::vector<std::string> task4;
  for (const auto& rec : rows)
    if (rec.fields[2].value == "4")
      task4.push_back(rec.fields[4].value + "|" + rec.fields[7].value);
  CHECK(task4 == std::vector<std::string>{"|1680个", "夷陵区|分解目标 380个",
                                          "西陵区|分解目标 400个", "伍家岗区|分解目标 300个",
                                          "宜都市|分解目标 300个", "枝江市|分解目标 300个"});
}

TEST_CASE("a 备注 written on a 县市区 row stays with that 县市区's figure") {
  Sandbox s;
  s.drop_months_after("2024-06");
  s.write("demo/reports/2024-07/submissions/市民政局.csv",
          "任务编号,县市区,累计完成,备注\n14,,1000,\n14,远安县,40,县级配套资金8月到位\n");
  Run csv = run("--data demo/reports summary --month 2024-07 --by county --format csv --keep-going",
                s.dir());
  REQUIRE(csv.rc == 0);
  CHECK(csv.out.find(
            ",demo/reports/2024-07/submissions/市民政局.csv:3,县级配套资金8月到位,linear\r\n") !=
        std::string::npos);
  Run md =
      run("--data demo/reports summary --month 2024-07 --by county --county 远安县 --format md",
          s.dir());
  CHECK(md.out.find("| 县级配套资金8月到位 |") != std::string::npos);
  Run json = run("--data demo/reports summary --month 2024-07 --by county --format json", s.dir());
  CHECK(json.out.find("\"note\": \"县级配套资金8月到位\"") != std::string::npos);
  REQUIRE(run("--data demo/reports site --month 2024-07 -o site", s.dir()).rc == 0);
  bool found = false;
  for (const auto& f : std::filesystem::directory_iterator(s.dir() / "site"))
    found = found || slurp(f.path()).find("备注：县级配套资金8月到位") != std::string::npos;
  CHECK(found);
}
