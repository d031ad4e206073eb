#include "assess/period.hpp"

#include <algorithm>
#include <cctype>

namespace minsheng {

bool month_ended(YearMonth m, Date as_of) {
  return Date{m.year, m.month, days_in_month(m.year, m.month)} < as_of;
}

std::optional<Period> Period::parse(std::string_view s) {
  if (s.size() != 6) return std::nullopt;
  for (int i = 0; i < 4; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
  int year = std::stoi(std::string(s.substr(0, 4)));
  char k = static_cast<char>(std::toupper(static_cast<unsigned char>(s[4])));
  int n = s[5] - '0';
  if (year < 1900) return std::nullopt;
  if (k == 'Q' && n >= 1 && n <= 4) return Period{Kind::quarter, year, n};
  if (k == 'H' && n >= 1 && n <= 2) return Period{Kind::half, year, n};
  return std::nullopt;
}

Period Period::last_completed(Kind kind, Date as_of) {
  int per_year = kind == Kind::quarter ? 4 : 2;
  int months = 12 / per_year;
  // The period containing as_of has not ended (its last day at the latest is still running).
  int current = (as_of.month - 1) / months;  // 0-based index within the year
  int index = as_of.year * per_year + current - 1;
  return Period{kind, index / per_year, index % per_year + 1};
}

YearMonth Period::first_month() const {
  return {year, (n - 1) * months() + 1};
}
YearMonth Period::last_month() const {
  return {year, n * months()};
}

Date Period::last_day() const {
  YearMonth m = last_month();
  return {m.year, m.month, days_in_month(m.year, m.month)};
}

Period Period::previous() const {
  int per_year = kind == Kind::quarter ? 4 : 2;
  int index = year * per_year + n - 1 - 1;
  return Period{kind, index / per_year, index % per_year + 1};
}

int Period::issue_number(YearMonth first) const {
  int per_year = kind == Kind::quarter ? 4 : 2;
  int from = first.year * per_year + (first.month - 1) / months();
  return std::max(1, year * per_year + n - 1 - from + 1);
}

std::string Period::code() const {
  return std::to_string(year) + (kind == Kind::quarter ? "Q" : "H") + std::to_string(n);
}

std::string Period::chinese() const {
  static const char* q[] = {"第一季度", "第二季度", "第三季度", "第四季度"};
  if (kind == Kind::quarter) return q[n - 1];
  return n == 1 ? "上半年" : "下半年";
}

}  // namespace minsheng
