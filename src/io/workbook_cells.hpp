// What the two workbook readers (io/workbook for .xlsx, io/xls for .xls) share: the caps that
// keep a hostile workbook bounded, and how a cell joins its sheet. Internal to io/.
#pragma once
#include <cstddef>
#include <string>

#include "io/workbook.hpp"

namespace minsheng {

// Cells by Excel's own last cell, XFD1048576.
constexpr int kMaxRows = 1048576, kMaxCols = 16384;
// What all the cells of a workbook may hold. A shared string is stored once but copied into
// every cell that uses it (1 MB used by 20,000 cells once took 5.8 GB), and each cell costs its
// own bookkeeping: a progress form is a few hundred cells.
constexpr std::size_t kMaxCellTextBytes = 100u << 20;
constexpr std::size_t kMaxCells = 4u << 20;
// A workbook has a sheet per month at most, or a few per county: thousands are not a form, and
// each sheet costs a look-up in the zip directory.
constexpr std::size_t kMaxSheets = 1024;

// What the cells read so far have used of kMaxCells and kMaxCellTextBytes.
class CellBudget {
 public:
  void take(const std::string& text) {
    if (text.empty()) return;
    if (++cells_ > kMaxCells || text.size() > text_left_)
      throw WorkbookError("工作簿的单元格合计超过 " + std::to_string(kMaxCells >> 20) +
                          " 百万个或文字超过 " + std::to_string(kMaxCellTextBytes >> 20) +
                          " MB，不是进度报送表");
    text_left_ -= text.size();
  }

 private:
  std::size_t cells_ = 0, text_left_ = kMaxCellTextBytes;
};

// Appends a cell to the sheet being read, row by row: empty text, and places outside the sheet,
// are left out.
void add_cell(Sheet& s, int row, int col, std::string text);

}  // namespace minsheng
