// JSON output through nlohmann-json: keys in the order written, two-space indent, UTF-8 kept
// (any invalid byte replaced, so the output is always valid JSON).
#pragma once
#include <cmath>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace minsheng {

using Json = nlohmann::ordered_json;

// A number as a person wrote it: 1680, not 1680.0.
inline Json json_number(double v) {
  if (std::isfinite(v) && v == std::trunc(v) && std::fabs(v) < 9e15)
    return static_cast<long long>(v);
  return v;
}
inline Json json_number(const std::optional<double>& v) {
  return v ? json_number(*v) : Json(nullptr);
}
inline Json json_string(const std::optional<std::string>& s) {
  return s ? Json(*s) : Json(nullptr);
}

std::string dump_json(const Json& j);

// A long array member of a JSON object: its elements, made one at a time by element(i).
struct JsonRows {
  std::string key;
  std::size_t count = 0;
  std::function<Json(std::size_t)> element;
};

// dump_json(top) with each of `rows` printed as the value of its key, which `top` holds as an
// empty array. The elements are made and printed on every core, one at a time, so a province's
// rows are never all held as Json values; the text is the same as from one whole Json.
std::string dump_json(const Json& top, const std::vector<JsonRows>& rows);

}  // namespace minsheng
