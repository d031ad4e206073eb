#include "report/table.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

#include "util/text.hpp"

namespace minsheng {

std::string paint(const std::string& text, Color c, const Style& style) {
  if (!style.color || c == Color::none) return text;
  const char* code = "";
  switch (c) {
    case Color::green:
      code = "32";
      break;
    case Color::cyan:
      code = "36";
      break;
    case Color::yellow:
      code = "33";
      break;
    case Color::red:
      code = "31";
      break;
    case Color::magenta:
      code = "35";
      break;
    case Color::grey:
      code = "90";
      break;
    case Color::bold:
      code = "1";
      break;
    case Color::none:
      break;
  }
  return std::string("\x1b[") + code + "m" + text + "\x1b[0m";
}

TextTable::TextTable(std::vector<std::string> headers, std::vector<bool> right_align)
    : headers_(std::move(headers)), right_(std::move(right_align)) {
  right_.resize(headers_.size(), false);
  optional_.resize(headers_.size(), false);
}

void TextTable::optional_column(std::size_t col) {
  if (col < optional_.size()) optional_[col] = true;
}

void TextTable::add(std::vector<TableCell> row) {
  row.resize(headers_.size());
  rows_.push_back(std::move(row));
}

void TextTable::add(const std::vector<std::string>& row) {
  std::vector<TableCell> cells;
  for (const auto& s : row) cells.push_back({s, Color::none});
  add(std::move(cells));
}

std::string TextTable::render(const Style& style, int max_width) const {
  std::size_t n = headers_.size();
  // Control characters from the data (an ESC that would recolour the terminal, a line break
  // that would break the row) are shown as a space; the only escapes are the ones paint adds.
  auto shown = [&](const std::string& raw) {
    std::string s = raw;
    for (char& c : s)
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
    return max_width > 0 ? truncate_to_width(s, max_width) : s;
  };
  std::vector<int> width(n, 0);
  for (std::size_t i = 0; i < n; ++i) width[i] = display_width(shown(headers_[i]));
  for (const auto& r : rows_)
    for (std::size_t i = 0; i < n; ++i)
      width[i] = std::max(width[i], display_width(shown(r[i].text)));
  // To fit a narrow terminal: optional columns go, then the widest text column
  // loses a column at a time, down to 6 (a cut cell still shows a word and its "…").
  std::vector<bool> shown_col(n, true);
  auto total_width = [&] {
    int t = 0, cols = 0;
    for (std::size_t i = 0; i < n; ++i)
      if (shown_col[i]) t += width[i], ++cols;
    return t + 2 * std::max(0, cols - 1);
  };
  if (style.width > 0) {
    for (std::size_t i = n; i-- > 0 && total_width() > style.width;)
      if (optional_[i]) shown_col[i] = false;
    // The last column (a status, most often) is cut only when nothing else can give.
    std::size_t last = n;
    while (last > 0 && !shown_col[last - 1]) --last;
    for (bool with_last : {false, true})
      while (total_width() > style.width) {
        std::size_t widest = n;
        for (std::size_t i = 0; i < n; ++i)
          if (shown_col[i] && !right_[i] && width[i] > 6 && (with_last || i + 1 != last) &&
              (widest == n || width[i] > width[widest]))
            widest = i;
        if (widest == n) break;
        --width[widest];
      }
  }
  auto cell_text = [&](const std::string& raw, std::size_t i) {
    std::string s = shown(raw);
    return display_width(s) > width[i] ? truncate_to_width(s, width[i]) : s;
  };

  std::string out;
  auto line = [&](const std::vector<TableCell>& cells, bool header) {
    std::string l;
    std::size_t last_col = n;
    while (last_col > 0 && !shown_col[last_col - 1]) --last_col;
    for (std::size_t i = 0; i < n; ++i) {
      if (!shown_col[i]) continue;
      std::string text = cell_text(cells[i].text, i);
      bool last = i + 1 == last_col;
      std::string padded =
          right_[i] ? pad_left(text, width[i]) : (last ? text : pad_right(text, width[i]));
      l += paint(padded, header ? Color::bold : cells[i].color, style);
      if (!last) l += "  ";
    }
    while (!l.empty() && l.back() == ' ') l.pop_back();
    out += l + "\n";
  };
  std::vector<TableCell> head;
  for (const auto& h : headers_) head.push_back({h, Color::none});
  line(head, true);
  int total = total_width();
  std::string rule;
  for (int i = 0; i < total; ++i) rule += "─";
  out += paint(rule, Color::grey, style) + "\n";
  for (const auto& r : rows_) line(r, false);
  return out;
}

namespace {

// What each byte becomes in Markdown: kept, escaped, a space, or dropped. Every character that
// can start markup (emphasis, code, links, raw HTML, headings, table cells, entities, autolinks)
// is escaped;
// line breaks become spaces, other control characters go.
enum class Md : unsigned char { keep, escape, space, drop };
constexpr std::array<Md, 256> kMd = [] {
  std::array<Md, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[static_cast<std::size_t>(c)] = Md::drop;
  t[0x7F] = Md::drop;
  for (unsigned char c : {'\n', '\r', '\t'}) t[c] = Md::space;
  for (unsigned char c : std::string_view("\\`*_[]<>#|~&")) t[c] = Md::escape;
  return t;
}();

// Runs of plain text are appended whole: every cell of a province's summary passes here.
void append_md(std::string& out, std::string_view s) {
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    Md m = kMd[static_cast<unsigned char>(s[i])];
    // GFM makes a link of http://… and www.… in plain text; an escaped ':' or '.' stops it.
    if ((s[i] == ':' && s.substr(i + 1, 2) == "//") ||
        (s[i] == '.' && i >= 3 && (s[i - 1] | 0x20) == 'w' && (s[i - 2] | 0x20) == 'w' &&
         (s[i - 3] | 0x20) == 'w'))
      m = Md::escape;
    // …and an e-mail address (with or without mailto:), which no escape stops: an "@" in a
    // code span of its own does.
    bool email_at = s[i] == '@' && i > 0 &&
                    (std::isalnum(static_cast<unsigned char>(s[i - 1])) ||
                     std::string_view("._+-").find(s[i - 1]) != std::string_view::npos);
    if (m == Md::keep && !email_at) continue;
    out.append(s.substr(run, i - run));
    run = i + 1;
    if (email_at) out.append("`@`");
    if (m == Md::escape) out.append({'\\', s[i]});
    if (m == Md::space) out += ' ';
  }
  out.append(s.substr(run));
}

}  // namespace

std::string md_escape(std::string_view s) {
  std::string out;
  append_md(out, s);
  return out;
}

namespace {
void append_md_cell(std::string& out, std::string_view text) {
  out += ' ';
  append_md(out, text);
  out += " |";
}
}  // namespace

void append_md_head(std::string& out, const std::vector<std::string>& headers,
                    const std::vector<bool>& right) {
  out += '|';
  for (const auto& h : headers) append_md_cell(out, h);
  out += "\n|";
  for (std::size_t i = 0; i < headers.size(); ++i)
    out += i < right.size() && right[i] ? " ---: |" : " --- |";
  out += '\n';
}

void append_md_row(std::string& out, const std::vector<std::string>& cells) {
  out += '|';
  for (const auto& c : cells) append_md_cell(out, c);
  out += '\n';
}

std::string TextTable::markdown() const {
  std::string out;
  append_md_head(out, headers_, right_);
  for (const auto& r : rows_) {
    out += '|';
    for (const auto& c : r) append_md_cell(out, c.text);
    out += '\n';
  }
  return out;
}

std::string progress_bar(double pct, int width) {
  int filled = static_cast<int>(std::lround(std::clamp(pct, 0.0, 100.0) / 100 * width));
  std::string out;
  for (int i = 0; i < width; ++i) out += i < filled ? "█" : "░";
  return out;
}

}  // namespace minsheng
