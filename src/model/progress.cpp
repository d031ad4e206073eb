#include "model/progress.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>

#include "model/plan.hpp"
#include "util/number.hpp"
#include "util/text.hpp"

namespace minsheng {

namespace {

// Each state with the words units write for it; the first word is the label.
template <class E, std::size_t W>
struct WordRow {
  E state;
  const char* code;
  std::array<const char*, W> words;
};

template <class E, std::size_t W, std::size_t N>
std::optional<E> parse_word(const std::array<WordRow<E, W>, N>& rows, std::string_view word) {
  auto find = [&](std::string_view w) -> std::optional<E> {
    for (const auto& row : rows)
      for (const char* x : row.words)
        if (x && w == x) return row.state;
    return std::nullopt;
  };
  // The words are in NFKC already, so a word typed as listed needs no folding (most rows).
  if (auto state = find(trim(word))) return state;
  return find(trim(nfkc(word)));
}

constexpr std::array<WordRow<MilestoneState, 3>, 3> kMilestoneStates = {{
    {MilestoneState::not_started, "not_started", {"未启动", "not_started", nullptr}},
    {MilestoneState::in_progress, "in_progress", {"推进中", "in_progress", nullptr}},
    {MilestoneState::completed, "completed", {"已完成", "completed", "done"}},
}};
static_assert(static_cast<int>(MilestoneState::not_started) == 0 &&
              static_cast<int>(MilestoneState::in_progress) == 1 &&
              static_cast<int>(MilestoneState::completed) == 2);

}  // namespace

const UnitText& ProgressEntry::words() const {
  static const UnitText none;
  return text ? *text : none;
}

const char* milestone_label(MilestoneState s) {
  return kMilestoneStates[static_cast<std::size_t>(s)].words[0];
}

std::optional<MilestoneState> parse_milestone_state(std::string_view word) {
  return parse_word(kMilestoneStates, word);
}

namespace {
struct DateFromRow {
  const char* code;
  const char* label;
};
constexpr std::array<DateFromRow, 4> kDateFrom = {{
    {"none", "未注明"},
    {"column", "表内报送日期"},
    {"form_line", "表上填报日期"},
    {"received", "收文登记"},
}};
}  // namespace

const char* date_from_label(DateFrom f) {
  return kDateFrom[static_cast<std::size_t>(f)].label;
}
const char* date_from_code(DateFrom f) {
  return kDateFrom[static_cast<std::size_t>(f)].code;
}

namespace {

constexpr std::array<WordRow<ProjectState, 4>, 3> kProjectStates = {{
    {ProjectState::not_started, "not_started", {"未开工", "未启动", "not_started", nullptr}},
    {ProjectState::in_progress, "in_progress", {"在建", "推进中", "in_progress", "已开工"}},
    {ProjectState::finished, "finished", {"已完工", "已完成", "finished", "completed"}},
}};

}  // namespace

const char* project_state_label(ProjectState s) {
  return kProjectStates[static_cast<std::size_t>(s)].words[0];
}

const char* project_state_code(ProjectState s) {
  return kProjectStates[static_cast<std::size_t>(s)].code;
}

std::optional<ProjectState> parse_project_state(std::string_view word) {
  return parse_word(kProjectStates, word);
}

const char* sum_label(SumOf s) {
  return s == SumOf::counties ? "县市区合计" : s == SumOf::projects ? "项目合计" : "";
}

void reject(Submission& sub) {
  sub.rejected = true;
  for (const auto& e : sub.entries) sub.invalid.insert(e.key);
  for (const auto& e : sub.counties) sub.invalid.insert(e.key);
  for (const auto& e : sub.projects) sub.invalid.insert(e.key);
  sub.entries.clear();
  sub.counties.clear();
  sub.projects.clear();
  sub.corrections.clear();
  sub.doubtful.clear();
}

void drop_rows(Submission& sub) {
  std::vector<ProgressEntry>().swap(sub.entries);  // `= {}` would keep the capacity
  std::vector<ProgressEntry>().swap(sub.counties);
  std::vector<ProgressEntry>().swap(sub.projects);
  std::vector<Correction>().swap(sub.corrections);
  sub.doubtful.clear();
  sub.invalid.clear();
  sub.invalid_counties.clear();
}

void settle_doubtful(const Plan& plan, std::vector<Submission>& subs, std::size_t first,
                     Diagnostics& diags) {
  std::map<std::string, std::set<TargetKey>> given;  // by unit, over all its files
  bool any = false;
  for (std::size_t i = first; i < subs.size(); ++i) {
    any = any || !subs[i].doubtful.empty();
    auto& g = given[subs[i].unit];
    g.insert(subs[i].invalid.begin(), subs[i].invalid.end());
    for (const auto* rows : {&subs[i].entries, &subs[i].counties, &subs[i].projects})
      for (const auto& e : *rows) g.insert(e.key);
  }
  if (!any) return;
  for (std::size_t i = first; i < subs.size(); ++i) {
    Submission& s = subs[i];
    if (s.doubtful.empty() || s.rejected) continue;
    std::vector<std::string> marked;
    for (TargetKey k : s.doubtful)
      if (!given[s.unit].count(k)) {
        s.invalid.insert(k);
        const Task* task = plan.find_task(k.task);
        marked.push_back(target_number(k.task, k.target, task && task->targets.size() > 1));
      }
    if (!marked.empty())
      diags.warning(s.file, 0, 0,
                    std::to_string(s.unnamed_rows) +
                        " 行有数值但无法确定是哪个指标；本单位本月未给出数值的指标（" +
                        join(marked, "、") + "）记为数据有误，请核对任务编号后重报");
    s.doubtful.clear();
  }
}

void check_month_conflicts(std::vector<Submission>& subs, std::size_t first, Diagnostics& diags) {
  // A file keeps only rows of its own unit's targets, and a target has one lead unit: two files
  // can give the same target only when they are from the same unit. Most units send one file.
  std::unordered_map<std::string_view, int> files_of;
  for (std::size_t i = first; i < subs.size(); ++i) ++files_of[subs[i].unit];
  std::unordered_map<TargetKey, const SourceRef*, TargetKeyHash> seen;
  std::unordered_set<TargetKey, TargetKeyHash> clash;
  for (std::size_t i = first; i < subs.size(); ++i) {
    if (files_of[subs[i].unit] < 2) continue;
    for (const auto& e : subs[i].entries) {
      auto [it, fresh] = seen.emplace(e.key, &e.source);
      if (fresh || it->second->file == e.source.file) continue;
      diags.error(e.source.file, e.source.line, 0,
                  target_label(e.key.task, e.key.target, true) +
                      "在同一月份由两个文件填报，另一处是 " + it->second->str() +
                      "；两个值均不采用，请只保留一个");
      clash.insert(e.key);
    }
  }
  if (clash.empty()) return;
  for (std::size_t i = first; i < subs.size(); ++i) {
    Submission& s = subs[i];
    std::erase_if(s.entries, [&](const ProgressEntry& e) {
      if (!clash.count(e.key)) return false;
      s.invalid.insert(e.key);
      return true;
    });
  }
}

bool DataSet::has_month(YearMonth m) const {
  return std::binary_search(months.begin(), months.end(), m);
}

bool DataSet::has_files(YearMonth m) const {
  auto ms = months_with_files();
  return std::binary_search(ms.begin(), ms.end(), m);
}

std::optional<YearMonth> DataSet::month_of(const std::string& file) const {
  auto it = file_months.find(file);
  if (it == file_months.end()) return std::nullopt;
  return it->second;
}

std::vector<YearMonth> DataSet::months_with_files() const {
  std::vector<YearMonth> out;
  for (const auto& s : submissions)  // sorted by month
    if (out.empty() || out.back() != s.month) out.push_back(s.month);
  return out;
}

std::map<std::string, YearMonth> DataSet::last_file_months(YearMonth m) const {
  std::map<std::string, YearMonth> out;
  for (const auto& s : submissions)
    if (s.month <= m && s.usable()) out[s.unit] = s.month;  // later wins
  return out;
}

const CorrectedValue* Snapshot::correction(TargetKey k, YearMonth m) const {
  if (corrections.empty()) return nullptr;
  auto it = corrections.find({k, m});
  return it == corrections.end() ? nullptr : &it->second;
}

const CorrectedValue* apply_correction(Snapshot& snap, const Correction& c, YearMonth in) {
  auto [it, fresh] = snap.values.try_emplace(c.key);
  Observation& o = it->second;
  std::optional<double> was = c.was;
  auto at = std::lower_bound(o.series.begin(), o.series.end(), c.month,
                             [](const MonthValue& v, YearMonth m) { return v.month < m; });
  if (at != o.series.end() && at->month == c.month) {
    if (!was) was = at->value;
    at->value = c.value;
  } else {
    o.series.insert(at, {c.month, c.value});
  }
  if (fresh || o.month <= c.month) {  // that month's figure is the latest one
    if (!was && !fresh && o.month == c.month) was = o.value;
    o.value = c.value;
    o.percent = c.percent;
    o.month = c.month;
    o.source = c.source;
    o.derived_from = SumOf::none;
  }
  if (!was || *was == c.value) return nullptr;  // the figure was not there, or the same
  auto [known, first] = snap.corrections.try_emplace({c.key, c.month});
  double first_was = first ? *was : known->second.was;  // corrected twice: the first figure
  known->second = {first_was, c.value, c.source, in};
  return &known->second;
}

Snapshot merge_snapshot(const std::vector<Submission>& subs, YearMonth month, Diagnostics* diags,
                        const FigureHook& on_figure) {
  Snapshot snap;
  std::size_t next = 0;
  advance_snapshot(snap, subs, next, month, diags, on_figure);
  return snap;
}

void Investment::merge(const Investment& row) {
  for (auto f :
       {&Investment::planned, &Investment::done, &Investment::funded, &Investment::physical_pct})
    if (row.*f) this->*f = row.*f;
}

namespace {

// The sum, over the snapshot, of a target's 县市区 values or of its projects' values: carried
// ones included, so a 县市区 that did not report this month still counts.
std::optional<double> snapshot_sum(const Snapshot& snap, TargetKey key, SumOf of) {
  std::optional<double> sum;
  if (of == SumOf::counties) {
    for (auto it = snap.county_values.lower_bound({key, -1});
         it != snap.county_values.end() && it->first.key == key; ++it)
      if (it->second.value) sum = sum.value_or(0) + *it->second.value;
  } else if (of == SumOf::projects) {
    for (auto it = snap.projects.lower_bound({key, ""});
         it != snap.projects.end() && it->first.key == key; ++it)
      sum = sum.value_or(0) + it->second.value.value_or(0);  // 未开工: nothing delivered yet
  }
  return sum;
}

void push_series(std::vector<MonthValue>& ser, YearMonth month, double v) {
  if (!ser.empty() && ser.back().month == month) {
    ser.back().value = v;
    return;
  }
  // A year at a time: a plan's year of months in one block, not five doublings to sixteen.
  if (ser.size() == ser.capacity()) ser.reserve(ser.size() + 12);
  ser.push_back({month, v});
}

// `what` names the target in the warning; it is built only when there is one to give.
template <class What>
void merge_value(Observation& o, bool fresh, const ProgressEntry& e, std::optional<double> value,
                 YearMonth month, const What& what, Diagnostics* diags) {
  if (!fresh && diags && value && o.value && *value < *o.value && o.month < month)
    diags->warning(e.source.file, e.source.line, 0,
                   "累计值较上月减少：" + what() + " 由 " + format_number(*o.value) + "（" +
                       o.month.str() + "，" + o.source.str() + "）降为 " + format_number(*value));
  if (e.state != MilestoneState::completed)
    o.completed_since.reset();
  else if (fresh || o.state != MilestoneState::completed || !o.completed_since)
    o.completed_since = month;
  o.value = value;  // field by field: the series stays
  o.percent = e.percent;
  o.state = e.state;
  o.month = month;
  o.source = e.source;
  o.note = e.note;
  o.derived_from = e.derived_from;
  if (value) push_series(o.series, month, *value);
}

// "第 9–12 行": where the rows a sum was checked against are.
std::string rows_text(const Submission& sub, TargetKey key, SumOf of) {
  int lo = 0, hi = 0;
  for (const auto& e : of == SumOf::counties ? sub.counties : sub.projects)
    if (e.key == key) {
      lo = lo ? std::min(lo, e.source.line) : e.source.line;
      hi = std::max(hi, e.source.line);
    }
  if (!lo) return "";
  std::string f = "第 " + std::to_string(lo);
  if (hi > lo) f += "–" + std::to_string(hi);
  return f + " 行";
}

}  // namespace

void advance_snapshot(Snapshot& snap, const std::vector<Submission>& subs, std::size_t& next,
                      YearMonth month, Diagnostics* diags, const FigureHook& on_figure) {
  snap.month = month;
  snap.reported.clear();  // these are about `month` alone
  snap.invalid.clear();
  snap.invalid_counties.clear();
  for (; next < subs.size(); ++next) {
    const Submission& sub = subs[next];
    if (sub.month > month) break;
    if (sub.month == month) {
      if (!sub.unit.empty()) snap.reported[sub.unit] = &sub;
      snap.invalid.insert(sub.invalid.begin(), sub.invalid.end());
      snap.invalid_counties.insert(sub.invalid_counties.begin(), sub.invalid_counties.end());
    }
    // An earlier month set right before this month's figures are compared with it.
    for (const auto& c : sub.corrections) {
      const CorrectedValue* done = apply_correction(snap, c, sub.month);
      if (done && diags && c.month < sub.month)
        diags->warning(c.source.file, c.source.line, 0,
                       "更正 " + c.month.str() + " 的" +
                           target_label(c.key.task, c.key.target, true) + "：由 " +
                           format_number(done->was) + " 改为 " + format_number(c.value) +
                           "；此后的报告按更正后的数值计算");
    }
    // 县市区 and projects first: a city value formed from them sums this month's figures.
    for (const auto& e : sub.counties) {
      if (!e.value && !e.state) continue;
      CountyKey ck{e.key, e.county};
      auto [it, fresh] = snap.county_values.try_emplace(ck);
      merge_value(
          it->second, fresh, e, e.value, sub.month, [] { return std::string(); }, nullptr);
    }
    for (const auto& e : sub.projects) {
      // A project row left blank (as the form lists last month's projects) changes nothing.
      if (!e.project_state && !e.value && !e.planned_finish && !e.text && !e.invest) continue;
      auto [it, fresh] = snap.projects.try_emplace({e.key, e.project});
      ProjectObservation& p = it->second;
      // A moved 计划完工 is a change like any other: a delay must not read as "no change".
      bool moved =
          !fresh && e.planned_finish && p.planned_finish && *e.planned_finish != *p.planned_finish;
      bool changed =
          fresh || moved || (e.project_state && p.state != e.project_state) ||
          (e.value && p.value != e.value) ||
          (e.invest && e.invest->physical_pct && p.invest.physical_pct != e.invest->physical_pct);
      if (e.county >= 0 || fresh) p.county = e.county;
      if (e.project_state) p.state = e.project_state;
      if (e.value) p.value = e.value;
      if (moved) {
        p.earlier_finish = p.planned_finish;
        p.moved_in = sub.month;
      }
      if (e.planned_finish) p.planned_finish = e.planned_finish;
      if (e.invest) p.invest.merge(*e.invest), p.invest_source = e.source;
      p.month = sub.month;
      if (changed) p.changed = sub.month;
      p.source = e.source;
    }
    for (const auto& e : sub.entries) {
      if (e.target_value) {
        snap.target_values[e.key] = {*e.target_value, e.source};
      }
      if (e.invest) snap.investment[e.key].merge(*e.invest);
      std::optional<double> value = e.value;
      if (e.derived_from != SumOf::none) {
        value = snapshot_sum(snap, e.key, e.derived_from);
      } else if (e.checked_against != SumOf::none && e.value && diags) {
        auto sum = snapshot_sum(snap, e.key, e.checked_against);
        if (sum && std::abs(*sum - *e.value) > kEps * std::max(1.0, std::abs(*e.value)))
          diags->warning(e.source.file, e.source.line, 0,
                         target_label(e.key.task, e.key.target, true) + "：" +
                             sum_label(e.checked_against) + " " + format_number(*sum) + " 与全市 " +
                             format_number(*e.value) + " 不符（" +
                             (e.checked_against == SumOf::counties ? "县市区行" : "项目行") + "：" +
                             rows_text(sub, e.key, e.checked_against) + "），以全市值为准");
      }
      if (on_figure) on_figure(e, value);
      if (!value && !e.state) continue;
      auto [it, fresh] = snap.values.try_emplace(e.key);
      // 11.8 typed for 118,000 (万 left out): a cumulative figure never falls to under 1% of an
      // earlier month's. An error, and the earlier figure stands; values up to 1 are left to the
      // percent check (0.95 for 95%).
      if (const Observation& o = it->second; !fresh && value && *value > 1 && !e.percent &&
                                             e.derived_from == SumOf::none && o.value &&
                                             o.month < sub.month && *value < *o.value * 0.01) {
        if (diags)
          diags->error(e.source.file, e.source.line, 0,
                       target_label(e.key.task, e.key.target, true) + "的累计完成 " +
                           format_number(*value) + " 不到 " + o.month.str() + " 的 " +
                           format_number(*o.value) + "（" + o.source.str() +
                           "）的 1%：是否以“万”为单位填写？如是请写 " + format_number(*value) +
                           "万");
        if (sub.month == month) snap.invalid.insert(e.key);
        continue;
      }
      merge_value(
          it->second, fresh, e, value, sub.month,
          [&] { return target_label(e.key.task, e.key.target, true); }, diags);
    }
  }
}

}  // namespace minsheng
