#include "assess/period.hpp"

#include <catch2/catch.hpp>

using namespace minsheng;

TEST_CASE("periods parse and know their months") {
  auto q = Period::parse("2024Q2");
  REQUIRE(q);
  CHECK(q->first_month() == YearMonth{2024, 4});
  CHECK(q->last_month() == YearMonth{2024, 6});
  CHECK(q->chinese() == "第二季度");
  auto h = Period::parse("2024h2");
  REQUIRE(h);
  CHECK(h->code() == "2024H2");
  CHECK(h->first_month() == YearMonth{2024, 7});
  CHECK(h->last_month() == YearMonth{2024, 12});
  CHECK(h->chinese() == "下半年");
  CHECK_FALSE(Period::parse("2024Q5"));
  CHECK_FALSE(Period::parse("2024H3"));
  CHECK_FALSE(Period::parse("24Q1"));
  CHECK_FALSE(Period::parse("last"));
}

TEST_CASE("the previous period crosses year ends") {
  CHECK(Period::parse("2024Q1")->previous() == Period{Period::Kind::quarter, 2023, 4});
  CHECK(Period::parse("2024Q3")->previous() == Period{Period::Kind::quarter, 2024, 2});
  CHECK(Period::parse("2024H1")->previous() == Period{Period::Kind::half, 2023, 2});
  CHECK(Period::parse("2024H2")->previous() == Period{Period::Kind::half, 2024, 1});
}

TEST_CASE("last means the last period that has ended by the given day") {
  using K = Period::Kind;
  CHECK(Period::last_completed(K::quarter, {2024, 7, 5}) == Period{K::quarter, 2024, 2});
  CHECK(Period::last_completed(K::quarter, {2024, 6, 30}) == Period{K::quarter, 2024, 1});
  CHECK(Period::last_completed(K::quarter, {2024, 1, 2}) == Period{K::quarter, 2023, 4});
  CHECK(Period::last_completed(K::quarter, {2024, 12, 31}) == Period{K::quarter, 2024, 3});
  CHECK(Period::last_completed(K::half, {2024, 7, 1}) == Period{K::half, 2024, 1});
  CHECK(Period::last_completed(K::half, {2024, 3, 31}) == Period{K::half, 2023, 2});
  CHECK(Period::last_completed(K::half, {2025, 1, 3}) == Period{K::half, 2024, 2});
}

TEST_CASE("a month has ended only the day after its last day") {
  CHECK_FALSE(month_ended({2024, 11}, {2024, 11, 20}));
  CHECK_FALSE(month_ended({2024, 11}, {2024, 11, 30}));  // the last day itself: still running
  CHECK(month_ended({2024, 11}, {2024, 12, 1}));
  CHECK_FALSE(month_ended({2024, 12}, {2024, 12, 31}));  // over the year's end
  CHECK(month_ended({2024, 12}, {2025, 1, 1}));
  CHECK_FALSE(month_ended({2024, 2}, {2024, 2, 29}));  // a leap February
  CHECK(month_ended({2024, 2}, {2024, 3, 1}));
  CHECK_FALSE(month_ended({2024, 6}, {2024, 5, 3}));  // not even begun
}

TEST_CASE("a period's 期号 counts from the period of the plan's first reporting month") {
  YearMonth april{2024, 4};
  CHECK(Period::parse("2024Q2")->issue_number(april) == 1);
  CHECK(Period::parse("2024Q3")->issue_number(april) == 2);
  CHECK(Period::parse("2025Q1")->issue_number(april) == 4);  // across the year end
  CHECK(Period::parse("2024H1")->issue_number(april) == 1);
  CHECK(Period::parse("2025H1")->issue_number(april) == 3);
  CHECK(Period::parse("2024Q1")->issue_number(april) == 1);  // before the series: never 0
  CHECK(Period::parse("2024Q4")->issue_number(YearMonth{2024, 12}) == 1);
}
