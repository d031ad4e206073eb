// Excel and WPS workbooks as units send them: every sheet as rows of cells, each cell as a
// person reads it (26% for 0.26 in a percent format, 2024-07-02 for a date serial), with the
// cached value of a formula. .xlsx is read from its bytes (minizip + expat); .xls and .et
// (BIFF) through FreeXL, which reads only from a path.
#pragma once
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace minsheng {

struct SheetCell {
  int col = 0;  // 1-based
  std::string text;
};

struct SheetRow {
  int row = 0;                   // 1-based, as Excel numbers it
  std::vector<SheetCell> cells;  // ascending columns, empty cells left out
};

// A cell that could not be read (a formula without its result), where and why.
struct CellProblem {
  int row = 0, col = 0;
  std::string message;
};

struct Sheet {
  std::string name;
  bool hidden = false;
  std::vector<SheetRow> rows;  // ascending, empty rows left out
  std::vector<CellProblem> problems;
};

struct Workbook {
  std::vector<Sheet> sheets;
};

// A workbook that cannot be opened at all (not a zip, no sheets, a broken part).
class WorkbookError : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

Workbook read_xlsx(std::string_view bytes);
// `file` names the file in an IoError (exit 4) when minsheng-xls cannot be started.
Workbook read_xls(std::string_view bytes, const std::string& file);

// Every part of an .xlsx unzips with a right CRC, and every XML part is well-formed: a workbook
// minsheng wrote is checked so before it replaces the one there. Throws WorkbookError.
void check_xlsx(std::string_view bytes);
// Every sheet's rows run 1, 2, … to the last its <dimension> names, each holding its own cells, and
// the shared strings are as many as their uniqueCount, as minsheng writes them: a write
// libxlsxwriter lost inside a part (it does not check them) can leave well-formed XML that skips
// rows or strings. Throws WorkbookError.
void check_written_rows(std::string_view bytes);

// "C5" for row 5, column 3.
std::string cell_ref(int row, int col);

}  // namespace minsheng
