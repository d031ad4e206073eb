#include "assess/final.hpp"

#include <algorithm>
#include <unordered_map>

#include "assess/period.hpp"

namespace minsheng {

std::optional<double> FinalCounts::rate() const {
  if (targets == 0) return std::nullopt;
  return 100.0 * finished() / targets;
}

void FinalCounts::add(Status s) {
  ++targets;
  if (s == Status::done)
    ++done;
  else if (s == Status::done_late)
    ++done_late;
  else if (s == Status::overdue)
    ++unfinished;
  else
    ++no_data;  // from the deadline month on, no other status means anything but "unknown"
}

std::optional<YearMonth> final_month(const Plan& plan, const std::vector<YearMonth>& with_files,
                                     Date as_of) {
  if (!month_ended(plan.deadline_month(), as_of)) return std::nullopt;
  YearMonth m = plan.deadline_month();
  for (YearMonth f : with_files)
    if (f > m && month_ended(f, as_of)) m = f;
  return m;
}

FinalReport build_final(MonthReport month, Date as_of) {
  FinalReport f;
  f.month = std::move(month);
  f.as_of = as_of;
  const MonthReport& rep = f.month;
  const Plan& plan = *rep.plan;
  f.total.name = "全部";
  std::unordered_map<int, std::size_t> category_at;
  for (const auto& c : plan.categories) {
    category_at[c.id] = f.by_category.size();
    f.by_category.push_back({c.name});
  }
  const std::vector<std::string> units = plan.lead_units();  // the map's keys view these
  std::unordered_map<std::string_view, std::size_t> unit_at;
  for (const auto& u : units) {
    unit_at.emplace(u, f.by_unit.size());
    f.by_unit.push_back({u});
  }
  for (const auto& t : rep.targets) {
    f.total.add(t.status);
    if (auto it = category_at.find(t.task->category); it != category_at.end())
      f.by_category[it->second].add(t.status);
    if (auto it = unit_at.find(t.target->lead.str()); it != unit_at.end())
      f.by_unit[it->second].add(t.status);
  }
  // Counted by the county's place in the plan, then those with allocations kept in that order.
  std::vector<FinalCounts> counties(plan.counties.size());
  for (const auto& t : rep.county_targets)
    if (auto c = static_cast<std::size_t>(t.county); c < counties.size()) counties[c].add(t.status);
  for (std::size_t c = 0; c < counties.size(); ++c)
    if (counties[c].targets > 0) {
      counties[c].name = plan.counties[c];
      f.by_county.push_back(std::move(counties[c]));
    }
  for (std::size_t i = 0; i < rep.targets.size(); ++i)
    if (rep.targets[i].status == Status::overdue) f.unfinished.push_back(i);
  std::stable_sort(f.unfinished.begin(), f.unfinished.end(), [&](std::size_t a, std::size_t b) {
    auto ua = unit_at.find(rep.targets[a].target->lead.str()),
         ub = unit_at.find(rep.targets[b].target->lead.str());
    std::size_t x = ua == unit_at.end() ? unit_at.size() : ua->second;
    std::size_t y = ub == unit_at.end() ? unit_at.size() : ub->second;
    return x < y;
  });
  return f;
}

}  // namespace minsheng
