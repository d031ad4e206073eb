#include "util/json.hpp"

#include <catch2/catch.hpp>

using namespace minsheng;

TEST_CASE("json writer nests, escapes and writes null for absent values") {
  JsonWriter j;
  j.begin_object().field("a", 1).field("s", "引\"号\n");
  j.key("list").begin_array().value(1.5).null().end_array();
  j.key("empty").begin_array().end_array();
  j.field("none", std::optional<double>{});
  j.end_object();
  CHECK(j.str() ==
        "{\n  \"a\": 1,\n  \"s\": \"引\\\"号\\n\",\n  \"list\": [\n    1.5,\n    null\n  ],\n"
        "  \"empty\": [],\n  \"none\": null\n}\n");
}

TEST_CASE("json escapes control characters and keeps UTF-8") {
  JsonWriter j;
  j.begin_object().field("s", std::string("a\x01\tb\\c\x1b")).end_object();
  CHECK(j.str() == "{\n  \"s\": \"a\\u0001\\tb\\\\c\\u001b\"\n}\n");
}
