#include "report/summary_report.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "assess/assessment.hpp"
#include "io/plan_loader.hpp"
#include "util/parallel.hpp"

using namespace minsheng;

TEST_CASE("a summary CSV formatted on several cores is the one formatted on one") {
  // 10,000 targets: the rows are formatted in blocks of 4,096, so this crosses two joins.
  std::string yaml =
      "plan:\n  title: 大计划\n  start: 2024-01\n  deadline: 2024-12-31\n"
      "  reporting: {to: 市发改委, due_day: 3}\n"
      "measures: [个]\nunits: [市民政局]\ncategories:\n  - {id: 1, name: 类别一}\ntasks:\n";
  constexpr int kTasks = 10000;
  for (int i = 1; i <= kTasks; ++i)
    yaml += "  - id: " + std::to_string(i) +
            "\n    category: 1\n    lead: 市民政局\n    text: 任务" + std::to_string(i) +
            "\n    targets:\n      - {name: 指标, value: 100, measure: 个}\n";
  Plan plan = parse_plan(yaml, "big.yaml");
  REQUIRE(plan.target_count() == kTasks);
  Snapshot snap;
  snap.month = {2024, 6};
  for (int i = 1; i <= kTasks; i += 3)
    snap.values[{i, 1}] = {
        double(i % 100), false, std::nullopt, snap.month, {"f.csv", i}, "", SumOf::none, {}, {}};
  MonthReport rep = assess_month(plan, snap, {}, {}, {});

  set_threads(1);
  std::string one = summary_csv(rep);
  set_threads(4);
  std::string four = summary_csv(rep);
  set_threads(0);
  CHECK(one == four);
  // In plan order across the blocks: line N+1 is task N (after the BOM and the header).
  std::size_t lines = 0, at = 0;
  for (std::size_t p = 0; (p = four.find("\r\n", p)) != std::string::npos; p += 2) ++lines;
  CHECK(lines == kTasks + 1);
  for (int task : {1, 4096, 4097, 8192, 8193, kTasks}) {
    at = four.find("\r\n" + std::to_string(task) + ",1,1,市民政局,任务" + std::to_string(task) +
                   ",个,100,");
    CHECK(at != std::string::npos);
  }
  // Task 4096 has a value (4096 % 3 == 1), 96 (4096 % 100) of 100: 96.0% done where June is
  // 6 of 12 months (50.0%), 46 points ahead.
  CHECK(four.find("\r\n4096,1,1,市民政局,任务4096,个,100,0,96,96.0,50.0,-46.0,ahead,") !=
        std::string::npos);
  // Task 4097 has none (4097 % 3 == 2).
  CHECK(four.find("\r\n4097,1,1,市民政局,任务4097,个,100,0,,,50.0,,not_reported,") !=
        std::string::npos);
}
