#include "io/xlsx_writer.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>
#include <map>

#include "io/fs.hpp"
#include "model/diagnostic.hpp"

namespace minsheng {

namespace {

lxw_color_t rgb(const std::string& hex) {
  return static_cast<lxw_color_t>(std::strtoul(hex.c_str() + 1, nullptr, 16));
}

}  // namespace

std::string xlsx_bytes(const OutWorkbook& out) {
  std::string path =
      (std::filesystem::temp_directory_path() / "minsheng-xlsx-XXXXXX").string();
  int fd = mkstemp(path.data());
  if (fd < 0) throw IoError(path, "无法创建临时文件: " + io_reason(errno));
  close(fd);
  struct Remove {
    std::string p;
    ~Remove() { unlink(p.c_str()); }
  } remove{path};

  lxw_workbook_options options{};
  options.tmpdir = nullptr;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (!wb) throw IoError(path, "无法创建工作簿");
  // A fixed creation time: the same inputs give byte-identical workbooks.
  lxw_doc_properties props{};
  props.title = const_cast<char*>(out.title.c_str());
  props.author = const_cast<char*>("minsheng");
  props.created = static_cast<time_t>(out.created > 0 ? out.created : 946684800);  // 2000-01-01
  workbook_set_properties(wb, &props);

  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_bg_color(header, 0xECEFF1);
  format_set_border(header, LXW_BORDER_THIN);
  format_set_text_wrap(header);
  lxw_format* percent = workbook_add_format(wb);
  format_set_num_format(percent, "0.0%");
  lxw_format* number = workbook_add_format(wb);
  format_set_num_format(number, "#,##0.####");
  std::map<std::string, lxw_format*> fills;
  auto fill = [&](const std::string& hex) {
    auto it = fills.find(hex);
    if (it != fills.end()) return it->second;
    lxw_format* f = workbook_add_format(wb);
    format_set_bg_color(f, rgb(hex));
    format_set_font_color(f, LXW_COLOR_WHITE);
    return fills[hex] = f;
  };

  for (const auto& sheet : out.sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name.c_str());
    for (std::size_t c = 0; c < sheet.headers.size(); ++c) {
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), sheet.headers[c].c_str(), header);
      double width = c < sheet.widths.size() ? sheet.widths[c] : 12;
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width,
                           nullptr);
    }
    for (std::size_t r = 0; r < sheet.rows.size(); ++r)
      for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
        const OutCell& cell = sheet.rows[r][c];
        auto row = static_cast<lxw_row_t>(r + 1);
        auto col = static_cast<lxw_col_t>(c);
        lxw_format* f = cell.fill.empty() ? nullptr : fill(cell.fill);
        switch (cell.kind) {
          case OutCell::Kind::empty:
            break;
          case OutCell::Kind::text:
            worksheet_write_string(ws, row, col, cell.text.c_str(), f);
            break;
          case OutCell::Kind::number:
            worksheet_write_number(ws, row, col, cell.number, f ? f : number);
            break;
          case OutCell::Kind::percent:
            worksheet_write_number(ws, row, col, cell.number / 100, percent);
            break;
        }
      }
    if (!sheet.headers.empty()) {
      worksheet_freeze_panes(ws, 1, 0);
      worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()),
                           static_cast<lxw_col_t>(sheet.headers.size() - 1));
      worksheet_repeat_rows(ws, 0, 0);
    }
    worksheet_set_paper(ws, 9);  // A4
    if (sheet.landscape) worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
  }
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) throw IoError(path, std::string("无法写入工作簿: ") + lxw_strerror(err));
  return read_file(path);
}

}  // namespace minsheng
