#include "report/site.hpp"

#include <catch2/catch.hpp>
#include <functional>
#include <mutex>

#include "assess/assessment.hpp"
#include "io/plan_loader.hpp"

using namespace minsheng;

namespace {

// A plan of `n` tasks of one target each, led by two units in turn.
Plan plan_of(int n) {
  std::string y =
      "plan:\n  title: 大计划\n  start: 2024-01\n  deadline: 2024-12-31\n"
      "  reporting: {to: 省发改委, due_day: 3}\nmeasures: [个]\nunits: [甲局, 乙局]\n"
      "categories:\n  - {id: 1, name: 类别一}\ntasks:\n";
  for (int i = 1; i <= n; ++i)
    y += "  - id: " + std::to_string(i) +
         "\n    category: 1\n    lead: " + (i % 2 ? "甲局" : "乙局") + "\n    text: 任务" +
         std::to_string(i) + "。\n    targets:\n      - {name: 指标, value: 10, measure: 个}\n";
  return parse_plan(y, "big.yaml");
}

// Each task's June figure (of 10) from `value`; none reported without it.
std::map<std::string, std::string> site_of(const Plan& plan,
                                           const std::function<double(int task)>& value = {}) {
  Snapshot snap;
  snap.month = {2024, 6};
  if (value)
    for (const auto& t : plan.tasks)
      snap.values[{t.id, 1}] = {value(t.id), false,       std::nullopt, snap.month, {"f.csv", 2},
                                "",          SumOf::none, {},           {}};
  MonthReport rep = assess_month(plan, snap, {});
  std::map<std::string, std::string> pages;
  std::mutex m;
  render_site(rep, History{}, {}, [&](std::size_t, SitePage&& p) {
    std::lock_guard<std::mutex> lock(m);
    pages[p.path] = std::move(p.html);
  });
  return pages;
}

}  // namespace

TEST_CASE("a plan of more than a thousand tasks has them on their units' pages, not one each") {
  // 1,000 tasks: a page each, linked as task-N.html.
  auto city = site_of(plan_of(1000));
  CHECK(city.size() == 1 + 1 + 1 + 2 + 1000);  // style.css, index, category, units, tasks
  CHECK(city.count("task-1000.html") == 1);
  CHECK(city["category-1.html"].find("href=\"task-7.html\"") != std::string::npos);
  // 1,001: each task is a section of its first lead's page, and every link goes there.
  auto province = site_of(plan_of(1001));
  CHECK(province.size() == 1 + 1 + 1 + 2);
  CHECK(province.count("task-7.html") == 0);
  const std::string& jia = province["unit-01.html"];  // 甲局 leads the odd tasks
  CHECK(jia.find("<h2 id=\"task-7\">任务7</h2>") != std::string::npos);
  CHECK(jia.find("id=\"task-8\"") == std::string::npos);
  CHECK(province["unit-02.html"].find("<h2 id=\"task-8\">任务8</h2>") != std::string::npos);
  CHECK(province["category-1.html"].find("href=\"unit-01.html#task-7\"") != std::string::npos);
  for (const auto& [name, html] : province) CHECK(html.find("href=\"task-") == std::string::npos);
}

TEST_CASE("the front page lists the 200 worst targets and says how many more there are") {
  auto behind = [](int) { return 0.0; };  // 0 of 10 in June: every target 严重滞后
  auto city = site_of(plan_of(150), behind);
  CHECK(city["index.html"].find("个指标需关注") == std::string::npos);  // all 150 listed
  auto province = site_of(plan_of(1001), behind);
  const std::string& index = province["index.html"];
  CHECK(index.find("另有 801 个指标需关注，见各牵头单位页面。") != std::string::npos);
  std::size_t rows = 0;
  for (std::size_t at = index.find("#task-"); at != std::string::npos;
       at = index.find("#task-", at + 1))
    ++rows;
  CHECK(rows == 200);
}

TEST_CASE("a category of more than 200 targets lists the 200 that need it most") {
  // June is 50% of the year. 5 of 10 keeps pace; tasks 500 and 900 at 0 are 严重滞后 (gap 50),
  // task 300 at 3 is 滞后 (gap 20): those three first, the worse status first and plan order
  // among equals, then the first 197 that keep pace.
  auto value = [](int task) { return task == 500 || task == 900 ? 0.0 : task == 300 ? 3.0 : 5.0; };
  auto province = site_of(plan_of(1001), value);
  const std::string& cat = province["category-1.html"];
  CHECK(cat.find("本类共 1001 个指标，以下列出最需关注的 200 个，全部指标见各牵头单位页面。") !=
        std::string::npos);
  auto at = [&](int task) { return cat.find("#task-" + std::to_string(task) + "\""); };
  REQUIRE(at(500) != std::string::npos);
  CHECK(at(500) < at(900));
  CHECK(at(900) < at(300));
  CHECK(at(300) < at(1));
  CHECK(at(197) != std::string::npos);
  CHECK(at(198) == std::string::npos);
  CHECK(province["unit-02.html"].find("id=\"task-198\"") != std::string::npos);  // still there
  auto city = site_of(plan_of(200), value);  // 200 fit: every one, in plan order
  CHECK(city["category-1.html"].find("本类共") == std::string::npos);
  CHECK(city["category-1.html"].find("href=\"task-200.html\"") != std::string::npos);
}
