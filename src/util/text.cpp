#include "util/text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace minsheng {
namespace {

// The length of the space that starts at byte `i` (ASCII white space 1, U+00A0 2, U+3000 3),
// or 0. Byte by byte, not with substr comparisons: trim runs several times on every cell read.
std::size_t space_at(std::string_view s, std::size_t i) {
  auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = at(i);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') return 1;
  if (c == 0xC2 && i + 1 < s.size() && at(i + 1) == 0xA0) return 2;
  if (c == 0xE3 && i + 2 < s.size() && at(i + 1) == 0x80 && at(i + 2) == 0x80) return 3;
  return 0;
}

// The length of the space that ends `s`, or 0. Its last byte says which space it can be:
// 0x80 ends only U+3000, 0xA0 only U+00A0, anything else only an ASCII one.
std::size_t space_at_end(std::string_view s) {
  if (s.empty()) return 0;
  auto last = static_cast<unsigned char>(s.back());
  std::size_t len = last == 0x80 ? 3 : last == 0xA0 ? 2 : 1;
  return s.size() >= len && space_at(s, s.size() - len) == len ? len : 0;
}

// Calls f(codepoint, bytes) for each code point; a stray byte comes as U+FFFD, one byte long.
// The code point at byte `i` and its length in bytes.
std::size_t decode_at(std::string_view s, std::size_t i, utf8proc_int32_t& cp) {
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                            static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n > 0) return static_cast<std::size_t>(n);
  cp = 0xFFFD;
  return 1;
}

template <typename F>
void for_each_codepoint(std::string_view s, F f) {
  std::size_t i = 0;
  while (i < s.size()) {
    utf8proc_int32_t cp;
    std::size_t n = decode_at(s, i, cp);
    if (!f(cp, s.substr(i, n))) return;
    i += n;
  }
}

}  // namespace

std::string_view trim(std::string_view s) {
  while (std::size_t n = s.empty() ? 0 : space_at(s, 0)) s.remove_prefix(n);
  while (std::size_t n = space_at_end(s)) s.remove_suffix(n);
  return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

std::size_t find_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    // Runs of ASCII (digits, commas, line ends: most of a progress file) eight bytes at a time.
    std::uint64_t word;
    if (i + 8 <= s.size() && (std::memcpy(&word, s.data() + i, 8), !(word & 0x8080808080808080u))) {
      i += 8;
      continue;
    }
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    utf8proc_int32_t cp;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) return i;
    i += static_cast<std::size_t>(n);
  }
  return std::string_view::npos;
}

namespace {

// Bytes of the control character at s[i] (0 when there is none): C0 (TAB, LF and CR only when
// `all_c0`), DEL, and the bidi controls E2 80 8E/8F (LRM, RLM), E2 80 AA–AE (embeddings,
// overrides), E2 81 A6–A9 (isolates).
std::size_t control_at(const std::string& s, std::size_t i, bool all_c0) {
  auto c = static_cast<unsigned char>(s[i]);
  if ((c < 0x20 && (all_c0 || (c != '\t' && c != '\n' && c != '\r'))) || c == 0x7F) return 1;
  if (c == 0xE2 && i + 2 < s.size()) {
    auto b = static_cast<unsigned char>(s[i + 1]), d = static_cast<unsigned char>(s[i + 2]);
    if ((b == 0x80 && (d == 0x8E || d == 0x8F || (d >= 0xAA && d <= 0xAE))) ||
        (b == 0x81 && d >= 0xA6 && d <= 0xA9))
      return 3;
  }
  return 0;
}

// Replaces each control with `with`; returns how many there were.
std::size_t replace_controls(std::string& s, bool all_c0, std::string_view with) {
  std::size_t found = 0;
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (std::size_t n = control_at(s, i, all_c0)) {
      if (found++ == 0) out.assign(s, 0, i);
      out += with;
      i += n;
      continue;
    }
    if (found) out += s[i];
    ++i;
  }
  if (found) s = std::move(out);
  return found;
}

}  // namespace

std::size_t strip_controls(std::string& s) {
  return replace_controls(s, false, "");
}

std::string visible_name(std::string name) {
  replace_controls(name, true, "?");
  return name;
}

namespace {

// Whether s is only ASCII and CJK Unified Ideographs (U+4E00–U+9FFF), which is its own NFKC
// form: none of them decomposes, and none composes with what follows (NFKC_QC=Yes, combining
// class 0). Most cells are digits or Chinese names; this spares them the Unicode tables.
bool nfkc_stable(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    if (b(i) < 0x80) {
      ++i;
      continue;
    }
    // U+4E00 is E4 B8 80, U+9FFF is E9 BF BF.
    if (i + 2 >= s.size() || b(i) < 0xE4 || b(i) > 0xE9 || (b(i) == 0xE4 && b(i + 1) < 0xB8) ||
        (b(i + 1) & 0xC0) != 0x80 || (b(i + 2) & 0xC0) != 0x80)
      return false;
    i += 3;
  }
  return true;
}

}  // namespace

std::string nfkc(std::string_view s) {
  if (nfkc_stable(s)) return std::string(s);
  utf8proc_uint8_t* out = nullptr;
  auto n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
      &out, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT));
  if (n < 0) return std::string(s);
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> guard(out, &std::free);
  return std::string(reinterpret_cast<char*>(out), static_cast<std::size_t>(n));
}

int display_width(std::string_view s) {
  int width = 0;
  for_each_codepoint(s, [&](utf8proc_int32_t cp, std::string_view) {
    width += cp == 0xFFFD ? 1 : utf8proc_charwidth(cp);  // a stray byte counts as one column
    return true;
  });
  return width;
}

std::string pad_right(std::string_view s, int width) {
  std::string out(s);
  int w = display_width(s);
  if (w < width) out.append(static_cast<std::size_t>(width - w), ' ');
  return out;
}

std::string pad_left(std::string_view s, int width) {
  int w = display_width(s);
  std::string out;
  if (w < width) out.append(static_cast<std::size_t>(width - w), ' ');
  out += s;
  return out;
}

std::string truncate_to_width(std::string_view s, int width) {
  if (display_width(s) <= width) return std::string(s);
  std::string out;
  int used = 0;
  for_each_codepoint(s, [&](utf8proc_int32_t cp, std::string_view bytes) {
    int w = cp == 0xFFFD ? 1 : utf8proc_charwidth(cp);
    if (used + w > width - 1) return false;
    out.append(bytes);
    used += w;
    return true;
  });
  return out + "…";
}

std::string wrap_lines(std::string_view text, int width) {
  if (width <= 0) return std::string(text);
  std::string out;
  out.reserve(text.size());
  int used = 0, used_at_brk = 0;
  std::size_t i = 0, line_start = 0, brk = std::string::npos;
  while (i < text.size()) {
    if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
      std::size_t m = text.find('m', i);
      std::size_t end = m == std::string_view::npos ? text.size() : m + 1;
      out.append(text.substr(i, end - i));
      i = end;
      continue;
    }
    if (text[i] == '\n') {
      out += '\n';
      used = 0;
      line_start = out.size();
      brk = std::string::npos;
      ++i;
      continue;
    }
    utf8proc_int32_t cp;
    std::size_t n = decode_at(text, i, cp);
    int w = cp == 0xFFFD ? 1 : std::max(0, utf8proc_charwidth(cp));
    bool latin = cp < 0x80 && cp != ' ';
    if (w == 2) brk = out.size(), used_at_brk = used;  // a line may break before a wide character
    if (used > 0 && used + w > width) {
      // A Latin word (a path, MINSHENG_PLAN) moves to the next line whole when it can.
      if (latin && brk != std::string::npos && brk > line_start) {
        out.insert(brk, 1, '\n');
        line_start = brk + 1;
        used -= used_at_brk;
      }
      if (used > 0 && used + w > width) {
        out += '\n';
        line_start = out.size();
        used = 0;
      }
      brk = std::string::npos;
    }
    out.append(text.substr(i, n));
    used += w;
    i += n;
    if (!latin) brk = out.size(), used_at_brk = used;  // and after a space or a wide one
  }
  return out;
}

std::size_t codepoint_count(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts_.push_back(i + 1);
}

int LineIndex::char_column(int line0, int byte_col0) const {
  if (line0 < 0 || static_cast<std::size_t>(line0) >= starts_.size() || byte_col0 < 0)
    return byte_col0 + 1;
  std::size_t start = starts_[static_cast<std::size_t>(line0)];
  std::size_t end = std::min(text_.size(), start + static_cast<std::size_t>(byte_col0));
  if (line0 != last_line_ || end < last_offset_) {
    last_line_ = line0;
    last_offset_ = start;
    last_col_ = 1;
  }
  last_col_ += static_cast<int>(codepoint_count(text_.substr(last_offset_, end - last_offset_)));
  last_offset_ = end;
  return last_col_;
}

std::string quote_value(std::string_view value) {
  constexpr std::size_t kMax = 60;
  std::string out = "“";
  std::size_t chars = 0, i = 0;
  while (i < value.size() && chars < kMax) {
    auto c = static_cast<unsigned char>(value[i]);
    std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (c < 0x20 || c == 0x7F) {
      static const char* hex = "0123456789ABCDEF";
      out += std::string("\\x") + hex[c >> 4] + hex[c & 15];
    } else {
      out.append(value.substr(i, n));
    }
    i += n;
    ++chars;
  }
  if (i < value.size()) out += "…";
  return out + "”";
}

}  // namespace minsheng
