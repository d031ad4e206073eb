#include "assess/pace.hpp"

#include <catch2/catch.hpp>

#include "assess/assessment.hpp"
#include "fixtures.hpp"
#include "io/plan_loader.hpp"
#include "snap.hpp"

using namespace minsheng;
using test::assess;
using test::plan;
using test::Snap;

TEST_CASE("time progress is elapsed months over plan months, clamped to 0–100") {
  CHECK(time_progress(plan(), {2024, 1}).pct == Approx(10));
  CHECK(time_progress(plan(), {2024, 5}).pct == Approx(50));
  CHECK(time_progress(plan(), {2024, 10}).pct == Approx(100));
  CHECK(time_progress(plan(), {2024, 12}).pct == Approx(100));
  CHECK(time_progress(plan(), {2023, 11}).pct == Approx(0));
}

TEST_CASE("June of the real plan is 6/11 = 54.5%") {
  Plan p = load_plan(std::string(MINSHENG_SOURCE_DIR) + "/tasks.yaml");
  CHECK(time_progress(p, {2024, 6}).pct == Approx(600.0 / 11));
}

TEST_CASE("a target on pace is projected for the deadline month, not late") {
  auto r = assess(Snap({2024, 5}).value(1, 1, 50), 1);
  CHECK(r.projected_month == YearMonth{2024, 10});
  CHECK_FALSE(r.projected_late);
}

TEST_CASE("no progress means no projected month, and always 预计逾期") {
  auto r = assess(Snap({2024, 5}).value(1, 1, 0), 1);
  CHECK_FALSE(r.projected_month);
  CHECK(r.projected_late);
  CHECK(r.status == Status::seriously_behind);
  // Progress that stopped: 30 in March and 30 since. The pace of the last three months is 0.
  auto stalled =
      assess(Snap({2024, 6}).series(1, 1, {{{2024, 3}, 30}, {{2024, 4}, 30}, {{2024, 6}, 30}}), 1);
  CHECK(*stalled.recent_pace == Approx(0));
  CHECK(stalled.projected_late);
  CHECK_FALSE(stalled.projected_month);
}

TEST_CASE("预计逾期 uses the mean increase of the last three months") {
  // Fixture: 2024-01..2024-10, figure 100. June, 4 months left.
  // Values: Feb 10, Mar 20, Apr 30, May 40, Jun 55. Reference: the latest value at or before
  // March (20). Pace (55 − 20) ÷ 3 = 11.67; by October 55 + 46.67 = 101.7% → not late.
  auto fast = assess(
      Snap({2024, 6}).series(
          1, 1,
          {{{2024, 2}, 10}, {{2024, 3}, 20}, {{2024, 4}, 30}, {{2024, 5}, 40}, {{2024, 6}, 55}}),
      1);
  CHECK(fast.pace_from == YearMonth{2024, 3});
  CHECK(*fast.recent_pace == Approx(35.0 / 3));
  CHECK(*fast.projected_completion_pct == Approx(55 + 4 * 35.0 / 3));
  CHECK_FALSE(fast.projected_late);
  CHECK(fast.projected_month == YearMonth{2024, 10});  // 45 left ÷ 11.67 = 3.86 → 4 months
  // Slower: Mar 20 → Jun 44: pace 8; 44 + 32 = 76% by October, below 95 → late.
  auto slow = assess(Snap({2024, 6}).series(1, 1, {{{2024, 3}, 20}, {{2024, 6}, 44}}), 1);
  CHECK(*slow.recent_pace == Approx(8));
  CHECK(*slow.projected_completion_pct == Approx(76));
  CHECK(slow.projected_late);
  CHECK(slow.projected_month == YearMonth{2025, 1});  // 56 ÷ 8 = 7 months after June
  // The boundary is settings.projection_flag_pct (95): Mar 25 → Jun 55 is 10 a month, exactly
  // 95% by October, not late; Mar 25.3 → Jun 55 is 9.9 a month, 94.6%, late.
  auto at95 = assess(Snap({2024, 6}).series(1, 1, {{{2024, 3}, 25}, {{2024, 6}, 55}}), 1);
  CHECK(*at95.projected_completion_pct == Approx(95));
  CHECK_FALSE(at95.projected_late);
  auto below = assess(Snap({2024, 6}).series(1, 1, {{{2024, 3}, 25.3}, {{2024, 6}, 55}}), 1);
  CHECK(*below.projected_completion_pct == Approx(94.6));
  CHECK(below.projected_late);
}

TEST_CASE("with fewer than three months of values the pace is taken over what exists") {
  // Values in May and June only: pace 15 − 10 = 5 a month from May.
  auto r = assess(Snap({2024, 6}).series(1, 1, {{{2024, 5}, 10}, {{2024, 6}, 15}}), 1);
  CHECK(r.pace_from == YearMonth{2024, 5});
  CHECK(*r.recent_pace == Approx(5));
  CHECK(*r.projected_completion_pct == Approx(35));  // 15 + 5 × 4
  CHECK(r.projected_late);
  // One value only: measured since the plan started, (48 − 0) ÷ 6 months = 8 a month.
  auto one = assess(Snap({2024, 6}).value(1, 1, 48), 1);
  CHECK_FALSE(one.pace_from);
  CHECK(*one.recent_pace == Approx(8));
  CHECK(*one.projected_completion_pct == Approx(80));
  // A baseline counts: task 6 goes from 50 to 250; 150 in June is (150 − 50) ÷ 6 = 16.67 a
  // month; by October 150 + 66.7 = 216.7, which is (216.7 − 50) ÷ 200 = 83.3%.
  auto base = assess(Snap({2024, 6}).value(6, 1, 150), 6);
  CHECK(*base.projected_completion_pct == Approx((150 + 4 * 100.0 / 6 - 50) / 2));
  CHECK(base.projected_late);
}

TEST_CASE("a tiny pace projects no month rather than overflowing") {
  auto r = assess(Snap({2024, 6}).series(1, 1, {{{2024, 3}, 1}, {{2024, 6}, 1.0000001}}), 1);
  CHECK_FALSE(r.projected_month);
  CHECK(r.projected_late);
}

TEST_CASE("a target at 96% that has stopped moving is still 预计逾期") {
  // Mar 96 → Jun 96: pace 0. The projection (96% by October) is above projection_flag_pct (95),
  // but with no pace the last 4 will never come: zero pace alone is 预计逾期.
  auto r = assess(Snap({2024, 6}).series(1, 1, {{{2024, 3}, 96}, {{2024, 6}, 96}}), 1);
  CHECK(*r.recent_pace == Approx(0));
  CHECK(*r.projected_completion_pct == Approx(96));
  CHECK(r.projected_late);
  CHECK_FALSE(r.projected_month);
}

TEST_CASE("the pace window is the plan's setting: two months instead of three") {
  // Values Mar 20, Apr 30, Jun 44 in June. Three months: from March, (44 − 20) ÷ 3 = 8.
  // Two months: the latest value at or before April is 30, (44 − 30) ÷ 2 = 7.
  Snap s({2024, 6});
  s.series(1, 1, {{{2024, 3}, 20}, {{2024, 4}, 30}, {{2024, 6}, 44}});
  const Task& t = *plan().find_task(1);
  auto three = assess_target(plan(), t, t.targets[0], s.s);
  CHECK(three.pace_from == YearMonth{2024, 3});
  CHECK(*three.recent_pace == Approx(8));
  Plan two = plan();
  two.settings.pace_window_months = 2;
  const Task& t2 = *two.find_task(1);
  auto r = assess_target(two, t2, t2.targets[0], s.s);
  CHECK(r.pace_from == YearMonth{2024, 4});
  CHECK(*r.recent_pace == Approx(7));
}
