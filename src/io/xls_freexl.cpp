// FreeXL's side of reading an .xls, and the cells packed for the pipe: linked into the
// minsheng-xls program only, never into the tool, so that FreeXL runs where its crashes and
// overreads cost one file (io/xls).
#include <freexl.h>

#include <algorithm>
#include <cstdint>
#include <memory>

#include "io/workbook_cells.hpp"
#include "io/xls.hpp"
#include "util/number.hpp"

namespace minsheng {

Workbook read_xls_with_freexl(const std::filesystem::path& path) {
  const void* handle = nullptr;
  if (freexl_open(path.c_str(), &handle) != FREEXL_OK)
    throw WorkbookError("无法按 .xls（Excel 97–2003）格式打开；若是 WPS 的 .et，请另存为 .xlsx");
  std::unique_ptr<const void, void (*)(const void*)> guard(handle,
                                                           [](const void* h) { freexl_close(h); });
  unsigned int count = 0;
  freexl_get_info(handle, FREEXL_BIFF_SHEET_COUNT, &count);
  count = std::min<unsigned int>(count, kMaxSheets);
  CellBudget budget;
  Workbook wb;
  for (unsigned short i = 0; i < count; ++i) {
    Sheet s;
    const char* name = nullptr;
    if (freexl_get_worksheet_name(handle, i, &name) == FREEXL_OK && name) s.name = name;
    if (freexl_select_active_worksheet(handle, i) != FREEXL_OK) continue;
    unsigned int rows = 0;
    unsigned short cols = 0;
    freexl_worksheet_dimensions(handle, &rows, &cols);
    rows = std::min<unsigned int>(rows, kMaxRows);
    cols = std::min<unsigned short>(cols, kMaxCols);
    for (unsigned int r = 0; r < rows; ++r)
      for (unsigned short c = 0; c < cols; ++c) {
        FreeXL_CellValue v;
        if (freexl_get_cell_value(handle, r, c, &v) != FREEXL_OK) continue;
        std::string text;
        switch (v.type) {
          case FREEXL_CELL_INT:
            text = std::to_string(v.value.int_value);
            break;
          case FREEXL_CELL_DOUBLE:
            text = format_number(v.value.double_value);
            break;
          case FREEXL_CELL_TEXT:
          case FREEXL_CELL_SST_TEXT:
          case FREEXL_CELL_DATE:
          case FREEXL_CELL_DATETIME:
          case FREEXL_CELL_TIME:
            text = v.value.text_value ? v.value.text_value : "";
            if (v.type != FREEXL_CELL_TEXT && v.type != FREEXL_CELL_SST_TEXT)
              text = text.substr(0, 10);  // 2024-07-02 of "2024-07-02 00:00:00"
            break;
          default:
            break;
        }
        budget.take(text);
        add_cell(s, static_cast<int>(r) + 1, c + 1, std::move(text));
      }
    wb.sheets.push_back(std::move(s));
  }
  if (wb.sheets.empty()) throw WorkbookError("工作簿中没有工作表");
  return wb;
}

namespace {

// The wire format unpack_workbook (io/xls) reads: counts and lengths as 32-bit words.
void put(std::string& out, std::uint32_t n) {
  out.append(reinterpret_cast<const char*>(&n), sizeof n);
}
void put(std::string& out, int n) {
  put(out, static_cast<std::uint32_t>(n));
}
void put(std::string& out, const std::string& text) {
  put(out, static_cast<std::uint32_t>(text.size()));
  out += text;
}

}  // namespace

std::string pack_workbook(const Workbook& wb) {
  std::string out;
  put(out, static_cast<std::uint32_t>(wb.sheets.size()));
  for (const Sheet& s : wb.sheets) {
    put(out, s.name);
    put(out, s.hidden ? 1 : 0);
    put(out, static_cast<std::uint32_t>(s.rows.size()));
    for (const SheetRow& r : s.rows) {
      put(out, r.row);
      put(out, static_cast<std::uint32_t>(r.cells.size()));
      for (const SheetCell& c : r.cells) {
        put(out, c.col);
        put(out, c.text);
      }
    }
    put(out, static_cast<std::uint32_t>(s.problems.size()));
    for (const CellProblem& p : s.problems) {
      put(out, p.row);
      put(out, p.col);
      put(out, p.message);
    }
  }
  return out;
}

}  // namespace minsheng
