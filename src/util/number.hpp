// Numbers as people type them into progress forms, and as reports print them.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace minsheng {

struct Quantity {
  double value = 0;
  bool percent = false;  // typed with % or ％
};

struct ParsedNumber {
  enum class Kind { blank, ok, error } kind = Kind::blank;
  Quantity quantity;
  std::string error;  // why it was rejected, in Chinese
};

// Accepts 1680, 1,680, 1680个 (when `measure` is 个), 3.5万, 95%, 95.2％, full-width digits
// and surrounding spaces. Rejects negatives, bad digit grouping and any other text.
ParsedNumber parse_number(std::string_view raw, std::string_view measure = {});

// A number as machines write it ("1680", "-5.5", " 3e2 "): the whole trimmed text must parse.
// For hand-typed values use parse_number.
std::optional<double> parse_decimal(std::string_view s);

// Plain decimal, no grouping, at most 4 decimals, trailing zeros dropped: 1680, 3.5, 0.25.
std::string format_number(double v);
// One decimal, as reports show percentages: 54.5.
std::string format_pct(double v);

}  // namespace minsheng
