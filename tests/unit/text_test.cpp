#include "util/text.hpp"

#include <utf8proc.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <string>

using namespace minsheng;

TEST_CASE("display width counts CJK and full-width as two columns") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("市民政局") == 8);
  CHECK(display_width("１６８０") == 8);
  CHECK(display_width("套(间)") == 6);
}

TEST_CASE("padding aligns by display width, not bytes") {
  CHECK(pad_right("市", 4) == "市  ");
  CHECK(pad_left("1", 3) == "  1");
  CHECK(pad_right("市民政局", 4) == "市民政局");  // never cuts
  CHECK(truncate_to_width("市民政局", 5) == "市民…");
  CHECK(truncate_to_width("abc", 5) == "abc");
}

TEST_CASE("trim removes ASCII, no-break and ideographic spaces") {
  CHECK(trim("  1680 ") == "1680");
  CHECK(trim("\xE3\x80\x80"
             "1680"
             "\xE3\x80\x80") == "1680");
  CHECK(trim("\xC2\xA0x\t") == "x");
  CHECK(trim("   ").empty());
  CHECK(trim("x\xC2\xA0\xE3\x80\x80 \xC2\xA0") == "x");  // mixed, at the end
  // Characters that share the spaces' last bytes are text: U+4000 (E4 80 80), U+01A0 (C6 A0).
  CHECK(trim("\xE4\x80\x80") == "\xE4\x80\x80");
  CHECK(trim("\xC6\xA0") == "\xC6\xA0");
  // A space's bytes cut short are not a space.
  CHECK(trim("\xE3\x80") == "\xE3\x80");
  CHECK(trim("\xC2") == "\xC2");
  CHECK(trim("\x80\x80") == "\x80\x80");
}

namespace {
std::string utf8proc_nfkc(const std::string& s) {
  utf8proc_uint8_t* out = nullptr;
  auto n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
      &out, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT));
  std::string r =
      n < 0 ? s : std::string(reinterpret_cast<char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  return r;
}
std::string utf8(std::int32_t cp) {
  utf8proc_uint8_t buf[4];
  auto n = utf8proc_encode_char(cp, buf);
  return std::string(reinterpret_cast<char*>(buf), static_cast<std::size_t>(n));
}
}  // namespace

// nfkc passes ASCII and CJK Unified Ideographs through without utf8proc: the reference is
// utf8proc itself, on every one of them, on each beside a combining mark and full-width forms,
// and on the code points just outside the range.
TEST_CASE("nfkc gives what utf8proc gives for every ideograph and the characters around them") {
  int checked = 0;
  for (std::int32_t cp = 0x4D00; cp <= 0xA0FF; ++cp) {
    if (!utf8proc_codepoint_valid(cp)) continue;
    std::string c = utf8(cp);
    for (const std::string& s : {c, "12" + c + "a", c + "\xCC\x81", c + "\xEF\xBC\x91", c + c}) {
      REQUIRE(nfkc(s) == utf8proc_nfkc(s));
      ++checked;
    }
  }
  CHECK(checked == 5 * (0xA0FF - 0x4D00 + 1));
  for (std::int32_t cp = 0; cp < 0x80; ++cp)
    CHECK(nfkc(utf8(cp) + "市") == utf8proc_nfkc(utf8(cp) + "市"));
  // What the shortcut must not take: a combining acute after ASCII composes to é, the
  // compatibility ideograph U+F900 decomposes to U+8C48, a cut-off sequence is left alone.
  CHECK(nfkc("e\xCC\x81") == "\xC3\xA9");
  CHECK(nfkc("\xEF\xA4\x80") == "\xE8\xB1\x88");
  CHECK(nfkc("\xE5\xB8") == "\xE5\xB8");
}

TEST_CASE("nfkc folds full-width digits and signs to ASCII") {
  CHECK(nfkc("１６８０") == "1680");
  CHECK(nfkc("９５．２％") == "95.2%");
  CHECK(nfkc("市民政局") == "市民政局");
}

TEST_CASE("invalid UTF-8 is located") {
  CHECK(find_invalid_utf8("市民") == std::string_view::npos);
  CHECK(find_invalid_utf8("ab\xC3") == 2);
}

TEST_CASE("split keeps empty fields") {
  auto parts = split("a,,b", ',');
  REQUIRE(parts.size() == 3);
  CHECK(parts[1].empty());
}

TEST_CASE("the UTF-8 check judges every short sequence as utf8proc does") {
  // The reference: utf8proc_iterate, code point by code point.
  auto reference = [](std::string_view s) -> std::size_t {
    std::size_t i = 0;
    while (i < s.size()) {
      utf8proc_int32_t cp;
      auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
      if (n <= 0) return i;
      i += static_cast<std::size_t>(n);
    }
    return std::string_view::npos;
  };
  std::size_t checked = 0;
  // Every sequence of one and two bytes, and every three-byte one with a lead byte from 0xC0 up
  // (where the rules are), each after an ASCII prefix that ends the 8-byte fast path mid-way.
  for (unsigned a = 0; a < 256; ++a)
    for (unsigned b = 0; b < 256; ++b) {
      std::string two = "abcdefg" + std::string{char(a), char(b)};
      REQUIRE(find_invalid_utf8(two) == reference(two));
      ++checked;
      if (a < 0xC0) continue;
      for (unsigned c = 0x70; c < 0xD0; ++c) {
        std::string three = two + char(c);
        REQUIRE(find_invalid_utf8(three) == reference(three));
        ++checked;
      }
    }
  // Four-byte sequences around the edges (F0 90, F4 8F/90) and random bytes.
  std::uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
  for (int k = 0; k < 200000; ++k) {
    std::string s;
    for (int j = 0; j < 6; ++j) s += static_cast<char>(next() >> 24);
    if (k % 2) s[0] = static_cast<char>(0xF0 + (next() >> 29) % 6);
    REQUIRE(find_invalid_utf8(s) == reference(s));
    ++checked;
  }
  CHECK(checked > 300000);
}

TEST_CASE(
    "strip_controls removes C0 controls, DEL and bidi controls, keeping TAB and line breaks") {
  std::string s =
      "a\x1b[31mb\x07\x7f\tc\nd\xe2\x80\xae"
      "e\xe2\x81\xa6"
      "f\xe2\x80\x8e"
      "g";
  CHECK(strip_controls(s) == 6);
  CHECK(s == "a[31mb\tc\ndefg");
  std::string plain = "宜昌市“两癌”筛查—完成";  // — is E2 80 94, not a control
  CHECK(strip_controls(plain) == 0);
  CHECK(plain == "宜昌市“两癌”筛查—完成");
}

TEST_CASE("wrap_lines breaks long lines by display width and never inside a colour code") {
  CHECK(wrap_lines("abcdef\nab", 4) == "abcd\nef\nab");
  CHECK(wrap_lines("宜昌市民生", 4) == "宜昌\n市民\n生");
  CHECK(wrap_lines("a宜昌", 2) == "a\n宜\n昌");  // a wide character never straddles the edge
  CHECK(wrap_lines("\x1b[31mabcd\x1b[0mef", 4) == "\x1b[31mabcd\x1b[0m\nef");
  CHECK(wrap_lines("abcdef", 0) == "abcdef");
}

TEST_CASE("wrap_lines moves a Latin word to the next line whole, and breaks Chinese anywhere") {
  CHECK(wrap_lines("环境变量 MINSHENG_PLAN）", 13) == "环境变量 \nMINSHENG_PLAN\n）");
  CHECK(wrap_lines("设置MINSHENG", 8) == "设置\nMINSHENG");
  CHECK(wrap_lines("abc defgh", 6) == "abc \ndefgh");
  CHECK(wrap_lines("abcdefgh", 4) == "abcd\nefgh");  // a word longer than the line is cut
}
