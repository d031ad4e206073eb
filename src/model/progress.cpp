#include "model/progress.hpp"

#include <algorithm>

#include "util/number.hpp"
#include "util/text.hpp"

namespace minsheng {

const char* milestone_label(MilestoneState s) {
  switch (s) {
    case MilestoneState::not_started:
      return "未启动";
    case MilestoneState::in_progress:
      return "推进中";
    case MilestoneState::completed:
      return "已完成";
  }
  return "";
}

std::optional<MilestoneState> parse_milestone_state(std::string_view word) {
  std::string w(trim(nfkc(word)));
  if (w == "未启动" || w == "not_started") return MilestoneState::not_started;
  if (w == "推进中" || w == "in_progress") return MilestoneState::in_progress;
  if (w == "已完成" || w == "completed" || w == "done") return MilestoneState::completed;
  return std::nullopt;
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
    if (s.month <= m && !s.unit.empty()) out[s.unit] = s.month;  // sorted: later months win
  return out;
}

Snapshot merge_snapshot(const std::vector<Submission>& subs, YearMonth month, Diagnostics* diags) {
  Snapshot snap;
  snap.month = month;
  for (const auto& sub : subs) {
    if (sub.month > month) break;
    if (sub.month == month) {
      snap.reported[sub.unit] = &sub;
      snap.invalid.insert(sub.invalid.begin(), sub.invalid.end());
    }
    for (const auto& e : sub.entries) {
      if (e.target_value) {
        snap.target_values[e.key] = *e.target_value;
        snap.target_value_sources[e.key] = e.source;
      }
      if (!e.value && !e.state) continue;
      auto [it, fresh] = snap.values.try_emplace(e.key);
      Observation& o = it->second;
      if (!fresh && diags && e.value && o.value && *e.value < *o.value && o.month < sub.month)
        diags->warning(e.source.file, e.source.line, 0,
                       "累计值较上月减少：任务" + std::to_string(e.key.task) + "指标" +
                           std::to_string(e.key.target) + " 由 " + format_number(*o.value) + "（" +
                           o.month.str() + "，" + o.source.str() + "）降为 " +
                           format_number(*e.value));
      o = {e.value, e.percent, e.state, sub.month, e.source, e.note};
    }
  }
  return snap;
}

}  // namespace minsheng
