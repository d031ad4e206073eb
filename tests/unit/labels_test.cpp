#include "report/labels.hpp"

#include <catch2/catch.hpp>

using namespace minsheng;

TEST_CASE("an amount still to do: whole things round up, % targets speak of 百分点") {
  CHECK(increment_text(1.2, "个") == "2个");
  CHECK(increment_text(12, "个") == "12个");
  CHECK(increment_text(0.4, "家") == "1家");
  CHECK(increment_text(366.6667, "套(间)") == "367套(间)");
  CHECK(increment_text(14000, "平方米") == "1.4万平方米");
  CHECK(increment_text(2.45, "公里") == "2.5公里");
  CHECK(increment_text(1833333.3, "人次") == "183.3万人次");
  CHECK(increment_text(2.25, "%") == "2.3个百分点");
  CHECK(increment_text(std::nullopt, "个") == "—");
}

TEST_CASE("figures as the plan writes them use 万 from 10,000 up") {
  CHECK(figure_text(20000, "人", Comparator::exactly) == "2万人");
  CHECK(figure_text(1680, "个", Comparator::at_least) == "1680个以上");
  CHECK(with_measure(150000, "平方米") == "15万平方米");
  CHECK(with_measure(96, "%") == "96%");
}
