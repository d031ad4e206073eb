#include "io/progress_reader.hpp"

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
#include "io/workbook.hpp"
#include "io/yaml_input.hpp"
#include "io/yaml_lite.hpp"
#include "util/csv.hpp"
#include "util/encoding.hpp"
#include "util/number.hpp"
#include "util/suggest.hpp"
#include "util/text.hpp"

namespace minsheng {
namespace {

// A cell's text is a view into the file's records (or YAML scalars), which RawFile keeps: a
// province reads a million rows, and copying each cell showed in the profile.
struct Cell {
  std::string_view text;
  int line = 0;
  int col = 0;
  bool not_scalar = false;  // YAML gave a list or map here
  bool present() const { return not_scalar || !trim(text).empty(); }
};

// A row before validation, from either format.
struct RawRow {
  int line = 0;
  Cell month;  // a 月份 column: the folder's month, or an earlier one the row corrects
  Cell task, target, value, status, target_value, note;
  Cell county, project, project_status, planned_finish;
  Cell progress, issues, next_steps, issue_status;
  bool has_text() const { return progress.present() || issues.present() || next_steps.present(); }
};

struct RawFile {
  std::vector<CsvRecord> records;   // what the cells of a CSV or workbook view
  std::deque<std::string> scalars;  // what the cells of a YAML file view
  std::string unit;                 // named inside the file, if it is
  Cell unit_cell;
  std::optional<Cell> month;
  std::optional<Cell> submitted;
  std::optional<Date> dated_line;  // a 填报日期 line above or below the table
  std::string unit_line;  // a 填报单位 line above the table: 宜昌市林业和园林局（盖章）
  int unit_line_at = 0;
  std::vector<RawRow> rows;
  int header_line = 0;             // CSV only: where the header was found
  std::set<int> bad_lines;         // workbook rows with a cell that could not be read
  std::set<int> read_cols;         // 1-based columns the header maps; the others are never read
  bool wrong_month = false;        // the sheet or its title names another month than the folder
  bool month_sheet = false;        // a workbook's sheet picked because its name is the month
  std::optional<int> title_month;  // a month named on a line above the header: （7月）
  int title_line = 0;
};

enum class Column {
  task,
  target,
  value,
  status,
  target_value,
  note,
  submitted,
  unit,
  month,
  county,
  project,
  project_status,
  planned_finish,
  progress,
  issues,
  next_steps,
  issue_status
};

// A header as it is compared: folded (NFKC: full-width letters and brackets), trimmed, lower case.
std::string header_key(std::string_view header) {
  std::string h(trim(nfkc(header)));
  std::transform(h.begin(), h.end(), h.begin(), [](unsigned char c) { return std::tolower(c); });
  return h;
}

// Header names staff use, Chinese first; English for machine-made files.
std::optional<Column> column_for(std::string_view header) {
  // The names are folded as typed headers are, so that 县（市、区） with its full-width brackets
  // matches a typed 县（市、区） (both become 县(市、区)).
  static const std::unordered_map<std::string, Column> names = [] {
    const std::pair<const char*, Column> aliases[] = {
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
    };
    std::unordered_map<std::string, Column> m;
    for (const auto& [name, column] : aliases) m.emplace(header_key(name), column);
    return m;
  }();
  // Most headers are typed as the template has them: found without folding them.
  auto it = names.find(std::string(trim(header)));
  if (it == names.end()) it = names.find(header_key(header));
  if (it == names.end()) return std::nullopt;
  return it->second;
}

// Each field of a row: its column in a sheet and its key in YAML.
struct RowField {
  Column column;
  const char* key;
  Cell RawRow::*cell;
};
constexpr RowField kRowFields[] = {
    {Column::month, "month", &RawRow::month},
    {Column::task, "task", &RawRow::task},
    {Column::target, "target", &RawRow::target},
    {Column::value, "value", &RawRow::value},
    {Column::status, "status", &RawRow::status},
    {Column::target_value, "target_value", &RawRow::target_value},
    {Column::note, "note", &RawRow::note},
    {Column::county, "county", &RawRow::county},
    {Column::project, "project", &RawRow::project},
    {Column::project_status, "project_status", &RawRow::project_status},
    {Column::planned_finish, "planned_finish", &RawRow::planned_finish},
    {Column::progress, "progress_text", &RawRow::progress},
    {Column::issues, "issues", &RawRow::issues},
    {Column::next_steps, "next_steps", &RawRow::next_steps},
    {Column::issue_status, "issue_status", &RawRow::issue_status},
};

class Reader {
 public:
  Reader(const std::string& file, const Plan& plan, YearMonth folder_month, Diagnostics& diags)
      : file_(file), name_(file), plan_(plan), folder_month_(folder_month), diags_(diags) {}

  RawFile read_csv(std::string_view text);
  RawFile read_records(std::vector<CsvRecord> records);
  RawFile read_workbook(const Workbook& wb);
  std::string encoding_;    // how the bytes were decoded, for messages
  std::string sheet_;       // in a workbook, the sheet being read
  bool breakdown_ = false;  // a 分解方案 file (DATA/breakdown/), not a progress file
  RawFile read_yaml(std::string_view text);
  template <class N>
  RawFile read_yaml_tree(const N& root, const LineIndex& lines);
  Submission validate(RawFile raw);

 private:
  void error(const Cell& c, std::string msg) {
    report(Severity::error, c.line, c.col, std::move(msg));
  }
  void error(int line, int col, std::string msg) {
    report(Severity::error, line, col, std::move(msg));
  }
  void warning(const Cell& c, std::string msg) {
    report(Severity::warning, c.line, c.col, std::move(msg));
  }
  void warning(int line, int col, std::string msg) {
    report(Severity::warning, line, col, std::move(msg));
  }
  void controls_warning(std::size_t n) {
    warning(0, 0,
            "文件中有 " + std::to_string(n) +
                " 个控制字符或双向文字控制符（如 ESC、NUL、U+202E），已删除；请检查复制来源");
  }
  // In a workbook a place is Sheet1!C5 (a row without a column: Sheet1!5:5, as Excel names rows).
  void report(Severity s, int line, int col, std::string msg) {
    Diagnostic d{file_, "", line, col, s, std::move(msg)};
    if (!sheet_.empty() && line > 0)
      d.place = sheet_ + "!" +
                (col > 0 ? cell_ref(line, col) : std::to_string(line) + ":" + std::to_string(line));
    diags_.add(std::move(d));
  }
  std::optional<ProgressEntry> validate_row(const RawRow& row, const std::string& unit,
                                            Submission& sub);
  std::optional<int> county_of(const RawRow& row);
  void correction_row(const RawRow& row, YearMonth m, Submission& sub,
                      std::map<std::pair<TargetKey, YearMonth>, int>& seen);
  // A rejected row leaves its figure unknown: the project sum, the 县市区's or the city's.
  void mark_invalid(Submission& sub, const ProgressEntry& e) {
    if (!e.project.empty())
      invalid_projects_.insert(e.key);
    else if (e.county >= 0)
      sub.invalid_counties.insert({e.key, e.county});
    else
      sub.invalid.insert(e.key);
  }
  std::string resolve_unit(const RawFile& raw);
  std::string unit_of_rows(const RawFile& raw);
  void reconcile(Submission& sub);

 public:
  std::vector<std::pair<CountyKey, Allocation>> validate_breakdown(const RawFile& raw);

 private:
  std::set<TargetKey> invalid_projects_;
  std::set<TargetKey> unknown_counties_;
  bool any_doubtful_ = false;  // a row with a figure names no task: any of the unit's is meant
  const Target* resolve_target(const RawRow& row, const Task& task, const std::string& unit,
                               std::optional<int> named = std::nullopt);
  // Whether `unit`, the file's, leads `t`: by its position in the plan's units, so that a row
  // does not read the lead's name (a cache miss per row in a province's plan).
  bool leads(const std::string& unit, const Target& t) const {
    return t.lead_unit >= 0 ? t.lead_unit == unit_position_ : t.lead == unit;
  }
  int unit_position_ = -1;  // the file's unit in Plan::units, set once its unit is known

  const std::string& file_;
  FileName name_;  // shared by every row's source: made once, not once a row
  const Plan& plan_;
  YearMonth folder_month_;
  Diagnostics& diags_;
};

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
std::optional<int> month_named(std::string_view raw);
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
  std::array<std::size_t, static_cast<std::size_t>(Column::issue_status) + 1> at_;
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
  // A file of projects alone (项目状态, 计划完工) or of words alone (存在问题) says something too.
  if (!cols.has(Column::value) && !cols.has(Column::status) && !cols.has(Column::target_value) &&
      !cols.has(Column::project_status) && !cols.has(Column::planned_finish) &&
      !cols.has(Column::issues) && !cols.has(Column::issue_status) && !cols.has(Column::progress))
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

// yaml-cpp counts columns in bytes; messages count characters, as editors do. N is YAML::Node or
// lite::Node; the scalar is kept in `keep`, which the cell views.
template <class N>
Cell yaml_cell(const N& n, const LineIndex& lines, std::deque<std::string>& keep,
               std::size_t& stripped) {
  Cell c;
  if (!n.IsDefined() || n.IsNull()) return c;
  c.line = n.Mark().line + 1;
  c.col = lines.char_column(n.Mark().line, n.Mark().column);
  if (n.IsScalar()) {
    std::string text = n.Scalar();
    stripped += strip_controls(text);  // "\e" in a double-quoted scalar is an ESC
    c.text = keep.emplace_back(std::move(text));
  } else
    c.not_scalar = true;  // a list or map where one value belongs; validation names it
  return c;
}

// The plain subset of YAML (what units type and the template writes) is read by the fast reader;
// anything else by yaml-cpp, which also gives the messages for syntax errors.
RawFile Reader::read_yaml(std::string_view text) {
  LineIndex lines(text);
  if (auto root = lite::parse(text)) return read_yaml_tree(*root, lines);
  YAML::Node root;
  try {
    root = load_yaml(text);
  } catch (const YamlInputError& e) {
    error(e.line0 + 1, lines.char_column(e.line0, e.byte_col0), e.what());
    return {};
  }
  return read_yaml_tree(root, lines);
}

template <class N>
RawFile Reader::read_yaml_tree(const N& root, const LineIndex& lines) {
  RawFile raw;
  std::size_t stripped = 0;
  auto cell = [&](const N& n) { return yaml_cell(n, lines, raw.scalars, stripped); };
  if (!root.IsMap()) {
    error(1, 0, "YAML 进度文件的顶层应为键值映射（unit、month、progress）");
    return raw;
  }
  const std::string list_key = breakdown_ ? "allocations" : "progress";
  const std::vector<std::string> top = {"unit", "month", "submitted", list_key};
  static const std::vector<std::string> row_keys = [] {
    std::vector<std::string> keys;
    for (const auto& f : kRowFields) keys.push_back(f.key);
    return keys;
  }();
  for (const auto& kv : root) {
    std::string k = kv.first.Scalar();
    if (std::find(top.begin(), top.end(), k) == top.end())
      error(cell(kv.first), "未知字段" + quote_value(k) + did_you_mean(k, top));
  }
  if (root["unit"].IsDefined()) {
    raw.unit_cell = cell(root["unit"]);
    raw.unit = std::string(trim(raw.unit_cell.text));
  }
  // An empty `submitted:` (as the template leaves it) means not given.
  if (Cell c = cell(root["month"]); c.present()) raw.month = c;
  if (Cell c = cell(root["submitted"]); c.present()) raw.submitted = c;
  N progress = root[list_key];
  if (!progress.IsDefined() || progress.IsNull()) {
    error(1, 0, "缺少 " + list_key + " 列表");
    return raw;
  }
  if (!progress.IsSequence()) {
    error(cell(progress), list_key + " 应为列表");
    return raw;
  }
  for (const auto& item : progress) {
    Cell at = cell(item);
    if (!item.IsMap()) {
      error(at.line, at.col, "progress 的每一项应为键值映射，如 {task: 14, value: 820}");
      continue;
    }
    for (const auto& kv : item) {
      std::string k = kv.first.Scalar();
      if (std::find(row_keys.begin(), row_keys.end(), k) == row_keys.end())
        error(cell(kv.first), "未知字段" + quote_value(k) + did_you_mean(k, row_keys));
    }
    RawRow row;
    row.line = at.line;
    for (const auto& f : kRowFields) row.*f.cell = cell(item[f.key]);
    if (!row.task.present()) row.task = {"", at.line, at.col, false};
    raw.rows.push_back(std::move(row));
  }
  if (stripped) controls_warning(stripped);
  return raw;
}

// A positive whole number written out in full, or nullopt.
std::optional<int> whole_number(std::string_view s) {
  int v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || v <= 0) return std::nullopt;
  return v;
}

struct TaskRef {
  int task = 0;
  std::optional<int> target;  // named in the 任务编号 itself: 26.1
};

std::optional<int> parse_index(std::string_view s) {
  // Twice a row: plain digits are read as they are; anything else is folded first (１２,
  // 任务12, 12.).
  if (auto v = whole_number(trim(s))) return v;
  std::string t(trim(nfkc(s)));
  // 任务12, 第12项, 12号, 12.: the number with the words people put around it.
  for (std::string_view pre : {"任务", "第"})
    if (t.starts_with(pre)) t.erase(0, pre.size());
  for (std::string_view post : {"项", "号", "条", "."})
    if (t.ends_with(post)) t.erase(t.size() - post.size());
  return whole_number(trim(t));
}

// A 任务编号 as people and minsheng's own reports write it: 26, 任务26, 26.1, 26-1, 26（1）,
// 26(1), 26之1 and their full-width forms; the part after the task is its target.
std::optional<TaskRef> parse_task_ref(std::string_view s) {
  if (auto v = parse_index(s)) return TaskRef{*v, std::nullopt};
  std::string t(trim(nfkc(s)));
  for (std::string_view pre : {"任务", "第"})
    if (t.starts_with(pre)) t.erase(0, pre.size());
  std::size_t digits = 0;
  while (digits < t.size() && t[digits] >= '0' && t[digits] <= '9') ++digits;
  if (digits == 0) return std::nullopt;
  auto task = whole_number(std::string_view(t).substr(0, digits));
  std::string rest = t.substr(digits);
  for (std::string_view sep : {".", "-", "之", "("})
    if (rest.starts_with(sep)) {
      rest.erase(0, sep.size());
      if (sep == "(") {
        if (!rest.ends_with(")")) return std::nullopt;
        rest.pop_back();
      }
      auto target = whole_number(rest);
      if (!task || !target) return std::nullopt;
      return TaskRef{*task, *target};
    }
  return std::nullopt;
}

const Target* Reader::resolve_target(const RawRow& row, const Task& task, const std::string& unit,
                                     std::optional<int> named) {
  auto tid = [&] { return std::to_string(task.id); };  // for messages only
  if (named) {
    if (row.target.present() && parse_index(row.target.text) != named) {
      error(row.target, "任务编号 " + std::string(trim(row.task.text)) + " 已指明第 " +
                            std::to_string(*named) + " 个指标，与“指标”列的" +
                            quote_value(trim(row.target.text)) + "不符");
      return nullptr;
    }
    if (*named < 1 || static_cast<std::size_t>(*named) > task.targets.size()) {
      error(row.task, "任务" + tid() + "没有第 " + std::to_string(*named) + " 个指标（共 " +
                          std::to_string(task.targets.size()) + " 个）");
      return nullptr;
    }
    return &task.targets[static_cast<std::size_t>(*named - 1)];
  }
  if (row.target.present()) {
    auto idx = parse_index(row.target.text);
    if (!idx) {
      error(row.target, "指标序号应为正整数，实际为" + quote_value(trim(row.target.text)));
      return nullptr;
    }
    if (static_cast<std::size_t>(*idx) > task.targets.size()) {
      error(row.target, "任务" + tid() + "没有第 " + std::to_string(*idx) + " 个指标（共 " +
                            std::to_string(task.targets.size()) + " 个）");
      return nullptr;
    }
    return &task.targets[static_cast<std::size_t>(*idx - 1)];
  }
  if (task.targets.size() == 1) return &task.targets[0];
  // Several targets: the one this unit leads, if there is exactly one.
  const Target* mine = nullptr;
  int count = 0;
  for (const auto& t : task.targets)
    if (leads(unit, t)) mine = &t, ++count;
  if (count == 1) return mine;
  error(row.task, "任务" + tid() + "有 " + std::to_string(task.targets.size()) +
                      " 个指标，请在“指标”列填写序号（1–" + std::to_string(task.targets.size()) +
                      "）");
  return nullptr;
}

// 已解决 closes a problem; blank or 未解决 leaves it open.
std::optional<bool> parse_solved(std::string_view word) {
  if (trim(word).empty()) return false;  // most rows: no status, no folding
  std::string w(trim(nfkc(word)));
  if (w.empty() || w == "未解决" || w == "open" || w == "推进中") return false;
  if (w == "已解决" || w == "已销号" || w == "solved" || w == "closed") return true;
  return std::nullopt;
}

std::string text_of(const Cell& c) {
  return std::string(trim(c.text));
}

// The row's 县市区 (-1: the city), or nullopt after an error.
std::optional<int> Reader::county_of(const RawRow& row) {
  if (!row.county.present() || plan_.is_city_total(row.county.text)) return -1;
  std::string name = text_of(row.county);
  if (int i = plan_.county_index(name); i >= 0) return i;
  if (plan_.counties.empty())
    error(row.county,
          "计划未列出县市区（tasks.yaml 的 counties），不能填写县市区" + quote_value(name));
  else
    error(row.county,
          quote_value(name) + "不是计划中的县市区" + did_you_mean(name, plan_.counties));
  return std::nullopt;
}

std::optional<ProgressEntry> Reader::validate_row(const RawRow& row, const std::string& unit,
                                                  Submission& sub) {
  static const char* kShape = "应为单个值，不能是列表或映射";
  if (row.task.not_scalar) {
    error(row.task, std::string("task ") + kShape);
    return std::nullopt;
  }
  bool figure = row.value.present() || row.status.present();
  auto ref = parse_task_ref(row.task.text);
  if (!ref) {
    error(row.task, row.task.present()
                        ? "任务编号应为正整数，实际为" + quote_value(trim(row.task.text))
                        : std::string("缺少任务编号"));
    any_doubtful_ = any_doubtful_ || figure;
    sub.unnamed_rows += figure;
    return std::nullopt;
  }
  const Task* task = plan_.find_task(ref->task);
  if (!task) {
    error(row.task, "未知任务编号 " + std::to_string(ref->task) + "（计划共 " +
                        std::to_string(plan_.tasks.size()) + " 项任务）");
    any_doubtful_ = any_doubtful_ || figure;
    sub.unnamed_rows += figure;
    return std::nullopt;
  }
  const Target* target = resolve_target(row, *task, unit, ref->target);
  if (!target) {  // the task is named, its target is not: each of the unit's may be meant
    if (figure) {
      ++sub.unnamed_rows;
      for (const auto& t : task->targets)
        if (unit.empty() || leads(unit, t)) sub.doubtful.insert({task->id, t.index});
    }
    return std::nullopt;
  }
  TargetKey key{task->id, target->index};
  auto label = [&] { return task->label_of(*target); };  // for messages only
  bool ok = true;
  auto bad = [&](const Cell& c, std::string msg) {
    error(c, std::move(msg));
    ok = false;
  };

  // Another unit's target: an error in this file, and the leading unit's own value stands.
  bool foreign = !unit.empty() && !leads(unit, *target);
  if (foreign)
    error(row.task, label() + "由" + target->lead + "牵头，不属于" + unit + "的报送范围");

  for (const auto& f : kRowFields)
    if ((row.*f.cell).not_scalar) bad(row.*f.cell, std::string(f.key) + " " + kShape);

  ProgressEntry e;
  e.key = key;
  e.source = {name_, row.line};
  if (row.note.present()) e.note = text_of(row.note);
  if (row.project.present()) e.project = text_of(row.project);
  UnitText words;
  words.source = e.source;
  if (row.has_text()) {
    words.progress = text_of(row.progress);
    words.issues = text_of(row.issues);
    words.next_steps = text_of(row.next_steps);
  }
  bool county_unknown = false;
  if (auto c = county_of(row))
    e.county = *c;
  else
    ok = false, county_unknown = true;
  if (auto solved = parse_solved(row.issue_status.text))
    words.solved = *solved;
  else
    bad(row.issue_status,
        "问题状态应为 已解决 或 未解决，实际为" + quote_value(text_of(row.issue_status)));
  if (!words.empty() || words.solved) e.text = std::make_shared<const UnitText>(std::move(words));

  bool project = !e.project.empty();
  if (project) {
    // A project's state may be typed in 状态 as well as in 项目状态.
    const Cell& st = row.project_status.present() ? row.project_status : row.status;
    if (st.present()) {
      if (auto ps = parse_project_state(st.text))
        e.project_state = ps;
      else
        bad(st, "项目状态应为 未开工、在建 或 已完工，实际为" + quote_value(text_of(st)) +
                    did_you_mean(text_of(st), {"未开工", "在建", "已完工"}));
    }
    if (row.planned_finish.present()) {
      if (auto m = YearMonth::parse(row.planned_finish.text))
        e.planned_finish = m;
      else
        bad(row.planned_finish,
            "计划完工应写作 YYYY-MM，实际为" + quote_value(text_of(row.planned_finish)));
    }
  } else if (row.project_status.present() || row.planned_finish.present()) {
    warning(row.project_status.present() ? row.project_status : row.planned_finish,
            label() + "：没有“项目名称”，项目状态和计划完工已忽略");
  }

  if (row.value.present()) {
    bool milestone = target->kind == TargetKind::milestone;
    ParsedNumber n = parse_number(row.value.text, target->measure);
    if (n.kind == ParsedNumber::Kind::error) {
      bad(row.value, label() + "的累计完成值" + n.error);
    } else if (milestone && !n.quantity.percent && !project) {
      bad(row.value,
          label() + "为里程碑任务，请在“状态”列填写未启动/推进中/已完成，或以百分比填写完成进度");
    } else if (n.quantity.percent && !milestone && target->measure != "%") {
      bad(row.value, label() + "的计量单位为“" + target->measure + "”，不能填写百分数" +
                         quote_value(trim(row.value.text)));
    } else {
      e.value = n.quantity.value;
      e.percent = n.quantity.percent;
    }
  } else if (project && e.project_state == ProjectState::finished && summable(*target)) {
    e.value = 1;  // a finished project counts once unless the unit says how much it gave
  }
  if (row.status.present() && !project) {
    auto st = parse_milestone_state(row.status.text);
    if (!st)
      bad(row.status, "状态应为 未启动、推进中 或 已完成，实际为" +
                          quote_value(trim(row.status.text)) +
                          did_you_mean(trim(row.status.text), {"未启动", "推进中", "已完成"}));
    else if (target->kind == TargetKind::milestone)
      e.state = st;
    else
      warning(row.status, label() + "是数字指标，“状态”列已忽略，以累计完成值为准");
  }
  if (row.target_value.present()) {
    ParsedNumber n = parse_number(row.target_value.text, target->measure);
    if (!target->pending)
      warning(row.target_value, label() + "的目标值已在计划中确定，此处填写的目标值已忽略");
    else if (n.kind == ParsedNumber::Kind::error)
      bad(row.target_value, label() + "的目标值" + n.error);
    else if (n.quantity.value <= target->baseline)
      bad(row.target_value, label() + "的目标值应大于基数 " + format_number(target->baseline));
    else if (e.county >= 0 || project)
      warning(
          row.target_value,
          label() + "：县市区和项目行的目标值已忽略；县市区的分解目标请报送分解方案（breakdown）");
    else
      e.target_value = n.quantity.value;
  }
  if (foreign) return std::nullopt;
  if (!ok) {
    if (county_unknown && !project)
      unknown_counties_.insert(key);  // some 县市区's figure is lost: a sum of them is unknown
    else
      mark_invalid(sub, e);
    return std::nullopt;
  }
  return e;
}

// A row whose 月份 is an earlier month: that month's city figure set right. Its mistakes are its
// own: this month's figures stand.
void Reader::correction_row(const RawRow& row, YearMonth m, Submission& sub,
                            std::map<std::pair<TargetKey, YearMonth>, int>& seen) {
  Submission scratch;  // its doubts are an earlier month's matter
  bool any = any_doubtful_;
  auto e = validate_row(row, sub.unit, scratch);
  any_doubtful_ = any;
  if (!e) return;
  std::string what = m.str() + " 的" + target_label(e->key.task, e->key.target, true);
  if (e->county >= 0 || !e->project.empty()) {
    error(row.task, "更正 " + what + "：本月文件中只能更正全市数值；县市区、项目的数值请把 " +
                        m.str() + " 更正后的文件放入 " + m.str() + " 目录");
    return;
  }
  if (!e->value) {
    error(row.value.present() ? row.value : row.task,
          "更正 " + what + "：应填写更正后的累计完成值");
    return;
  }
  auto [it, fresh] = seen.emplace(std::pair{e->key, m}, row.line);
  if (!fresh) {  // which is right is unknown: neither is taken
    error(row.task, "重复的更正：" + what + "已在第 " + std::to_string(it->second) +
                        " 行更正，两行均不予采用");
    std::erase_if(sub.corrections,
                  [&](const Correction& c) { return c.key == e->key && c.month == m; });
    return;
  }
  sub.corrections.push_back({e->key, m, *e->value, e->percent, std::nullopt, e->source});
}

// A count target's city value from its 县市区 or project rows when the unit gave none; a city
// value that they should add up to is checked when the month is merged.
void Reader::reconcile(Submission& sub) {
  std::map<TargetKey, std::pair<const ProgressEntry*, const ProgressEntry*>> parts;  // first rows
  // Rows left blank (the form lists every 县市区 and last month's projects) say nothing.
  for (const auto& e : sub.counties)
    if ((e.value || e.state) && !parts[e.key].first) parts[e.key].first = &e;
  for (const auto& e : sub.projects)
    if ((e.value || e.project_state) && !parts[e.key].second) parts[e.key].second = &e;
  for (const auto& part_rows : parts) {
    const TargetKey key = part_rows.first;  // a plain variable: clang 14 cannot capture bindings
    const auto& first = part_rows.second;
    const Task* task = plan_.find_task(key.task);
    const Target& t = task->targets[static_cast<std::size_t>(key.target - 1)];
    auto city = std::find_if(sub.entries.begin(), sub.entries.end(),
                             [&](const ProgressEntry& e) { return e.key == key; });
    bool has_city = city != sub.entries.end() && (city->value || city->state);
    SumOf of = first.first ? SumOf::counties : SumOf::projects;
    const ProgressEntry& part = first.first ? *first.first : *first.second;
    if (!summable(t)) {
      if (!has_city && of == SumOf::counties)
        warning(Cell{"", part.source.line, 0, false},
                task->label_of(t) + "是" + (t.kind == TargetKind::milestone ? "里程碑" : "百分比") +
                    "指标，县市区的值不能加总；全市值请填在县市区为“全市”的一行");
      continue;
    }
    if (has_city) {
      city->checked_against = of;
      continue;
    }
    bool broken = of == SumOf::counties
                      ? unknown_counties_.count(key) > 0 ||
                            std::any_of(sub.invalid_counties.begin(), sub.invalid_counties.end(),
                                        [&](const CountyKey& k) { return k.key == key; })
                      : invalid_projects_.count(key) > 0;
    if (broken) {  // one of the parts is unreadable, so their sum is unknown
      sub.invalid.insert(key);
      continue;
    }
    // The figure itself is formed in the merge (model/progress), with the 县市区 or projects
    // this file leaves out carried from earlier months.
    if (city == sub.entries.end()) {
      ProgressEntry d;
      d.key = key;
      d.source = part.source;
      sub.entries.push_back(std::move(d));
      city = sub.entries.end() - 1;
    }
    city->value.reset();
    city->derived_from = of;
  }
}

// The unit a file is from: its 牵头单位 column or field, else its file name.
std::string Reader::resolve_unit(const RawFile& raw) {
  if (raw.unit_cell.not_scalar) {
    error(raw.unit_cell, "unit 应为一个牵头单位的名称，不能是列表或映射");
    return "";
  }
  if (!raw.unit.empty()) {
    std::string unit = plan_.canonical_unit(raw.unit);
    if (unit.empty())
      error(raw.unit_cell, quote_value(raw.unit) + "不是计划中的牵头单位" +
                               did_you_mean(raw.unit, plan_.unit_names()));
    return unit;
  }
  std::filesystem::path p(file_);
  std::string stem = p.stem().string();
  std::string unit = unit_from_file_name(stem, plan_);
  // The form says who sent it: that wins over a file name, which staff or mail clients change.
  if (!raw.unit_line.empty()) {
    std::string signed_as = unit_from_file_name(raw.unit_line, plan_);
    if (signed_as.empty()) {
      if (unit.empty())
        error(raw.unit_line_at, 0,
              "填报单位" + quote_value(raw.unit_line) + "不是计划中的牵头单位" +
                  did_you_mean(raw.unit_line, plan_.unit_names()));
      return unit;
    }
    if (!unit.empty() && unit != signed_as)
      warning(raw.unit_line_at, 0,
              "表上填报单位为" + signed_as + "，文件名却是" + unit + "；按填报单位采用");
    return signed_as;
  }
  if (unit.empty()) unit = unit_of_rows(raw);
  if (unit.empty()) {
    std::string guess(stem.substr(0, stem.find_first_of("_-（( 0123456789")));
    error(0, 0,
          "无法确定牵头单位：文件名" + quote_value(p.filename().string()) +
              "不以计划中的牵头单位开头，文件内也没有“牵头单位”列" +
              did_you_mean(guess, plan_.unit_names()));
  }
  return unit;
}

// A file whose name names no unit, and that names none inside, is still one unit's when every
// target its rows name has that one lead: taken, with a warning to check.
std::string Reader::unit_of_rows(const RawFile& raw) {
  std::set<std::string> leads;
  for (const auto& row : raw.rows) {
    auto ref = parse_task_ref(row.task.text);
    const Task* task = ref ? plan_.find_task(ref->task) : nullptr;
    if (!task) continue;
    for (const auto& t : task->targets)
      if (!ref->target || t.index == *ref->target) leads.insert(t.lead);
  }
  if (leads.size() != 1) return "";
  const std::string& unit = *leads.begin();
  warning(0, 0,
          "文件名" + quote_value(std::filesystem::path(file_).filename().string()) +
              "不以计划中的牵头单位开头" +
              did_you_mean(std::filesystem::path(file_).stem().string(), plan_.unit_names()) +
              "；表中任务均由" + unit + "牵头，按" + unit + "采用，请核对");
  return unit;
}

// A row is one target in the city, in one 县市区, or one project (by its one shared name).
struct RowKey {
  TargetKey key;
  int county;
  const std::string* project;
  bool operator==(const RowKey&) const = default;
  bool operator<(const RowKey& o) const {
    if (key != o.key) return key < o.key;
    if (county != o.county) return county < o.county;
    return std::less<const std::string*>()(project, o.project);  // any fixed order serves
  }
};
struct RowKeyHash {
  std::size_t operator()(const RowKey& k) const {
    return TargetKeyHash()(k.key) * 31 + std::hash<const void*>()(k.project) * 7 +
           static_cast<std::size_t>(k.county);
  }
};

// The rows already seen in a file, and the line of each. Forms list their rows in order, so
// while every key is greater than the last one none can repeat and a list suffices; the first
// key out of order turns on a hash of every key seen (a hash node per row cost 6% of reading).
class SeenRows {
 public:
  // The line where `k` was first seen, or nullopt (and `k` is remembered at `line`).
  std::optional<int> first_line(const RowKey& k, int line) {
    if (!out_of_order_) {
      if (in_order_.empty() || in_order_.back().first < k) {
        in_order_.emplace_back(k, line);
        return std::nullopt;
      }
      out_of_order_ = true;
      hashed_.reserve(in_order_.size() * 2);
      for (const auto& [key, at] : in_order_) hashed_.emplace(key, at);
      in_order_ = {};
    }
    auto [it, fresh] = hashed_.emplace(k, line);
    return fresh ? std::nullopt : std::optional<int>(it->second);
  }
  void reserve(std::size_t rows) { in_order_.reserve(rows); }

 private:
  bool out_of_order_ = false;
  std::vector<std::pair<RowKey, int>> in_order_;
  std::unordered_map<RowKey, int, RowKeyHash> hashed_;
};

Submission Reader::validate(RawFile raw) {
  Submission sub;
  sub.file = file_;
  sub.month = folder_month_;
  sub.unit = resolve_unit(raw);
  unit_position_ = plan_.unit_position(sub.unit);
  bool rejected = false;
  auto wrong_file_month = [&](const Cell& c, YearMonth m) {
    std::string hint = m < folder_month_
                           ? "（如为更正 " + m.str() + " 的数据，请把更正后的文件放入 " + m.str() +
                                 " 目录，或在本月文件中加一行，月份写 " + m.str() + "）"
                           : "";
    error(c, "文件中的月份 " + m.str() + " 与所在目录的月份 " + folder_month_.str() +
                 " 不符，整个文件不予采用" + hint);
    rejected = true;
  };
  if (raw.month) {
    auto m = YearMonth::parse(raw.month->text);
    if (!m) {
      error(*raw.month, "月份应写作 YYYY-MM，实际为" + quote_value(trim(raw.month->text)));
      rejected = true;
    } else if (*m != folder_month_) {
      wrong_file_month(*raw.month, *m);
    }
  }
  // A 月份 column: a row of an earlier month corrects that month's figure. When no row is of
  // the folder's month, the file is another month's, put in the wrong folder.
  std::vector<std::optional<YearMonth>> row_months(raw.rows.size());
  bool own_month = false;
  const Cell* other_month = nullptr;  // the first row of another month
  YearMonth other;
  for (std::size_t i = 0; i < raw.rows.size(); ++i) {
    const Cell& c = raw.rows[i].month;
    if (!c.present() || c.not_scalar) {
      own_month = own_month || !c.not_scalar;
      continue;
    }
    auto m = month_in_cell(c.text, folder_month_);
    if (!m) {
      error(c, "月份应写作 YYYY-MM（如 " + folder_month_.str() + "），实际为" +
                   quote_value(trim(c.text)));
      continue;
    }
    row_months[i] = m;
    own_month = own_month || *m == folder_month_;
    if (*m != folder_month_ && !other_month) other_month = &c, other = *m;
  }
  if (!own_month && other_month && !rejected) wrong_file_month(*other_month, other);
  // Last month's form put in this month's folder: its title or its file name says so.
  if (!raw.wrong_month && !raw.month_sheet) {
    auto named = month_named(std::filesystem::path(file_).stem().string());
    if (raw.title_month && *raw.title_month != folder_month_.month) {
      error(raw.title_line, 0,
            "表头上方写的是" + std::to_string(*raw.title_month) + "月，与所在目录 " +
                folder_month_.str() + " 不符，整个文件不予采用（是否把上月的文件放进了本月？）");
      raw.wrong_month = true;
    } else if (named && *named != folder_month_.month) {
      error(0, 0,
            "文件名写的是" + std::to_string(*named) + "月，与所在目录 " + folder_month_.str() +
                " 不符，整个文件不予采用（是否把上月的文件放进了本月？）");
      raw.wrong_month = true;
    }
  }
  rejected = rejected || raw.wrong_month;
  if (raw.submitted) {
    auto d = Date::parse(raw.submitted->text);
    if (!d)
      error(*raw.submitted,
            "报送日期应写作 YYYY-MM-DD，实际为" + quote_value(trim(raw.submitted->text)));
    else {
      sub.submitted = d;
      sub.submitted_from = DateFrom::column;
    }
  } else if (raw.dated_line) {
    sub.submitted = raw.dated_line;  // a 报送日期 column, where there is one, wins
    sub.submitted_from = DateFrom::form_line;
  }
  SeenRows seen;
  seen.reserve(raw.rows.size());
  sub.entries.reserve(raw.rows.size());
  std::map<std::pair<TargetKey, YearMonth>, int> corrected;  // → its first line
  for (std::size_t i = 0; i < raw.rows.size(); ++i) {
    const RawRow& row = raw.rows[i];
    if (rejected || !row.month.present() || row.month.not_scalar) {
      // the folder's month, or a file refused whole, whose rows are read to mark them 数据有误
    } else if (!row_months[i]) {
      continue;  // its month is unreadable: reported above
    } else if (*row_months[i] > folder_month_) {
      error(row.month, "本行月份 " + row_months[i]->str() + " 晚于所在目录的月份 " +
                           folder_month_.str() + "，本行不予采用");
      continue;
    } else if (*row_months[i] < folder_month_) {
      correction_row(row, *row_months[i], sub, corrected);
      continue;
    }
    if (!row.task.present() && !row.value.present() && !row.status.present() &&
        !row.target_value.present()) {
      // No task number, only words: the unit's general text.
      UnitText& u = sub.unit_text;
      auto add = [](std::string& to, const Cell& c) {
        if (!c.present()) return;
        if (!to.empty()) to += "\n";
        to += text_of(c);
      };
      if (u.empty()) u.source = {name_, row.line};
      add(u.progress, row.progress);
      add(u.issues, row.issues);
      add(u.next_steps, row.next_steps);
      continue;
    }
    auto e = validate_row(row, sub.unit, sub);
    if (!e) continue;
    if (raw.bad_lines.count(row.line)) {  // its error is already reported at the cell
      mark_invalid(sub, *e);
      continue;
    }
    if (auto first = seen.first_line(RowKey{e->key, e->county, &e->project.str()}, row.line)) {
      // A form's open project row left as it came (its task numbers and nothing else) adds
      // nothing: it is no second report of the target.
      bool gives_nothing = !row.value.present() && !row.status.present() &&
                           !row.target_value.present() && !row.note.present() &&
                           !row.county.present() && !row.project.present() &&
                           !row.project_status.present() && !row.planned_finish.present() &&
                           !row.has_text() && !row.issue_status.present();
      if (gives_nothing) continue;
      std::string what = target_label(e->key.task, e->key.target, true);
      if (!e->project.empty())
        what += "的项目" + quote_value(e->project.str());
      else if (e->county >= 0)
        what += "的" + plan_.counties[static_cast<std::size_t>(e->county)];
      error(row.task, "重复的行：" + what + "已在第 " + std::to_string(*first) + " 行填报");
      mark_invalid(sub, *e);
      continue;
    }
    if (!e->project.empty())
      sub.projects.push_back(std::move(*e));
    else if (e->county >= 0)
      sub.counties.push_back(std::move(*e));
    else
      sub.entries.push_back(std::move(*e));
  }
  // A duplicate makes a figure uncertain: keep neither row.
  std::erase_if(sub.counties, [&](const ProgressEntry& e) {
    return sub.invalid_counties.count({e.key, e.county}) > 0;
  });
  std::erase_if(sub.entries, [&](const ProgressEntry& e) { return sub.invalid.count(e.key) > 0; });
  reconcile(sub);
  std::erase_if(sub.entries, [&](const ProgressEntry& e) { return sub.invalid.count(e.key) > 0; });
  // A figure under a task number nobody can read was meant for one of the unit's targets; which
  // of them no file of the unit gives is settled once the month is read (settle_doubtful).
  if (any_doubtful_ && !sub.unit.empty())
    for (const Target* t : plan_.targets_of(sub.unit)) sub.doubtful.insert({t->task, t->index});
  if (sub.unit.empty()) rejected = true;  // nobody to attribute its rows to
  if (rejected) reject(sub);
  if (raw.rows.empty() && raw.header_line > 0)
    diags_.warning(file_, raw.header_line, 0, "文件只有表头，没有填报任何指标");
  return sub;
}

// A 分解方案: one row per target and 县市区 with its share of the target.
std::vector<std::pair<CountyKey, Allocation>> Reader::validate_breakdown(const RawFile& raw) {
  std::string unit = resolve_unit(raw);
  unit_position_ = plan_.unit_position(unit);
  std::vector<std::pair<CountyKey, Allocation>> out;
  std::map<CountyKey, int> seen;
  std::map<TargetKey, std::pair<double, int>> sums;  // → sum, first line
  for (const auto& row : raw.rows) {
    auto ref = parse_task_ref(row.task.text);
    const Task* task = ref ? plan_.find_task(ref->task) : nullptr;
    if (!task) {
      error(row.task, row.task.present() ? "未知任务编号" + quote_value(text_of(row.task))
                                         : std::string("缺少任务编号"));
      continue;
    }
    const Target* target = resolve_target(row, *task, unit, ref->target);
    if (!target) continue;
    std::string label = task->label_of(*target);
    if (!unit.empty() && target->lead != unit) {
      error(row.task, label + "由" + target->lead + "牵头，不属于" + unit + "的分解范围");
      continue;
    }
    if (!row.county.present() || plan_.is_city_total(row.county.text)) {
      error(row.county.line ? row.county : row.task, label + "：分解方案每行应填写一个县市区");
      continue;
    }
    auto county = county_of(row);
    if (!county) continue;
    const Cell& v = row.target_value.present() ? row.target_value : row.value;
    if (target->kind != TargetKind::numeric) {
      error(row.task, label + "是里程碑指标，没有可分解的数字目标");
      continue;
    }
    ParsedNumber n = parse_number(v.text, target->measure);
    if (!v.present()) {
      error(row.task, label + "：缺少分解目标");
      continue;
    }
    if (n.kind == ParsedNumber::Kind::error) {
      error(v, label + "的分解目标" + n.error);
      continue;
    }
    if (n.quantity.value <= target->baseline) {
      error(v, label + "的分解目标应大于基数 " + format_number(target->baseline));
      continue;
    }
    CountyKey ck{{task->id, target->index}, *county};
    auto [it, fresh] = seen.emplace(ck, row.line);
    if (!fresh) {
      error(row.county, "重复的行：" + label + "在" +
                            plan_.counties[static_cast<std::size_t>(*county)] +
                            "的分解目标已在第 " + std::to_string(it->second) + " 行填写");
      continue;
    }
    auto& sum = sums.try_emplace(ck.key, 0.0, row.line).first->second;
    sum.first += n.quantity.value;
    out.push_back({ck, {n.quantity.value, unit, {name_, row.line}}});
  }
  // A rate is each 县市区's own level; a count's shares should cover the city's figure.
  for (const auto& [key, sum] : sums) {
    const Task* task = plan_.find_task(key.task);
    const Target& t = task->targets[static_cast<std::size_t>(key.target - 1)];
    if (summable(t) && t.value && sum.first < *t.value - 1e-9)
      warning(Cell{"", sum.second, 0, false},
              task->label_of(t) + "：分解合计 " + format_number(sum.first) + t.measure +
                  " 少于全市目标 " + format_number(*t.value) + t.measure);
  }
  if (unit.empty()) out.clear();
  return out;
}

}  // namespace

std::string unit_from_file_name(std::string_view stem, const Plan& plan) {
  return plan.unit_prefix_of(trim(nfkc(stem)));
}

namespace {

// A file that could not be read at all: whatever it says for the unit this month is unknown,
// so its targets are 数据有误.
Submission unreadable(const std::string& file, const Plan& plan, YearMonth folder_month) {
  Submission sub;
  sub.file = file;
  sub.month = folder_month;
  sub.unit = unit_from_file_name(std::filesystem::path(file).stem().string(), plan);
  for (const Target* t : plan.targets_of(sub.unit)) sub.invalid.insert({t->task, t->index});
  sub.rejected = true;
  return sub;
}

}  // namespace

Submission parse_workbook_submission(const Workbook& wb, const std::string& file, const Plan& plan,
                                     YearMonth folder_month, Diagnostics& diags) {
  Reader reader(file, plan, folder_month, diags);
  Submission sub = reader.validate(reader.read_workbook(wb));
  sub.encoding = "workbook";
  return sub;
}

Submission parse_xls_submission(const std::filesystem::path& path, const std::string& file,
                                const Plan& plan, YearMonth folder_month, Diagnostics& diags) {
  try {
    return parse_workbook_submission(read_xls(path), file, plan, folder_month, diags);
  } catch (const WorkbookError& e) {
    diags.error(file, 0, 0, e.what());
    return unreadable(file, plan, folder_month);
  }
}

Submission parse_submission(std::string_view bytes, const std::string& file, const Plan& plan,
                            YearMonth folder_month, Diagnostics& diags) {
  Reader reader(file, plan, folder_month, diags);
  std::string ext = lower_extension(std::filesystem::path(file));
  if (ext == ".xlsx" || (ext == ".et" && bytes.starts_with("PK"))) {
    try {
      return parse_workbook_submission(read_xlsx(bytes), file, plan, folder_month, diags);
    } catch (const WorkbookError& e) {
      diags.error(file, 0, 0, e.what());
      return unreadable(file, plan, folder_month);
    }
  }
  Decoded text;
  try {
    text = decode_text(bytes);
  } catch (const DecodeError& e) {
    diags.error(file, e.line, e.col, e.what());
    return unreadable(file, plan, folder_month);
  }
  reader.encoding_ = text.encoding;
  RawFile raw =
      (ext == ".yaml" || ext == ".yml") ? reader.read_yaml(text.text) : reader.read_csv(text.text);
  Submission sub = reader.validate(std::move(raw));
  sub.encoding = text.encoding;
  return sub;
}

using Allocations = std::vector<std::pair<CountyKey, Allocation>>;

Allocations parse_breakdown(std::string_view bytes, const std::string& file, const Plan& plan,
                            Diagnostics& diags) {
  Reader reader(file, plan, {}, diags);
  reader.breakdown_ = true;
  std::string ext = lower_extension(std::filesystem::path(file));
  try {
    if (ext == ".xlsx" || (ext == ".et" && bytes.starts_with("PK")))
      return reader.validate_breakdown(reader.read_workbook(read_xlsx(bytes)));
    Decoded text = decode_text(bytes);
    reader.encoding_ = text.encoding;
    return reader.validate_breakdown((ext == ".yaml" || ext == ".yml")
                                         ? reader.read_yaml(text.text)
                                         : reader.read_csv(text.text));
  } catch (const WorkbookError& e) {
    diags.error(file, 0, 0, e.what());
  } catch (const DecodeError& e) {
    diags.error(file, e.line, e.col, e.what());
  }
  return {};
}

Allocations parse_xls_breakdown(const std::filesystem::path& path, const std::string& file,
                                const Plan& plan, Diagnostics& diags) {
  Reader reader(file, plan, {}, diags);
  reader.breakdown_ = true;
  try {
    return reader.validate_breakdown(reader.read_workbook(read_xls(path)));
  } catch (const WorkbookError& e) {
    diags.error(file, 0, 0, e.what());
  }
  return {};
}

}  // namespace minsheng
