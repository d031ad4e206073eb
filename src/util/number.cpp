#include "util/number.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "util/text.hpp"

namespace minsheng {
namespace {

ParsedNumber fail(std::string why) {
  ParsedNumber p;
  p.kind = ParsedNumber::Kind::error;
  p.error = std::move(why);
  return p;
}

bool strip_suffix(std::string& s, std::string_view suffix) {
  if (suffix.empty() || !std::string_view(s).ends_with(suffix)) return false;
  s.erase(s.size() - suffix.size());
  s = std::string(trim(s));
  return true;
}

// "1,680" and "12,345,678" are grouped correctly; "1,68" is a typo, not 168. Only the whole
// part is checked. Called for every number typed, so it allocates nothing.
bool valid_grouping(std::string_view digits) {
  std::string_view whole = digits.substr(0, digits.find('.'));
  std::size_t comma = whole.find(',');
  if (comma == std::string_view::npos) return true;
  if (comma == 0 || comma > 3) return false;
  while (comma != std::string_view::npos) {
    std::size_t next = whole.find(',', comma + 1);
    std::size_t group = (next == std::string_view::npos ? whole.size() : next) - comma - 1;
    if (group != 3) return false;
    comma = next;
  }
  return true;
}

std::string remove_char(std::string_view s, char c) {
  std::string out;
  for (char x : s)
    if (x != c) out += x;
  return out;
}

}  // namespace

ParsedNumber parse_number(std::string_view raw, std::string_view measure) {
  std::string_view typed = trim(raw);
  // Most cells are plain digits: they need no Unicode folding and carry no suffix.
  bool plain = std::all_of(typed.begin(), typed.end(),
                           [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == ','; });
  std::string s = plain ? std::string(typed) : std::string(trim(nfkc(typed)));
  if (s.empty()) return {};
  std::string original(typed);

  bool percent = false;
  double scale = 1;
  if (!plain) {
    std::string folded_measure = nfkc(measure);
    if (folded_measure != "%") strip_suffix(s, folded_measure);
    percent = strip_suffix(s, "%");
    if (strip_suffix(s, "万"))
      scale = 1e4;
    else if (strip_suffix(s, "亿"))
      scale = 1e8;
    if (!percent) percent = strip_suffix(s, "%");  // "3.5万%" is nonsense, but "95 %" is not
  }
  if (s.empty()) return fail(quote_value(original) + "不是数字");
  if (s[0] == '-') return fail("不能为负数：" + quote_value(original));
  if (s[0] == '+') s.erase(0, 1);

  for (char c : s)
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == ','))
      return fail(quote_value(original) + "不是数字" +
                  (measure.empty() ? std::string()
                                   : "（可写 1680、1,680、3.5万、95% 或带计量单位“" +
                                         std::string(measure) + "”）"));
  if (!valid_grouping(s)) return fail(quote_value(original) + "的千分位逗号位置不对");
  std::string digits = remove_char(s, ',');
  double v = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (ec == std::errc::result_out_of_range)
    return fail(quote_value(original) + "过大（上限为 1万亿）");
  if (ec != std::errc() || end != digits.data() + digits.size() || digits.front() == '.' ||
      digits.back() == '.')
    return fail(quote_value(original) + "不是数字");
  if (!std::isfinite(v * scale) || v * scale > kMaxValue)
    return fail(quote_value(original) + "过大（上限为 1万亿）");
  ParsedNumber p;
  p.kind = ParsedNumber::Kind::ok;
  p.quantity = {v * scale, percent};
  return p;
}

ParsedNumber parse_wan_yuan(std::string_view raw) {
  std::string s(trim(nfkc(raw)));
  bool yuan = strip_suffix(s, "元");
  bool scaled = s.ends_with("万") || s.ends_with("亿");
  if (yuan && !scaled)
    return fail(quote_value(trim(raw)) + "以元为单位；本列以万元为单位，请写 " +
                "1200、1200万元 或 0.3亿元");
  ParsedNumber p = parse_number(s);
  if (p.kind != ParsedNumber::Kind::ok) return p;
  if (p.quantity.percent) return fail(quote_value(trim(raw)) + "是百分数；本列填写金额（万元）");
  if (scaled) p.quantity.value /= 1e4;
  return p;
}

std::optional<double> parse_decimal(std::string_view s) {
  s = trim(s);
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v))
    return std::nullopt;
  return v;
}

std::string format_fixed(double v, int decimals) {
  if (!std::isfinite(v)) return "—";
  // The shortest decimal form that reads back as v: the number a person would write.
  char buf[400];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, std::fabs(v), std::chars_format::fixed);
  std::string s(buf, ec == std::errc() ? end : buf);
  std::size_t dot = s.find('.');
  std::string whole = s.substr(0, dot), frac = dot == std::string::npos ? "" : s.substr(dot + 1);
  bool up = frac.size() > static_cast<std::size_t>(decimals) &&
            frac[static_cast<std::size_t>(decimals)] >= '5';
  frac.resize(static_cast<std::size_t>(decimals), '0');
  std::string digits = whole + frac;
  for (std::size_t i = digits.size(); up && i-- > 0;) {
    if (digits[i] == '9') {
      digits[i] = '0';
    } else {
      ++digits[i];
      up = false;
    }
  }
  if (up) digits.insert(digits.begin(), '1');
  std::string out = digits.substr(0, digits.size() - static_cast<std::size_t>(decimals));
  if (decimals > 0) out += "." + digits.substr(digits.size() - static_cast<std::size_t>(decimals));
  bool zero = std::all_of(out.begin(), out.end(), [](char c) { return c == '0' || c == '.'; });
  return (v < 0 && !zero ? "-" : "") + out;
}

std::optional<double> round_to(double v, int decimals) {
  return parse_decimal(format_fixed(v, decimals));
}

std::string format_number(double v) {
  std::string s = format_fixed(v, 4);
  if (s.find('.') == std::string::npos) return s;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string format_pct(double v) {
  return format_fixed(v, 1);
}

std::string format_human(double v) {
  if (std::fabs(v) < 10000) return format_number(v);
  std::string s = format_fixed(v / 10000, 1);
  if (s.ends_with(".0")) s.resize(s.size() - 2);
  return s + "万";
}

std::string format_money_wan(double wan) {
  if (std::fabs(wan) < 10000) return format_number(*round_to(wan, 1)) + "万元";
  std::string s = format_fixed(wan / 10000, 2);
  while (s.ends_with("0")) s.pop_back();
  if (s.ends_with(".")) s.pop_back();
  return s + "亿元";
}

}  // namespace minsheng
