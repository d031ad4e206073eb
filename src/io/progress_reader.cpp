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
#include "io/input_kind.hpp"
#include "io/progress_rows.hpp"
#include "io/workbook.hpp"
#include "io/yaml_input.hpp"
#include "io/yaml_lite.hpp"
#include "util/csv.hpp"
#include "util/encoding.hpp"
#include "util/number.hpp"
#include "util/suggest.hpp"
#include "util/text.hpp"

namespace minsheng {
namespace reading {

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
    city->value = std::nullopt;
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
                           !row.has_text() && !row.issue_status.present() && !row.has_investment();
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
  // Once per target and 县市区 (or the whole city, county −1).
  auto add = [&](const CountyKey& ck, Allocation a, const RawRow& row, const std::string& label) {
    auto [it, fresh] = seen.emplace(ck, row.line);
    if (!fresh) {
      error(row.county, "重复的行：" + label + "在" +
                            (ck.county < 0 ? std::string("全市的节点")
                                           : plan_.counties[static_cast<std::size_t>(ck.county)] +
                                                 "的分解目标") +
                            "已在第 " + std::to_string(it->second) + " 行填写");
      return false;
    }
    out.push_back({ck, std::move(a)});
    return true;
  };
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
      error(row.task, label + "由" + target->lead.str() + "牵头，不属于" + unit + "的分解范围");
      continue;
    }
    if (target->kind != TargetKind::numeric) {
      error(row.task, label + "是里程碑指标，没有可分解的数字目标");
      continue;
    }
    SchedulePtr schedule;
    if (row.node_months.present() || row.node_pcts.present()) {
      std::string problem;
      auto nodes =
          parse_schedule_cells(row.node_months.text, row.node_pcts.text, plan_.start, problem);
      if (problem.empty())
        problem = schedule_problem(nodes, plan_.start, plan_.deadline_month()).text;
      if (!problem.empty()) {
        error(row.node_months.present() ? row.node_months : row.node_pcts, label + "：" + problem);
        continue;
      }
      schedule = std::make_shared<Schedule>(Schedule{"", std::move(nodes)});
    }
    if (!row.county.present() || plan_.is_city_total(row.county.text)) {
      // A row for the whole city gives the target's nodes; its figure is the plan's.
      if (schedule)
        add({{task->id, target->index}, -1}, {0, unit, {name_, row.line}, std::move(schedule)}, row,
            label);
      else
        error(row.county.line ? row.county : row.task,
              label + "：分解方案每行应填写一个县市区（全市行只用于填写节点月份、节点进度）");
      continue;
    }
    auto county = county_of(row);
    if (!county) continue;
    const Cell& v = row.target_value.present() ? row.target_value : row.value;
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
    if (!add(ck, {n.quantity.value, unit, {name_, row.line}, std::move(schedule)}, row, label))
      continue;
    auto& sum = sums.try_emplace(ck.key, 0.0, row.line).first->second;
    sum.first += n.quantity.value;
  }
  // A rate is each 县市区's own level; a count's shares should cover the city's figure.
  for (const auto& [key, sum] : sums) {
    const Task* task = plan_.find_task(key.task);
    const Target& t = task->targets[static_cast<std::size_t>(key.target - 1)];
    if (summable(t) && t.value && sum.first < *t.value - kEps)
      warning(Cell{"", sum.second, 0, false},
              task->label_of(t) + "：分解合计 " + format_number(sum.first) + t.measure +
                  " 少于全市目标 " + format_number(*t.value) + t.measure);
  }
  if (unit.empty()) out.clear();
  return out;
}

}  // namespace reading

using reading::RawFile;
using reading::Reader;

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

Submission parse_submission(std::string_view bytes, const std::string& file, const Plan& plan,
                            YearMonth folder_month, Diagnostics& diags) {
  Reader reader(file, plan, folder_month, diags);
  InputKind kind = input_kind(file, bytes);
  if (kind == InputKind::xlsx || kind == InputKind::biff) {
    try {
      return parse_workbook_submission(
          kind == InputKind::xlsx ? read_xlsx(bytes) : read_xls(bytes, file), file, plan,
          folder_month, diags);
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
  RawFile raw = kind == InputKind::yaml ? reader.read_yaml(text.text) : reader.read_csv(text.text);
  Submission sub = reader.validate(std::move(raw));
  sub.encoding = text.encoding;
  return sub;
}

using Allocations = std::vector<std::pair<CountyKey, Allocation>>;

Allocations parse_breakdown(std::string_view bytes, const std::string& file, const Plan& plan,
                            Diagnostics& diags) {
  Reader reader(file, plan, {}, diags);
  reader.breakdown_ = true;
  InputKind kind = input_kind(file, bytes);
  try {
    if (kind == InputKind::xlsx)
      return reader.validate_breakdown(reader.read_workbook(read_xlsx(bytes)));
    if (kind == InputKind::biff)
      return reader.validate_breakdown(reader.read_workbook(read_xls(bytes, file)));
    Decoded text = decode_text(bytes);
    reader.encoding_ = text.encoding;
    return reader.validate_breakdown(kind == InputKind::yaml ? reader.read_yaml(text.text)
                                                             : reader.read_csv(text.text));
  } catch (const WorkbookError& e) {
    diags.error(file, 0, 0, e.what());
  } catch (const DecodeError& e) {
    diags.error(file, e.line, e.col, e.what());
  }
  return {};
}

}  // namespace minsheng
