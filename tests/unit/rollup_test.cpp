#include "assess/rollup.hpp"

#include <catch2/catch.hpp>

#include "assess/assessment.hpp"
#include "fixtures.hpp"
#include "snap.hpp"

using namespace minsheng;
using test::assess;
using test::plan;
using test::Snap;

TEST_CASE("a roll-up's mean counts each target at most 100% and skips targets without a figure") {
  // 150% and 40% average to (100 + 40) ÷ 2 = 70, not 95: one target past its figure cannot hide
  // another's lag. A target with no completion (not reported, milestone) is not a zero.
  CompletionMean m;
  CHECK_FALSE(m.value());
  m.add(150.0, 50);
  m.add(std::nullopt, 90);  // neither its completion nor its time counts
  m.add(40.0, 20);
  CHECK(*m.value() == Approx(70));
  CHECK(m.time() == Approx(35));  // (50 + 20) ÷ 2: the time the mean is judged against
  CompletionMean other;
  other.add(10.0, 80);
  m.add(other);                     // a category's mean folded into the whole plan's
  CHECK(*m.value() == Approx(50));  // (100 + 40 + 10) ÷ 3
  CHECK(m.time() == Approx(50));    // (50 + 20 + 80) ÷ 3
}

TEST_CASE("one ranking rule: mean within the last bit, then 严重滞后 and 逾期, then lagging") {
  auto roll = [](std::optional<double> avg, int severe, int behind) {
    Rollup r{"", {}, avg, std::nullopt};
    if (severe) r.counts[Status::seriously_behind] = severe;
    if (behind) r.counts[Status::behind] = behind;
    return r;
  };
  // 50.000000000001 and 50 are one mean as printed: the one with a 严重滞后 target ranks after
  // the one with two 滞后 (the bulletin used to compare the means exactly and put it first).
  Rollup x = roll(50 + 1e-12, 1, 0), y = roll(50, 0, 2);
  CHECK(ranks_before(y, x));
  CHECK_FALSE(ranks_before(x, y));
  // Same mean, same severe count: fewer lagging first.
  CHECK(ranks_before(roll(50, 1, 0), roll(50, 1, 1)));
  // A real difference in the mean decides before any count.
  CHECK(ranks_before(roll(50.1, 3, 3), roll(50, 0, 0)));
  // No mean at all ranks last; two equal roll-ups are not ordered (plan order stays).
  CHECK(ranks_before(roll(0, 0, 0), roll(std::nullopt, 0, 0)));
  CHECK_FALSE(ranks_before(roll(50, 0, 0), roll(50, 0, 0)));
}
