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

TEST_CASE("a name written short suggests the name that holds it, before the nearest by edits") {
  std::vector<std::string> units = {"市林业局办", "市林业和园林局", "市民政局", "市农业农村局"};
  // 市林业局 is 2 edits from 市林业局办 but 3 from 市林业和园林局; containment wins.
  CHECK(closest_match("市林业局", {"市林业和园林局", "市农业局"}) == "市林业和园林局");
  // Among holders the shortest: 市林业局 is held by both, 市林业局办 is shorter.
  CHECK(closest_match("市林业局", units) == "市林业局办");
  CHECK(closest_match("农业局", units) == "市农业农村局");
  // One character is no name: no suggestion from containment.
  CHECK_FALSE(closest_match("局", {"市林业和园林局"}));
}

TEST_CASE("no suggestion is computed for a value too long to be a name") {
  std::string huge(200 * 3, 'x');
  CHECK_FALSE(closest_match(huge, {"市民政局"}));
  CHECK(did_you_mean(huge, {"市民政局"}).empty());
}
