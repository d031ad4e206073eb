// Calendar months and days, without time zones: reports are about months, due dates about days.
#pragma once
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace minsheng {

struct YearMonth {
  int year = 0;
  int month = 0;  // 1..12

  static std::optional<YearMonth> parse(std::string_view s);  // "2024-06", "2024-6", "2024年6月"
  static std::optional<YearMonth> parse_exact(std::string_view s);  // only "2024-06"
  int index() const { return year * 12 + month - 1; }
  static YearMonth from_index(int i) { return {i / 12, i % 12 + 1}; }
  YearMonth plus(int months) const { return from_index(index() + months); }
  std::string str() const;      // "2024-06"
  std::string chinese() const;  // "2024年6月"
  auto operator<=>(const YearMonth&) const = default;
};

// Months from a to b: 2024-01 → 2024-06 is 5.
inline int months_between(YearMonth a, YearMonth b) {
  return b.index() - a.index();
}

struct Date {
  int year = 0, month = 0, day = 0;

  static std::optional<Date> parse(std::string_view s);  // 2024-07-02, 2024/7/2, 2024年7月2日
  std::string str() const;                               // "2024-07-02"
  std::string chinese() const;                           // "2024年7月2日"
  YearMonth year_month() const { return {year, month}; }
  long days_since_epoch() const;
  static Date from_days_since_epoch(long days);
  auto operator<=>(const Date&) const = default;
};

inline long days_between(const Date& a, const Date& b) {
  return b.days_since_epoch() - a.days_since_epoch();
}
int days_in_month(int year, int month);

}  // namespace minsheng
