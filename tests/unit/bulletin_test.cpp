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
AllRows data(std::vector<std::tuple<YearMonth, std::string, std::string>> files) {
  AllRows d;
  for (auto& [m, name, text] : files) {
    d.submissions.push_back(
        parse_submission(text, m.str() + "/submissions/" + name, plan(), m, d.diagnostics));
    if (d.months.empty() || d.months.back() != m) d.months.push_back(m);
  }
  return d;
}

AllRows demo() {
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
  AllRows d = demo();
  Bulletin b = build_bulletin(plan(), d, *Period::parse("2024Q2"));
  CHECK(b.month == YearMonth{2024, 6});
  CHECK(b.previous_month == YearMonth{2024, 3});
  CHECK_FALSE(b.previous_in_period);
  REQUIRE(b.changes);
  // June, 60% time: task 1 40% (behind, 20 points), 2 46% of about 50 (done), 3 推进中 (on
  // track), 4 nothing (not reported), 5 pending, 6 (160 − 50) ÷ 200 = 55% (on track, 5 points).
  std::map<Status, int> expected = {{Status::done, 1},
                                    {Status::on_track, 2},
                                    {Status::behind, 1},
                                    {Status::not_reported, 1},
                                    {Status::pending, 1}};
  CHECK(b.report.task_counts == expected);
  CHECK(b.changes->count(ChangeKind::completed) == 1);  // task 2: 20% → 46%, about 50
}

TEST_CASE("changes are measured from the last month of the previous period, not its first") {
  AllRows d = data({{{2024, 2}, "市住建局.csv", "任务编号,累计完成\n6,80\n"},
                    {{2024, 3}, "市住建局.csv", "任务编号,累计完成\n6,120\n"},
                    {{2024, 6}, "市住建局.csv", "任务编号,累计完成\n6,160\n"}});
  Bulletin b = build_bulletin(plan(), d, *Period::parse("2024Q2"));
  CHECK(b.previous_month == YearMonth{2024, 3});
  REQUIRE(b.changes);
  auto row = std::find_if(b.changes->rows.begin(), b.changes->rows.end(), [](const DiffRow& r) {
    return r.key == TargetKey{6, 1};
  });
  REQUIRE(row != b.changes->rows.end());
  CHECK(*row->old_row->actual == 120);
  CHECK(*row->delta == 40);
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
  AllRows d = data({{{2024, 4}, "市住建局.csv", "任务编号,累计完成\n6,100\n"},
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
      "测试市2024年民生项目第二季度推进情况通报|已完成1;序时推进2;滞后1;未填报1;目标待定1;|60.0%");
  try {
    render_bulletin(b, "md", "{{#statuses}}unclosed", "my.mustache");
    FAIL("expected DataError");
  } catch (const DataError& e) {
    CHECK(e.diagnostics().items().at(0).str().rfind("my.mustache: 错误: 模板语法错误: ", 0) == 0);
  }
}

TEST_CASE("a period whose last month has no files is not reported unless asked, and then says so") {
  AllRows d = data({{{2024, 4}, "市住建局.csv", "任务编号,累计完成\n6,100\n"},
                    {{2024, 5}, "市住建局.csv", "任务编号,累计完成\n6,150\n"}});
  try {
    build_bulletin(plan(), d, *Period::parse("2024Q2"));
    FAIL("expected NoDataError");
  } catch (const NoDataError& e) {
    CHECK(std::string(e.what()) ==
          "2024Q2（2024-04 至 2024-06）的最后一个月尚无进度文件（缺 2024-06），不生成通报；确需按"
          "已有数据（截至 2024-05）生成时加 --allow-stale");
  }
  Bulletin b = build_bulletin(plan(), d, *Period::parse("2024Q2"), true);
  CHECK(b.stale);
  CHECK(b.month == YearMonth{2024, 5});
  std::string md = render_bulletin(b, "md");
  // The first paragraph says which month the data reaches.
  auto first = md.find("现将");
  REQUIRE(first != std::string::npos);
  std::string para = md.substr(first, md.find('\n', first) - first);
  CHECK(para.find("本通报数据截至2024年5月底（2024年6月数据尚未报送，以2024年5月数据为准）") !=
        std::string::npos);
  // June is counted as not reported for every unit, as April and May are where they apply.
  for (const auto& u : b.units) {
    INFO(u.unit);
    CHECK(std::find(u.missing_months.begin(), u.missing_months.end(), YearMonth{2024, 6}) !=
          u.missing_months.end());
  }
}

TEST_CASE("报送情况 counts every month from reporting.from, in every period") {
  Plan p = plan();
  p.reporting_from = {2024, 4};  // issued in April: nothing was due for January–March
  AllRows d = data({{{2024, 4}, "市住建局.csv", "任务编号,累计完成\n6,100\n"},
                    {{2024, 6}, "市住建局.csv", "任务编号,累计完成\n6,160\n"},
                    {{2024, 6}, "市民政局.csv", "任务编号,累计完成\n1,30\n"}});
  Bulletin h1 = build_bulletin(p, d, *Period::parse("2024H1"));
  Bulletin q2 = build_bulletin(p, d, *Period::parse("2024Q2"));
  for (const Bulletin* b : {&h1, &q2}) {
    std::map<std::string, std::vector<YearMonth>> missing;
    for (const auto& u : b->units) missing[u.unit] = u.missing_months;
    CHECK(missing.at("市住建局") == std::vector<YearMonth>{{2024, 5}});
    CHECK(missing.at("市民政局") == std::vector<YearMonth>{{2024, 4}, {2024, 5}});
    CHECK(missing.at("市农业农村局") == std::vector<YearMonth>{{2024, 4}, {2024, 5}, {2024, 6}});
  }
  CHECK(render_bulletin(h1, "md").find("1月未报送") == std::string::npos);
}

TEST_CASE("the category table has a column for every status that occurs, so rows add up") {
  Bulletin b = build_bulletin(plan(), demo(), *Period::parse("2024Q2"));
  std::string md = render_bulletin(b, "md");
  auto at = md.find("| 类别 | 任务数 |");
  REQUIRE(at != std::string::npos);
  std::string header = md.substr(at, md.find('\n', at) - at);
  // Tasks 1 behind, 2 done, 3 on track, 4 not reported, 5 pending, 6 on track: 滞后 and 未报送
  // have their own columns; nothing hides in another.
  CHECK(header == "| 类别 | 任务数 | 已完成 | 序时推进 | 滞后 | 未填报 | 目标待定 | 平均完成率 |");
  std::size_t pos = md.find('\n', md.find('\n', at) + 1) + 1;  // first data row
  int rows = 0;
  while (md.substr(pos).starts_with("| （")) {
    std::string line = md.substr(pos, md.find('\n', pos) - pos);
    std::vector<std::string> cells;
    for (std::size_t i = 1, j; (j = line.find(" |", i)) != std::string::npos; i = j + 2)
      cells.push_back(line.substr(i + 1, j - i - 1));
    REQUIRE(cells.size() == 8);
    int sum = 0;
    for (std::size_t c = 2; c < 7; ++c) sum += std::stoi(cells[c]);
    INFO(line);
    CHECK(sum == std::stoi(cells[1]));
    ++rows;
    pos = md.find('\n', pos) + 1;
  }
  CHECK(rows == 2);
}

TEST_CASE("a plan without wording gets neutral words, and its own due day") {
  Plan p = plan();
  p.due_day = 5;
  Bulletin b = build_bulletin(p, demo(), *Period::parse("2024Q2"));
  std::string md = render_bulletin(b, "md");
  CHECK(md.find("各有关单位：") != std::string::npos);
  CHECK(md.find("每月5日前") != std::string::npos);
  for (const char* city : {"3日", "宜昌", "各县市区人民政府", "督查室", "市委、市政府"}) {
    INFO(city);
    CHECK(md.find(city) == std::string::npos);
  }
  Bulletin h = build_bulletin(p, demo(), *Period::parse("2024H1"));
  std::string report = render_bulletin(h, "md");
  CHECK(report.find("市委、市政府") == std::string::npos);
  // The plan's own words when it has them.
  p.wording = {"各区县：", "市长：", "督查室"};
  std::string worded = render_bulletin(build_bulletin(p, demo(), *Period::parse("2024H1")), "md");
  CHECK(worded.find("\n市长：\n") != std::string::npos);
  CHECK(worded.find("\n督查室\n") != std::string::npos);
}

TEST_CASE("units with the same average rank by fewer lagging targets, then plan order") {
  // June, 60% time. 市民政局: task 1 at 20% (40 points behind) and task 2 at 100% → 60%
  // average, one lagging. 市住建局: task 6 (170 − 50) ÷ 200 = 60%, none lagging.
  AllRows d = data({{{2024, 6}, "市民政局.csv", "任务编号,累计完成\n1,20\n2,50%\n5,,\n"},
                    {{2024, 6}, "市住建局.csv", "任务编号,累计完成,状态\n3,,推进中\n6,170,\n"}});
  Bulletin b = build_bulletin(plan(), d, *Period::parse("2024Q2"));
  REQUIRE(b.units.size() >= 2);
  CHECK(*b.units[0].avg_completion == Approx(60));
  CHECK(*b.units[1].avg_completion == Approx(60));
  CHECK(b.units[0].unit == "市住建局");  // 0 lagging
  CHECK(b.units[0].lagging == 0);
  CHECK(b.units[1].unit == "市民政局");  // 1 lagging
  CHECK(b.units[1].lagging == 1);
}

TEST_CASE("text from the plan is escaped in SVG and HTML") {
  Plan p = plan();
  p.categories[0].name = "类别<一>&\"";
  Bulletin b = build_bulletin(p, demo(), *Period::parse("2024Q2"));
  std::string html = render_bulletin(b, "html");
  CHECK(html.find("类别<一>") == std::string::npos);
  CHECK(html.find("类别&lt;一&gt;&amp;") != std::string::npos);
}

TEST_CASE("an open problem is 限期解决 from its long_open_months-th month, counted inclusively") {
  // Q2's last month is June. 市民政局's problem is written in April, May and June: open in its
  // third month, 3 ≥ the default 3, so 限期解决. 市住建局's, from May, is in its second: not yet.
  AllRows d = data({
      {{2024, 4}, "市民政局.csv", "任务编号,累计完成,存在问题\n1,10,用地未落实\n"},
      {{2024, 5}, "市民政局.csv", "任务编号,累计完成,存在问题\n1,20,用地未落实\n"},
      {{2024, 5}, "市住建局.csv", "任务编号,累计完成,存在问题\n6,100,资金未到位\n"},
      {{2024, 6}, "市民政局.csv", "任务编号,累计完成,存在问题\n1,30,用地未落实\n"},
      {{2024, 6}, "市住建局.csv", "任务编号,累计完成,存在问题\n6,120,资金未到位\n"},
  });
  auto long_open = [](const Bulletin& b) {
    std::vector<std::string> units;
    for (std::size_t i : b.long_open) units.push_back(b.problems[i].unit);
    return units;
  };
  Bulletin b = build_bulletin(plan(), d, *Period::parse("2024Q2"));
  REQUIRE(b.problems.size() == 2);
  CHECK(long_open(b) == std::vector<std::string>{"市民政局"});
  // The window is the plan's setting: at 2 months, May's problem is due too.
  Plan p = plan();
  p.settings.long_open_months = 2;
  CHECK(long_open(build_bulletin(p, d, *Period::parse("2024Q2"))).size() == 2);
}

TEST_CASE("a bulletin names its lists up to bulletin_list_limit and counts the rest") {
  // June (60% of the time): task 1 10 of 100 (gap 50), 4.1 600 of 3000 (20%, gap 40), 6
  // (100 − 50) ÷ 200 = 25% (gap 35), 2 20% of about 50 = 40% (gap 20): four lag, task 1 worst.
  AllRows d = data({{{2024, 6}, "市民政局.csv", "任务编号,累计完成\n1,10\n2,20%\n"},
                    {{2024, 6}, "市住建局.csv", "任务编号,累计完成\n6,100\n"},
                    {{2024, 6}, "市农业农村局.csv", "任务编号,累计完成\n4,600\n"}});
  Plan p = plan();
  std::string full = render_bulletin(build_bulletin(p, d, *Period::parse("2024Q2")), "md");
  CHECK(full.find("另有") == std::string::npos);  // the default names a city's every target
  p.settings.bulletin_list_limit = 1;
  Bulletin b = build_bulletin(p, d, *Period::parse("2024Q2"));
  REQUIRE(b.lagging.size() == 4);  // counted whole
  CHECK(b.shown(b.lagging.size()) == 1);
  std::string md = render_bulletin(b, "md");
  CHECK(md.find("共4项指标落后于序时进度") != std::string::npos);
  CHECK(md.find("| 1 | 综合体 |") != std::string::npos);  // the worst is named
  CHECK(md.find("| 6 | 改造") == std::string::npos);      // the others are not
  CHECK(md.find("| 2 | 覆盖率") == std::string::npos);
  CHECK(md.find("\n\n另有3项未列出，详见2024年6月汇总表。\n") != std::string::npos);
  std::string html = render_bulletin(b, "html");
  CHECK(html.find("<p class=\"more\">另有3项未列出，详见2024年6月汇总表。</p>") !=
        std::string::npos);
}
