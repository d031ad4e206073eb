#include "util/date.hpp"

#include <fmt/format.h>

#include <charconv>
#include <vector>

#include "util/text.hpp"

namespace minsheng {
namespace {

// Splits "2024-07-02", "2024/7/2" or "2024年7月2日" into its numbers.
std::optional<std::vector<int>> numbers(std::string_view s, std::size_t want) {
  std::string t(trim(nfkc(s)));
  for (std::string_view sep : {"年", "月", "日", "/", ".", "-"}) {
    std::size_t pos;
    while ((pos = t.find(sep)) != std::string::npos) t.replace(pos, sep.size(), " ");
  }
  std::vector<int> out;
  for (auto part : split(t, ' ')) {
    if (part.empty()) continue;
    int v = 0;
    auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
    if (ec != std::errc() || end != part.data() + part.size()) return std::nullopt;
    out.push_back(v);
  }
  if (out.size() != want) return std::nullopt;
  return out;
}

}  // namespace

int days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

std::optional<YearMonth> YearMonth::parse(std::string_view s) {
  auto n = numbers(s, 2);
  if (!n || (*n)[0] < 1900 || (*n)[0] > 9999 || (*n)[1] < 1 || (*n)[1] > 12) return std::nullopt;
  return YearMonth{(*n)[0], (*n)[1]};
}

std::optional<YearMonth> YearMonth::parse_exact(std::string_view s) {
  auto m = parse(s);
  if (!m || m->str() != s) return std::nullopt;
  return m;
}

std::string YearMonth::str() const {
  return fmt::format("{:04d}-{:02d}", year, month);
}
std::string YearMonth::chinese() const {
  return fmt::format("{}年{}月", year, month);
}

std::optional<Date> Date::parse(std::string_view s) {
  auto n = numbers(s, 3);
  if (!n) return std::nullopt;
  Date d{(*n)[0], (*n)[1], (*n)[2]};
  if (d.year < 1900 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1 ||
      d.day > days_in_month(d.year, d.month))
    return std::nullopt;
  return d;
}

std::string Date::str() const {
  return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day);
}
std::string Date::chinese() const {
  return fmt::format("{}年{}月{}日", year, month, day);
}

long Date::days_since_epoch() const {
  // Howard Hinnant's days_from_civil.
  int y = year - (month <= 2);
  long era = (y >= 0 ? y : y - 399) / 400;
  unsigned yoe = static_cast<unsigned>(y - era * 400);
  unsigned mp = static_cast<unsigned>(month > 2 ? month - 3 : month + 9);
  unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(day) - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

Date Date::from_days_since_epoch(long z) {
  // Howard Hinnant's civil_from_days.
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  auto doe = static_cast<unsigned>(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = static_cast<long>(yoe) + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

}  // namespace minsheng
