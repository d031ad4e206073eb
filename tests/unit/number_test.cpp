#include "util/number.hpp"

#include <catch2/catch.hpp>

using namespace minsheng;

namespace {
double ok(std::string_view s, std::string_view measure = {}) {
  auto p = parse_number(s, measure);
  INFO(s << " → " << p.error);
  REQUIRE(p.kind == ParsedNumber::Kind::ok);
  return p.quantity.value;
}
std::string rejected(std::string_view s, std::string_view measure = {}) {
  auto p = parse_number(s, measure);
  INFO(s);
  REQUIRE(p.kind == ParsedNumber::Kind::error);
  return p.error;
}
}  // namespace

TEST_CASE("numbers as people type them") {
  CHECK(ok("1680") == 1680);
  CHECK(ok("1,680") == 1680);
  CHECK(ok("12,345,678") == 12345678);
  CHECK(ok("1680个", "个") == 1680);
  CHECK(ok("4601套(间)", "套(间)") == 4601);
  CHECK(ok("3.5万") == 35000);
  CHECK(ok("１６８０") == 1680);
  CHECK(ok("  1680 ") == 1680);
  CHECK(ok("\xE3\x80\x80"
           "820") == 820);
  CHECK(ok("1.67万个", "个") == Approx(16700));
  CHECK(ok("+5") == 5);
}

TEST_CASE("percentages are flagged as percentages") {
  auto p = parse_number("95%");
  REQUIRE(p.kind == ParsedNumber::Kind::ok);
  CHECK(p.quantity.value == 95);
  CHECK(p.quantity.percent);
  auto q = parse_number("95.2％", "%");
  REQUIRE(q.kind == ParsedNumber::Kind::ok);
  CHECK(q.quantity.value == Approx(95.2));
  CHECK(q.quantity.percent);
  CHECK_FALSE(parse_number("95").quantity.percent);
}

TEST_CASE("blank means not reported") {
  CHECK(parse_number("").kind == ParsedNumber::Kind::blank);
  CHECK(parse_number("   ").kind == ParsedNumber::Kind::blank);
}

TEST_CASE("everything else is rejected with a reason") {
  CHECK(rejected("-5") == "不能为负数：“-5”");
  CHECK(rejected("1,68") == "“1,68”的千分位逗号位置不对");
  CHECK(rejected("约1680") == "“约1680”不是数字");
  CHECK(rejected("1680人", "个") ==
        "“1680人”不是数字（可写 1680、1,680、3.5万、95% 或带计量单位“个”）");
  CHECK(rejected("—") == "“—”不是数字");
  CHECK(rejected("1.2.3") == "“1.2.3”不是数字");
  CHECK(rejected("万") == "“万”不是数字");
  CHECK(rejected(".5") == "“.5”不是数字");
}

TEST_CASE("formatting is plain and deterministic") {
  CHECK(format_number(1680) == "1680");
  CHECK(format_number(3.5) == "3.5");
  CHECK(format_number(150000) == "150000");
  CHECK(format_number(93.33333333) == "93.3333");
  CHECK(format_number(-0.0) == "0");
  CHECK(format_pct(54.545454) == "54.5");
  CHECK(format_pct(-0.04) == "0.0");
  CHECK(format_pct(100) == "100.0");
}
