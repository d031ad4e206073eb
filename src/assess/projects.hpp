// Projects (具体项目) as of a month, and the one rule of when one is late.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "assess/investment.hpp"
#include "model/plan.hpp"
#include "model/progress.hpp"

namespace minsheng {

enum class ProjectLateness { none, finish_passed, finish_after_deadline, not_started };

// A project as of a month: the last reported state, value and planned finish.
struct ProjectResult {
  const Task* task = nullptr;
  const Target* target = nullptr;
  std::string name;
  int county = -1;
  std::optional<ProjectState> state;
  std::optional<double> value;
  std::optional<YearMonth> planned_finish;
  YearMonth value_month;                    // last reported for
  int months_since_change = 0;              // since its state or value last changed
  bool carried = false;                     // not in this month's file: 本月未更新
  std::optional<YearMonth> earlier_finish;  // 原计划, when the planned finish was moved
  ProjectLateness lateness = ProjectLateness::none;
  bool late = false;                            // lateness != none
  Investment invest;                            // as last reported (万元, 形象进度)
  std::optional<double> investment_pct;         // 投资完成率
  std::optional<double> physical_pct;           // 已完工 100, 未开工 0, else its 形象进度
  std::optional<InvestmentGap> investment_gap;  // the two apart beyond the plan's setting
  SourceRef source;
  TargetKey key() const { return {task->id, target->index}; }
};

// Why an unfinished project is late, if it is (first that applies): its planned finish has
// passed; its planned finish lies after the plan's deadline month; it is 未开工 while time
// progress is over settings.project_not_started_pct.
ProjectLateness project_lateness(const ProjectObservation& p, YearMonth month, double time_pct,
                                 YearMonth deadline_month, const Settings& s);

// Every project known as of the snapshot's month, in the plan's order of targets, then by name.
// A project in a 县市区 whose 分解方案 row gives its own nodes is judged on them (its 未开工 past
// project_not_started_pct of that 县市区's 序时进度), else on its target's.
std::vector<ProjectResult> assess_projects(const Plan& plan, const Snapshot& snap,
                                           const std::map<CountyKey, Allocation>& allocations = {});

}  // namespace minsheng
