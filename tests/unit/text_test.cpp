#include <catch2/catch.hpp>

#include "util/text.hpp"

using namespace minsheng;

TEST_CASE("display width counts CJK as two columns") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("市民政局") == 8);
  CHECK(display_width("１６８０") == 8);
  CHECK(pad_right("市", 4) == "市  ");
  CHECK(pad_left("1", 3) == "  1");
}
