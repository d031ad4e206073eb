#include "util/json.hpp"

#include <catch2/catch.hpp>

using namespace minsheng;

TEST_CASE("json keeps key order, writes whole numbers without .0 and null for absent values") {
  Json j = {{"b", json_number(1680.0)},
            {"a", json_number(54.5)},
            {"s", "引\"号\n"},
            {"none", json_number(std::optional<double>{})},
            {"empty", Json::array()}};
  CHECK(dump_json(j) ==
        "{\n  \"b\": 1680,\n  \"a\": 54.5,\n  \"s\": \"引\\\"号\\n\",\n  \"none\": null,\n"
        "  \"empty\": []\n}\n");
}

TEST_CASE("json escapes control characters, keeps UTF-8 and replaces invalid bytes") {
  CHECK(dump_json(Json{{"s", std::string("a\x01\tb\\c\x1b")}}) ==
        "{\n  \"s\": \"a\\u0001\\tb\\\\c\\u001b\"\n}\n");
  // A GBK byte in a file name that reached the output: still valid UTF-8 JSON.
  CHECK(dump_json(Json{{"f", std::string("a\xFF" "b")}}) == "{\n  \"f\": \"a\xEF\xBF\xBD" "b\"\n}\n");
}
