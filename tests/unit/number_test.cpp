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

TEST_CASE("thousands commas: groups of three after a first group of one to three") {
  CHECK(ok("1,680.5") == 1680.5);  // only the whole part is grouped
  CHECK(ok("999,999") == 999999);
  CHECK(ok("1,000,000") == 1000000);
  for (const char* typo : {"1234,567", ",680", "1,680,12", "1,,680", "1,6800", "1680,", "1,68.5"})
    CHECK(rejected(typo) == std::string("“") + typo + "”的千分位逗号位置不对");
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

TEST_CASE("one rounding rule: 四舍五入 on the decimal value, half away from zero") {
  // fmt's {:.1f} gives 36.2 for 36.25 (the binary value is below the tie) and −1.2 for −1.25.
  CHECK(format_pct(36.25) == "36.3");
  CHECK(format_pct(-1.25) == "-1.3");
  CHECK(format_pct(0.05) == "0.1");
  CHECK(format_pct(0.15) == "0.2");
  CHECK(format_pct(2.675) == "2.7");
  CHECK(format_pct(99.95) == "100.0");
  CHECK(format_pct(-0.04) == "0.0");  // never "-0.0"
  CHECK(format_pct(1450.0 / 4000 * 100) == "36.3");
  CHECK(format_fixed(1.00005, 4) == "1.0001");
  CHECK(format_number(1833333.33335) == "1833333.3334");
  CHECK(round_to(36.25, 1) == 36.3);
  CHECK(round_to(-1.25, 1) == -1.3);
}

TEST_CASE("figures of 10,000 and over read in 万") {
  CHECK(format_human(20000000) == "2000万");
  CHECK(format_human(1833333.3) == "183.3万");
  CHECK(format_human(35000) == "3.5万");
  CHECK(format_human(10000) == "1万");
  CHECK(format_human(9999) == "9999");
  CHECK(format_human(4601) == "4601");
  CHECK(format_human(12.5) == "12.5");
}

TEST_CASE("values are finite and at most 1万亿") {
  auto huge = parse_number("1" + std::string(400, '0'));
  CHECK(huge.kind == ParsedNumber::Kind::error);
  CHECK(huge.error.find("过大（上限为 1万亿）") != std::string::npos);
  CHECK(parse_number("99999999万").kind == ParsedNumber::Kind::ok);  // 9999.9999亿
  CHECK(parse_number("100000001万").kind == ParsedNumber::Kind::error);
  CHECK(parse_number("1000000000000").kind == ParsedNumber::Kind::ok);
}

TEST_CASE("money in a 万元 column: 1,200, 1200万元, 0.3亿, and 元 alone or a percentage refused") {
  auto wan = [](const char* s) { return parse_wan_yuan(s); };
  CHECK(wan("1,200").quantity.value == 1200);
  CHECK(wan(" 1200万 ").quantity.value == Approx(1200));
  CHECK(wan("1200万元").quantity.value == Approx(1200));
  CHECK(wan("0.3亿").quantity.value == Approx(3000));
  CHECK(wan("0.3亿元").quantity.value == Approx(3000));
  CHECK(wan("１２００").quantity.value == 1200);  // full-width digits
  CHECK(wan("").kind == ParsedNumber::Kind::blank);
  CHECK(wan("1200元").kind == ParsedNumber::Kind::error);  // 0.12万元? the column says 万元
  CHECK(wan("1200元").error.find("以元为单位") != std::string::npos);
  CHECK(wan("60%").kind == ParsedNumber::Kind::error);
  CHECK(wan("-5").kind == ParsedNumber::Kind::error);
}

TEST_CASE("money as reports write it: 万元 under 1亿, 亿元 with two decimals from there") {
  CHECK(format_money_wan(2300) == "2300万元");
  CHECK(format_money_wan(285.25) == "285.3万元");  // 四舍五入 to one decimal
  CHECK(format_money_wan(9999.9) == "9999.9万元");
  CHECK(format_money_wan(10000) == "1亿元");
  CHECK(format_money_wan(13175) == "1.32亿元");  // 1.3175
  CHECK(format_money_wan(42980) == "4.3亿元");   // 4.298
  CHECK(format_money_wan(32300) == "3.23亿元");
}
