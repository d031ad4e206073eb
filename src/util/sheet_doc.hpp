// A workbook to write, as plain data: sheets of typed cells. report/ builds one; io/ writes it.
#pragma once
#include <string>
#include <vector>

namespace minsheng {

struct OutCell {
  // decimal1: a number shown to one decimal (a gap in points), as the other formats show it.
  // section: the only cell of a separator row (一、幼有善育), written across the table.
  enum class Kind { empty, text, number, percent, decimal1, section } kind = Kind::empty;
  std::string text;
  double number = 0;  // for percent: the percentage (54.5 for 54.5%)
  std::string fill;   // "#2e7d32" or empty
};

// What a fill-in column accepts; cells of other columns are locked when the sheet is protected.
// What a unit may type in a form's column. `key` is a row's identity (任务编号, 指标): open to
// typing, so that a row a unit inserts can name its target, but not highlighted as a field to
// fill, and checked as a whole number.
enum class OutInput { none, number, list, date, text, key };

struct OutSheet {
  std::string name;
  // A 汇总表's heading: a merged title row and a line under it (数据截至…), above the header.
  std::string title, subtitle;
  std::vector<std::string> headers;
  std::vector<double> widths;  // in characters, one per column
  std::vector<std::vector<OutCell>> rows;
  bool landscape = false;
  // A form: a line above the header, the columns people fill in, and protection (no password)
  // so that nothing else is changed by accident; rows may be inserted and columns resized.
  std::string note;
  std::vector<OutInput> inputs;                 // one per column; empty: not a form
  std::vector<std::vector<std::string>> lists;  // per column, the choices of OutInput::list
  std::vector<std::string> hints;               // per column, what a refused value should be
  // A line between the note and the header: 填报单位 and its name, 填报日期 and a cell to fill…
  std::vector<std::pair<std::string, std::string>> info;
  // Columns printed again on every page across (0-based, inclusive; -1: none), for a sheet too
  // wide for one page at a readable size: it then prints over as many pages as it needs, each
  // page's rows carrying these columns, instead of shrinking to one.
  int repeat_first_col = -1, repeat_last_col = -1;
};

struct OutWorkbook {
  std::string title;
  long long created = 0;  // seconds since 1970, UTC: fixed by the data, never the clock
  std::vector<OutSheet> sheets;
};

inline OutSheet out_sheet(std::string name, std::vector<std::string> headers,
                          std::vector<double> widths, bool landscape = false) {
  OutSheet s;
  s.name = std::move(name);
  s.headers = std::move(headers);
  s.widths = std::move(widths);
  s.landscape = landscape;
  return s;
}

inline OutCell out_text(std::string s) {
  return {OutCell::Kind::text, std::move(s), 0, ""};
}
inline OutCell out_number(double v) {
  return {OutCell::Kind::number, "", v, ""};
}
inline OutCell out_decimal1(double v) {
  return {OutCell::Kind::decimal1, "", v, ""};
}
inline std::vector<OutCell> out_section(std::string heading) {
  return {{OutCell::Kind::section, std::move(heading), 0, ""}};
}

}  // namespace minsheng
