// Reporting periods: quarters for the city-wide 通报, halves for the leaders' 专报.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "util/date.hpp"

namespace minsheng {

// Whether month `m` has ended by `as_of`: a month's report is only whole the day after it ends
// (as a period's bulletin is).
bool month_ended(YearMonth m, Date as_of);

struct Period {
  enum class Kind { quarter, half };
  Kind kind = Kind::quarter;
  int year = 0;
  int n = 1;  // 1–4 for quarters, 1–2 for halves

  static std::optional<Period> parse(std::string_view s);  // "2024Q2", "2024H1" (case-insensitive)
  // The last period of `kind` that has ended before `as_of`.
  static Period last_completed(Kind kind, Date as_of);

  YearMonth first_month() const;
  YearMonth last_month() const;
  Date last_day() const;
  Period previous() const;
  // The 期号 of this period's document in a series whose 第1期 is the period holding `first`
  // (the plan's first reporting month): 2024Q2 is 第1期 from 2024-04, 2024Q3 第2期.
  int issue_number(YearMonth first) const;
  std::string code() const;     // "2024Q2"
  std::string chinese() const;  // "第二季度", "上半年"
  bool contains(YearMonth m) const { return first_month() <= m && m <= last_month(); }
  int months() const { return kind == Kind::quarter ? 3 : 6; }
  bool operator==(const Period&) const = default;
};

}  // namespace minsheng
