#include "util/text.hpp"

#include <catch2/catch.hpp>

using namespace minsheng;

TEST_CASE("display width counts CJK and full-width as two columns") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("市民政局") == 8);
  CHECK(display_width("１６８０") == 8);
  CHECK(display_width("套(间)") == 6);
}

TEST_CASE("padding aligns by display width, not bytes") {
  CHECK(pad_right("市", 4) == "市  ");
  CHECK(pad_left("1", 3) == "  1");
  CHECK(pad_right("市民政局", 4) == "市民政局");  // never cuts
  CHECK(truncate_to_width("市民政局", 5) == "市民…");
  CHECK(truncate_to_width("abc", 5) == "abc");
}

TEST_CASE("trim removes ASCII, no-break and ideographic spaces") {
  CHECK(trim("  1680 ") == "1680");
  CHECK(trim("\xE3\x80\x80"
             "1680"
             "\xE3\x80\x80") == "1680");
  CHECK(trim("\xC2\xA0x\t") == "x");
  CHECK(trim("   ").empty());
}

TEST_CASE("nfkc folds full-width digits and signs to ASCII") {
  CHECK(nfkc("１６８０") == "1680");
  CHECK(nfkc("９５．２％") == "95.2%");
  CHECK(nfkc("市民政局") == "市民政局");
}

TEST_CASE("invalid UTF-8 is located") {
  CHECK(find_invalid_utf8("市民") == std::string_view::npos);
  CHECK(find_invalid_utf8("ab\xC3") == 2);
}

TEST_CASE("split keeps empty fields") {
  auto parts = split("a,,b", ',');
  REQUIRE(parts.size() == 3);
  CHECK(parts[1].empty());
}
