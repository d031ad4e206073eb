#include "assess/investment.hpp"

#include <catch2/catch.hpp>

#include "assess/assessment.hpp"
#include "fixtures.hpp"
#include "io/progress_reader.hpp"

using namespace minsheng;
using test::plan;

namespace {

ProjectObservation project(std::optional<ProjectState> st, OptNum planned, OptNum done,
                           OptNum physical = std::nullopt) {
  ProjectObservation p;
  p.state = st;
  p.invest.planned = planned;
  p.invest.done = done;
  p.invest.physical_pct = physical;
  return p;
}

}  // namespace

TEST_CASE("投资完成率 is done over planned, unknown without both or with nothing planned") {
  InvestmentSum s;
  CHECK_FALSE(s.any());
  Investment a;
  a.planned = 500;
  a.done = 100;
  s.add(a);
  REQUIRE(s.pct());
  CHECK(*s.pct() == Approx(20));
  Investment b;
  b.planned = 1500;  // planned only: counts in the planned sum, adds nothing done
  s.add(b);
  CHECK(*s.pct() == Approx(5));  // 100 / 2000
  CHECK_FALSE(s.has_funded);     // never reported: unknown, not 0
  InvestmentSum planned_only;
  planned_only.add(b);
  CHECK_FALSE(planned_only.pct());
  Investment zero;
  zero.planned = 0;
  zero.done = 10;
  InvestmentSum z;
  z.add(zero);
  CHECK_FALSE(z.pct());
}

TEST_CASE("a project whose works and money part by more than investment_gap_pp is flagged") {
  Settings s;  // investment_gap_pp 30
  // 在建 at 60% with 100 of 500万元 (20%): the money lags by 40.
  auto lag = investment_gap(project(ProjectState::in_progress, 500, 100, 60), s);
  REQUIRE(lag);
  CHECK(lag->gap() == Approx(40));
  CHECK(investment_gap_text(*lag) == "投资滞后于形象进度 40.0 个百分点");
  // 在建 at 40% with 1200 of 1500 (80%): the money runs 40 ahead.
  auto ahead = investment_gap(project(ProjectState::in_progress, 1500, 1200, 40), s);
  REQUIRE(ahead);
  CHECK(investment_gap_text(*ahead) == "投资超前于形象进度 40.0 个百分点");
  // Exactly 30 apart is not beyond the setting: 50% at 20%.
  CHECK_FALSE(investment_gap(project(ProjectState::in_progress, 100, 20, 50), s));
  CHECK(investment_gap(project(ProjectState::in_progress, 100, 19, 50), s));
  // 已完工 counts 100%, 未开工 0%: 已完工 on 60% of its money is flagged, 未开工 on none is not.
  CHECK(investment_gap(project(ProjectState::finished, 100, 60), s));
  CHECK_FALSE(investment_gap(project(ProjectState::finished, 100, 80), s));
  CHECK_FALSE(investment_gap(project(ProjectState::not_started, 400, 0), s));
  CHECK(investment_gap(project(ProjectState::not_started, 400, 200), s));
  // 在建 without 形象进度: its physical completion is unknown, so nothing to compare.
  CHECK_FALSE(investment_gap(project(ProjectState::in_progress, 100, 0), s));
  s.investment_gap_pp = 50;  // the plan may allow more
  CHECK_FALSE(investment_gap(project(ProjectState::in_progress, 500, 100, 60), s));
}

TEST_CASE("a target's investment: what its city row gives, field by field, else its projects'") {
  Snapshot snap;
  snap.projects[{{1, 1}, "甲"}].invest.planned = 300;
  snap.projects[{{1, 1}, "甲"}].invest.done = 100;
  snap.projects[{{1, 1}, "乙"}].invest.planned = 200;
  snap.projects[{{1, 1}, "乙"}].invest.funded = 50;
  snap.projects[{{2, 1}, "丙"}].invest.planned = 999;  // another target's
  InvestmentSum by_projects = target_investment(snap, {1, 1});
  CHECK(by_projects.planned == 500);
  CHECK(by_projects.done == 100);
  CHECK(by_projects.funded == 50);
  // The city row gives the plan's total: it stands, the rest still comes from the projects.
  snap.investment[{1, 1}].planned = 800;
  InvestmentSum own = target_investment(snap, {1, 1});
  CHECK(own.planned == 800);
  CHECK(own.done == 100);
  CHECK(*own.pct() == Approx(12.5));
  CHECK_FALSE(target_investment(snap, {3, 1}).any());
}

TEST_CASE("progress files give 计划投资, 累计完成投资, 资金到位 in 万元 and a project's 形象进度") {
  Diagnostics d;
  Submission sub = parse_submission(
      "任务编号,项目名称,项目状态,计划投资（万元）,累计完成投资（万元）,资金到位,形象进度\n"
      "1,甲项目,在建,\"1,200\",0.03亿,600万元,45%\n"  // 2
      "1,乙项目,在建,500,100,,60\n"                   // 3: 形象进度 without %
      "1,丙项目,在建,100元,,,\n"                      // 4: 元 in a 万元 column
      "1,丁项目,在建,100,,,120%\n"                    // 5: over 100%
      "2,,,800,900,,\n"                               // 6: city row, more done than planned
      "5,,,,,,50%\n",                                 // 7: 形象进度 on a city row
      "r/2024-05/submissions/市民政局.csv", plan(), {2024, 5}, d);
  auto msgs = test::strs(d);
  CHECK(msgs ==
        std::vector<std::string>{
            "r/2024-05/submissions/市民政局.csv:4:10: 错误: 任务1的计划投资“100元”以元为单位；"
            "本列以万元为单位，请写 1200、1200万元 或 0.3亿元",
            "r/2024-05/submissions/市民政局.csv:5:16: 错误: 任务1的形象进度应在 0% 到 100% "
            "之间，实际为“120%”",
            "r/2024-05/submissions/市民政局.csv:6:9: 警告: 任务2的累计完成投资 900 万元超过"
            "计划投资 800 万元，请核对",
            "r/2024-05/submissions/市民政局.csv:7:8: 警告: 任务5：形象进度只用于项目行，已忽略"});
  REQUIRE(sub.projects.size() == 2);
  const Investment& a = *sub.projects[0].invest;
  CHECK(*a.planned == 1200);
  CHECK(*a.done == Approx(300));
  CHECK(*a.funded == Approx(600));
  CHECK(*a.physical_pct == 45);
  CHECK(*sub.projects[1].invest->physical_pct == 60);
  REQUIRE(sub.entries.size() >= 1);
  auto city = std::find_if(sub.entries.begin(), sub.entries.end(),
                           [](const ProgressEntry& e) { return e.key.task == 2; });
  REQUIRE(city != sub.entries.end());
  CHECK(*city->invest->planned == 800);
  // A row giving investment alone is a report of it: merged, with the projects'.
  std::vector<Submission> subs = {sub};
  Snapshot snap = merge_snapshot(subs, {2024, 5}, nullptr);
  CHECK(snap.investment.at({2, 1}).done == 900.0);
  CHECK(snap.projects.at({{1, 1}, "乙项目"}).invest.planned == 500.0);
  CHECK(snap.projects.at({{1, 1}, "乙项目"}).invest_source.line == 3);
}

TEST_CASE("a later month's figures replace each field reported, and keep the others") {
  Investment i;
  i.planned = 500;
  i.done = 100;
  i.funded = 200;
  Investment row;
  row.done = 300;
  i.merge(row);
  CHECK(*i.planned == 500);
  CHECK(*i.done == 300);
  CHECK(*i.funded == 200);
}
