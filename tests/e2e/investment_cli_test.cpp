// Investment (资金) beside physical progress, end to end on the demo's June files: 市卫健委 (27,
// 33), 市文旅局 (39) and 市公安局 (53) by project, 市交通运输局 (54) on its city row.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "harness.hpp"

using namespace minsheng::e2e;
using nlohmann::json;

namespace {

bool has(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("June's investment summed by hand: by task, category, unit and in total") {
  Run j = run("--data demo/reports summary --month 2024-06 --format json");
  REQUIRE(j.rc == 0);
  json doc = json::parse(j.out);
  const json& inv = doc["investment"];
  // 27: 800+600+500+400 planned, 800+560+100+0 done, 800+600+200+100 funded.
  // 33: 1200+1,500+2000; 1200+0.12亿 (远安 blank); 1200+1500. 39: seven projects, no 资金到位.
  // 53: six at 50, done 50+50万元+50+50+40+45. 54: its city row: 3.2亿, 6,400, 1.6亿元.
  std::map<int, std::array<double, 4>> want = {{27, {2300, 1460, 1700, 63.5}},
                                               {33, {4700, 2400, 2700, 51.1}},
                                               {39, {3680, 2630, -1, 71.5}},
                                               {53, {300, 285, -1, 95.0}},
                                               {54, {32000, 6400, 16000, 20.0}}};
  REQUIRE(inv["by_task"].size() == want.size());
  for (const auto& t : inv["by_task"]) {
    auto w = want.at(t["task"].get<int>());
    INFO(t["task"]);
    CHECK(t["planned_investment"].get<double>() == w[0]);
    CHECK(t["invested"].get<double>() == w[1]);
    if (w[2] < 0)
      CHECK(t["funded"].is_null());  // never reported: unknown, not 0
    else
      CHECK(t["funded"].get<double>() == w[2]);
    CHECK(t["investment_pct"].get<double>() == w[3]);
  }
  // 42980 planned, 13175 done: 30.65 → 30.7; funded 1700 + 2700 + 16000.
  CHECK(inv["total"]["planned_investment"].get<double>() == 42980);
  CHECK(inv["total"]["invested"].get<double>() == 13175);
  CHECK(inv["total"]["funded"].get<double>() == 20400);
  CHECK(inv["total"]["investment_pct"].get<double>() == 30.7);
  // Beside it, the mean completion of those tasks' targets: 2/4, 1/3, 6/15, 7/14, 200/1000.
  CHECK(inv["total"]["avg_completion_pct"].get<double>() == 38.7);
  // (八) holds 53 and 54: 32300 planned, 6685 done: 20.7%.
  const json* eight = nullptr;
  for (const auto& c : inv["by_category"])
    if (c["category"] == 8) eight = &c;
  REQUIRE(eight);
  CHECK((*eight)["planned_investment"].get<double>() == 32300);
  CHECK((*eight)["investment_pct"].get<double>() == 20.7);
  // 市卫健委 holds 27 and 33: 3860 of 7000, 55.1%.
  CHECK(inv["by_unit"][0]["unit"] == "市卫健委");
  CHECK(inv["by_unit"][0]["investment_pct"].get<double>() == 55.1);
  // Each target's row carries its own; one without any has nulls.
  for (const auto& r : doc["rows"]) {
    if (r["task"] == 54) CHECK(r["planned_investment"].get<double>() == 32000);
    if (r["task"] == 1) CHECK(r["planned_investment"].is_null());
  }

  Run md = run("--data demo/reports summary --month 2024-06 --format md");
  CHECK(has(md.out,
            "5 项任务填报了投资：计划投资 4.3亿元，累计完成投资 1.32亿元，投资完成率 "
            "30.7%，资金到位 2.04亿元；这些任务的指标平均完成率 38.7%。"));
  CHECK(has(md.out, "| （八）加快优化出行条件 | 3.23亿元 | 6685万元 | 1.6亿元 | 20.7% | 35.0% |"));
  Run table = run("--data demo/reports summary --month 2024-06 --format table");
  CHECK(has(table.out, "投资完成情况"));
  CHECK(has(table.out, "5 项任务填报了投资"));
}

TEST_CASE("the bulletin gives the quarter's investment in its 总体情况, in md and html") {
  for (const char* format : {"md", "html"}) {
    Run b = run(std::string("--data demo/reports bulletin --quarter 2024Q2 --format ") + format);
    REQUIRE(b.rc == 0);
    CHECK(has(b.out,
              "5项任务报送了投资情况：计划投资4.3亿元，累计完成投资1.32亿元，投资完成率30.7%，"
              "资金到位2.04亿元，这些任务的指标平均完成38.7%。"));
  }
  // The public edition is about works done, not money owed: nothing of it there.
  Run pub = run("--data demo/reports bulletin --quarter 2024Q2 --public");
  CHECK_FALSE(has(pub.out, "投资"));
}

TEST_CASE("a month before any file reports investment has no 投资 section and empty columns") {
  Run md = run("--data demo/reports summary --month 2024-05 --format md");
  REQUIRE(md.rc == 0);
  CHECK_FALSE(has(md.out, "投资"));
  Run j = run("--data demo/reports summary --month 2024-05 --format json");
  json doc = json::parse(j.out);
  CHECK(doc["investment"]["by_task"].empty());
  CHECK(doc["investment"]["total"]["planned_investment"].is_null());
}

TEST_CASE("check flags the projects whose works and money part by more than the plan allows") {
  Run r = run("--data demo/reports check --month 2024-06");
  CHECK(r.rc == 0);
  CHECK(has(r.err,
            "demo/reports/2024-06/submissions/市卫健委.csv:11: 警告: "
            "任务27指标1的项目“宜都市人民医院病理科”：形象进度 60.0%，投资完成率 20.0%，"
            "投资滞后于形象进度 40.0 个百分点（超过 30 个百分点），请核对投资数据或工程进度\n"));
  CHECK(has(r.err,
            "demo/reports/2024-06/submissions/市卫健委.csv:19: 警告: "
            "任务33指标1的项目“枝江市人民医院晋升三级”：形象进度 40.0%，投资完成率 80.0%，"
            "投资超前于形象进度 40.0 个百分点"));
  // By November the works are done and the money caught up: the whole folder has no such warning.
  Run all = run("--data demo/reports check");
  CHECK_FALSE(has(all.err, "形象进度"));
}

TEST_CASE("the form has the investment columns and says what was last reported, and they read back") {
  Sandbox s;
  s.drop_months_after("2024-06");
  Run t = run("--data demo/reports template --unit 市卫健委 --month 2024-07", s.dir());
  REQUIRE(t.rc == 0);
  CHECK(has(t.out, ",计划完工,形象进度,计划投资（万元）,累计完成投资（万元）,资金到位（万元）,"));
  // The reminder column says June's figures; the columns are blank: a blank keeps them.
  const std::string row =
      "在建（2024-06）；形象进度60%，计划投资500万元，累计完成投资100万元，资金到位200万元,,,,"
      "宜都市人民医院病理科,,2024-08,,,,,";
  REQUIRE(has(t.out, row));
  // The unit fills 形象进度 70 and 累计完成投资 0.03亿 (300万元) as people type them.
  std::string filled = t.out;
  filled.replace(filled.find(row), row.size(),
                 "在建（2024-06）；形象进度60%，计划投资500万元，累计完成投资100万元，资金到位200万"
                 "元,,,,宜都市人民医院病理科,在建,2024-08,70,,0.03亿,,");
  s.write("demo/reports/2024-07/submissions/市卫健委.csv", filled);
  Run p = run("--data demo/reports projects --month 2024-07 --format csv", s.dir());
  REQUIRE(p.rc == 0);
  // 300 of 500 (kept from June): 60.0%, 10 points from its 70%: within the plan's 30.
  CHECK(has(p.out, "宜都市人民医院病理科,in_progress,"));
  CHECK(has(p.out, ",500,300,200,60.0,70.0\r\n"));
  Run c = run("--data demo/reports check --month 2024-07", s.dir());
  CHECK(c.rc == 0);
  CHECK_FALSE(has(c.err, "宜都市人民医院病理科"));
}
