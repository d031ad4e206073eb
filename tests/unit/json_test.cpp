#include "util/json.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>

#include "util/parallel.hpp"

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
  CHECK(dump_json(Json{{"f", std::string("a\xFF"
                                         "b")}}) ==
        "{\n  \"f\": \"a\xEF\xBF\xBD"
        "b\"\n}\n");
}

TEST_CASE("json rows printed one at a time give the text of the whole Json") {
  // Elements with nested arrays and objects, a string holding a newline and a quote, an empty
  // array inside, an invalid byte; a second streamed member, one left empty, and a member after.
  auto element = [](std::size_t i) -> Json {
    Json points = Json::array();
    for (std::size_t k = 0; k < i % 3; ++k)
      points.push_back({{"k", k}, {"v", json_number(0.5 * k)}});
    return {{"i", i},
            {"text", "第" + std::to_string(i) + "行\n\"引号\"\xFF"},
            {"points", points},
            {"empty", Json::object()},
            {"nested", {{"a", Json::array({1, 2})}, {"b", nullptr}}}};
  };
  Json whole = {{"title", "标题"},
                {"rows", Json::array()},
                {"more", Json::array()},
                {"none", Json::array()},
                {"after", {{"x", 1}}}};
  for (std::size_t i = 0; i < 5000; ++i) whole["rows"].push_back(element(i));
  for (std::size_t i = 0; i < 3; ++i) whole["more"].push_back(element(i + 7));
  Json top = {{"title", "标题"},
              {"rows", Json::array()},
              {"more", Json::array()},
              {"none", Json::array()},
              {"after", {{"x", 1}}}};
  std::vector<JsonRows> rows = {{"rows", 5000, element},
                                {"more", 3, [&](std::size_t i) { return element(i + 7); }},
                                {"none", 0, element}};
  std::string expected = dump_json(whole);  // nlohmann's own printing of the whole
  for (unsigned threads : {1u, 4u}) {
    set_threads(threads);
    CHECK(dump_json(top, rows) == expected);
  }
  set_threads(0);
  CHECK(expected.find("\"none\": []") != std::string::npos);
}

TEST_CASE("json rows must name an empty top-level array") {
  auto one = [](std::size_t) { return Json(1); };
  CHECK_THROWS_AS(dump_json(Json{{"rows", Json::array({1})}}, {{"rows", 1, one}}),
                  std::logic_error);
  CHECK_THROWS_AS(dump_json(Json{{"x", {{"rows", Json::array()}}}}, {{"rows", 1, one}}),
                  std::logic_error);  // nested, not top-level
  CHECK(dump_json(Json{{"rows", Json::array()}}, {{"rows", 2, one}}) ==
        "{\n  \"rows\": [\n    1,\n    1\n  ]\n}\n");
}
