// One target's assessment as a summary records it: what `diff` compares, whether it came
// from assessing a month or from reading an earlier summary.csv.
#pragma once
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "model/progress.hpp"
#include "model/status.hpp"

namespace minsheng {

struct AssessedRow {
  TargetKey key;
  int category = 0;
  // Views, not copies (a province's diff has a hundred thousand rows a side): into the plan for
  // a side assessed from a month, whose plan outlives it as it outlives the MonthReport; into
  // DiffSide::owned for a side read from a summary.csv.
  std::string_view lead, text;
  std::string unit;
  std::string_view name;  // the target's own name, for tasks with several
  std::string state;      // a milestone's state word (未启动/推进中/已完成), if by state
  bool reached_by_tolerance = false;  // status done, read as 基本完成
  std::optional<double> target_value, actual, completion_pct, time_pct, gap_pp;
  std::optional<double> corrected_from;  // the figure a later file set right
  std::optional<Status> status;
  std::optional<YearMonth> value_month;
  int county = -1;  // a 县市区's share: its index in Plan::counties (orders rows)
  std::string county_name;

  bool reported() const;
};

struct DiffSide {
  std::string label;               // "2024-05" or the file name
  std::optional<YearMonth> month;  // the month assessed: from the file's report_month column,
                                   // else from its path (DATA/YYYY-MM/summary.csv)
  std::vector<AssessedRow> rows;
  std::deque<std::string> owned;  // the text the rows of a summary.csv view
};

}  // namespace minsheng
