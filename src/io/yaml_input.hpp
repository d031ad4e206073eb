// Loads YAML that people type (plans, progress files) and refuses what they never need:
// anchors and aliases, which let a small file expand without bound, and deep nesting.
#pragma once
#include <yaml-cpp/yaml.h>

#include <stdexcept>
#include <string>
#include <string_view>

namespace minsheng {

inline constexpr int kMaxYamlDepth = 32;

// A problem with a position in yaml-cpp's terms: 0-based line, 0-based byte column.
class YamlInputError : public std::runtime_error {
 public:
  YamlInputError(int line0, int byte_col0, const std::string& what)
      : std::runtime_error(what), line0(line0), byte_col0(byte_col0) {}
  int line0, byte_col0;
};

// YAML::Load, after a first pass over the events that throws YamlInputError at the first alias
// or anchor, at nesting deeper than kMaxYamlDepth, or at a syntax error (in Chinese).
YAML::Node load_yaml(std::string_view text);

}  // namespace minsheng
