#include "model/progress.hpp"

#include <algorithm>
#include <array>
#include <filesystem>

#include "model/plan.hpp"
#include "util/number.hpp"
#include "util/text.hpp"

namespace minsheng {

namespace {

// Each state with the words units write for it; the first word is the label.
struct MilestoneRow {
  MilestoneState state;
  const char* code;
  std::array<const char*, 3> words;
};
constexpr std::array<MilestoneRow, 3> kMilestoneStates = {{
    {MilestoneState::not_started, "not_started", {"未启动", "not_started", nullptr}},
    {MilestoneState::in_progress, "in_progress", {"推进中", "in_progress", nullptr}},
    {MilestoneState::completed, "completed", {"已完成", "completed", "done"}},
}};
static_assert(static_cast<int>(MilestoneState::not_started) == 0 &&
              static_cast<int>(MilestoneState::in_progress) == 1 &&
              static_cast<int>(MilestoneState::completed) == 2);

}  // namespace

const char* milestone_label(MilestoneState s) {
  return kMilestoneStates[static_cast<std::size_t>(s)].words[0];
}

std::optional<MilestoneState> parse_milestone_state(std::string_view word) {
  std::string w(trim(nfkc(word)));
  for (const auto& row : kMilestoneStates)
    for (const char* x : row.words)
      if (x && w == x) return row.state;
  return std::nullopt;
}

void reject(Submission& sub) {
  sub.rejected = true;
  for (const auto& e : sub.entries) sub.invalid.insert(e.key);
  sub.entries.clear();
}

void check_month_conflicts(std::vector<Submission>& subs, std::size_t first, Diagnostics& diags) {
  std::map<TargetKey, const SourceRef*> seen;
  std::set<TargetKey> clash;
  for (std::size_t i = first; i < subs.size(); ++i)
    for (const auto& e : subs[i].entries) {
      auto [it, fresh] = seen.emplace(e.key, &e.source);
      if (fresh || it->second->file == e.source.file) continue;
      diags.error(e.source.file, e.source.line, 0,
                  target_label(e.key.task, e.key.target, true) + "在同一月份由两个文件填报，另一处是 " + it->second->str() +
                      "；两个值均不采用，请只保留一个");
      clash.insert(e.key);
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

std::map<std::string, std::vector<std::string>> DataSet::unread_by_unit(YearMonth m) const {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& u : unread)
    if (u.month == m && !u.unit.empty())
      out[u.unit].push_back(std::filesystem::path(u.path).filename().string());
  return out;
}

bool DataSet::unread_file(YearMonth m, const std::string& unit) const {
  return std::any_of(unread.begin(), unread.end(),
                     [&](const UnreadFile& u) { return u.month == m && u.unit == unit; });
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
    if (s.month <= m && !s.unit.empty() && !s.rejected) out[s.unit] = s.month;  // later wins
  return out;
}

Snapshot merge_snapshot(const std::vector<Submission>& subs, YearMonth month, Diagnostics* diags) {
  Snapshot snap;
  std::size_t next = 0;
  advance_snapshot(snap, subs, next, month, diags);
  return snap;
}

void advance_snapshot(Snapshot& snap, const std::vector<Submission>& subs, std::size_t& next,
                      YearMonth month, Diagnostics* diags) {
  snap.month = month;
  snap.reported.clear();  // these two are about `month` alone
  snap.invalid.clear();
  for (; next < subs.size(); ++next) {
    const Submission& sub = subs[next];
    if (sub.month > month) break;
    if (sub.month == month) {
      if (!sub.unit.empty()) snap.reported[sub.unit] = &sub;
      snap.invalid.insert(sub.invalid.begin(), sub.invalid.end());
    }
    for (const auto& e : sub.entries) {
      if (e.target_value) {
        snap.target_values[e.key] = {*e.target_value, e.source};
      }
      if (!e.value && !e.state) continue;
      auto [it, fresh] = snap.values.try_emplace(e.key);
      Observation& o = it->second;
      if (!fresh && diags && e.value && o.value && *e.value < *o.value && o.month < sub.month)
        diags->warning(e.source.file, e.source.line, 0,
                       "累计值较上月减少：" + target_label(e.key.task, e.key.target, true) +
                           " 由 " + format_number(*o.value) + "（" +
                           o.month.str() + "，" + o.source.str() + "）降为 " +
                           format_number(*e.value));
      o = {e.value, e.percent, e.state, sub.month, e.source, e.note};
      if (e.value) {
        auto& ser = snap.series[e.key];
        if (!ser.empty() && ser.back().month == sub.month)
          ser.back().value = *e.value;
        else
          ser.push_back({sub.month, *e.value});
      }
    }
  }
}

}  // namespace minsheng
