// Roll-ups of targets (a category, a unit, a 县市区) and the one rule that ranks them.
#pragma once
#include <map>
#include <optional>
#include <string>

#include "model/plan.hpp"
#include "model/status.hpp"
#include "util/date.hpp"

namespace minsheng {

// The mean completion of a roll-up (a category, a unit, a 县市区, a month of the trend): each
// target counts at most 100%, so one target far past its figure cannot hide another's lag.
class CompletionMean {
 public:
  // A target's completion and its own 序时进度: a mean is judged against its targets' mean time.
  void add(std::optional<double> completion_pct, double time_pct);
  void add(const CompletionMean& other);
  std::optional<double> value() const;
  double time() const;  // the mean 序时进度 of the targets counted

 private:
  double sum_ = 0, time_sum_ = 0;
  std::size_t n_ = 0;
};

struct Rollup {
  std::string name;
  std::map<Status, int> counts;
  std::optional<double> avg_completion;  // mean of numeric completions, each capped at 100
  // The average against 序时进度 by the same gap rule as a target (charts colour it so).
  std::optional<Status> avg_status;
  double time_pct = 0;  // its targets' mean 序时进度, what avg_status judges the mean against

  int count(Status s) const;
  int total() const;
  int lagging() const;   // behind, seriously behind or overdue
  int finished() const;  // done or done_late
};

// One 县市区 over its allocated targets.
struct CountyStanding {
  int county = 0;  // index into Plan::counties
  Rollup rollup;   // name, counts of its targets by status, mean completion
  int rank = 0;    // 1 is best: mean completion, then fewer 严重滞后, then plan order
};

// The one ranking rule of every table that ranks (县市区, units in the bulletin): a roll-up with
// a mean completion before one without; the higher mean (equal within the last bit); then
// fewer 严重滞后 and 逾期 targets; then fewer lagging ones. Equal ones keep plan order.
bool ranks_before(const Rollup& x, const Rollup& y);
// A mean completion's status against time: by the gap until the deadline, then finished or not.
Status rollup_status(const Plan& plan, YearMonth m, double avg, double time_pct);

}  // namespace minsheng
