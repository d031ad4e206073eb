#include "assess/projects.hpp"

#include <algorithm>

#include "assess/pace.hpp"

namespace minsheng {

ProjectLateness project_lateness(const ProjectObservation& p, YearMonth month, double time_pct,
                                 YearMonth deadline_month, const Settings& s) {
  if (p.state == ProjectState::finished) return ProjectLateness::none;
  if (p.planned_finish && *p.planned_finish < month) return ProjectLateness::finish_passed;
  if (p.planned_finish && *p.planned_finish > deadline_month)
    return ProjectLateness::finish_after_deadline;
  if (p.state == ProjectState::not_started && time_pct > s.project_not_started_pct + kEps)
    return ProjectLateness::not_started;
  return ProjectLateness::none;
}

std::vector<ProjectResult> assess_projects(const Plan& plan, const Snapshot& snap,
                                           const std::map<CountyKey, Allocation>& allocations) {
  std::vector<ProjectResult> out;
  for (const auto& [pk, p] : snap.projects) {
    const Task* task = plan.find_task(pk.key.task, pk.key.target);
    if (!task) continue;
    ProjectResult r;
    r.task = task;
    r.target = &task->targets[static_cast<std::size_t>(pk.key.target - 1)];
    r.name = pk.name;
    r.county = p.county;
    r.state = p.state;
    r.value = p.value;
    r.planned_finish = p.planned_finish;
    r.value_month = p.month;
    r.months_since_change = months_between(p.changed, snap.month);
    r.carried = p.month < snap.month;
    r.earlier_finish = p.earlier_finish;
    const Schedule* schedule = r.target->schedule.get();
    if (p.county >= 0)
      if (auto a = allocations.find({pk.key, p.county});
          a != allocations.end() && a->second.schedule)
        schedule = a->second.schedule.get();
    r.lateness = project_lateness(p, snap.month, time_pct(plan, schedule, snap.month),
                                  plan.deadline_month(), plan.settings);
    r.late = r.lateness != ProjectLateness::none;
    r.invest = p.invest;
    InvestmentSum money;
    money.add(p.invest);
    r.investment_pct = money.pct();
    r.physical_pct = physical_pct(p);
    r.investment_gap = investment_gap(p, plan.settings);
    r.source = p.source;
    out.push_back(std::move(r));
  }
  // The snapshot orders by task number and name; reports follow the plan's order of tasks.
  std::stable_sort(out.begin(), out.end(), [](const ProjectResult& a, const ProjectResult& b) {
    // Tasks are in plan order in Plan::tasks, so their addresses order them.
    return std::pair(a.task, a.target->index) < std::pair(b.task, b.target->index);
  });
  return out;
}

}  // namespace minsheng
