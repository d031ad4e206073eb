#include "assess/bulletin.hpp"

#include <catch2/catch.hpp>

#include "assess/month.hpp"
#include "fixtures.hpp"
#include "io/plan_loader.hpp"
#include "io/progress_reader.hpp"
#include "report/bulletin_render.hpp"

using namespace minsheng;

namespace {

using test::plan;

// A data set built in memory: files as (month, name, content).
DataSet data(std::vector<std::tuple<YearMonth, std::string, std::string>> files) {
  DataSet d;
  for (auto& [m, name, text] : files) {
    d.submissions.push_back(
        parse_submission(text, m.str() + "/submissions/" + name, plan(), m, d.diagnostics));
    if (d.months.empty() || d.months.back() != m) d.months.push_back(m);
  }
  return d;
}

DataSet demo() {
  return data({
      {{2024, 3}, "市民政局.csv", "任务编号,累计完成,报送日期\n1,20,2024-04-02\n2,20%,\n5,,\n"},
      {{2024, 5}, "市民政局.csv", "任务编号,累计完成,报送日期\n1,40,2024-06-02\n2,46%,\n5,,\n"},
      {{2024, 5},
       "市住建局.csv",
       "任务编号,累计完成,状态,报送日期\n3,,推进中,2024-06-06\n6,150,,\n"},
      {{2024, 6}, "市住建局.csv", "任务编号,累计完成,状态\n3,,推进中\n6,160,\n"},
  });
}

}  // namespace

TEST_CASE(
    "the bulletin uses the period's last month with files and compares with the previous period") {
  DataSet d = demo();
  Bulletin b = build_bulletin(plan(), d, *Period::parse("2024Q2"));
  CHECK(b.month == YearMonth{2024, 6});
  CHECK(b.previous_month == YearMonth{2024, 3});
  CHECK_FALSE(b.previous_in_period);
  REQUIRE(b.changes);
  // The bulletin's counts are the summary's counts for the same month.
  MonthReport summary = assess_data(plan(), d, {2024, 6}, false);
  CHECK(b.report.task_counts == summary.task_counts);
  CHECK(b.changes->counts[ChangeKind::completed] == 1);  // task 2: 20% → 46%, about 50
}

TEST_CASE("reporting punctuality and the unit ranking") {
  Bulletin b = build_bulletin(plan(), demo(), *Period::parse("2024Q2"));
  REQUIRE(b.units.size() == 4);
  // 市民政局: tasks 1 (40%) and 2 (92%) → 66%; 市住建局: task 6 (55%) → ranks second.
  CHECK(b.units[0].unit == "市民政局");
  CHECK(b.units[0].rank == 1);
  CHECK(*b.units[0].avg_completion == Approx(66));
  CHECK(b.units[0].missing_months == std::vector<YearMonth>{{2024, 4}, {2024, 6}});
  CHECK(b.units[1].unit == "市住建局");
  CHECK(b.units[1].late_months == std::vector<std::pair<YearMonth, long>>{{{2024, 5}, 3}});
  CHECK(b.units[1].missing_months == std::vector<YearMonth>{{2024, 4}});
  CHECK(b.units[2].rank == 0);  // no numeric value: not ranked
}

TEST_CASE(
    "a period without files is NoDataError — with no previous period the first month is the "
    "baseline") {
  CHECK_THROWS_AS(build_bulletin(plan(), demo(), *Period::parse("2024Q3")), NoDataError);
  Bulletin b = build_bulletin(plan(), demo(), *Period::parse("2024Q1"));
  CHECK(b.month == YearMonth{2024, 3});
  CHECK_FALSE(b.changes);
  DataSet d = data({{{2024, 4}, "市住建局.csv", "任务编号,累计完成\n6,100\n"},
                    {{2024, 6}, "市住建局.csv", "任务编号,累计完成\n6,160\n"}});
  Bulletin q2 = build_bulletin(plan(), d, *Period::parse("2024Q2"));
  CHECK(q2.previous_month == YearMonth{2024, 4});
  CHECK(q2.previous_in_period);
}

TEST_CASE("the default templates render the title from the plan's data") {
  Bulletin b = build_bulletin(plan(), demo(), *Period::parse("2024Q2"));
  std::string md = render_bulletin(b, "md");
  CHECK(md.rfind("# 测试市2024年民生项目第二季度推进情况通报\n", 0) == 0);
  CHECK(md.find("6项任务中，") != std::string::npos);
  CHECK(md.find("\n\n\n") == std::string::npos);
  Bulletin h = build_bulletin(plan(), demo(), *Period::parse("2024H1"));
  CHECK(render_bulletin(h, "md").rfind("# 测试市2024年民生项目上半年推进情况专报\n", 0) == 0);
  std::string html = render_bulletin(b, "html");
  CHECK(html.find("<title>测试市2024年民生项目第二季度推进情况通报</title>") != std::string::npos);
  CHECK(html.find("<svg class=\"chart\" id=\"status-chart\"") != std::string::npos);
  CHECK(html.find("<svg class=\"chart\" id=\"category-chart\"") != std::string::npos);
}

TEST_CASE(
    "a custom template changes the wording without a rebuild — a broken one is a clear error") {
  Bulletin b = build_bulletin(plan(), demo(), *Period::parse("2024Q2"));
  std::string out = render_bulletin(
      b, "md", "{{title}}|{{#statuses}}{{label}}{{count}};{{/statuses}}|{{time_pct}}",
      "my.mustache");
  // June of a 10-month plan: 60% time. Tasks: 1 40%→behind(20), 2 done, 3 on track, 4 not reported,
  // 5 pending, 6 55%→on track (5 points).
  CHECK(
      out ==
      "测试市2024年民生项目第二季度推进情况通报|已完成1;序时推进2;滞后1;未报送1;目标待定1;|60.0%");
  try {
    render_bulletin(b, "md", "{{#statuses}}unclosed", "my.mustache");
    FAIL("expected DataError");
  } catch (const DataError& e) {
    CHECK(e.diagnostics().items().at(0).str().rfind("my.mustache: 错误: 模板语法错误: ", 0) == 0);
  }
}
