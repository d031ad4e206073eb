// A file of its own so that minsheng-xls links it without the .xlsx reader.
#include "io/workbook_cells.hpp"

namespace minsheng {

void add_cell(Sheet& s, int row, int col, std::string text) {
  if (text.empty() || row < 1 || col < 1 || row > kMaxRows || col > kMaxCols) return;
  if (s.rows.empty() || s.rows.back().row != row) s.rows.push_back({row, {}});
  s.rows.back().cells.push_back({col, std::move(text)});
}

}  // namespace minsheng
