// A workbook to write, as plain data: sheets of typed cells. report/ builds one; io/ writes it.
#pragma once
#include <string>
#include <vector>

namespace minsheng {

struct OutCell {
  enum class Kind { empty, text, number, percent } kind = Kind::empty;
  std::string text;
  double number = 0;  // for percent: the percentage (54.5 for 54.5%)
  std::string fill;   // "#2e7d32" or empty
};

struct OutSheet {
  std::string name;
  std::vector<std::string> headers;
  std::vector<double> widths;  // in characters, one per column
  std::vector<std::vector<OutCell>> rows;
  bool landscape = false;
};

struct OutWorkbook {
  std::string title;
  long long created = 0;  // seconds since 1970, UTC: fixed by the data, never the clock
  std::vector<OutSheet> sheets;
};

inline OutCell out_text(std::string s) {
  return {OutCell::Kind::text, std::move(s), 0, ""};
}
inline OutCell out_number(double v) {
  return {OutCell::Kind::number, "", v, ""};
}

}  // namespace minsheng
