// Every command × format that --help offers and no other test runs: each checked on the demo
// data by content worked out by hand, and each JSON against the CSV of the same command.
// tests/format_pairs.sh fails when a pair of --help has no test naming it.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "harness.hpp"
#include "util/csv.hpp"
#include "util/number.hpp"

using namespace minsheng::e2e;
using nlohmann::json;

namespace {

// A run that must succeed: its error output shows when it does not.
Run ok(const std::string& args) {
  Run r = run(args);
  INFO(args << "\n" << r.err);
  REQUIRE(r.rc == 0);
  return r;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The CSV's rows as maps of column name to value.
std::vector<std::map<std::string, std::string>> csv_rows(const std::string& text) {
  auto rows = minsheng::parse_csv(text);
  std::vector<std::map<std::string, std::string>> out;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    std::map<std::string, std::string> m;
    for (std::size_t c = 0; c < rows[0].fields.size() && c < rows[i].fields.size(); ++c) {
      std::string name = rows[0].fields[c].value;
      if (name.rfind("\xEF\xBB\xBF", 0) == 0) name.erase(0, 3);  // the BOM Excel needs
      m[name] = rows[i].fields[c].value;
    }
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace

TEST_CASE("tasks --format table lists the plan's 70 tasks with their figures") {
  Run r = run("--data demo/reports tasks --format table");
  REQUIRE(r.rc == 0);
  CHECK(has(r.out, "编号  类别"));
  CHECK(has(r.out, "着力实现幼有善育  市卫健委"));
  // Task 24 (新增公办幼儿园学位): 1260个, as the plan writes it.
  CHECK(has(r.out, "1260个"));
  CHECK(r.out.find("\x1b[") == std::string::npos);  // no colour off a terminal
}

TEST_CASE("template --format csv is the unit's form: its own targets, one row each") {
  Run r = run("--data demo/reports template --unit 市民政局 --month 2024-06 --format csv");
  REQUIRE(r.rc == 0);
  auto rows = csv_rows(r.out);
  REQUIRE_FALSE(rows.empty());
  for (const auto& row : rows) {
    INFO(row.at("任务编号"));
    CHECK(row.at("牵头单位") == "市民政局");
    CHECK(row.at("月份") == "2024-06");
  }
  // Task 14: 1673户以上, and May's city figure (800) given for reference; 夷陵区's share 300.
  CHECK(rows[0].at("任务编号") == "14");
  CHECK(rows[0].at("计划目标") == "1673户以上");
  CHECK(rows[0].at("上期累计（参考）") == "800（2024-05）");
  CHECK(rows[1].at("县市区") == "夷陵区");
  CHECK(rows[1].at("计划目标") == "分解目标 300户");
}

TEST_CASE("missing --format table on the day after the due date") {
  // Due 07-03; as of 07-05: 市乡村振兴局 sent nothing (2 days overdue), 市交通运输局 sent on
  // 07-05 (2 days late). 22 units, 21 files.
  Run r = run("--data demo/reports missing --month 2024-06 --as-of 2024-07-05 --format table");
  CHECK(r.rc == 1);
  CHECK(has(r.out, "应报 22 家，已报 21 家，未报 1 家；逾期报送 1 家"));
  CHECK(has(r.out, "市乡村振兴局  2024-07-03  未报送，已逾期 2 天"));
  CHECK(has(r.out, "市交通运输局  2024-07-03  逾期 2 天报送（2024-07-05，据表内报送日期）"));
}

TEST_CASE("history --format table shows each target's months and its changes") {
  Run r = run("--data demo/reports history --to 2024-06 --format table");
  REQUIRE(r.rc == 0);
  CHECK(has(r.out, "2024年4月至2024年6月各指标的月度走势（3 个月"));
  CHECK(has(r.out, "6月 序时推进→已完成"));  // task 1 was done in June
}

TEST_CASE("projects --format table and json agree with the csv") {
  Run t = ok("--data demo/reports projects --month 2024-06 --format table");
  Run j = ok("--data demo/reports projects --month 2024-06 --format json");
  Run c = ok("--data demo/reports projects --month 2024-06 --format csv");
  CHECK(has(t.out, "宜昌市2024年十大民生项目 2024年6月 具体项目"));
  // 秭归县's 病理科: 计划2024-05完工, still 未开工 in June: late, and the table says why.
  CHECK(has(t.out, "秭归县人民医院病理科    未开工"));
  CHECK(has(t.out, "计划2024-05完工，尚未完工"));
  // Investment (June's 市卫健委.csv): 宜都's works at 60% on 100 of 500万元 (20%) lag by 40
  // points; 枝江's 0.12亿 of 1,500万元 (80%) runs 40 ahead of its 40%: beyond the plan's 30.
  CHECK(has(t.out, "形象进度"));
  CHECK(has(t.out, "投资滞后于形象进度 40.0"));  // the 备注 column is cut at 30 columns
  CHECK(has(t.out, "投资超前于形象进度 40.0"));
  json doc = json::parse(j.out);
  CHECK(doc["month"] == "2024-06");
  auto rows = csv_rows(c.out);
  REQUIRE(doc["projects"].size() == rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const json& p = doc["projects"][i];
    INFO(rows[i].at("project"));
    CHECK(p["project"] == rows[i].at("project"));
    CHECK(p["task"].get<int>() == std::stoi(rows[i].at("task")));
    CHECK(p["project_status"] == rows[i].at("project_status"));
    CHECK((p["value"].is_null() ? "" : minsheng::format_number(p["value"].get<double>())) ==
          rows[i].at("value"));
  }
  const json* zigui = nullptr;
  for (const auto& p : doc["projects"])
    if (p["project"] == "秭归县人民医院病理科") zigui = &p;
  REQUIRE(zigui);
  CHECK((*zigui)["late"] == true);
  CHECK((*zigui)["project_status"] == "not_started");
  CHECK((*zigui)["investment_pct"] == 0.0);    // 0 of 400万元
  CHECK((*zigui)["investment_gap"] == false);  // 未开工 (0%) and nothing spent
  int gaps = 0;
  for (const auto& p : doc["projects"]) gaps += p["investment_gap"].get<bool>();
  CHECK(gaps == 2);
  for (const auto& row : rows)
    if (row.at("project") == "宜都市人民医院病理科") {
      CHECK(row.at("planned_investment") == "500");
      CHECK(row.at("invested") == "100");
      CHECK(row.at("funded") == "200");
      CHECK(row.at("investment_pct") == "20.0");
      CHECK(row.at("physical_pct") == "60.0");
    } else if (row.at("project") == "枝江市人民医院晋升三级") {
      CHECK(row.at("planned_investment") == "1500");  // typed 1,500
      CHECK(row.at("invested") == "1200");            // typed 0.12亿
      CHECK(row.at("investment_pct") == "80.0");
    } else if (row.at("project") == "沿江大道—西陵一路路口") {
      CHECK(row.at("invested") == "50");  // typed 50万元 in a 万元 column
    }
}

TEST_CASE("problems --format table and json as of June: 7 problems, 5 open") {
  // Opened: April 27 (秭归县), 33, 33 (当阳市), 39 (点军区); June 15, 34, 49. Closed by June:
  // 33 (已解决, May) and 33 当阳市 (its project 已完工, May).
  Run t = ok("--data demo/reports problems --as-of 2024-06 --format table");
  Run j = ok("--data demo/reports problems --as-of 2024-06 --format json");
  Run c = ok("--data demo/reports problems --as-of 2024-06 --format csv");
  CHECK(has(t.out, "问题清单（截至2024年6月）"));
  CHECK(has(t.out, "共 7 个问题：未销号 5 个，已销号 2 个。"));
  CHECK(has(t.out, "已销号（2024-05，项目已完工）"));
  json doc = json::parse(j.out);
  CHECK(doc["as_of"] == "2024-06");
  REQUIRE(doc["problems"].size() == 7);
  int open = 0;
  for (const auto& p : doc["problems"]) open += p["status"] == "open";
  CHECK(open == 5);
  const json& first = doc["problems"][0];
  CHECK(first["id"] == "27-202404-秭归县人民医院病理科");
  CHECK(first["months_open"] == 3);  // April, May, June
  auto rows = csv_rows(c.out);
  REQUIRE(rows.size() == 7);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    CHECK(doc["problems"][i]["id"] == rows[i].at("id"));
    CHECK(doc["problems"][i]["status"] == rows[i].at("status"));
    CHECK(std::to_string(doc["problems"][i]["months_open"].get<int>()) ==
          rows[i].at("months_open"));
  }
}

TEST_CASE("summary --by county --format table and json rank the 县市区 by one rule") {
  // 西陵区's five shares: 80, 100, 66.7, 120 (counted as 100) and 75 → 421.7 ÷ 5 = 84.3%, first.
  Run t = ok("--data demo/reports summary --month 2024-06 --by county --format table");
  Run j = ok("--data demo/reports summary --month 2024-06 --by county --format json");
  CHECK(has(t.out, "2024年6月 县市区推进情况"));
  CHECK(has(t.out, "   1  西陵区                   5       2     0         0       84.3%"));
  json doc = json::parse(j.out);
  CHECK(doc["month"] == "2024-06");
  CHECK(doc["time_pct"] == 54.5);
  const json& top = doc["standings"][0];
  CHECK(top["county"] == "西陵区");
  CHECK(top["rank"] == 1);
  CHECK(top["targets"] == 5);
  CHECK(top["counts"]["done"] == 2);
  CHECK(top["avg_completion_pct"] == 84.3);
  // Ranks run 1, 2, 3 … in order.
  for (std::size_t i = 0; i < doc["standings"].size(); ++i)
    CHECK(doc["standings"][i]["rank"] == static_cast<int>(i) + 1);
}
