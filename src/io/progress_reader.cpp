#include "io/progress_reader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include "io/workbook.hpp"
#include "io/yaml_input.hpp"
#include "util/csv.hpp"
#include "util/encoding.hpp"
#include "util/number.hpp"
#include "util/suggest.hpp"
#include "util/text.hpp"

namespace minsheng {
namespace {

struct Cell {
  std::string text;
  int line = 0;
  int col = 0;
  bool not_scalar = false;  // YAML gave a list or map here
  bool present() const { return not_scalar || !trim(text).empty(); }
};

// A row before validation, from either format.
struct RawRow {
  int line = 0;
  Cell task, target, value, status, target_value, note;
};

struct RawFile {
  std::string unit;  // named inside the file, if it is
  Cell unit_cell;
  std::optional<Cell> month;
  std::optional<Cell> submitted;
  std::vector<RawRow> rows;
  int header_line = 0;  // CSV only: where the header was found
  std::set<int> bad_lines;  // workbook rows with a cell that could not be read
};

enum class Column { task, target, value, status, target_value, note, submitted, unit, month };

// Header names staff use, Chinese first; English for machine-made files.
std::optional<Column> column_for(std::string_view header) {
  std::string h(trim(nfkc(header)));
  std::transform(h.begin(), h.end(), h.begin(), [](unsigned char c) { return std::tolower(c); });
  static const std::map<std::string, Column> names = {
      {"任务编号", Column::task},       {"task", Column::task},
      {"指标", Column::target},         {"指标序号", Column::target},
      {"target", Column::target},       {"累计完成", Column::value},
      {"完成值", Column::value},        {"value", Column::value},
      {"状态", Column::status},         {"status", Column::status},
      {"目标值", Column::target_value}, {"target_value", Column::target_value},
      {"备注", Column::note},           {"note", Column::note},
      {"报送日期", Column::submitted},  {"submitted", Column::submitted},
      {"牵头单位", Column::unit},       {"unit", Column::unit},
      {"月份", Column::month},          {"month", Column::month},
  };
  auto it = names.find(h);
  if (it == names.end()) return std::nullopt;
  return it->second;
}

class Reader {
 public:
  Reader(const std::string& file, const Plan& plan, YearMonth folder_month, Diagnostics& diags)
      : file_(file), plan_(plan), folder_month_(folder_month), diags_(diags) {}

  RawFile read_csv(std::string_view text);
  RawFile read_records(std::vector<CsvRecord> records);
  RawFile read_workbook(const Workbook& wb);
  std::string encoding_;  // how the bytes were decoded, for messages
  std::string sheet_;     // in a workbook, the sheet being read
  RawFile read_yaml(std::string_view text);
  Submission validate(RawFile raw);

 private:
  void error(const Cell& c, std::string msg) { report(Severity::error, c.line, c.col, std::move(msg)); }
  void error(int line, int col, std::string msg) {
    report(Severity::error, line, col, std::move(msg));
  }
  void warning(const Cell& c, std::string msg) {
    report(Severity::warning, c.line, c.col, std::move(msg));
  }
  // In a workbook a place is Sheet1!C5 (a row without a column: Sheet1!5:5, as Excel names rows).
  void report(Severity s, int line, int col, std::string msg) {
    Diagnostic d{file_, "", line, col, s, std::move(msg)};
    if (!sheet_.empty() && line > 0)
      d.place = sheet_ + "!" + (col > 0 ? cell_ref(line, col)
                                        : std::to_string(line) + ":" + std::to_string(line));
    diags_.add(std::move(d));
  }
  std::optional<ProgressEntry> validate_row(const RawRow& row, const std::string& unit,
                                            Submission& sub);
  const Target* resolve_target(const RawRow& row, const Task& task, const std::string& unit);

  const std::string& file_;
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

// The first visible sheet with a header; a workbook without one is an error naming its sheets.
RawFile Reader::read_workbook(const Workbook& wb) {
  std::vector<std::string> names;
  for (const auto& s : wb.sheets) {
    names.push_back(s.name);
    if (s.hidden) continue;
    auto records = records_of(s);
    if (!has_header(records)) continue;
    sheet_ = s.name;
    RawFile raw = read_records(std::move(records));
    for (const auto& p : s.problems) {
      error(p.row, p.col, p.message);
      raw.bad_lines.insert(p.row);
    }
    return raw;
  }
  error(0, 0, "找不到表头：工作表 " + join(names, "、") +
                  " 中都没有“任务编号”（task）列；请使用 minsheng template 生成的报送表");
  return {};
}

// Rows people add below a form: 填表人、联系电话、审核人、单位盖章. Not rows of the table.
bool footer_row(const CsvRecord& rec) {
  for (const auto& f : rec.fields) {
    std::string v(trim(f.value));
    if (v.empty()) continue;
    for (std::string_view w : {"填表人", "填报人", "制表人", "联系电话", "联系人", "审核人",
                               "负责人", "单位盖章", "盖章", "报送单位（盖章）"})
      if (v.starts_with(w)) return true;
    return false;
  }
  return false;
}

RawFile Reader::read_records(std::vector<CsvRecord> records) {
  RawFile raw;
  // The header is the first row with a 任务编号 column; a title row may stand above it.
  std::size_t header_at = records.size();
  std::map<Column, std::size_t> cols;
  for (std::size_t r = 0; r < records.size() && r < 10 && header_at == records.size(); ++r) {
    for (std::size_t i = 0; i < records[r].fields.size(); ++i)
      if (auto c = column_for(records[r].fields[i].value)) cols.try_emplace(*c, i);
    if (cols.count(Column::task))
      header_at = r;
    else
      cols.clear();
  }
  if (header_at == records.size()) {
    // Text in another encoding (Big5, say) decodes as GB18030 into nonsense: say how it was read.
    std::string how = encoding_ == "GB18030"
                          ? "（文件按 GBK/GB18030 读取；若原文件是 Big5 等其他编码，请另存为 UTF-8）"
                          : "";
    error(records.empty() ? 1 : records.front().line, 0,
          "找不到表头：需要“任务编号”（task）列，以及“累计完成”（value）或“状态”（status）列" + how);
    return raw;
  }
  // A header over two rows (a merged group title above its sub-columns): the row below names
  // the columns the first leaves blank or titles as a group.
  if (header_at + 1 < records.size()) {
    const CsvRecord& below = records[header_at + 1];
    bool names_columns = false;
    for (std::size_t i = 0; i < below.fields.size(); ++i)
      if (auto c = column_for(below.fields[i].value); c && c != Column::task && !cols.count(*c)) {
        cols[*c] = i;
        names_columns = true;
      }
    if (names_columns) records.erase(records.begin() + static_cast<long>(header_at) + 1);
  }
  const CsvRecord& header = records[header_at];
  raw.header_line = header.line;
  if (!cols.count(Column::value) && !cols.count(Column::status) &&
      !cols.count(Column::target_value))
    error(header.line, 0, "表头缺少“累计完成”（value）或“状态”（status）列");

  auto cell = [&](const CsvRecord& rec, Column c) {
    Cell out{"", rec.line, 0};
    auto it = cols.find(c);
    if (it == cols.end()) return out;
    if (it->second < rec.fields.size()) {
      out.text = rec.fields[it->second].value;
      out.col = rec.fields[it->second].col;
    }
    return out;
  };
  for (std::size_t r = header_at + 1; r < records.size(); ++r) {
    const CsvRecord& rec = records[r];
    if (rec.blank() || footer_row(rec)) continue;
    RawRow row;
    row.line = rec.line;
    row.task = cell(rec, Column::task);
    row.target = cell(rec, Column::target);
    row.value = cell(rec, Column::value);
    row.status = cell(rec, Column::status);
    row.target_value = cell(rec, Column::target_value);
    row.note = cell(rec, Column::note);
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
    Cell month = cell(rec, Column::month);
    if (month.present() && !raw.month) raw.month = month;
    Cell sub = cell(rec, Column::submitted);
    if (sub.present() && !raw.submitted) raw.submitted = sub;
    if (!row.task.present() && !row.value.present() && !row.status.present() &&
        !row.target_value.present())
      continue;  // a notes-only or decoration row
    raw.rows.push_back(std::move(row));
  }
  return raw;
}

// yaml-cpp counts columns in bytes; messages count characters, as editors do.
Cell yaml_cell(const YAML::Node& n, const LineIndex& lines) {
  Cell c;
  if (!n.IsDefined() || n.IsNull()) return c;
  c.line = n.Mark().line + 1;
  c.col = lines.char_column(n.Mark().line, n.Mark().column);
  if (n.IsScalar())
    c.text = n.Scalar();
  else
    c.not_scalar = true;  // a list or map where one value belongs; validation names it
  return c;
}

RawFile Reader::read_yaml(std::string_view text) {
  RawFile raw;
  LineIndex lines(text);
  auto cell = [&](const YAML::Node& n) { return yaml_cell(n, lines); };
  YAML::Node root;
  try {
    root = load_yaml(text);
  } catch (const YamlInputError& e) {
    error(e.line0 + 1, lines.char_column(e.line0, e.byte_col0), e.what());
    return raw;
  }
  if (!root.IsMap()) {
    error(1, 0, "YAML 进度文件的顶层应为键值映射（unit、month、progress）");
    return raw;
  }
  static const std::vector<std::string> top = {"unit", "month", "submitted", "progress"};
  static const std::vector<std::string> row_keys = {"task",   "target",       "value",
                                                    "status", "target_value", "note"};
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
  YAML::Node progress = root["progress"];
  if (!progress.IsDefined() || progress.IsNull()) {
    error(1, 0, "缺少 progress 列表");
    return raw;
  }
  if (!progress.IsSequence()) {
    error(cell(progress), "progress 应为列表");
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
    row.task = cell(item["task"]);
    if (!row.task.present()) row.task = {"", at.line, at.col};
    row.target = cell(item["target"]);
    row.value = cell(item["value"]);
    row.status = cell(item["status"]);
    row.target_value = cell(item["target_value"]);
    row.note = cell(item["note"]);
    raw.rows.push_back(std::move(row));
  }
  return raw;
}

std::optional<int> parse_index(std::string_view s) {
  std::string t(trim(nfkc(s)));
  if (t.starts_with("任务")) t.erase(0, std::string_view("任务").size());
  if (!t.empty() && t.back() == '.') t.pop_back();
  int v = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (t.empty() || ec != std::errc() || end != t.data() + t.size() || v <= 0) return std::nullopt;
  return v;
}

const Target* Reader::resolve_target(const RawRow& row, const Task& task, const std::string& unit) {
  std::string tid = std::to_string(task.id);
  if (row.target.present()) {
    auto idx = parse_index(row.target.text);
    if (!idx) {
      error(row.target, "指标序号应为正整数，实际为" + quote_value(trim(row.target.text)));
      return nullptr;
    }
    if (static_cast<std::size_t>(*idx) > task.targets.size()) {
      error(row.target, "任务" + tid + "没有第 " + std::to_string(*idx) + " 个指标（共 " +
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
    if (t.lead == unit) mine = &t, ++count;
  if (count == 1) return mine;
  error(row.task, "任务" + tid + "有 " + std::to_string(task.targets.size()) +
                      " 个指标，请在“指标”列填写序号（1–" + std::to_string(task.targets.size()) +
                      "）");
  return nullptr;
}

std::optional<ProgressEntry> Reader::validate_row(const RawRow& row, const std::string& unit,
                                                  Submission& sub) {
  static const char* kShape = "应为单个值，不能是列表或映射";
  if (row.task.not_scalar) {
    error(row.task, std::string("task ") + kShape);
    return std::nullopt;
  }
  auto task_id = parse_index(row.task.text);
  if (!task_id) {
    error(row.task, row.task.present()
                        ? "任务编号应为正整数，实际为" + quote_value(trim(row.task.text))
                        : std::string("缺少任务编号"));
    return std::nullopt;
  }
  const Task* task = plan_.find_task(*task_id);
  if (!task) {
    error(row.task, "未知任务编号 " + std::to_string(*task_id) + "（计划共 " +
                        std::to_string(plan_.tasks.size()) + " 项任务）");
    return std::nullopt;
  }
  const Target* target = resolve_target(row, *task, unit);
  if (!target) return std::nullopt;
  TargetKey key{task->id, target->index};
  std::string label = task->label_of(*target);
  bool ok = true;
  auto bad = [&](const Cell& c, std::string msg) {
    error(c, std::move(msg));
    ok = false;
  };

  // Another unit's target: an error in this file, and the leading unit's own value stands.
  bool foreign = !unit.empty() && target->lead != unit;
  if (foreign) error(row.task, label + "由" + target->lead + "牵头，不属于" + unit + "的报送范围");

  const std::pair<const Cell*, const char*> cells[] = {{&row.target, "target"},
                                                       {&row.value, "value"},
                                                       {&row.status, "status"},
                                                       {&row.target_value, "target_value"},
                                                       {&row.note, "note"}};
  for (const auto& [c, name] : cells)
    if (c->not_scalar) bad(*c, std::string(name) + " " + kShape);

  ProgressEntry e;
  e.key = key;
  e.source = {file_, row.line};
  e.note = std::string(trim(row.note.text));

  if (row.value.present()) {
    bool milestone = target->kind == TargetKind::milestone;
    ParsedNumber n = parse_number(row.value.text, target->measure);
    if (n.kind == ParsedNumber::Kind::error) {
      bad(row.value, label + "的累计完成值" + n.error);
    } else if (milestone && !n.quantity.percent) {
      bad(row.value,
          label + "为里程碑任务，请在“状态”列填写未启动/推进中/已完成，或以百分比填写完成进度");
    } else if (n.quantity.percent && !milestone && target->measure != "%") {
      bad(row.value, label + "的计量单位为“" + target->measure + "”，不能填写百分数" +
                         quote_value(trim(row.value.text)));
    } else {
      e.value = n.quantity.value;
      e.percent = n.quantity.percent;
    }
  }
  if (row.status.present()) {
    auto st = parse_milestone_state(row.status.text);
    if (!st)
      bad(row.status, "状态应为 未启动、推进中 或 已完成，实际为" +
                          quote_value(trim(row.status.text)) +
                          did_you_mean(trim(row.status.text), {"未启动", "推进中", "已完成"}));
    else if (target->kind == TargetKind::milestone)
      e.state = st;
    else
      warning(row.status, label + "是数字指标，“状态”列已忽略，以累计完成值为准");
  }
  if (row.target_value.present()) {
    ParsedNumber n = parse_number(row.target_value.text, target->measure);
    if (!target->pending)
      warning(row.target_value, label + "的目标值已在计划中确定，此处填写的目标值已忽略");
    else if (n.kind == ParsedNumber::Kind::error)
      bad(row.target_value, label + "的目标值" + n.error);
    else if (n.quantity.value <= target->baseline)
      bad(row.target_value, label + "的目标值应大于基数 " + format_number(target->baseline));
    else
      e.target_value = n.quantity.value;
  }
  if (foreign) return std::nullopt;
  if (!ok) {
    sub.invalid.insert(key);
    return std::nullopt;
  }
  return e;
}

Submission Reader::validate(RawFile raw) {
  Submission sub;
  sub.file = file_;
  sub.month = folder_month_;
  std::filesystem::path p(file_);
  bool rejected = false;
  if (raw.unit_cell.not_scalar) {
    error(raw.unit_cell, "unit 应为一个牵头单位的名称，不能是列表或映射");
  } else if (!raw.unit.empty()) {
    sub.unit = plan_.canonical_unit(raw.unit);
    if (sub.unit.empty())
      error(raw.unit_cell,
            quote_value(raw.unit) + "不是计划中的牵头单位" + did_you_mean(raw.unit, plan_.unit_names()));
  } else {
    std::string stem = p.stem().string();
    sub.unit = unit_from_file_name(stem, plan_);
    if (sub.unit.empty()) {
      std::string guess(stem.substr(0, stem.find_first_of("_-（( 0123456789")));
      error(0, 0,
            "无法确定牵头单位：文件名" + quote_value(p.filename().string()) +
                "不以计划中的牵头单位开头，文件内也没有“牵头单位”列" +
                did_you_mean(guess, plan_.unit_names()));
    }
  }
  if (raw.month) {
    auto m = YearMonth::parse(raw.month->text);
    if (!m)
      error(*raw.month, "月份应写作 YYYY-MM，实际为" + quote_value(trim(raw.month->text)));
    else if (*m != folder_month_)
      error(*raw.month, "文件中的月份 " + m->str() + " 与所在目录的月份 " + folder_month_.str() +
                            " 不符，整个文件不予采用");
    rejected = !m || *m != folder_month_;
  }
  if (raw.submitted) {
    auto d = Date::parse(raw.submitted->text);
    if (!d)
      error(*raw.submitted,
            "报送日期应写作 YYYY-MM-DD，实际为" + quote_value(trim(raw.submitted->text)));
    else
      sub.submitted = d;
  }
  std::map<TargetKey, int> seen;  // key → line of its first row
  for (const auto& row : raw.rows) {
    auto e = validate_row(row, sub.unit, sub);
    if (!e) continue;
    if (raw.bad_lines.count(row.line)) {  // its error is already reported at the cell
      sub.invalid.insert(e->key);
      continue;
    }
    auto [it, fresh] = seen.emplace(e->key, row.line);
    if (!fresh) {
      error(row.task, "重复的行：" + target_label(e->key.task, e->key.target, true) + "已在第 " +
                          std::to_string(it->second) + " 行填报");
      sub.invalid.insert(e->key);
      continue;
    }
    sub.entries.push_back(std::move(*e));
  }
  if (sub.unit.empty()) rejected = true;  // nobody to attribute its rows to
  if (rejected) reject(sub);
  if (raw.rows.empty() && raw.header_line > 0)
    diags_.warning(file_, raw.header_line, 0, "文件只有表头，没有填报任何指标");
  // A duplicate makes the target's figure uncertain: keep neither row.
  std::erase_if(sub.entries, [&](const ProgressEntry& e) { return sub.invalid.count(e.key) > 0; });
  return sub;
}

}  // namespace

std::string unit_from_file_name(std::string_view stem, const Plan& plan) {
  std::string best;
  std::string s(trim(nfkc(stem)));
  for (const auto& u : plan.unit_names())
    if (s.starts_with(u) && u.size() > best.size()) best = u;
  return plan.canonical_unit(best);
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

Submission parse_workbook_submission(const Workbook& wb, const std::string& file,
                                     const Plan& plan, YearMonth folder_month,
                                     Diagnostics& diags) {
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
  std::string ext = std::filesystem::path(file).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
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

}  // namespace minsheng
