#include "assess/assessment.hpp"

#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "io/plan_loader.hpp"
#include "snap.hpp"

using namespace minsheng;

using test::assess;
using test::plan;
using test::Snap;
using test::status_at;

TEST_CASE("gap boundaries at 10 and 30 points are inclusive for 滞后") {
  // May: time 50%. Task 1 needs 100 (at least).
  CHECK(status_at({2024, 5}, 1, 51) == Status::ahead);             // gap −1
  CHECK(status_at({2024, 5}, 1, 50) == Status::on_track);          // gap 0
  CHECK(status_at({2024, 5}, 1, 41) == Status::on_track);          // gap 9
  CHECK(status_at({2024, 5}, 1, 40) == Status::behind);            // gap exactly 10
  CHECK(status_at({2024, 5}, 1, 20) == Status::behind);            // gap exactly 30
  CHECK(status_at({2024, 5}, 1, 19) == Status::seriously_behind);  // gap 31
  CHECK(status_at({2024, 5}, 1, 100) == Status::done);
  CHECK(status_at({2024, 5}, 1, 120) == Status::done);
}

TEST_CASE("gaps that are 10 and 30 in exact arithmetic stay on their side of the boundary") {
  // March: time 30%. 0.2 and 0.3 are not exact in binary; 30 − 20 must still be 10.
  CHECK(status_at({2024, 3}, 1, 20) == Status::behind);
  CHECK(status_at({2024, 3}, 1, 0) == Status::behind);  // gap exactly 30
  // July: time 70%; 40% done is exactly 30 behind.
  CHECK(status_at({2024, 7}, 1, 40) == Status::behind);
  CHECK(status_at({2024, 7}, 1, 39) == Status::seriously_behind);
}

TEST_CASE("completion, gap and the numbers behind them") {
  auto r = assess(Snap({2024, 5}).value(1, 1, 40), 1);
  CHECK(*r.completion_pct == Approx(40));
  CHECK(*r.gap_pp == Approx(10));
  CHECK(*r.remaining == Approx(60));
  CHECK(*r.needed_per_month == Approx(12));  // 60 over Jun–Oct
  // 40 in 5 months is 8 a month: 100 takes 12.5 months → the 13th month, 2025-01.
  CHECK(r.projected_month == YearMonth{2025, 1});
  CHECK(r.projected_late);
}

TEST_CASE("a 左右 figure reached only within the tolerance reads 基本完成, with status done") {
  auto within = assess(Snap({2024, 5}).value(2, 1, 47), 2);  // 47 of about 50
  CHECK(within.status == Status::done);
  CHECK(within.reached_by_tolerance);
  CHECK(std::string(result_label(within)) == "基本完成");
  auto full = assess(Snap({2024, 5}).value(2, 1, 50), 2);
  CHECK_FALSE(full.reached_by_tolerance);
  CHECK(std::string(result_label(full)) == "已完成");
  auto at_least = assess(Snap({2024, 5}).value(1, 1, 100), 1);
  CHECK(std::string(result_label(at_least)) == "已完成");
}

TEST_CASE("the about tolerance counts 90% of the figure as reached") {
  // Task 2: about 50%. 45 = 50 × 0.9 is reached; 44.9 is not.
  auto at = assess(Snap({2024, 5}).value(2, 1, 45), 2);
  CHECK(at.status == Status::done);
  CHECK(*at.completion_pct == Approx(90));
  auto below = assess(Snap({2024, 5}).value(2, 1, 44.9), 2);
  CHECK(below.status == Status::ahead);  // 89.8% done against 50% time
  auto late = assess(Snap({2024, 9}).value(2, 1, 44.9), 2);
  CHECK(late.status == Status::on_track);  // 90 − 89.8 = 0.2 points
}

TEST_CASE("milestones by state") {
  CHECK(assess(Snap({2024, 9}).state(3, MilestoneState::completed), 3).status == Status::done);
  CHECK(assess(Snap({2024, 9}).state(3, MilestoneState::in_progress), 3).status ==
        Status::on_track);
  // 未启动: on track below 25% time, behind below 50%, then seriously behind.
  CHECK(assess(Snap({2024, 2}).state(3, MilestoneState::not_started), 3).status ==
        Status::on_track);
  CHECK(assess(Snap({2024, 3}).state(3, MilestoneState::not_started), 3).status == Status::behind);
  CHECK(assess(Snap({2024, 4}).state(3, MilestoneState::not_started), 3).status == Status::behind);
  CHECK(assess(Snap({2024, 5}).state(3, MilestoneState::not_started), 3).status ==
        Status::seriously_behind);
}

TEST_CASE("a milestone reported as a percentage is a numeric target of 100") {
  auto r = assess(Snap({2024, 5}).value(3, 1, 60), 3);
  CHECK(*r.target_value == 100);
  CHECK(r.measure == "%");
  CHECK(*r.completion_pct == Approx(60));
  CHECK(r.status == Status::ahead);
}

TEST_CASE("a carried value is assessed as of the report month and marked") {
  auto r = assess(Snap({2024, 5}).value(1, 1, 40, {2024, 3}), 1);
  CHECK(r.carried);
  CHECK(r.value_month == YearMonth{2024, 3});
  CHECK(*r.gap_pp == Approx(10));  // against May's 50%, not March's 30%
  CHECK(r.status == Status::behind);
}

TEST_CASE("pending targets wait for their value") {
  Snap s({2024, 5});
  s.value(5, 1, 120);
  CHECK(assess(s, 5).status == Status::pending);
  s.s.target_values[{5, 1}] = {150, {"f.csv", 4}};
  auto r = assess(s, 5);
  CHECK(*r.target_value == 150);
  CHECK(*r.completion_pct == Approx(80));
  CHECK(r.status == Status::ahead);
}

TEST_CASE("from the deadline month on a target is finished or not: 未完成, never 滞后") {
  // The fixture's deadline is 2024-10-31: October's report covers it. 90 of 100 is 10 points
  // short at 100% time, which before October would be 滞后; now it is simply not done.
  TargetResult oct = assess(Snap({2024, 10}).value(1, 1, 90), 1);
  CHECK(oct.status == Status::overdue);
  CHECK(oct.at_deadline);
  CHECK(std::string(result_label(oct)) == "未完成");
  // 99.5 is as unfinished as 90: no 序时推进 at the deadline.
  CHECK(status_at({2024, 10}, 1, 99.5) == Status::overdue);
  TargetResult nov = assess(Snap({2024, 11}).value(1, 1, 90), 1);
  CHECK(nov.status == Status::overdue);
  CHECK_FALSE(nov.at_deadline);
  CHECK(std::string(result_label(nov)) == "逾期未完成");
  CHECK_FALSE(nov.needed_per_month);  // no months left
  CHECK(*nov.remaining == Approx(10));
  // A milestone still 推进中 at the deadline is 未完成 too.
  CHECK(assess(Snap({2024, 10}).state(3, MilestoneState::in_progress), 3).status ==
        Status::overdue);
  CHECK(assess(Snap({2024, 9}).state(3, MilestoneState::in_progress), 3).status ==
        Status::on_track);
}

TEST_CASE("a figure reached after the deadline month is 逾期完成, by the month it was reached") {
  auto at = [](YearMonth m, std::vector<MonthValue> series) {
    return assess(Snap(m).series(1, 1, std::move(series)), 1);
  };
  // Reached in October, the deadline month: 已完成, also when read in December.
  TargetResult r = at({2024, 12}, {{{2024, 9}, 80}, {{2024, 10}, 100}});
  CHECK(r.status == Status::done);
  CHECK(r.done_month == YearMonth{2024, 10});
  // Reached in November: 逾期完成.
  r = at({2024, 11}, {{{2024, 9}, 80}, {{2024, 10}, 90}, {{2024, 11}, 100}});
  CHECK(r.status == Status::done_late);
  CHECK(r.done_month == YearMonth{2024, 11});
  CHECK(std::string(result_label(r)) == "逾期完成");
  // Reached in September and kept: done since September.
  r = at({2024, 11}, {{{2024, 9}, 100}, {{2024, 10}, 100}, {{2024, 11}, 105}});
  CHECK(r.status == Status::done);
  CHECK(r.done_month == YearMonth{2024, 9});
  // Reached in September, corrected down in October, reached again in November: the figure
  // stood at the deadline unreached, so it was done late.
  r = at({2024, 11}, {{{2024, 9}, 100}, {{2024, 10}, 95}, {{2024, 11}, 100}});
  CHECK(r.status == Status::done_late);
  CHECK(r.done_month == YearMonth{2024, 11});
  // A milestone 已完成 since November, and one since September.
  Snap late({2024, 12});
  late.state(3, MilestoneState::completed);
  late.s.values[{3, 1}].completed_since = YearMonth{2024, 11};
  CHECK(assess(late, 3).status == Status::done_late);
  Snap early({2024, 12});
  early.state(3, MilestoneState::completed);
  early.s.values[{3, 1}].completed_since = YearMonth{2024, 9};
  CHECK(assess(early, 3).status == Status::done);
}

TEST_CASE("at the deadline 预计逾期 gives way to the shortfall, and no projection points back") {
  // 60, 70, 80, 90 from July to October: pace 10 a month (from July, three months back).
  std::vector<MonthValue> s = {{{2024, 7}, 60}, {{2024, 8}, 70}, {{2024, 9}, 80}, {{2024, 10}, 90}};
  TargetResult oct = assess(Snap({2024, 10}).series(1, 1, s), 1);
  CHECK(oct.status == Status::overdue);
  CHECK_FALSE(oct.projected_late);  // it is not "expected" late: it is late
  CHECK_FALSE(oct.projected_completion_pct);
  CHECK(*oct.remaining == Approx(10));  // 还差 10
  CHECK(*oct.recent_pace == Approx(10));
  CHECK(oct.projected_month == YearMonth{2024, 11});  // after the report month, never before
  // In September the same pace is a projection: 80 + 10 × 1 month left = 90% < 95%.
  TargetResult sep = assess(Snap({2024, 9}).series(1, 1, {s[0], s[1], s[2]}), 1);
  CHECK(sep.projected_late);
  CHECK(*sep.projected_completion_pct == Approx(90));
}

TEST_CASE("a status is judged on the gap as printed, one decimal rounded half up") {
  // May: time 50%, task 1 needs 100, so the gap is 50 − value.
  CHECK(status_at({2024, 5}, 1, 40.04) == Status::behind);            // 9.96 prints 10.0
  CHECK(status_at({2024, 5}, 1, 40.06) == Status::on_track);          // 9.94 prints 9.9
  CHECK(status_at({2024, 5}, 1, 40.05) == Status::behind);            // 9.95 prints 10.0
  CHECK(status_at({2024, 5}, 1, 19.96) == Status::behind);            // 30.04 prints 30.0
  CHECK(status_at({2024, 5}, 1, 19.95) == Status::seriously_behind);  // 30.05 prints 30.1
  CHECK(status_at({2024, 5}, 1, 50.04) == Status::on_track);          // −0.04 prints 0.0
  CHECK(status_at({2024, 5}, 1, 50.06) == Status::ahead);             // −0.06 prints −0.1
}

TEST_CASE("no value in any month is not reported — rejected rows are invalid") {
  CHECK(assess(Snap({2024, 5}), 1).status == Status::not_reported);
  Snap s({2024, 5});
  s.value(1, 1, 50);
  s.s.invalid.insert({1, 1});
  CHECK(assess(s, 1).status == Status::invalid);
}

TEST_CASE("a baseline is subtracted from both sides") {
  // Task 6: from 50 to 250. 150 is half-way.
  auto r = assess(Snap({2024, 5}).value(6, 1, 150), 6);
  CHECK(*r.completion_pct == Approx(50));
  CHECK(*r.remaining == Approx(100));
  CHECK(r.projected_month == YearMonth{2024, 10});
}

TEST_CASE("a task takes the worst status of its targets, and roll-ups count them") {
  Snap s({2024, 5});
  s.value(4, 1, 1500);  // 50%: on track
  s.value(4, 2, 30);    // 30% of 100: behind by 20
  s.value(1, 1, 100).value(2, 1, 46).state(3, MilestoneState::in_progress);
  MonthReport rep = assess_month(plan(), s.s, {});
  REQUIRE(rep.tasks.size() == 6);
  CHECK(rep.tasks[3].status == Status::behind);
  CHECK(rep.task_counts[Status::done] == 2);
  CHECK(rep.task_counts[Status::on_track] == 1);
  CHECK(rep.task_counts[Status::behind] == 1);
  CHECK(rep.task_counts[Status::pending] == 1);
  CHECK(rep.task_counts[Status::not_reported] == 1);
  // Category 1 (tasks 1, 2): completions 100 and 92 → mean 96.
  CHECK(*rep.by_category[0].avg_completion == Approx(96));
  // 市农业农村局 leads 4.1 only.
  const Rollup& agri = rep.by_unit[2];
  CHECK(agri.name == "市农业农村局");
  CHECK(agri.counts.at(Status::on_track) == 1);
  CHECK(*agri.avg_completion == Approx(50));
}

TEST_CASE("units without a file, and units with unfilled targets, are listed") {
  Snap s({2024, 5});
  Submission sub;
  sub.unit = "市民政局";
  s.s.reported["市民政局"] = &sub;
  s.value(1, 1, 50).value(2, 1, 20, {2024, 4});
  MonthSends sends;
  sends["市民政局"] = {Sent::usable, &sub, {"a.csv"}};
  sends["市农业农村局"] = {Sent::unusable, nullptr, {"b.ods"}};
  MonthReport rep =
      assess_month(plan(), s.s, {}, {{"市民政局", {2024, 5}}, {"市住建局", {2024, 3}}}, sends);
  REQUIRE(rep.gaps.size() == 4);
  CHECK(rep.gaps[0].unit == "市民政局");
  CHECK_FALSE(rep.gaps[0].no_file);
  // Task 2 carried from April, task 5 never reported.
  CHECK(rep.gaps[0].unreported == std::vector<TargetKey>{{2, 1}, {5, 1}});
  CHECK(rep.gaps[1].unit == "市住建局");
  CHECK(rep.gaps[1].no_file);
  CHECK(rep.gaps[1].last_month == YearMonth{2024, 3});
  CHECK(rep.gaps[1].unread_files.empty());
  // A file that could not be used: no usable file, but named, so it is not 未报送.
  CHECK(rep.gaps[2].unit == "市农业农村局");
  CHECK(rep.gaps[2].no_file);
  CHECK(rep.gaps[2].unread_files == std::vector<std::string>{"b.ods"});
}

namespace {

// A 县市区 snapshot of May 2024 (50% of the fixture plan's time) and its allocations.
struct CountySnap {
  Snapshot s;
  std::map<CountyKey, Allocation> alloc;
  CountySnap() { s.month = {2024, 5}; }
  CountySnap& share(int task, int county, double v) {
    alloc[{{task, 1}, county}] = {v, "市民政局", {"b.csv", county + 2}, nullptr};
    return *this;
  }
  CountySnap& value(int task, int county, double v) {
    s.county_values[{{task, 1}, county}] = {v,  false,       std::nullopt, s.month, {"f.csv", 2},
                                            "", SumOf::none, {},           {}};
    return *this;
  }
  MonthReport assess() {
    MonthReport rep = assess_month(test::county_plan(), s, {});
    assess_counties(test::county_plan(), s, alloc, rep);
    return rep;
  }
};

}  // namespace

TEST_CASE("each 县市区 share is judged by the city rules against its own figure") {
  // Time progress in May is 5/10 = 50%.
  MonthReport rep = CountySnap()
                        .share(1, 0, 40)
                        .share(1, 1, 30)
                        .share(1, 2, 30)
                        .share(2, 0, 50)
                        .share(2, 1, 50)
                        .value(1, 0, 30)  // 30/40 = 75%, gap −25: 超序时
                        .value(1, 1, 9)   // 9/30 = 30%, gap 20: 滞后
                        .value(2, 0, 45)  // 45 ≥ 50 × 0.9: 基本完成, 90%
                        .value(2, 1, 10)  // 10/50 = 20%, gap 30 (inclusive): 滞后
                        .assess();        // 丙市 reports nothing on task 1
  REQUIRE(rep.county_targets.size() == 5);
  auto at = [&](std::size_t i) { return rep.county_targets[i]; };
  // 县市区 in plan order, then targets in plan order.
  CHECK((at(0).county == 0 && at(0).key() == TargetKey{1, 1}));
  CHECK(at(0).status == Status::ahead);
  CHECK(*at(0).completion_pct == Approx(75));
  CHECK((at(1).county == 0 && at(1).key() == TargetKey{2, 1}));
  CHECK(at(1).status == Status::done);
  CHECK(at(1).reached_by_tolerance);
  CHECK(at(2).status == Status::behind);
  CHECK(*at(2).gap_pp == Approx(20));
  CHECK(at(3).status == Status::behind);
  CHECK(at(4).county == 2);
  CHECK(at(4).status == Status::not_reported);
  CHECK(at(4).target_value_source.str() == "b.csv:4");
  // 甲县 (75 + 90) / 2 = 82.5; 乙区 (30 + 20) / 2 = 25; 丙市 has no completion: last.
  REQUIRE(rep.counties.size() == 3);
  CHECK(*rep.counties[0].rollup.avg_completion == Approx(82.5));
  CHECK(*rep.counties[1].rollup.avg_completion == Approx(25));
  CHECK_FALSE(rep.counties[2].rollup.avg_completion);
  CHECK(rep.counties[0].rank == 1);
  CHECK(rep.counties[1].rank == 2);
  CHECK(rep.counties[2].rank == 3);
  auto lag = lagging_counties(rep)[{1, 1}];
  REQUIRE(lag.size() == 1);
  CHECK(lag[0]->county == 1);
}

TEST_CASE("县市区 with the same mean rank by fewer 严重滞后, then plan order") {
  MonthReport rep = CountySnap()
                        .share(1, 0, 30)
                        .share(2, 0, 50)
                        .share(1, 1, 30)
                        .share(2, 1, 50)
                        .share(1, 2, 30)
                        .share(2, 2, 50)
                        .value(1, 0, 0)   // 0%: gap 50, 严重滞后
                        .value(2, 0, 60)  // 120%, counted as 100: mean 50
                        .value(1, 1, 15)  // 50%
                        .value(2, 1, 25)  // 50%: mean 50, nothing 严重滞后
                        .value(1, 2, 15)
                        .value(2, 2, 25)  // the same as 乙区: plan order decides
                        .assess();
  REQUIRE(rep.counties.size() == 3);
  for (const auto& c : rep.counties) CHECK(*c.rollup.avg_completion == Approx(50));
  CHECK(rep.counties[0].rollup.count(Status::seriously_behind) == 1);
  CHECK(rep.counties[1].rank == 1);  // 乙区
  CHECK(rep.counties[2].rank == 2);  // 丙市
  CHECK(rep.counties[0].rank == 3);  // 甲县: first in the plan, but one target 严重滞后
}
