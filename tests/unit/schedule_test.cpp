// 序时 schedules that are not straight lines: the nodes, how a month lies between them, and what
// the statuses, 预计逾期 and roll-ups make of them. Every figure below is worked out by hand on
// the fixture plan (2024-01 to 2024-10: the straight line is 10% a month).
#include "model/schedule.hpp"

#include <catch2/catch.hpp>

#include "assess/assessment.hpp"
#include "assess/pace.hpp"
#include "fixtures.hpp"
#include "io/plan_loader.hpp"
#include "model/diagnostic.hpp"

using namespace minsheng;

namespace {

// 后置 (back-loaded): 20% by June, 80% by September, all by October. 前置 (front-loaded): 40% by
// February, 90% by May, all by August. Task 1 names 后置; task 2 gives its own nodes; category 2
// (tasks 3–6) takes 前置 unless a target names its own.
std::string scheduled_yaml() {
  std::string y = test::kPlanYaml;
  auto put = [&](const std::string& at, const std::string& text) {
    y.replace(y.find(at), at.size(), text);
  };
  put("categories:\n",
      "schedules:\n  后置: {2024-06: 20, 2024-09: 80, 2024-10: 100}\n"
      "  前置:\n    2024-02: 40\n    2024-05: 90%\n    2024-08: 100\ncategories:\n");
  put("{id: 2, name: 类别二}", "{id: 2, name: 类别二, schedule: 前置}");
  put("comparator: at_least}\n  - id: 2", "comparator: at_least, schedule: 后置}\n  - id: 2");
  put("{name: 覆盖率, value: 50, measure: \"%\", comparator: about}",
      "{name: 覆盖率, value: 50, measure: \"%\", comparator: about, schedule: {2024-03: 30, "
      "2024-10: 100}}");
  return y;
}

const Plan& scheduled() {
  static const Plan p = parse_plan(scheduled_yaml(), "s.yaml");
  return p;
}

const Target& target(int task, int index = 1) {
  return scheduled().find_task(task)->targets.at(static_cast<std::size_t>(index - 1));
}

TargetResult assess_at(YearMonth m, int task, std::vector<MonthValue> series) {
  Snapshot s;
  s.month = m;
  Observation o{series.back().value, false,        std::nullopt,
                series.back().month, {"f.csv", 2}, "",
                SumOf::none,         {},           {}};
  o.series = std::move(series);
  s.values[{task, 1}] = o;
  const Task& t = *scheduled().find_task(task);
  return assess_target(scheduled(), t, t.targets[0], s);
}

}  // namespace

TEST_CASE("a plan's schedules: named, a target's own, a category's for its targets") {
  const Plan& p = scheduled();
  REQUIRE(p.schedules.size() == 2);
  CHECK(target(1).schedule == p.schedules.at("后置"));
  CHECK(target(1).schedule->name == "后置");
  REQUIRE(target(2).schedule);
  CHECK(target(2).schedule->nodes == std::vector<ScheduleNode>{{{2024, 3}, 30}, {{2024, 10}, 100}});
  CHECK(target(6).schedule == p.schedules.at("前置"));     // the category's
  CHECK(target(4, 2).schedule == p.schedules.at("前置"));  // every target of the category
  CHECK(p.schedules.at("前置")->nodes.at(1).pct == 90);    // "90%" as typed
  CHECK_FALSE(test::plan().find_task(1)->targets[0].schedule);
}

TEST_CASE("序时进度 on nodes: straight between them, from 0 at the start, 100 after the last") {
  const Plan& p = scheduled();
  const Schedule* back = target(1).schedule.get();
  CHECK(time_pct(p, back, {2023, 12}) == Approx(0));        // before the plan
  CHECK(time_pct(p, back, {2024, 1}) == Approx(20.0 / 6));  // 1 of the 6 months to June
  CHECK(time_pct(p, back, {2024, 5}) == Approx(100.0 / 6));
  CHECK(time_pct(p, back, {2024, 6}) == Approx(20));  // on a node: the node
  CHECK(time_pct(p, back, {2024, 8}) == Approx(60));  // 20 + (80 − 20) × 2/3
  CHECK(time_pct(p, back, {2024, 10}) == Approx(100));
  const Schedule* front = target(6).schedule.get();
  CHECK(time_pct(p, front, {2024, 4}) == Approx(40 + 50.0 * 2 / 3));
  CHECK(time_pct(p, front, {2024, 9}) == Approx(100));   // past the last node (August)
  CHECK(time_pct(p, nullptr, {2024, 4}) == Approx(40));  // no schedule: the straight line

  ScheduleSpan s = schedule_span(p, *back, {2024, 8});
  CHECK(s.from == ScheduleNode{{2024, 6}, 20});
  CHECK(s.to == ScheduleNode{{2024, 9}, 80});
  CHECK((s.months_in == 2 && s.months == 3));
  ScheduleSpan first = schedule_span(p, *back, {2024, 2});
  CHECK_FALSE(first.from);  // from the plan's start
  CHECK((first.months_in == 2 && first.months == 6));
  CHECK_FALSE(schedule_span(p, *front, {2024, 9}).to);
}

TEST_CASE("a back-loaded target keeps pace on its nodes where the line calls it 严重滞后") {
  // Task 1, figure 100, 后置. May: 序时 100/6 = 16.7; 15 done, gap 1.7 → 序时推进 (on the line
  // 50 − 15 = 35 → 严重滞后). The pace since February (5): the schedule asked 16.7 − 6.7 = 10
  // and 10 were done, all of it; so the rest of the schedule, 83.3, is done too: 98.3% by
  // October, not 预计逾期 (on the line 15 + 10/3 × 5 = 31.7%, 预计逾期).
  auto r =
      assess_at({2024, 5}, 1, {{{2024, 2}, 5}, {{2024, 3}, 8}, {{2024, 4}, 11}, {{2024, 5}, 15}});
  CHECK(r.time_pct == Approx(100.0 / 6));
  CHECK(r.schedule == target(1).schedule);
  CHECK(*r.gap_pp == Approx(100.0 / 6 - 15));
  CHECK(r.status == Status::on_track);
  CHECK(r.pace_from == YearMonth{2024, 2});
  CHECK(*r.projected_completion_pct == Approx(15 + (100 - 100.0 / 6)));
  CHECK_FALSE(r.projected_late);
  // 98.3 by October; the last 1.7 at 10/3 a month: one month more.
  CHECK(r.projected_month == YearMonth{2024, 11});
  // August: 序时 60, 45 done → 滞后 (15).
  auto aug = assess_at({2024, 8}, 1, {{{2024, 5}, 30}, {{2024, 8}, 45}});
  CHECK(aug.status == Status::behind);
  CHECK(*aug.gap_pp == Approx(15));
}

TEST_CASE("a front-loaded target is 严重滞后 on its nodes where the line calls it on pace") {
  // Task 6, 50 → 250 (span 200), 前置 by its category. April: 序时 40 + 50 × 2/3 = 73.3; 130 is
  // (130 − 50) ÷ 200 = 40%: gap 33.3 → 严重滞后 (on the line 40 − 40 = 0 → 序时推进).
  // The pace since January (60): the schedule asked 73.3 − 20 = 53.3 points, 106.7; done 70, a
  // share of 0.656. The rest asked, 26.7 points (53.3), at that share: 130 + 35 = 165 → 57.5%.
  auto r = assess_at({2024, 4}, 6, {{{2024, 1}, 60}, {{2024, 2}, 90}, {{2024, 4}, 130}});
  CHECK(r.time_pct == Approx(40 + 50.0 * 2 / 3));
  CHECK(r.status == Status::seriously_behind);
  double share = 70 / (200 * (r.time_pct - 20) / 100);
  CHECK(share == Approx(0.65625));
  CHECK(*r.projected_completion_pct ==
        Approx((130 + share * 200 * (100 - r.time_pct) / 100 - 50) / 200 * 100));
  CHECK(*r.projected_completion_pct == Approx(57.5));
  CHECK(r.projected_late);
}

TEST_CASE("a schedule that asked nothing lately is not 预计逾期 for standing still") {
  // Nodes {2024-05: 100} ask nothing after May. A target standing at 96 from May to August:
  // 序时 100, gap 4 → 序时推进; the schedule asked nothing of those months, so the rest it asks
  // (nothing) is taken as done: 96% by October, not 预计逾期. On the line, a pace of 0 would be.
  std::string y = test::kPlanYaml;
  y.replace(y.find("comparator: at_least}"), 21, "comparator: at_least, schedule: {2024-05: 100}}");
  Plan p = parse_plan(y, "p.yaml");
  Snapshot s;
  s.month = {2024, 8};
  Observation o{96, false, std::nullopt, {2024, 8}, {"f.csv", 2}, "", SumOf::none, {}, {}};
  o.series = {{{2024, 5}, 96}, {{2024, 8}, 96}};
  s.values[{1, 1}] = o;
  TargetResult r = assess_target(p, *p.find_task(1), p.find_task(1)->targets[0], s);
  CHECK(r.status == Status::on_track);  // 100 − 96 = 4
  CHECK(*r.recent_pace == Approx(0));
  CHECK(*r.projected_completion_pct == Approx(96));  // nothing more asked, nothing projected
  CHECK_FALSE(r.projected_late);
}

TEST_CASE("a category's mean is judged against its targets' mean 序时进度") {
  // Category 1 in May: task 1 (后置) 序时 16.7, 15 done; task 2 (30% by March, 100% by
  // October) 序时 30 + 70 × 2/7 = 50, 20 of 50 → 40%. Mean completion 27.5 against mean time
  // 33.3: gap 5.8 → 序时推进 (on the line 50 − 27.5 = 22.5 → 滞后).
  Snapshot s;
  s.month = {2024, 5};
  s.values[{1, 1}] = {15, false, std::nullopt, {2024, 5}, {"f.csv", 2}, "", SumOf::none, {}, {}};
  s.values[{2, 1}] = {20, false, std::nullopt, {2024, 5}, {"f.csv", 3}, "", SumOf::none, {}, {}};
  MonthReport rep = assess_month(scheduled(), s, {});
  CHECK(rep.by_nodes == 7);  // tasks 1 and 2, and the five targets of category 2
  REQUIRE(rep.by_category.size() == 2);
  CHECK(*rep.by_category[0].avg_completion == Approx(27.5));
  CHECK(rep.by_category[0].avg_status == Status::on_track);
  CHECK(rep.find({2, 1})->time_pct == Approx(30 + 70.0 * 2 / 7));
}

TEST_CASE("a 县市区 with its own nodes is judged on them, the others on the target's") {
  // county_plan, task 1 (no schedule), May: the line 50. 甲县's own nodes 60% by April, 100% by
  // July: May is 60 + 40 × 1/3 = 73.3, so its 70% is 序时推进 (3.3) where the line says 超序时;
  // 乙区, without nodes, 70% against 50 → 超序时.
  const Plan& p = test::county_plan();
  Snapshot s;
  s.month = {2024, 5};
  std::map<CountyKey, Allocation> alloc;
  auto own = std::make_shared<Schedule>(Schedule{"", {{{2024, 4}, 60}, {{2024, 7}, 100}}});
  alloc[{{1, 1}, 0}] = {10, "市民政局", {"b.csv", 2}, own};
  alloc[{{1, 1}, 1}] = {10, "市民政局", {"b.csv", 3}, nullptr};
  for (int c : {0, 1})
    s.county_values[{{1, 1}, c}] = {7,  false,       std::nullopt, s.month, {"f.csv", 2},
                                    "", SumOf::none, {},           {}};
  MonthReport rep = assess_month(p, s, {});
  assess_counties(p, s, alloc, rep);
  REQUIRE(rep.county_targets.size() == 2);
  CHECK(rep.county_targets[0].time_pct == Approx(60 + 40.0 / 3));
  CHECK(rep.county_targets[0].status == Status::on_track);
  CHECK(rep.county_targets[0].schedule == own);
  CHECK(rep.county_targets[1].time_pct == Approx(50));
  CHECK(rep.county_targets[1].status == Status::ahead);
  CHECK_FALSE(rep.county_targets[1].schedule);
}

TEST_CASE("a schedule's nodes are checked, each problem named at its line") {
  auto errors = [](const std::string& schedule) {
    std::string y = test::kPlanYaml;
    y.replace(y.find("categories:\n"), 0, "schedules:\n  甲:\n" + schedule);
    try {
      parse_plan(y, "p.yaml");
    } catch (const DataError& e) {
      return test::strs(e.diagnostics());
    }
    return std::vector<std::string>{};
  };
  // Lines: 9 schedules:, 10 甲:, 11 and on its nodes. Each message is at the node it is about.
  CHECK(
      errors("    2024-06: 50\n    2024-09: 80\n") ==
      std::vector<std::string>{"p.yaml:12:5: 错误: 节点计划“甲”：最后一个节点（2024-09）的进度应为 "
                               "100%，实际为 80%：节点计划须在截止时限前全部完成"});
  CHECK(errors("    2024-06: 50\n    2024-11: 100\n") ==
        std::vector<std::string>{
            "p.yaml:12:5: 错误: 节点计划“甲”：节点 2024-11 不在计划期 2024-01 至 2024-10 内"});
  CHECK(errors("    2024-06: 50\n    2024-04: 60\n    2024-10: 100\n") ==
        std::vector<std::string>{"p.yaml:11:5: 错误: 节点计划“甲”：节点 2024-06 的进度 50% "
                                 "低于前一节点的 60%（节点进度是累计值）"});
  CHECK(errors("    六月: 50\n") ==
        std::vector<std::string>{
            "p.yaml:11:5: 错误: 节点计划“甲”：节点应写作“YYYY-MM: 累计进度%”，如 2024-06: 50"});
  // A name that is not defined, with the nearest one.
  std::string y = scheduled_yaml();
  y.replace(y.find("schedule: 后置"), std::string("schedule: 后置").size(), "schedule: 后制");
  try {
    parse_plan(y, "p.yaml");
    FAIL("no error");
  } catch (const DataError& e) {
    REQUIRE(e.diagnostics().items().size() == 1);
    CHECK(e.diagnostics().items()[0].message ==
          "任务1指标1：未知节点计划“后制”（是否应为“后置”？）；请先在 schedules 中定义");
  }
}

TEST_CASE("节点月份 and 节点进度 as forms write them") {
  std::string err;
  auto n = parse_schedule_cells("3月、6月、9月、11月底", "5%、20%、65%、100%", {2024, 1}, err);
  CHECK(err.empty());
  CHECK(n == std::vector<ScheduleNode>{
                 {{2024, 3}, 5}, {{2024, 6}, 20}, {{2024, 9}, 65}, {{2024, 11}, 100}});
  CHECK(parse_schedule_cells("2024-06, 2024年9月", "20，100", {2024, 1}, err) ==
        std::vector<ScheduleNode>{{{2024, 6}, 20}, {{2024, 9}, 100}});
  // A plan from July: 3月 is the next year's March.
  CHECK(parse_schedule_cells("9月 3月", "50 100", {2024, 7}, err) ==
        std::vector<ScheduleNode>{{{2024, 9}, 50}, {{2025, 3}, 100}});
  CHECK(err.empty());
  CHECK(parse_schedule_cells("6月、9月", "20%", {2024, 1}, err).empty());
  CHECK(err == "节点月份有 2 个，节点进度有 1 个，应一一对应");
  err.clear();
  CHECK(parse_schedule_cells("6月、十月", "20、100", {2024, 1}, err).empty());
  CHECK(err == "节点月份“十月”不是月份（如 2024-03 或 3月）");
  err.clear();
  CHECK(parse_schedule_cells("6月", "二成", {2024, 1}, err).empty());
  CHECK(err == "节点进度“二成”不是百分数（如 50%）");

  std::vector<ScheduleNode> unsorted{{{2024, 9}, 100}, {{2024, 6}, 20}};
  CHECK(schedule_problem(unsorted, {2024, 1}, {2024, 11}).empty());
  CHECK(unsorted.front().month == YearMonth{2024, 6});  // sorted by month
  std::vector<ScheduleNode> twice{{{2024, 6}, 20}, {{2024, 6}, 100}};
  ScheduleProblem dup = schedule_problem(twice, {2024, 1}, {2024, 11});
  CHECK(dup.text == "节点 2024-06 重复");
  CHECK(dup.at == YearMonth{2024, 6});
  CHECK(schedule_text(Schedule{"", {{{2024, 6}, 20}, {{2024, 9}, 100}}}) ==
        "2024年6月20%、2024年9月100%");
  CHECK(std::string(time_basis(true).code) == "nodes");
  CHECK(std::string(time_basis(false).code) == "linear");
}

TEST_CASE("a milestone's 未启动 and a project's 未开工 are judged on the target's nodes") {
  // Task 3, a milestone of category 2 (前置: 40% by February). 未启动 in February: 序时 40 is
  // past milestone_not_started_on_track_pct (25), under …_behind_pct (50) → 滞后; on the line,
  // 20 → 序时推进.
  const Plan& p = scheduled();
  Snapshot s;
  s.month = {2024, 2};
  s.values[{3, 1}] = {std::nullopt, false,        MilestoneState::not_started,
                      s.month,      {"f.csv", 2}, "",
                      SumOf::none,  {},           {}};
  const Task& t3 = *p.find_task(3);
  CHECK(t3.targets[0].schedule == p.schedules.at("前置"));
  CHECK(assess_target(p, t3, t3.targets[0], s).status == Status::behind);
  CHECK(assess_target(test::plan(), *test::plan().find_task(3),
                      test::plan().find_task(3)->targets[0], s)
            .status == Status::on_track);
  // A project of task 6 still 未开工 in March: 序时 40 + 50 × 1/3 = 56.7 is past
  // project_not_started_pct (50) → late; on the line, 30 → not late.
  Snapshot m;
  m.month = {2024, 3};
  ProjectObservation po;
  po.state = ProjectState::not_started;
  po.month = po.changed = m.month;
  m.projects[{{6, 1}, "一号项目"}] = po;
  REQUIRE(assess_projects(p, m).size() == 1);
  CHECK(assess_projects(p, m)[0].lateness == ProjectLateness::not_started);
  CHECK(assess_projects(test::plan(), m)[0].lateness == ProjectLateness::none);
}
