#include "assess/changes.hpp"

#include <catch2/catch.hpp>

#include "assess/assessment.hpp"
#include "fixtures.hpp"
#include "snap.hpp"

using namespace minsheng;
using test::assess;
using test::plan;
using test::Snap;

TEST_CASE("a change of status: fell, recovered, or neither, by one rule") {
  auto change = [](Status from, Status to) {
    auto c = status_change({1, 1}, {2024, 6}, from, false, to, false);
    REQUIRE(c);
    return change_trend(*c);
  };
  CHECK_FALSE(status_change({1, 1}, {2024, 6}, Status::behind, false, Status::behind, false));
  CHECK(change(Status::on_track, Status::behind) == ChangeTrend::fell);
  CHECK(change(Status::behind, Status::seriously_behind) == ChangeTrend::fell);   // lags worse
  CHECK(change(Status::seriously_behind, Status::behind) == ChangeTrend::other);  // still lags
  CHECK(change(Status::behind, Status::on_track) == ChangeTrend::recovered);
  CHECK(change(Status::seriously_behind, Status::done) == ChangeTrend::recovered);
  CHECK(change(Status::on_track, Status::ahead) == ChangeTrend::other);
}
