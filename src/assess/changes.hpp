// A target's status moving from one month to the next, and what the move means.
#pragma once
#include <optional>
#include <vector>

#include "model/progress.hpp"
#include "model/status.hpp"
#include "util/date.hpp"

namespace minsheng {

// A target whose status differs from the month before.
struct StatusChange {
  TargetKey key;
  YearMonth month;
  Status from, to;
  // Which side was assessed for the plan's deadline month, where overdue reads 未完成.
  bool from_at_deadline = false, to_at_deadline = false;
};

// The change of one target's status from one assessment to the next, if its status moved: the
// one rule of the month's report, the history and the site.
std::optional<StatusChange> status_change(TargetKey key, YearMonth month, Status from,
                                          bool from_at_deadline, Status to, bool to_at_deadline);

// What a change means for the follow-up: it became lagging, or lags worse (fell); it stopped
// lagging (recovered); or neither.
enum class ChangeTrend { fell, recovered, other };
ChangeTrend change_trend(const StatusChange& c);

// Worst new status first, then by month.
void sort_changes(std::vector<StatusChange>& changes);

}  // namespace minsheng
