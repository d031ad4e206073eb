// One row of a progress file checked against the plan: task and target, 县市区, project,
// figure, status, words, and the corrections of an earlier month.
#include "io/progress_rows.hpp"

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
#include "io/yaml_lite.hpp"
#include "util/encoding.hpp"
#include "util/number.hpp"
#include "util/suggest.hpp"
#include "util/text.hpp"

namespace minsheng::reading {

// A positive whole number written out in full, or nullopt.
std::optional<int> whole_number(std::string_view s) {
  int v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || v <= 0) return std::nullopt;
  return v;
}

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

// The row's task and target, or nothing (with the error said) when it names neither. A figure
// under a target no one can tell makes the unit's targets of that task doubtful.
std::pair<const Task*, const Target*> Reader::row_target(const RawRow& row, const std::string& unit,
                                                         Submission& sub) {
  bool figure = row.value.present() || row.status.present();
  auto ref = parse_task_ref(row.task.text);
  if (!ref) {
    error(row.task, row.task.present()
                        ? "任务编号应为正整数，实际为" + quote_value(trim(row.task.text))
                        : std::string("缺少任务编号"));
    any_doubtful_ = any_doubtful_ || figure;
    sub.unnamed_rows += figure;
    return {};
  }
  const Task* task = plan_.find_task(ref->task);
  if (!task) {
    error(row.task, "未知任务编号 " + std::to_string(ref->task) + "（计划共 " +
                        std::to_string(plan_.tasks.size()) + " 项任务）");
    any_doubtful_ = any_doubtful_ || figure;
    sub.unnamed_rows += figure;
    return {};
  }
  const Target* target = resolve_target(row, *task, unit, ref->target);
  if (!target) {  // the task is named, its target is not: each of the unit's may be meant
    if (figure) {
      ++sub.unnamed_rows;
      for (const auto& t : task->targets)
        if (unit.empty() || leads(unit, t)) sub.doubtful.insert({task->id, t.index});
    }
    return {};
  }
  return {task, target};
}

// 进展情况, 存在问题, 下步计划 and 问题状态: the row's words, shared only when there are any.
void Reader::row_words(const RawRow& row, ProgressEntry& e, bool& ok) {
  UnitText words;
  words.source = e.source;
  if (row.has_text()) {
    words.progress = text_of(row.progress);
    words.issues = text_of(row.issues);
    words.next_steps = text_of(row.next_steps);
  }
  if (auto solved = parse_solved(row.issue_status.text))
    words.solved = *solved;
  else
    bad(ok, row.issue_status,
        "问题状态应为 已解决 或 未解决，实际为" + quote_value(text_of(row.issue_status)));
  if (!words.empty() || words.solved) e.text = std::make_shared<const UnitText>(std::move(words));
}

// A project row's state and planned finish; on another row they are ignored, with a warning.
void Reader::row_project(const RawRow& row, const Label& label, ProgressEntry& e, bool& ok) {
  bool project = !e.project.empty();
  if (project) {
    // A project's state may be typed in 状态 as well as in 项目状态.
    const Cell& st = row.project_status.present() ? row.project_status : row.status;
    if (st.present()) {
      if (auto ps = parse_project_state(st.text))
        e.project_state = ps;
      else
        bad(ok, st,
            "项目状态应为 未开工、在建 或 已完工，实际为" + quote_value(text_of(st)) +
                did_you_mean(text_of(st), {"未开工", "在建", "已完工"}));
    }
    if (row.planned_finish.present()) {
      if (auto m = YearMonth::parse(row.planned_finish.text))
        e.planned_finish = m;
      else
        bad(ok, row.planned_finish,
            "计划完工应写作 YYYY-MM，实际为" + quote_value(text_of(row.planned_finish)));
    }
  } else if (row.project_status.present() || row.planned_finish.present()) {
    warning(row.project_status.present() ? row.project_status : row.planned_finish,
            label() + "：没有“项目名称”，项目状态和计划完工已忽略");
  }
}

// The figure (累计完成) or a milestone's state, as the target's kind allows.
void Reader::row_figure(const RawRow& row, const Target& target, const Label& label,
                        ProgressEntry& e, bool& ok) {
  bool project = !e.project.empty();
  if (row.value.present()) {
    bool milestone = target.kind == TargetKind::milestone;
    ParsedNumber n = parse_number(row.value.text, target.measure);
    if (n.kind == ParsedNumber::Kind::error) {
      bad(ok, row.value, label() + "的累计完成值" + n.error);
    } else if (milestone && !n.quantity.percent && !project) {
      bad(ok, row.value,
          label() + "为里程碑任务，请在“状态”列填写未启动/推进中/已完成，或以百分比填写完成进度");
    } else if (n.quantity.percent && !milestone && target.measure != "%") {
      bad(ok, row.value,
          label() + "的计量单位为“" + target.measure + "”，不能填写百分数" +
              quote_value(trim(row.value.text)));
    } else {
      e.value = n.quantity.value;
      e.percent = n.quantity.percent;
    }
  } else if (project && e.project_state == ProjectState::finished && summable(target)) {
    e.value = 1;  // a finished project counts once unless the unit says how much it gave
  }
  if (row.status.present() && !project) {
    auto st = parse_milestone_state(row.status.text);
    if (!st)
      bad(ok, row.status,
          "状态应为 未启动、推进中 或 已完成，实际为" + quote_value(trim(row.status.text)) +
              did_you_mean(trim(row.status.text), {"未启动", "推进中", "已完成"}));
    else if (target.kind == TargetKind::milestone)
      e.state = st;
    else
      warning(row.status, label() + "是数字指标，“状态”列已忽略，以累计完成值为准");
  }
}

// A pending target's value, supplied by its city row.
void Reader::row_target_value(const RawRow& row, const Target& target, const Label& label,
                              ProgressEntry& e, bool& ok) {
  bool project = !e.project.empty();
  if (row.target_value.present()) {
    ParsedNumber n = parse_number(row.target_value.text, target.measure);
    if (!target.pending)
      warning(row.target_value, label() + "的目标值已在计划中确定，此处填写的目标值已忽略");
    else if (n.kind == ParsedNumber::Kind::error)
      bad(ok, row.target_value, label() + "的目标值" + n.error);
    else if (n.quantity.value <= target.baseline)
      bad(ok, row.target_value, label() + "的目标值应大于基数 " + format_number(target.baseline));
    else if (e.county >= 0 || project)
      warning(
          row.target_value,
          label() + "：县市区和项目行的目标值已忽略；县市区的分解目标请报送分解方案（breakdown）");
    else
      e.target_value = n.quantity.value;
  }
}

// 计划投资, 累计完成投资 and 资金到位 (万元) on a project's row or the city's, and 形象进度 on a
// project's. A 县市区's row gives them by its projects: on it they are ignored, with a warning.
void Reader::row_investment(const RawRow& row, const Label& label, ProgressEntry& e, bool& ok) {
  if (!row.has_investment()) return;
  bool project = !e.project.empty();
  const Cell& first = row.planned_investment.present() ? row.planned_investment
                      : row.invested.present()         ? row.invested
                      : row.funded.present()           ? row.funded
                                                       : row.physical_pct;
  if (e.county >= 0 && !project) {
    warning(first, label() + "：县市区行的投资和形象进度已忽略，请填在项目行或全市行");
    return;
  }
  struct Money {
    const char* name;
    Cell RawRow::*cell;
    OptNum Investment::*field;
  };
  static constexpr Money kMoney[] = {
      {"计划投资", &RawRow::planned_investment, &Investment::planned},
      {"累计完成投资", &RawRow::invested, &Investment::done},
      {"资金到位", &RawRow::funded, &Investment::funded},
  };
  Investment inv;
  for (const auto& m : kMoney) {
    const Cell& c = row.*m.cell;
    if (!c.present()) continue;
    ParsedNumber n = parse_wan_yuan(c.text);
    if (n.kind == ParsedNumber::Kind::error)
      bad(ok, c, label() + "的" + m.name + n.error);
    else
      inv.*m.field = n.quantity.value;
  }
  if (row.physical_pct.present()) {
    ParsedNumber n = parse_number(row.physical_pct.text, "%");
    if (!project)
      warning(row.physical_pct, label() + "：形象进度只用于项目行，已忽略");
    else if (n.kind == ParsedNumber::Kind::error)
      bad(ok, row.physical_pct, label() + "的形象进度" + n.error);
    else if (n.quantity.value > 100 + kEps)
      bad(ok, row.physical_pct,
          label() + "的形象进度应在 0% 到 100% 之间，实际为" +
              quote_value(trim(row.physical_pct.text)));
    else
      inv.physical_pct = n.quantity.value;
  }
  if (inv.planned && inv.done && *inv.done > *inv.planned + kEps)
    warning(row.invested, label() + "的累计完成投资 " + format_number(*inv.done) +
                              " 万元超过计划投资 " + format_number(*inv.planned) + " 万元，请核对");
  if (!inv.empty()) e.invest = std::make_shared<const Investment>(inv);
}

std::optional<ProgressEntry> Reader::validate_row(const RawRow& row, const std::string& unit,
                                                  Submission& sub) {
  static const char* kShape = "应为单个值，不能是列表或映射";
  if (row.task.not_scalar) {
    error(row.task, std::string("task ") + kShape);
    return std::nullopt;
  }
  // Not a structured binding: the label lambda captures them (clang 14 cannot).
  auto found = row_target(row, unit, sub);
  const Task* task = found.first;
  const Target* target = found.second;
  if (!target) return std::nullopt;
  TargetKey key{task->id, target->index};
  Label label = [&] { return task->label_of(*target); };  // for messages only
  bool ok = true;
  // Another unit's target: an error in this file, and the leading unit's own value stands.
  bool foreign = !unit.empty() && !leads(unit, *target);
  if (foreign)
    error(row.task, label() + "由" + target->lead.str() + "牵头，不属于" + unit + "的报送范围");
  for (const auto& f : kRowFields)
    if ((row.*f.cell).not_scalar) bad(ok, row.*f.cell, std::string(f.key) + " " + kShape);

  ProgressEntry e;
  e.key = key;
  e.source = {name_, row.line};
  if (row.note.present()) e.note = text_of(row.note);
  if (row.project.present()) e.project = text_of(row.project);
  bool county_unknown = false;
  if (auto c = county_of(row))
    e.county = *c;
  else
    ok = false, county_unknown = true;
  row_words(row, e, ok);
  row_project(row, label, e, ok);
  row_figure(row, *target, label, e, ok);
  row_target_value(row, *target, label, e, ok);
  row_investment(row, label, e, ok);
  bool project = !e.project.empty();
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

}  // namespace minsheng::reading
