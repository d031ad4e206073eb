// A 序时 schedule that is not a straight line: the cumulative share of a figure due by the end of
// given months (一季度20%，二季度50% …), from the plan or a 分解方案's 节点月份/节点进度.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/date.hpp"

namespace minsheng {

struct ScheduleNode {
  YearMonth month;
  double pct = 0;  // cumulative, 0–100
  auto operator<=>(const ScheduleNode&) const = default;
};

struct Schedule {
  std::string name;                 // a named curve of `schedules:`, else empty
  std::vector<ScheduleNode> nodes;  // months ascending, the last one 100
};
using SchedulePtr = std::shared_ptr<const Schedule>;

// How a target's 序时进度 is set, one table: the code CSV and JSON carry, the words people read.
struct TimeBasis {
  const char* code;   // linear, nodes
  const char* label;  // 按计划期均匀推进, 按节点计划
};
const TimeBasis& time_basis(bool by_nodes);

// What is wrong with a schedule's nodes, in words (empty: nothing), and the node it is about.
// They are sorted by month first; each month lies within start … deadline, shares do not fall
// and stay within 0–100, and the last is 100: a schedule finishes by the deadline.
struct ScheduleProblem {
  std::string text;
  std::optional<YearMonth> at;
  bool empty() const { return text.empty(); }
};
ScheduleProblem schedule_problem(std::vector<ScheduleNode>& nodes, YearMonth start,
                                 YearMonth deadline);

// 节点月份 and 节点进度 as a form writes them: lists split by 、，,；; or spaces. A month is
// 2024-03, 2024年3月, or 3月 / 3 (the first such month from `start` on); a share is 20 or 20%.
// Empty with `error` set when a cell cannot be read or the lists differ in length.
std::vector<ScheduleNode> parse_schedule_cells(std::string_view months, std::string_view pcts,
                                               YearMonth start, std::string& error);

// The nodes as people read them: 「2024年3月20%、2024年6月50%、…」.
std::string schedule_text(const Schedule& s);

}  // namespace minsheng
