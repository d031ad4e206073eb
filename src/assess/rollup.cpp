#include "assess/rollup.hpp"

#include <algorithm>
#include <cmath>

#include "assess/pace.hpp"

namespace minsheng {

void CompletionMean::add(std::optional<double> completion_pct, double time_pct) {
  if (!completion_pct) return;
  sum_ += std::min(100.0, *completion_pct);
  time_sum_ += time_pct;
  ++n_;
}

void CompletionMean::add(const CompletionMean& other) {
  sum_ += other.sum_;
  time_sum_ += other.time_sum_;
  n_ += other.n_;
}

double CompletionMean::time() const {
  return n_ ? time_sum_ / static_cast<double>(n_) : 0;
}

std::optional<double> CompletionMean::value() const {
  if (!n_) return std::nullopt;
  return sum_ / static_cast<double>(n_);
}

int Rollup::count(Status s) const {
  auto it = counts.find(s);
  return it == counts.end() ? 0 : it->second;
}

int Rollup::total() const {
  int n = 0;
  for (const auto& [status, count] : counts) n += count;
  return n;
}

int Rollup::finished() const {
  return count(Status::done) + count(Status::done_late);
}

int Rollup::lagging() const {
  return count(Status::behind) + count(Status::seriously_behind) + count(Status::overdue);
}

bool ranks_before(const Rollup& x, const Rollup& y) {
  if (x.avg_completion.has_value() != y.avg_completion.has_value())
    return x.avg_completion.has_value();
  if (x.avg_completion && std::abs(*x.avg_completion - *y.avg_completion) > kEps)
    return *x.avg_completion > *y.avg_completion;
  int xs = x.count(Status::seriously_behind) + x.count(Status::overdue);
  int ys = y.count(Status::seriously_behind) + y.count(Status::overdue);
  if (xs != ys) return xs < ys;
  return x.lagging() < y.lagging();
}

Status rollup_status(const Plan& plan, YearMonth m, double avg, double time_pct) {
  if (deadline_reached(plan, m)) return avg >= 100 - kEps ? Status::done : Status::overdue;
  return by_gap(time_pct - avg, plan.settings);
}

}  // namespace minsheng
