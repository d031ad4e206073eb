// What the progress readers share (internal to io/): a file's rows as read, before validation,
// and the Reader that reads and validates them. progress_layout.cpp finds the table in a CSV or
// workbook as units lay it out, progress_yaml.cpp reads YAML, progress_rows.cpp validates a row,
// progress_reader.cpp validates a file and is the public entry.
#pragma once
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "io/workbook.hpp"
#include "io/yaml_input.hpp"
#include "model/diagnostic.hpp"
#include "model/plan.hpp"
#include "model/progress.hpp"
#include "util/csv.hpp"
#include "util/date.hpp"
#include "util/text.hpp"

namespace minsheng::reading {

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
  Cell planned_investment, invested, funded, physical_pct;  // 万元, and 形象进度
  Cell node_months, node_pcts;  // a 分解方案's 节点月份/节点进度
  bool has_text() const { return progress.present() || issues.present() || next_steps.present(); }
  bool has_investment() const {
    return planned_investment.present() || invested.present() || funded.present() ||
           physical_pct.present();
  }
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
  issue_status,
  planned_investment,
  invested,
  funded,
  physical_pct,
  node_months,
  node_pcts  // the last: Layout sizes its table by it
};

// The column a header names (任务编号, 累计完成, 县（市、区）…), in Chinese or English.
std::optional<Column> column_for(std::string_view header);

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
    {Column::planned_investment, "planned_investment", &RawRow::planned_investment},
    {Column::invested, "invested", &RawRow::invested},
    {Column::funded, "funded", &RawRow::funded},
    {Column::physical_pct, "physical_pct", &RawRow::physical_pct},
    {Column::node_months, "node_months", &RawRow::node_months},
    {Column::node_pcts, "node_pcts", &RawRow::node_pcts},
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
  // The steps of validate_row; `ok` turns false on an error that rejects the row. The target's
  // label is formed only for a message.
  using Label = std::function<std::string()>;
  std::pair<const Task*, const Target*> row_target(const RawRow& row, const std::string& unit,
                                                   Submission& sub);
  void row_words(const RawRow& row, ProgressEntry& e, bool& ok);
  void row_project(const RawRow& row, const Label& label, ProgressEntry& e, bool& ok);
  void row_figure(const RawRow& row, const Target& target, const Label& label, ProgressEntry& e,
                  bool& ok);
  void row_target_value(const RawRow& row, const Target& target, const Label& label,
                        ProgressEntry& e, bool& ok);
  void row_investment(const RawRow& row, const Label& label, ProgressEntry& e, bool& ok);
  void bad(bool& ok, const Cell& c, std::string msg) {
    error(c, std::move(msg));
    ok = false;
  }
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

struct TaskRef {
  int task = 0;
  std::optional<int> target;  // named in the 任务编号 itself: 26.1
};

// 26, 26.1 or 任务26: the task, and the target when the number names it.
std::optional<TaskRef> parse_task_ref(std::string_view s);
// A month written in a cell (2024-05, 2024年5月, 5月), read against the folder's month.
std::optional<YearMonth> month_in_cell(std::string_view text, YearMonth folder);
// The one month a sheet name, file name or title names (7月, 2024年7月份, 2024-07), or nullopt.
std::optional<int> month_named(std::string_view raw);
// A cell's text, trimmed, as its own string.
std::string text_of(const Cell& c);

}  // namespace minsheng::reading
