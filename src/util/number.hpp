// Numbers as people type them into progress forms, and as reports print them.
#pragma once
#include <cmath>
#include <limits>
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

// The largest value any figure or progress value may have (1万亿): past it a value is a typing
// slip, and bounded values keep every later computation finite.
inline constexpr double kMaxValue = 1e12;

// Comparisons of computed figures must not flip on the last bit: 10.000000000000002 points
// behind is 10 points behind. The one tolerance of every such comparison.
inline constexpr double kEps = 1e-9;

// An optional figure in 8 bytes, NaN for none (std::optional<double> takes 16): a province's
// history holds millions of them. Converts to and from std::optional<double>; no figure is NaN
// (parse_number never gives one).
class OptNum {
 public:
  OptNum() = default;
  OptNum(std::nullopt_t) {}                                       // NOLINT
  OptNum(double v) : v_(v) {}                                     // NOLINT
  OptNum(const std::optional<double>& v) : v_(v ? *v : kNone) {}  // NOLINT
  operator std::optional<double>() const {                        // NOLINT
    return has_value() ? std::optional<double>(v_) : std::nullopt;
  }
  bool has_value() const { return !std::isnan(v_); }
  explicit operator bool() const { return has_value(); }
  double operator*() const { return v_; }
  double value_or(double d) const { return has_value() ? v_ : d; }
  bool operator==(const OptNum& o) const {
    return has_value() == o.has_value() && (!has_value() || v_ == o.v_);
  }

 private:
  static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
  double v_ = kNone;
};

// Accepts 1680, 1,680, 1680个 (when `measure` is 个), 3.5万, 95%, 95.2％, full-width digits
// and surrounding spaces. Rejects negatives, bad digit grouping and any other text.
ParsedNumber parse_number(std::string_view raw, std::string_view measure = {});

// A sum of money typed in a 万元 column: 1,200, 1200万, 1200万元, 0.3亿 (3000). A figure in 元
// alone, a percentage or a negative is an error: the column's unit is 万元.
ParsedNumber parse_wan_yuan(std::string_view raw);

// A number as machines write it ("1680", "-5.5", " 3e2 "): the whole trimmed text must parse.
// For hand-typed values use parse_number.
std::optional<double> parse_decimal(std::string_view s);

// The one rounding rule of every output: 四舍五入, half away from zero, applied to the number's
// shortest decimal form (36.25 → 36.3, −1.25 → −1.3), never to its binary approximation.
std::string format_fixed(double v, int decimals);
std::optional<double> round_to(double v, int decimals);
// Plain decimal, no grouping, at most 4 decimals, trailing zeros dropped: 1680, 3.5, 0.25.
std::string format_number(double v);
// One decimal, as reports show percentages: 54.5.
std::string format_pct(double v);
// As people read figures: 万 from 10,000 up (20000000 → 2000万, 1833333.3 → 183.3万).
std::string format_human(double v);
// A sum in 万元 as reports write money: 2300万元, 1.32亿元 from 1亿 up (two decimals, 四舍五入).
std::string format_money_wan(double wan);

}  // namespace minsheng
