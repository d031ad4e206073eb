#include "assess/changes.hpp"

#include <algorithm>

namespace minsheng {

void sort_changes(std::vector<StatusChange>& changes) {
  std::stable_sort(changes.begin(), changes.end(),
                   [](const StatusChange& a, const StatusChange& b) {
                     if (a.to != b.to) return worse(a.to, b.to);
                     return a.month < b.month;
                   });
}

std::optional<StatusChange> status_change(TargetKey key, YearMonth month, Status from,
                                          bool from_at_deadline, Status to, bool to_at_deadline) {
  if (from == to) return std::nullopt;
  return StatusChange{key, month, from, to, from_at_deadline, to_at_deadline};
}

ChangeTrend change_trend(const StatusChange& c) {
  if (is_lagging(c.to) && (!is_lagging(c.from) || worse(c.to, c.from))) return ChangeTrend::fell;
  if (is_lagging(c.from) && !is_lagging(c.to)) return ChangeTrend::recovered;
  return ChangeTrend::other;
}

}  // namespace minsheng
