#include "util/encoding.hpp"

#include <iconv.h>

#include <cerrno>
#include <vector>

#include "util/text.hpp"

namespace minsheng {
namespace {

// Line and byte column of a byte offset, for iconv_convert's own messages.
std::pair<int, int> locate(std::string_view bytes, std::size_t offset) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) {
    if (bytes[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return {line, static_cast<int>(offset - line_start) + 1};
}

std::size_t line_start_of(std::string_view bytes, std::size_t offset) {
  std::size_t nl = bytes.substr(0, offset).rfind('\n');
  return nl == std::string_view::npos ? 0 : nl + 1;
}

// Line and character column of `offset` in UTF-8 bytes that are valid before it: columns count
// characters, as editors show them.
std::pair<int, int> locate_utf8(std::string_view bytes, std::size_t offset) {
  int line = locate(bytes, offset).first;
  std::string_view before =
      bytes.substr(line_start_of(bytes, offset), offset - line_start_of(bytes, offset));
  int col = 1;
  for (unsigned char c : before) col += (c & 0xC0) != 0x80;
  return {line, col};
}

struct IconvHandle {
  iconv_t cd;
  IconvHandle(const char* to, const char* from) : cd(iconv_open(to, from)) {}
  ~IconvHandle() {
    if (cd != reinterpret_cast<iconv_t>(-1)) iconv_close(cd);
  }
  IconvHandle(const IconvHandle&) = delete;
  IconvHandle& operator=(const IconvHandle&) = delete;
};

}  // namespace

std::string iconv_convert(std::string_view in, const char* from, const char* to) {
  IconvHandle h(to, from);
  if (h.cd == reinterpret_cast<iconv_t>(-1))
    throw ConverterUnavailable(std::string("无法进行 ") + from + " → " + to +
                               " 编码转换：系统的 glibc gconv 模块缺失或无法读取（Debian 的 "
                               "libc6 提供；请检查 /usr/lib/x86_64-linux-gnu/gconv）");
  std::string out;
  std::vector<char> buf(16384);
  char* src = const_cast<char*>(in.data());
  std::size_t src_left = in.size();
  while (src_left > 0) {
    char* dst = buf.data();
    std::size_t dst_left = buf.size();
    std::size_t rc = iconv(h.cd, &src, &src_left, &dst, &dst_left);
    out.append(buf.data(), buf.size() - dst_left);
    if (rc == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) continue;
      auto offset = static_cast<std::size_t>(src - in.data());
      auto [line, col] = locate(in, offset);
      DecodeError e(line, col, std::string("无法按 ") + from + " 解码的字节");
      e.offset = offset;
      throw e;
    }
  }
  return out;
}

std::string name_to_utf8(std::string_view bytes) {
  if (find_invalid_utf8(bytes) == std::string_view::npos) return visible_name(std::string(bytes));
  try {
    return visible_name(iconv_convert(bytes, "GB18030", "UTF-8"));
  } catch (const DecodeError&) {
  }
  std::string out;
  while (!bytes.empty()) {
    std::size_t bad = find_invalid_utf8(bytes);
    out.append(bytes.substr(0, bad));
    if (bad == std::string_view::npos) break;
    static const char* hex = "0123456789ABCDEF";
    auto b = static_cast<unsigned char>(bytes[bad]);
    out += std::string("\\x") + hex[b >> 4] + hex[b & 15];
    bytes.remove_prefix(bad + 1);
  }
  return visible_name(out);
}

// UTF-16 saved without a BOM: text files are mostly ASCII (digits, commas, line breaks), so
// one byte of each such pair is NUL, on the same side throughout.
static const char* utf16_without_bom(std::string_view bytes) {
  std::size_t n = std::min<std::size_t>(bytes.size() & ~std::size_t{1}, 4096);
  if (n < 8) return nullptr;
  std::size_t even = 0, odd = 0;
  for (std::size_t i = 0; i < n; ++i)
    if (bytes[i] == '\0') ++(i % 2 ? odd : even);
  if (odd >= n / 8 && even == 0) return "UTF-16LE";
  if (even >= n / 8 && odd == 0) return "UTF-16BE";
  return nullptr;
}

// The first line (1-based) of a GBK file that is UTF-8 instead, or 0: a line with at least two
// Chinese characters' worth of bytes that all read as UTF-8 cannot be GBK by chance.
static std::size_t utf8_line(std::string_view bytes) {
  std::size_t line = 1, start = 0;
  for (std::size_t i = 0; i <= bytes.size(); ++i) {
    if (i < bytes.size() && bytes[i] != '\n') continue;
    std::string_view l = bytes.substr(start, i - start);
    std::size_t high = 0;
    for (unsigned char c : l) high += c >= 0x80;
    if (high >= 6 && find_invalid_utf8(l) == std::string_view::npos) return line;
    ++line;
    start = i + 1;
  }
  return 0;
}

Decoded decode_text(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    std::size_t bad = find_invalid_utf8(bytes);
    if (bad != std::string_view::npos) {
      auto [line, col] = locate_utf8(bytes, bad);
      throw DecodeError(line, col, "文件带 UTF-8 BOM，但内容含有无效的 UTF-8 字节");
    }
    return {std::string(bytes), "UTF-8-BOM"};
  }
  if (bytes.starts_with("\xFF\xFE"))
    return {iconv_convert(bytes.substr(2), "UTF-16LE", "UTF-8"), "UTF-16LE"};
  if (bytes.starts_with("\xFE\xFF"))
    return {iconv_convert(bytes.substr(2), "UTF-16BE", "UTF-8"), "UTF-16BE"};
  if (auto utf16 = utf16_without_bom(bytes))
    return {iconv_convert(bytes, utf16, "UTF-8"), std::string(utf16) + "（无 BOM）"};
  std::size_t bad_utf8 = find_invalid_utf8(bytes);
  if (bad_utf8 == std::string_view::npos) return {std::string(bytes), "UTF-8"};
  // Not UTF-8: GB18030 is a superset of GBK and GB2312, so one attempt covers all three.
  std::string text;
  try {
    text = iconv_convert(bytes, "GB18030", "UTF-8");
  } catch (const DecodeError& e) {
    // Point at the first character that breaks the reading that got further: a UTF-8 file with
    // one bad byte, or a GBK file with one bad byte, each at its own character column.
    std::size_t bad_gbk = e.offset;
    const char* tried = "文件编码无法识别（已尝试 UTF-8 和 GBK/GB18030）";
    if (bad_gbk <= bad_utf8) {
      auto [line, col] = locate_utf8(bytes, bad_utf8);
      throw DecodeError(line, col, std::string(tried) + "：按 UTF-8 读到这里出错");
    }
    std::size_t start = line_start_of(bytes, bad_gbk);
    int line = locate(bytes, bad_gbk).first;
    std::string prefix = iconv_convert(bytes.substr(start, bad_gbk - start), "GB18030", "UTF-8");
    int col = 1;
    for (unsigned char c : prefix) col += (c & 0xC0) != 0x80;
    throw DecodeError(line, col, std::string(tried) + "：按 GBK 读到这里出错");
  }
  if (std::size_t line = utf8_line(bytes); line > 0)
    throw DecodeError(static_cast<int>(line), 1,
                      "文件混用了两种编码：其他行是 GBK，这一行是 UTF-8（多半是从别处粘贴来的）；"
                      "请在 Excel 或 WPS 中统一另存为 UTF-8 的 CSV");
  return {std::move(text), "GB18030"};
}

}  // namespace minsheng
