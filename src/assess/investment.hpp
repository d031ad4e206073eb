// Investment (资金) beside physical progress: what a target, task, category and unit planned,
// completed and received, the rate, and the one rule of a project whose 形象进度 and investment
// part ways.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/plan.hpp"
#include "model/progress.hpp"

namespace minsheng {

struct TargetResult;

// Sums in 万元. A field no row gave stays unknown, not 0: 资金到位 is often not reported.
struct InvestmentSum {
  double planned = 0, done = 0, funded = 0;
  bool has_planned = false, has_done = false, has_funded = false;
  void add(const Investment& i);
  void add(const InvestmentSum& o);
  bool any() const { return has_planned || has_done || has_funded; }
  // 投资完成率: 累计完成投资 ÷ 计划投资 × 100, when both are known and something was planned.
  std::optional<double> pct() const;
};

// A target's investment: each field its city row gave, else the sum of its projects'.
InvestmentSum target_investment(const Snapshot& snap, TargetKey key);

// A project's physical completion: 已完工 100, 未开工 0, else its 形象进度 if given.
std::optional<double> physical_pct(const ProjectObservation& p);

// A project whose physical completion and 投资完成率 differ by more than
// settings.investment_gap_pp (either way): both figures, for the message.
struct InvestmentGap {
  double physical = 0, invested = 0;
  double gap() const { return physical - invested; }  // > 0: the works run ahead of the money
};
std::optional<InvestmentGap> investment_gap(const ProjectObservation& p, const Settings& s);
// 「投资滞后于形象进度 40.0 个百分点」 (or 超前于).
std::string investment_gap_text(const InvestmentGap& g);

// One line of the 投资 tables: a task, a category or a lead unit, beside the mean physical
// completion of its targets that report investment.
struct InvestmentLine {
  std::string unit;            // a unit's line
  const Task* task = nullptr;  // a task's line
  int category = 0;            // a category's line
  InvestmentSum sum;
  std::optional<double> completion;  // mean completion of those targets (each capped at 100)
};

struct InvestmentReport {
  InvestmentLine total;
  std::vector<InvestmentLine> tasks, categories, units;  // those with any investment, plan order
  std::map<TargetKey, InvestmentSum> targets;            // each target with any
  bool any() const { return total.sum.any(); }
  const InvestmentSum* find(TargetKey k) const;
};

// `targets` are the month's assessed targets in plan order (their completion is shown beside).
InvestmentReport assess_investment(const Snapshot& snap, const std::vector<TargetResult>& targets);

}  // namespace minsheng
