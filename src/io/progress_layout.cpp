// The table in a CSV file or a workbook as units lay it out: title rows, 填报单位 and 填报日期
// lines, a header on any row, a sheet per month, footers.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <deque>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>

#include "io/fs.hpp"
#include "io/progress_rows.hpp"
#include "io/yaml_lite.hpp"
#include "util/encoding.hpp"
#include "util/number.hpp"
#include "util/suggest.hpp"
#include "util/text.hpp"

namespace minsheng::reading {

// A header as it is compared: folded (NFKC: full-width letters and brackets), trimmed, lower case.
std::string header_key(std::string_view header) {
  std::string h(trim(nfkc(header)));
  std::transform(h.begin(), h.end(), h.begin(), [](unsigned char c) { return std::tolower(c); });
  return h;
}

// Header names staff use, Chinese first; English for machine-made files.
constexpr std::pair<const char*, Column> kHeaderNames[] = {
    {"任务编号", Column::task},
    {"task", Column::task},
    {"指标", Column::target},
    {"指标序号", Column::target},
    {"target", Column::target},
    {"累计完成", Column::value},
    {"完成值", Column::value},
    {"value", Column::value},
    {"状态", Column::status},
    {"status", Column::status},
    {"目标值", Column::target_value},
    {"target_value", Column::target_value},
    {"备注", Column::note},
    {"note", Column::note},
    {"报送日期", Column::submitted},
    {"submitted", Column::submitted},
    {"牵头单位", Column::unit},
    {"unit", Column::unit},
    {"月份", Column::month},
    {"month", Column::month},
    {"县市区", Column::county},
    {"县（市、区）", Column::county},
    {"区县", Column::county},
    {"county", Column::county},
    {"项目名称", Column::project},
    {"project", Column::project},
    {"项目状态", Column::project_status},
    {"project_status", Column::project_status},
    {"完成量", Column::value},
    {"分解目标", Column::target_value},
    {"计划完工", Column::planned_finish},
    {"计划完工时间", Column::planned_finish},
    {"planned_finish", Column::planned_finish},
    {"进展情况", Column::progress},
    {"工作进展", Column::progress},
    {"progress_text", Column::progress},
    {"存在问题", Column::issues},
    {"issues", Column::issues},
    {"下步计划", Column::next_steps},
    {"下一步计划", Column::next_steps},
    {"next_steps", Column::next_steps},
    {"问题状态", Column::issue_status},
    {"issue_status", Column::issue_status},
    {"计划投资", Column::planned_investment},
    {"计划投资(万元)", Column::planned_investment},
    {"计划总投资", Column::planned_investment},
    {"计划总投资(万元)", Column::planned_investment},
    {"planned_investment", Column::planned_investment},
    {"累计完成投资", Column::invested},
    {"累计完成投资(万元)", Column::invested},
    {"完成投资", Column::invested},
    {"完成投资(万元)", Column::invested},
    {"invested", Column::invested},
    {"资金到位", Column::funded},
    {"资金到位(万元)", Column::funded},
    {"到位资金", Column::funded},
    {"到位资金(万元)", Column::funded},
    {"funded", Column::funded},
    {"形象进度", Column::physical_pct},
    {"形象进度(%)", Column::physical_pct},
    {"工程形象进度", Column::physical_pct},
    {"physical_pct", Column::physical_pct},
    {"节点月份", Column::node_months},
    {"node_months", Column::node_months},
    {"节点进度", Column::node_pcts},
    {"node_pcts", Column::node_pcts},
};

std::optional<Column> column_for(std::string_view header) {
  // The names are folded as typed headers are, so that 县（市、区） with its full-width brackets
  // matches a typed 县（市、区） (both become 县(市、区)).
  static const std::unordered_map<std::string, Column> names = [] {
    std::unordered_map<std::string, Column> m;
    for (const auto& [name, column] : kHeaderNames) m.emplace(header_key(name), column);
    return m;
  }();
  // Most headers are typed as the template has them: found without folding them.
  auto it = names.find(std::string(trim(header)));
  if (it == names.end()) it = names.find(header_key(header));
  if (it == names.end()) return std::nullopt;
  return it->second;
}

RawFile Reader::read_csv(std::string_view text) {
  std::vector<CsvRecord> records;
  try {
    records = parse_csv(text);
  } catch (const CsvError& e) {
    error(e.line, e.col, e.what());
    return {};
  }
  return read_records(std::move(records));
}

// A sheet's rows as records: every column up to the row's last, empty where the sheet is.
std::optional<int> month_named(const CsvRecord& rec);

std::vector<CsvRecord> records_of(const Sheet& s) {
  std::vector<CsvRecord> out;
  for (const auto& row : s.rows) {
    CsvRecord rec;
    rec.line = row.row;
    for (const auto& c : row.cells) {
      while (static_cast<int>(rec.fields.size()) < c.col - 1)
        rec.fields.push_back({"", static_cast<int>(rec.fields.size()) + 1});
      rec.fields.push_back({c.text, c.col});
    }
    out.push_back(std::move(rec));
  }
  return out;
}

bool has_header(const std::vector<CsvRecord>& records) {
  for (std::size_t r = 0; r < records.size() && r < 10; ++r)
    for (const auto& f : records[r].fields)
      if (column_for(f.value) == Column::task) return true;
  return false;
}

// The visible sheet with a header that is the folder's month: the one whose name says so (7月,
// 2024年7月) when a unit keeps a sheet per month, else the only one, else the first (with a
// warning). A workbook without any is an error naming its sheets.
RawFile Reader::read_workbook(const Workbook& wb) {
  std::vector<std::string> names;
  std::vector<const Sheet*> forms;
  for (const auto& s : wb.sheets) {
    names.push_back(s.name);
    if (!s.hidden && has_header(records_of(s))) forms.push_back(&s);
  }
  const Sheet* pick = nullptr;
  for (const Sheet* s : forms)
    if (!pick && month_named(s->name) == folder_month_.month) pick = s;
  bool by_name = pick != nullptr;
  if (!pick && !forms.empty()) pick = forms.front();
  if (pick) {
    sheet_ = pick->name;
    RawFile raw = read_records(records_of(*pick));
    if (!by_name && forms.size() > 1)
      warning(0, 0,
              "工作簿有 " + std::to_string(forms.size()) + " 个报送表，没有一个以“" +
                  std::to_string(folder_month_.month) + "月”命名；采用第一个" +
                  quote_value(pick->name));
    raw.month_sheet = by_name;
    if (auto m = month_named(pick->name); !by_name && m && *m != folder_month_.month) {
      error(0, 0,
            "工作表" + quote_value(pick->name) + "是" + std::to_string(*m) +
                "月的报表，与所在目录 " + folder_month_.str() +
                " 不符，整个文件不予采用（是否把上月的文件放进了本月？）");
      raw.wrong_month = true;
    }
    // A cell the form does not read (a 完成率 formula, say) never costs a row.
    for (const auto& p : pick->problems) {
      if (!raw.read_cols.count(p.col)) continue;
      error(p.row, p.col, p.message);
      raw.bad_lines.insert(p.row);
    }
    return raw;
  }
  error(0, 0,
        "找不到表头：工作表 " + join(names, "、") +
            " 中都没有“任务编号”（task）列；请使用 minsheng template 生成的报送表");
  return {};
}

// Rows people add below a form: 填表人、联系电话、审核人、单位盖章. Not rows of the table.
bool footer_row(const CsvRecord& rec) {
  static constexpr std::string_view kWords[] = {"填表人", "填报人",          "制表人", "联系电话",
                                                "联系人", "审核人",          "负责人", "单位盖章",
                                                "盖章",   "报送单位（盖章）"};
  for (const auto& f : rec.fields) {
    std::string_view v = trim(f.value);
    if (v.empty()) continue;
    // Every row passes here; the words are all Chinese, and a table row starts with a number.
    if (static_cast<unsigned char>(v.front()) < 0x80) return false;
    for (std::string_view w : kWords)
      if (v.starts_with(w)) return true;
    return false;
  }
  return false;
}

// The one month a sheet name, file name or title names (7月, 2024年7月份, （7月）, 2024-07), or
// nothing: none, several, a range (1-7月, 1至7月) or a date (7月8日) name no single month.
std::optional<int> month_named(std::string_view raw) {
  std::string s = nfkc(raw);
  std::optional<int> found;
  auto take = [&](int m) {
    if (m < 1 || m > 12) return true;
    if (found && *found != m) return false;
    found = m;
    return true;
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9' || (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')) continue;
    std::size_t j = i;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
    std::string_view digits(s.data() + i, j - i);
    std::string_view after(s.data() + j, s.size() - j);
    std::string_view before(s.data(), i);
    bool range = before.ends_with("-") || before.ends_with("至") || before.ends_with("~") ||
                 before.ends_with("—") || before.ends_with("、");
    if (after.starts_with("月") && digits.size() <= 2) {
      std::string_view next = after.substr(std::string_view("月").size());
      if (next.starts_with("日") || next.starts_with("-") || next.starts_with("至") || range ||
          !take(std::stoi(std::string(digits))))
        return std::nullopt;
    } else if (digits.size() == 4 && after.starts_with("-") && after.size() >= 3 &&
               after[1] >= '0' && after[1] <= '9' && after[2] >= '0' && after[2] <= '9' &&
               (after.size() == 3 || after[3] < '0' || after[3] > '9')) {
      if (after.size() > 3 && after[3] == '-') return std::nullopt;  // 2024-07-02: a date
      if (!take(std::stoi(std::string(after.substr(1, 2))))) return std::nullopt;
    }
  }
  return found;
}

// A title line's month; lines that give a date (填报日期：2024年8月2日) say when, not which month.
std::optional<int> month_named(const CsvRecord& rec) {
  std::optional<int> found;
  for (const auto& f : rec.fields) {
    if (f.value.find("日期") != std::string::npos) continue;
    auto m = month_named(f.value);
    if (!m) continue;
    if (found && *found != *m) return std::nullopt;
    found = m;
  }
  return found;
}

// A 月份 cell as people type it: 2024-08, 2024年8月, a date (a workbook's month cell is often
// one), or 8月 alone, which is the folder's year unless that is later than the folder's month.
std::optional<YearMonth> month_in_cell(std::string_view text, YearMonth folder) {
  if (auto m = YearMonth::parse(trim(text))) return m;
  if (auto d = Date::parse(trim(text))) return d->year_month();
  auto m = month_named(text);
  if (!m) return std::nullopt;
  return YearMonth{folder.year - (*m > folder.month ? 1 : 0), *m};
}

// What follows `label` on a title or footer line: in its own cell after 填报日期：, or in the
// next cell when the label stands alone. Calls `take` with each candidate until it returns true.
template <std::size_t N, class Take>
void after_labels(const CsvRecord& rec, const std::string_view (&labels)[N], const Take& take) {
  for (std::size_t i = 0; i < rec.fields.size(); ++i) {
    std::string_view v = rec.fields[i].value;
    for (std::string_view label : labels) {
      auto at = v.find(label);
      if (at == std::string_view::npos) continue;
      std::string_view rest = v.substr(at + label.size());
      for (std::string_view sep : {"：", ":", "　", " "})
        while (rest.starts_with(sep)) rest.remove_prefix(sep.size());
      if (trim(rest).empty() && i + 1 < rec.fields.size()) rest = trim(rec.fields[i + 1].value);
      if (take(rest)) return;
    }
  }
}

// "填报日期：2024年10月8日" on a title or footer line of a unit's own form: when it was sent.
// The label may share its cell with other words (填表人：张三　填报日期：…) or stand in the cell
// before the date. A blank form's "填报日期：　年　月　日" gives nothing.
std::optional<Date> date_line(const CsvRecord& rec) {
  static constexpr std::string_view kLabels[] = {"填报日期", "报送日期", "填表日期"};
  std::optional<Date> out;
  after_labels(rec, kLabels, [&](std::string_view rest) {
    out = Date::parse(rest.substr(0, std::min(rest.find(' '), rest.find("　"))));
    return out.has_value();
  });
  return out;
}

// "填报单位：宜昌市林业和园林局（盖章）" on a title line: the unit's name as it signs, without
// the seal note and whatever follows in the cell (填报日期…). Empty when the line has none.
std::string unit_line(const CsvRecord& rec) {
  static constexpr std::string_view kLabels[] = {"填报单位", "报送单位", "牵头单位"};
  std::string out;
  after_labels(rec, kLabels, [&](std::string_view rest) {
    std::size_t end = rest.size();
    for (std::string_view stop : {"（", "(", " ", "　", "填报", "日期", "："})
      end = std::min(end, rest.find(stop));
    out = std::string(trim(rest.substr(0, end)));
    return !out.empty();
  });
  return out;
}

// Where each column is in a sheet's rows; kNone when the header does not have it.
class Columns {
 public:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  Columns() { clear(); }
  void clear() { at_.fill(kNone); }
  bool has(Column c) const { return at_[static_cast<std::size_t>(c)] != kNone; }
  std::size_t operator[](Column c) const { return at_[static_cast<std::size_t>(c)]; }
  void set(Column c, std::size_t i) { at_[static_cast<std::size_t>(c)] = i; }
  void set_first(Column c, std::size_t i) {
    if (!has(c)) set(c, i);
  }

 private:
  std::array<std::size_t, static_cast<std::size_t>(Column::node_pcts) + 1> at_;
};

RawFile Reader::read_records(std::vector<CsvRecord> in) {
  RawFile raw;
  raw.records = std::move(in);
  auto& records = raw.records;  // the cells below view these, so they stay with the file
  std::size_t stripped = 0;
  for (auto& rec : records)
    for (auto& f : rec.fields) stripped += strip_controls(f.value);
  if (stripped) controls_warning(stripped);
  // The header is the first row with a 任务编号 column; a title row may stand above it.
  std::size_t header_at = records.size();
  Columns cols;
  for (std::size_t r = 0; r < records.size() && r < 10 && header_at == records.size(); ++r) {
    for (std::size_t i = 0; i < records[r].fields.size(); ++i)
      if (auto c = column_for(records[r].fields[i].value)) cols.set_first(*c, i);
    if (cols.has(Column::task))
      header_at = r;
    else
      cols.clear();
  }
  if (header_at == records.size()) {
    // Text in another encoding (Big5, say) decodes as GB18030 into nonsense: say how it was read.
    std::string how =
        encoding_ == "GB18030"
            ? "（文件按 GBK/GB18030 读取；若原文件是 Big5 等其他编码，请另存为 UTF-8）"
            : "";
    error(
        records.empty() ? 1 : records.front().line, 0,
        "找不到表头：需要“任务编号”（task）列，以及“累计完成”（value）或“状态”（status）列" + how);
    return raw;
  }
  // A header over two rows (a merged group title above its sub-columns): the row below names
  // the columns the first leaves blank or titles as a group.
  if (header_at + 1 < records.size()) {
    const CsvRecord& below = records[header_at + 1];
    bool names_columns = false;
    for (std::size_t i = 0; i < below.fields.size(); ++i)
      if (auto c = column_for(below.fields[i].value); c && c != Column::task && !cols.has(*c)) {
        cols.set(*c, i);
        names_columns = true;
      }
    if (names_columns) records.erase(records.begin() + static_cast<long>(header_at) + 1);
  }
  const CsvRecord& header = records[header_at];
  raw.header_line = header.line;
  for (std::size_t r = 0; r < header_at && !raw.dated_line; ++r)
    raw.dated_line = date_line(records[r]);
  for (std::size_t i = 0; i < header.fields.size(); ++i)
    if (column_for(header.fields[i].value)) raw.read_cols.insert(static_cast<int>(i) + 1);
  for (std::size_t r = 0; r < header_at && !raw.title_month; ++r)
    if (auto m = month_named(records[r]); m) {
      raw.title_month = m;
      raw.title_line = records[r].line;
    }
  for (std::size_t r = 0; r < header_at && raw.unit_line.empty(); ++r)
    if (raw.unit_line = unit_line(records[r]); !raw.unit_line.empty())
      raw.unit_line_at = records[r].line;
  // A file of projects alone (项目状态, 计划完工), of words alone (存在问题) or a 分解方案 of
  // nodes alone (节点月份) says something too.
  if (!cols.has(Column::value) && !cols.has(Column::status) && !cols.has(Column::target_value) &&
      !cols.has(Column::node_months) && !cols.has(Column::project_status) &&
      !cols.has(Column::planned_finish) && !cols.has(Column::issues) &&
      !cols.has(Column::issue_status) && !cols.has(Column::progress))
    error(header.line, 0, "表头缺少“累计完成”（value）或“状态”（status）列");

  auto cell = [&](const CsvRecord& rec, Column c) {
    Cell out{"", rec.line, 0};
    if (std::size_t i = cols[c]; i < rec.fields.size()) {  // kNone is never a field
      out.text = strip_formula_guard(rec.fields[i].value);
      out.col = rec.fields[i].col;
    }
    return out;
  };
  raw.rows.reserve(records.size() - header_at);
  for (std::size_t r = header_at + 1; r < records.size(); ++r) {
    const CsvRecord& rec = records[r];
    if (rec.blank()) continue;
    bool footer = footer_row(rec);
    // Only a line outside the table's rows: a task row's note that mentions a date is a note.
    std::string_view task = cell(rec, Column::task).text;
    bool outside = footer || trim(task).empty() || task.find("日期") != std::string_view::npos;
    if (outside)
      if (auto d = date_line(rec)) {
        if (!raw.dated_line) raw.dated_line = d;
        continue;
      }
    if (footer) continue;
    RawRow row;
    row.line = rec.line;
    for (const auto& f : kRowFields) row.*f.cell = cell(rec, f.column);
    Cell unit = cell(rec, Column::unit);
    if (unit.present()) {
      std::string u(trim(unit.text));
      if (raw.unit.empty()) {
        raw.unit = u;
        raw.unit_cell = unit;
      } else if (u != raw.unit) {
        error(unit, "同一文件中出现两个牵头单位：" + quote_value(raw.unit) + "（第 " +
                        std::to_string(raw.unit_cell.line) + " 行）和" + quote_value(u));
      }
    }
    Cell sub = cell(rec, Column::submitted);
    if (sub.present() && !raw.submitted) raw.submitted = sub;
    if (!row.task.present() && !row.value.present() && !row.status.present() &&
        !row.target_value.present() && !row.has_text())
      continue;  // a notes-only or decoration row
    raw.rows.push_back(std::move(row));
  }
  return raw;
}

}  // namespace minsheng::reading
