// UTF-8 text helpers. Nothing here knows about minsheng's domain.
#pragma once
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace minsheng {

// A problem at a place in a text: the readers below throw it, callers add the file name.
class TextError : public std::runtime_error {
 public:
  TextError(int line, int col, const std::string& what)
      : std::runtime_error(what), line(line), col(col) {}
  int line;  // 1-based
  int col;   // 1-based; 0 for the whole line
};

// Trims ASCII white space, NBSP and the full-width space U+3000 that IMEs type.
std::string_view trim(std::string_view s);
std::vector<std::string_view> split(std::string_view s, char sep);
std::string join(const std::vector<std::string>& parts, std::string_view sep);

// Returns the byte offset of the first invalid sequence, or npos when valid.
std::size_t find_invalid_utf8(std::string_view s);

// Removes what no one means to type and what would reach every output raw: C0 controls other
// than TAB and LF (ESC, BEL, NUL…), DEL, and the Unicode bidi controls (U+200E/F, U+202A–E,
// U+2066–9) that reorder text as it is shown. Returns how many were removed.
std::size_t strip_controls(std::string& s);

// A file or folder name as messages show it: every such control, and TAB, LF and CR too,
// becomes "?", so a name can neither drive the terminal nor reorder the line it is in.
std::string visible_name(std::string name);

// NFKC folds full-width digits, ％ and ， to ASCII so that typed numbers compare.
std::string nfkc(std::string_view s);

// A value typed by someone, echoed in a message: “…”, cut to 60 characters with "…", control
// characters shown as \xNN, so that no input can flood or break a message.
std::string quote_value(std::string_view value);

// Terminal columns: CJK counts two, combining marks zero.
int display_width(std::string_view s);
std::string pad_right(std::string_view s, int width);
std::string pad_left(std::string_view s, int width);
// Cuts to at most `width` columns, ending with "…" when cut.
std::string truncate_to_width(std::string_view s, int width);

// Breaks each line wider than `width` columns into lines that fit; ANSI colour codes
// (ESC [ … m) take no columns and are never split. `width` <= 0: the text unchanged.
std::string wrap_lines(std::string_view text, int width);

std::size_t codepoint_count(std::string_view s);

// Maps byte positions (as parsers such as yaml-cpp report them) to 1-based character columns.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  // `line0` and `byte_col0` are 0-based; the result is 1-based, in code points.
  // Queries that move forward along a line (as a parser's do) cost only the bytes between them.
  int char_column(int line0, int byte_col0) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
  mutable std::size_t last_offset_ = 0;  // the last answer, to count on from
  mutable int last_line_ = -1, last_col_ = 1;
};

}  // namespace minsheng
