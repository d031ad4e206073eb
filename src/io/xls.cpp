// .xls and BIFF .et workbooks through FreeXL, in a child process of its own.
#include <freexl.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>

#include "io/fs.hpp"
#include "io/workbook.hpp"
#include "io/workbook_cells.hpp"
#include "model/diagnostic.hpp"
#include "util/contained.hpp"
#include "util/number.hpp"

namespace minsheng {

namespace {

Workbook read_xls_here(const std::filesystem::path& path) {
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

// ---- a workbook sent over the pipe from the child that read it ----------------------------

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

std::string pack(const Workbook& wb) {
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

// Reads what pack wrote. The bytes come from a process that may have been damaged, so every
// count is checked against what is left.
class Unpacker {
 public:
  explicit Unpacker(std::string_view bytes) : in_(bytes) {}
  std::uint32_t count(std::size_t min_each) {
    std::uint32_t n = number();
    if (min_each > 0 && n > in_.size() / min_each) broken();
    return n;
  }
  int integer() { return static_cast<int>(number()); }
  std::string text() {
    std::uint32_t n = number();
    if (n > in_.size()) broken();
    std::string t(in_.substr(0, n));
    in_.remove_prefix(n);
    return t;
  }
  bool at_end() const { return in_.empty(); }

 private:
  std::uint32_t number() {
    std::uint32_t n;
    if (in_.size() < sizeof n) broken();
    std::memcpy(&n, in_.data(), sizeof n);
    in_.remove_prefix(sizeof n);
    return n;
  }
  [[noreturn]] static void broken() { throw WorkbookError("读取 .xls 的子进程返回的结果不完整"); }
  std::string_view in_;
};

Workbook unpack(std::string_view bytes) {
  Unpacker in(bytes);
  Workbook wb;
  wb.sheets.resize(in.count(16));
  for (Sheet& s : wb.sheets) {
    s.name = in.text();
    s.hidden = in.integer() != 0;
    s.rows.resize(in.count(8));
    for (SheetRow& r : s.rows) {
      r.row = in.integer();
      r.cells.resize(in.count(8));
      for (SheetCell& c : r.cells) {
        c.col = in.integer();
        c.text = in.text();
      }
    }
    s.problems.resize(in.count(12));
    for (CellProblem& p : s.problems) {
      p.row = in.integer();
      p.col = in.integer();
      p.message = in.text();
    }
  }
  if (!in.at_end()) throw WorkbookError("读取 .xls 的子进程返回的结果不完整");
  return wb;
}

}  // namespace

Workbook read_xls(const std::filesystem::path& path) {
  // FreeXL has read out of bounds on hostile files: it runs in a child process of its own, so
  // a crash, a runaway allocation or a hang costs this one file.
  // FreeXL reads a legitimate 50 MB workbook in a few seconds; some hostile 7 KB ones keep it
  // busy for ever.
  ContainLimits limits;
  limits.cpu_seconds = 10;
  limits.wall_seconds = 60;
  limits.max_result_bytes = kMaxCellTextBytes * 2;
  try {
    return unpack(run_contained([&] { return pack(read_xls_here(path)); }, limits));
  } catch (const ContainedError& e) {
    if (e.kind() == ContainedError::Kind::failed) throw WorkbookError(e.what());
    // No child could be started: the machine's problem, not the file's (exit 4).
    if (e.error_number() != 0)
      throw IoError(path.string(),
                    std::string(e.what()) + "，无法读取 .xls 文件：" + io_reason(e.error_number()));
    throw WorkbookError(std::string("无法读取该 .xls 文件：读取程序") + e.what() +
                        "（文件可能已损坏，请在 Excel 或 WPS 中打开后另存为 .xlsx）");
  }
}

}  // namespace minsheng
