// A month's snapshot built by hand, and one target assessed from it: the assessment tests' way
// of stating a case in a line.
#pragma once
#include <vector>

#include "assess/assessment.hpp"
#include "fixtures.hpp"

namespace minsheng::test {

// A snapshot for `month` with one observed value per target.
struct Snap {
  Snapshot s;
  explicit Snap(YearMonth m) { s.month = m; }
  Snap& value(int task, int target, double v, YearMonth when = {}) {
    s.values[{task, target}] = {
        v, false, std::nullopt, when.year ? when : s.month, {"f.csv", 2}, "", SumOf::none, {}, {}};
    return *this;
  }
  // A value reported in each of several months, oldest first; the last is the current one.
  Snap& series(int task, int target, std::vector<MonthValue> values) {
    const MonthValue& last = values.back();
    s.values[{task, target}] = {last.value, false,       std::nullopt, last.month, {"f.csv", 2},
                                "",         SumOf::none, {},           {}};
    s.values[{task, target}].series = values;
    return *this;
  }
  Snap& state(int task, MilestoneState st) {
    s.values[{task, 1}] = {std::nullopt, false, st, s.month, {"f.csv", 3}, "", SumOf::none, {}, {}};
    return *this;
  }
};

inline TargetResult assess(const Snap& snap, int task, int target = 1) {
  const Task& t = *plan().find_task(task);
  return assess_target(plan(), t, t.targets.at(target - 1), snap.s);
}

inline Status status_at(YearMonth m, int task, double v) {
  return assess(Snap(m).value(task, 1, v), task).status;
}

}  // namespace minsheng::test
