#include "util/suggest.hpp"

#include <catch2/catch.hpp>

using namespace minsheng;

TEST_CASE("edit distance counts code points, not bytes") {
  CHECK(edit_distance("市民政局", "市民政局") == 0);
  CHECK(edit_distance("市民政局", "市名政局") == 1);
  CHECK(edit_distance("abc", "") == 3);
}

TEST_CASE("the closest unit is suggested for typos and missing prefixes") {
  std::vector<std::string> units = {"市民政局", "市住建局", "市人社局", "团市委"};
  CHECK(closest_match("民政局", units) == "市民政局");
  CHECK(closest_match("市名政局", units) == "市民政局");
  CHECK(closest_match("市住建委", units) == "市住建局");
  CHECK_FALSE(closest_match("财政局办公室", units));
  CHECK(did_you_mean("民政局", units) == "（是否应为“市民政局”？）");
  CHECK(did_you_mean("xyz", units).empty());
}
