// One target's assessment as a summary records it: what `diff` compares, whether it came
// from assessing a month or from reading an earlier summary.csv.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/progress.hpp"
#include "model/status.hpp"

namespace minsheng {

struct AssessedRow {
  TargetKey key;
  int category = 0;
  std::string lead, text, unit;
  std::string name;   // the target's own name, for tasks with several
  std::string state;  // a milestone's state word (未启动/推进中/已完成), if by state
  bool reached_by_tolerance = false;  // status done, read as 基本完成
  std::optional<double> target_value, actual, completion_pct, time_pct, gap_pp;
  std::optional<Status> status;
  std::optional<YearMonth> value_month;
  std::string source;  // where this side's row came from, for messages
  int county = -1;     // a 县市区's share: its index in Plan::counties (orders rows)
  std::string county_name;

  bool reported() const;
};

struct DiffSide {
  std::string label;               // "2024-05" or the file name
  std::optional<YearMonth> month;  // the month assessed: from the file's report_month column,
                                   // else from its path (DATA/YYYY-MM/summary.csv)
  std::vector<AssessedRow> rows;
};

}  // namespace minsheng
