// Plain-text and Markdown tables that align by display width, so Chinese lines up.
#pragma once
#include <string>
#include <vector>

#include "util/color.hpp"

namespace minsheng {

struct TableCell {
  std::string text;
  Color color = Color::none;
};

struct Style {
  bool color = false;  // ANSI colour codes; only ever true for a terminal
  int width = 0;       // columns a table must fit (the terminal's); 0: rows as wide as they are
};

std::string paint(const std::string& text, Color c, const Style& style);

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> headers, std::vector<bool> right_align = {});
  void add(std::vector<TableCell> row);
  void add(const std::vector<std::string>& row);
  // A column that goes first when the table must fit a narrow terminal (a progress bar).
  void optional_column(std::size_t col);
  // `max_width` caps each column (0: no cap); longer text is cut with "…". A table wider than
  // `style.width` drops its optional columns, then narrows its widest text columns.
  std::string render(const Style& style, int max_width = 0) const;
  std::string markdown() const;
  bool empty() const { return rows_.empty(); }

 private:
  std::vector<std::string> headers_;
  std::vector<bool> right_;
  std::vector<bool> optional_;
  std::vector<std::vector<TableCell>> rows_;
};

// Text from data, made inert in Markdown: it can start no heading, list, table cell, code,
// link or raw HTML, in a table cell or in running text.
std::string md_escape(std::string_view s);
// A Markdown table's head, then its rows one at a time: a long table need not be held.
void append_md_head(std::string& out, const std::vector<std::string>& headers,
                    const std::vector<bool>& right);
void append_md_row(std::string& out, const std::vector<std::string>& cells);
std::string progress_bar(double pct, int width);  // "█████░░░░░"

}  // namespace minsheng
