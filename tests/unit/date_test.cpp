#include "util/date.hpp"

#include <catch2/catch.hpp>

using namespace minsheng;

TEST_CASE("months parse in the forms staff write") {
  CHECK(YearMonth::parse("2024-06") == YearMonth{2024, 6});
  CHECK(YearMonth::parse("2024-6") == YearMonth{2024, 6});
  CHECK(YearMonth::parse("2024年6月") == YearMonth{2024, 6});
  CHECK_FALSE(YearMonth::parse("2024-13"));
  CHECK_FALSE(YearMonth::parse("June"));
  CHECK(YearMonth{2024, 6}.str() == "2024-06");
  CHECK(YearMonth{2024, 6}.chinese() == "2024年6月");
}

TEST_CASE("month arithmetic crosses year ends") {
  CHECK(YearMonth{2024, 11}.plus(2) == YearMonth{2025, 1});
  CHECK(YearMonth{2024, 1}.plus(-1) == YearMonth{2023, 12});
  CHECK(months_between({2024, 1}, {2024, 6}) == 5);
  CHECK(months_between({2023, 11}, {2024, 2}) == 3);
}

TEST_CASE("dates parse, validate and count days") {
  CHECK(Date::parse("2024-07-02") == Date{2024, 7, 2});
  CHECK(Date::parse("2024/7/2") == Date{2024, 7, 2});
  CHECK(Date::parse("2024年7月2日") == Date{2024, 7, 2});
  CHECK_FALSE(Date::parse("2024-02-30"));
  CHECK(Date::parse("2024-02-29"));  // leap year
  CHECK_FALSE(Date::parse("2023-02-29"));
  CHECK(days_between({2024, 7, 3}, {2024, 7, 5}) == 2);
  CHECK(days_between({2024, 12, 30}, {2025, 1, 2}) == 3);
  CHECK(days_between({2024, 2, 28}, {2024, 3, 1}) == 2);
}
