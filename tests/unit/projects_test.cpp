#include "assess/projects.hpp"

#include <catch2/catch.hpp>

#include "assess/assessment.hpp"
#include "fixtures.hpp"
#include "snap.hpp"

using namespace minsheng;
using test::assess;
using test::plan;
using test::Snap;

TEST_CASE("a project is late past its planned finish, beyond the deadline, or 未开工 over half") {
  // The fixture plan's deadline month is 2024-10.
  const YearMonth deadline{2024, 10};
  Settings s;
  auto late = [&](const ProjectObservation& p, YearMonth m, double time_pct) {
    return project_lateness(p, m, time_pct, deadline, s);
  };
  ProjectObservation p;
  p.state = ProjectState::in_progress;
  p.planned_finish = YearMonth{2024, 5};
  CHECK(late(p, {2024, 5}, 50) == ProjectLateness::none);  // due this month: not yet late
  CHECK(late(p, {2024, 6}, 60) == ProjectLateness::finish_passed);
  p.state = ProjectState::finished;
  CHECK(late(p, {2024, 9}, 90) == ProjectLateness::none);  // finished is never late
  ProjectObservation q;
  q.state = ProjectState::not_started;
  q.planned_finish = YearMonth{2024, 10};
  CHECK(late(q, {2024, 5}, 50) == ProjectLateness::none);  // exactly half: not over it
  CHECK(late(q, {2024, 6}, 60) == ProjectLateness::not_started);
  s.project_not_started_pct = 60;  // the plan may allow more: 60% is then not over it
  CHECK(late(q, {2024, 6}, 60) == ProjectLateness::none);
  CHECK(late(q, {2024, 7}, 70) == ProjectLateness::not_started);
  s = Settings{};
  q.state = std::nullopt;  // no state said: only the planned finish can make it late
  CHECK(late(q, {2024, 6}, 60) == ProjectLateness::none);
  // 在建 with 计划完工 after the deadline month: late already, long before that month comes.
  ProjectObservation r;
  r.state = ProjectState::in_progress;
  r.planned_finish = YearMonth{2024, 12};
  CHECK(late(r, {2024, 6}, 60) == ProjectLateness::finish_after_deadline);
  CHECK(late(r, {2024, 10}, 100) == ProjectLateness::finish_after_deadline);
  CHECK(late(r, {2025, 1}, 100) == ProjectLateness::finish_passed);
  r.planned_finish = deadline;  // the deadline month itself is in time
  CHECK(late(r, {2024, 10}, 100) == ProjectLateness::none);
}

TEST_CASE("projects as of a month: months without change, carried ones, plan order") {
  Snapshot s;
  s.month = {2024, 6};
  auto add = [&](int task, const char* name, ProjectState st, YearMonth month, YearMonth changed) {
    ProjectObservation& p = s.projects[{{task, 1}, name}];
    p.state = st;
    p.month = month;
    p.changed = changed;
    p.source = {"f.csv", 3};
  };
  add(6, "改造一", ProjectState::in_progress, {2024, 6}, {2024, 4});
  add(1, "甲", ProjectState::not_started, {2024, 5}, {2024, 3});
  MonthReport rep;
  rep.projects = assess_projects(test::plan(), s);
  REQUIRE(rep.projects.size() == 2);
  CHECK(rep.projects[0].name == "甲");  // task 1 before task 6, as the plan lists them
  CHECK(rep.projects[0].carried);       // last reported in May: 本月未更新
  CHECK(rep.projects[0].months_since_change == 3);
  CHECK(rep.projects[0].late);  // 未开工 at 60%
  CHECK(rep.projects[1].months_since_change == 2);
  CHECK_FALSE(rep.projects[1].carried);
  CHECK_FALSE(rep.projects[1].late);
}

TEST_CASE("a project in a 县市区 with its own nodes is 未开工-late on them, others on the line") {
  // The fixture plan runs January to October: March is 30% on the line, not past 50. 甲县's
  // 分解方案 row has nodes 2024-03 60%, 2024-10 100%: March is 60%, past 50 → late.
  const Plan& p = test::county_plan();
  Snapshot s;
  s.month = {2024, 3};
  for (int county : {0, 1}) {
    ProjectObservation po;
    po.county = county;
    po.state = ProjectState::not_started;
    po.month = po.changed = s.month;
    s.projects[{{1, 1}, county == 0 ? "甲县项目" : "乙区项目"}] = po;
  }
  std::map<CountyKey, Allocation> alloc;
  auto nodes = std::make_shared<Schedule>();
  nodes->nodes = {{{2024, 3}, 60}, {{2024, 10}, 100}};
  alloc[{{1, 1}, 0}] = {50, "市民政局", {"b.csv", 2}, nodes};
  alloc[{{1, 1}, 1}] = {50, "市民政局", {"b.csv", 3}, nullptr};  // the target's (the line)
  auto out = assess_projects(p, s, alloc);
  REQUIRE(out.size() == 2);
  for (const auto& r : out) {
    INFO(r.name);
    CHECK(r.lateness ==
          (r.name == "甲县项目" ? ProjectLateness::not_started : ProjectLateness::none));
  }
  // Without the 分解方案, both are judged on the line.
  for (const auto& r : assess_projects(p, s)) CHECK(r.lateness == ProjectLateness::none);
}
