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
  std::optional<double> target_value, actual, completion_pct, time_pct, gap_pp;
  std::optional<Status> status;
  std::optional<YearMonth> value_month;
  std::string source;  // where this side's row came from, for messages

  bool reported() const;
};

struct DiffSide {
  std::string label;               // "2024-05" or the file name
  std::optional<YearMonth> month;  // known for months and for files under DATA/YYYY-MM/
  std::vector<AssessedRow> rows;
};

}  // namespace minsheng
