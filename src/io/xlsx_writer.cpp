#include "io/xlsx_writer.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "io/fs.hpp"
#include "io/workbook.hpp"
#include "model/diagnostic.hpp"
#include "util/shared_library.hpp"
#include "util/text.hpp"

namespace minsheng {

namespace {

lxw_color_t rgb(const std::string& hex) {
  return static_cast<lxw_color_t>(std::strtoul(hex.c_str() + 1, nullptr, 16));
}

// libxlsxwriter is opened on first use (see CMakeLists.txt): each function is looked up by the
// type its header declares, so a changed signature fails to compile rather than to run.
#define MINSHENG_LXW(f) decltype(&::f) f = lib.get<decltype(::f)>(#f);
struct Lxw {
  SharedLibrary lib{MINSHENG_XLSXWRITER_SONAME};
  MINSHENG_LXW(workbook_new_opt)
  MINSHENG_LXW(workbook_set_properties)
  MINSHENG_LXW(workbook_add_format)
  MINSHENG_LXW(workbook_add_worksheet)
  MINSHENG_LXW(workbook_close)
  MINSHENG_LXW(format_set_bold)
  MINSHENG_LXW(format_set_bg_color)
  MINSHENG_LXW(format_set_border)
  MINSHENG_LXW(format_set_text_wrap)
  MINSHENG_LXW(format_set_num_format)
  MINSHENG_LXW(format_set_font_color)
  MINSHENG_LXW(format_set_unlocked)
  MINSHENG_LXW(format_set_font_name)
  MINSHENG_LXW(format_set_font_size)
  MINSHENG_LXW(format_set_align)
  MINSHENG_LXW(worksheet_write_string)
  MINSHENG_LXW(worksheet_write_number)
  MINSHENG_LXW(worksheet_write_blank)
  MINSHENG_LXW(worksheet_set_column)
  MINSHENG_LXW(worksheet_freeze_panes)
  MINSHENG_LXW(worksheet_autofilter)
  MINSHENG_LXW(worksheet_repeat_rows)
  MINSHENG_LXW(worksheet_repeat_columns)
  MINSHENG_LXW(worksheet_print_across)
  MINSHENG_LXW(worksheet_data_validation_range)
  MINSHENG_LXW(worksheet_protect)
  MINSHENG_LXW(worksheet_set_paper)
  MINSHENG_LXW(worksheet_set_landscape)
  MINSHENG_LXW(worksheet_fit_to_pages)
  MINSHENG_LXW(worksheet_merge_range)
  MINSHENG_LXW(worksheet_set_row)
  MINSHENG_LXW(worksheet_set_footer)
  MINSHENG_LXW(worksheet_set_margins)
};
#undef MINSHENG_LXW

const Lxw& lxw() {
  try {
    static const Lxw api;
    return api;
  } catch (const SharedLibraryError& e) {
    throw IoError(MINSHENG_XLSXWRITER_SONAME,
                  "写 .xlsx 工作簿需要这个库（Debian 包 libxlsxwriter），无法加载（系统提示：" +
                      std::string(e.what()) + "）");
  }
}

// Character widths that print at full size across A4 landscape within the margins below.
constexpr double kLandscapeWidth = 140;

// Pages across a sheet is fitted to: one, unless it repeats columns on each page (a wide form),
// then as many as its other columns need beside them at full size.
int pages_across(const OutSheet& sheet, double width) {
  if (sheet.repeat_last_col < 0 || width <= kLandscapeWidth) return 1;
  double repeated = 0;
  for (int c = sheet.repeat_first_col; c <= sheet.repeat_last_col; ++c)
    repeated += sheet.widths[static_cast<std::size_t>(c)];
  return static_cast<int>(std::ceil((width - repeated) / (kLandscapeWidth - repeated)));
}

}  // namespace

std::string xlsx_bytes(const OutWorkbook& out) {
  const Lxw& x = lxw();
  std::string path = (std::filesystem::temp_directory_path() / "minsheng-xlsx-XXXXXX").string();
  int fd = mkstemp(path.data());
  if (fd < 0) throw IoError(path, "无法创建临时文件: " + io_reason(errno));
  close(fd);
  struct Remove {
    std::string p;
    ~Remove() { unlink(p.c_str()); }
  } remove{path};

  lxw_workbook_options options{};
  options.tmpdir = nullptr;
  lxw_workbook* wb = x.workbook_new_opt(path.c_str(), &options);
  if (!wb) throw IoError(path, "无法创建工作簿");
  // A fixed creation time: the same inputs give byte-identical workbooks.
  lxw_doc_properties props{};
  props.title = const_cast<char*>(out.title.c_str());
  props.author = const_cast<char*>("minsheng");
  props.created = static_cast<time_t>(out.created > 0 ? out.created : 946684800);  // 2000-01-01
  x.workbook_set_properties(wb, &props);

  // One look for every sheet, as a government 汇总表 has: 宋体, thin borders on every cell of
  // the table, long text wrapped, numbers right-aligned in fixed formats.
  auto cell_format = [&] {
    lxw_format* f = x.workbook_add_format(wb);
    x.format_set_font_name(f, "宋体");
    x.format_set_font_size(f, 10);
    x.format_set_border(f, LXW_BORDER_THIN);
    x.format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    return f;
  };
  lxw_format* header = cell_format();
  x.format_set_bold(header);
  x.format_set_bg_color(header, 0xECEFF1);
  x.format_set_text_wrap(header);
  x.format_set_align(header, LXW_ALIGN_CENTER);
  lxw_format* text = cell_format();
  x.format_set_text_wrap(text);
  lxw_format* percent = cell_format();
  x.format_set_num_format(percent, "0.0%");
  lxw_format* number = cell_format();
  x.format_set_num_format(number, "#,##0.####");
  lxw_format* decimal1 = cell_format();
  x.format_set_num_format(decimal1, "0.0");
  lxw_format* blank = cell_format();
  lxw_format* section = cell_format();
  x.format_set_bold(section);
  x.format_set_bg_color(section, 0xF5F7FA);
  lxw_format* title = x.workbook_add_format(wb);
  x.format_set_font_name(title, "宋体");
  x.format_set_font_size(title, 16);
  x.format_set_bold(title);
  x.format_set_align(title, LXW_ALIGN_CENTER);
  x.format_set_align(title, LXW_ALIGN_VERTICAL_CENTER);
  lxw_format* subtitle = x.workbook_add_format(wb);
  x.format_set_font_name(subtitle, "宋体");
  x.format_set_font_size(subtitle, 10);
  x.format_set_text_wrap(subtitle);
  std::map<std::string, lxw_format*> fills;
  auto fill = [&](const std::string& hex) {
    auto it = fills.find(hex);
    if (it != fills.end()) return it->second;
    lxw_format* f = cell_format();
    x.format_set_text_wrap(f);
    x.format_set_bg_color(f, rgb(hex));
    x.format_set_font_color(f, LXW_COLOR_WHITE);
    return fills[hex] = f;
  };

  lxw_format* unlocked = x.workbook_add_format(wb);
  x.format_set_unlocked(unlocked);
  x.format_set_text_wrap(unlocked);
  x.format_set_bg_color(unlocked, 0xFFF8E1);
  x.format_set_border(unlocked, LXW_BORDER_THIN);
  lxw_format* unlocked_key = x.workbook_add_format(wb);
  x.format_set_unlocked(unlocked_key);
  x.format_set_border(unlocked_key, LXW_BORDER_THIN);
  lxw_format* unlocked_date = x.workbook_add_format(wb);
  x.format_set_unlocked(unlocked_date);
  x.format_set_bg_color(unlocked_date, 0xFFF8E1);
  x.format_set_border(unlocked_date, LXW_BORDER_THIN);
  x.format_set_num_format(unlocked_date, "yyyy-mm-dd");
  lxw_format* note_format = x.workbook_add_format(wb);
  x.format_set_bold(note_format);

  for (const auto& sheet : out.sheets) {
    lxw_worksheet* ws = x.workbook_add_worksheet(wb, sheet.name.c_str());
    bool form = !sheet.inputs.empty();
    bool titled = !form && !sheet.title.empty();
    // A form has its note above the header; a 汇总表 its title and 数据截至 line.
    lxw_row_t top = form ? (sheet.info.empty() ? 1 : 2) : titled ? 2 : 0;
    if (form) x.worksheet_write_string(ws, 0, 0, sheet.note.c_str(), note_format);
    for (std::size_t i = 0; form && i < sheet.info.size(); ++i) {
      const auto& [label, value] = sheet.info[i];
      auto col = static_cast<lxw_col_t>(2 * i);
      x.worksheet_write_string(ws, 1, col, label.c_str(), note_format);
      bool date = label.find("日期") != std::string::npos;
      if (value.empty())
        x.worksheet_write_blank(ws, 1, col + 1, date ? unlocked_date : unlocked);
      else
        x.worksheet_write_string(ws, 1, col + 1, value.c_str(), text);
    }
    if (titled) {
      auto last = static_cast<lxw_col_t>(std::max<std::size_t>(sheet.headers.size(), 1) - 1);
      x.worksheet_merge_range(ws, 0, 0, 0, last, sheet.title.c_str(), title);
      x.worksheet_set_row(ws, 0, 28, nullptr);
      x.worksheet_merge_range(ws, 1, 0, 1, last, sheet.subtitle.c_str(), subtitle);
    }
    for (std::size_t c = 0; c < sheet.headers.size(); ++c) {
      x.worksheet_write_string(ws, top, static_cast<lxw_col_t>(c), sheet.headers[c].c_str(),
                               header);
      double width = c < sheet.widths.size() ? sheet.widths[c] : 12;
      x.worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width,
                             nullptr);
    }
    for (std::size_t r = 0; r < sheet.rows.size(); ++r)
      for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
        const OutCell& cell = sheet.rows[r][c];
        auto row = static_cast<lxw_row_t>(r + 1 + top);
        auto col = static_cast<lxw_col_t>(c);
        if (cell.kind == OutCell::Kind::section) {
          auto last = static_cast<lxw_col_t>(std::max<std::size_t>(sheet.headers.size(), 1) - 1);
          x.worksheet_merge_range(ws, row, 0, row, last, cell.text.c_str(), section);
          continue;
        }
        lxw_format* f = cell.fill.empty() ? nullptr : fill(cell.fill);
        OutInput input = c < sheet.inputs.size() ? sheet.inputs[c] : OutInput::none;
        if (input != OutInput::none) {
          lxw_format* u = input == OutInput::date  ? unlocked_date
                          : input == OutInput::key ? unlocked_key
                                                   : unlocked;
          if (cell.kind == OutCell::Kind::text)
            x.worksheet_write_string(ws, row, col, cell.text.c_str(), u);
          else if (cell.kind == OutCell::Kind::number)
            x.worksheet_write_number(ws, row, col, cell.number, u);
          else
            x.worksheet_write_blank(ws, row, col, u);
          continue;
        }
        switch (cell.kind) {
          case OutCell::Kind::empty:
            x.worksheet_write_blank(ws, row, col, blank);
            break;
          case OutCell::Kind::text:
            x.worksheet_write_string(ws, row, col, cell.text.c_str(), f ? f : text);
            break;
          case OutCell::Kind::number:
            x.worksheet_write_number(ws, row, col, cell.number, f ? f : number);
            break;
          case OutCell::Kind::percent:
            x.worksheet_write_number(ws, row, col, cell.number / 100, percent);
            break;
          case OutCell::Kind::decimal1:
            x.worksheet_write_number(ws, row, col, cell.number, decimal1);
            break;
          case OutCell::Kind::section:
            break;
        }
      }
    // Neither LibreOffice nor Excel grows a row for wrapped text when it opens a file, so each
    // row is given the lines its longest cell wraps to: 10 pt 宋体 is about 6.7 px per display
    // column, a column of width w about 7w + 5 px.
    auto lines_in = [&](const std::string& text, std::size_t c) {
      double room = (c < sheet.widths.size() ? sheet.widths[c] : 12) * 7 + 5 - 6;
      return std::clamp(static_cast<int>(std::ceil(display_width(text) * 6.7 / room)), 1, 30);
    };
    {  // a form's task texts and open problems too: they are printed and read
      int lines = 1;
      for (std::size_t c = 0; c < sheet.headers.size(); ++c)
        lines = std::max(lines, lines_in(sheet.headers[c], c));
      if (lines > 1) x.worksheet_set_row(ws, top, 13.5 * lines, nullptr);
      for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
        lines = 1;
        for (std::size_t c = 0; c < sheet.rows[r].size(); ++c)
          if (sheet.rows[r][c].kind == OutCell::Kind::text)
            lines = std::max(lines, lines_in(sheet.rows[r][c].text, c));
        if (lines > 1)
          x.worksheet_set_row(ws, static_cast<lxw_row_t>(r + 1 + top), 13.5 * lines, nullptr);
      }
    }
    // A short row is bordered to the last column, as the table is.
    if (!form)
      for (std::size_t r = 0; r < sheet.rows.size(); ++r)
        for (std::size_t c = sheet.rows[r].size(); c < sheet.headers.size(); ++c)
          if (sheet.rows[r].empty() || sheet.rows[r][0].kind != OutCell::Kind::section)
            x.worksheet_write_blank(ws, static_cast<lxw_row_t>(r + 1 + top),
                                    static_cast<lxw_col_t>(c), blank);
    if (!sheet.headers.empty()) {
      x.worksheet_freeze_panes(ws, top + 1, 0);
      if (!form)
        x.worksheet_autofilter(ws, top, 0, static_cast<lxw_row_t>(sheet.rows.size()),
                               static_cast<lxw_col_t>(sheet.headers.size() - 1));
      x.worksheet_repeat_rows(ws, top, top);
    }
    if (form && !sheet.rows.empty()) {
      // Spare rows under the table, open like the table's, for a project or a 县市区 the form
      // does not list; more can be inserted anywhere (the protection allows it), and an
      // inserted row inside the table takes on the checks of its column.
      constexpr std::size_t kSpareRows = 20;
      auto first = static_cast<lxw_row_t>(top + 1);
      auto last = static_cast<lxw_row_t>(top + sheet.rows.size() + kSpareRows);
      for (lxw_row_t r = static_cast<lxw_row_t>(top + sheet.rows.size() + 1); r <= last; ++r)
        for (std::size_t c = 0; c < sheet.inputs.size(); ++c)
          x.worksheet_write_blank(ws, r, static_cast<lxw_col_t>(c),
                                  sheet.inputs[c] == OutInput::date ? unlocked_date : unlocked);
      std::vector<std::vector<char*>> lists(sheet.inputs.size());
      for (std::size_t c = 0; c < sheet.inputs.size(); ++c) {
        lxw_data_validation v{};
        v.show_error = LXW_VALIDATION_ON;
        std::string title = c < sheet.headers.size() ? sheet.headers[c] : "";
        std::string hint = c < sheet.hints.size() ? sheet.hints[c] : "";
        switch (sheet.inputs[c]) {
          case OutInput::number:
            v.validate = LXW_VALIDATION_TYPE_DECIMAL;
            v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
            v.value_number = 0;
            if (hint.empty()) hint = "请填写不小于 0 的数";
            break;
          case OutInput::key:
            v.validate = LXW_VALIDATION_TYPE_INTEGER;
            v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
            v.value_number = 1;
            if (hint.empty()) hint = "请填写正整数";
            break;
          case OutInput::list:
            if (c >= sheet.lists.size() || sheet.lists[c].empty()) continue;
            for (const auto& choice : sheet.lists[c])
              lists[c].push_back(const_cast<char*>(choice.c_str()));
            lists[c].push_back(nullptr);
            v.validate = LXW_VALIDATION_TYPE_LIST;
            v.value_list = lists[c].data();
            if (hint.empty()) hint = "请从列表中选择：" + join(sheet.lists[c], "、");
            break;
          case OutInput::date:
            v.validate = LXW_VALIDATION_TYPE_DATE;
            v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN;
            v.minimum_datetime = lxw_datetime{2000, 1, 1, 0, 0, 0};
            if (hint.empty()) hint = "请填写日期，如 2024-07-02";
            break;
          default:
            continue;
        }
        v.error_title = title.data();
        v.error_message = hint.data();
        // libxlsxwriter copies the strings before this returns.
        x.worksheet_data_validation_range(ws, first, static_cast<lxw_col_t>(c), last,
                                          static_cast<lxw_col_t>(c), &v);
      }
      lxw_protection rights{};
      rights.insert_rows = 1;
      rights.format_columns = 1;  // a column too narrow for what a unit writes can be widened
      rights.format_rows = 1;
      x.worksheet_protect(ws, nullptr, &rights);
    }
    x.worksheet_set_paper(ws, 9);  // A4
    // A sheet too wide for A4 portrait (about 96 character widths) would print shrunk.
    double width = 0;
    for (double w : sheet.widths) width += w;
    if (sheet.landscape || width > 96) x.worksheet_set_landscape(ws);
    // Narrow side margins leave the widest sheet (the 总表, about 140 character widths) its
    // full size on A4 landscape: fitting to the width then does not shrink its 10 pt text.
    x.worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.7);
    x.worksheet_fit_to_pages(ws, pages_across(sheet, width), 0);
    if (sheet.repeat_last_col >= 0 && width > kLandscapeWidth) {
      x.worksheet_repeat_columns(ws, static_cast<lxw_col_t>(sheet.repeat_first_col),
                                 static_cast<lxw_col_t>(sheet.repeat_last_col));
      x.worksheet_print_across(ws);  // a row's continuation follows it, page after page
    }
    x.worksheet_set_footer(ws, "&C第 &P 页 共 &N 页");
  }
  lxw_error err = x.workbook_close(wb);
  if (err != LXW_NO_ERROR)
    throw IoError(path, "无法写入工作簿（libxlsxwriter 错误代码 " + std::to_string(err) +
                            "，多为临时目录空间不足或没有写权限）");
  std::string bytes = read_file(path);
  try {
    check_xlsx(bytes);
    check_written_rows(bytes);
  } catch (const WorkbookError& e) {
    throw IoError(path,
                  std::string("写出的工作簿读回检查未通过（") + e.what() + "），原有文件未被替换");
  }
  return bytes;
}

}  // namespace minsheng
