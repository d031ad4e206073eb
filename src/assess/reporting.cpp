#include "assess/reporting.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

namespace minsheng {

bool file_overdue(const Plan& plan, YearMonth m, Date as_of) {
  return plan.file_owed(m) && plan.due_date(m) < as_of;
}

long late_days(const Plan& plan, const Submission& sub) {
  if (!sub.submitted) return 0;
  return std::max(0L, days_between(plan.due_date(sub.month), *sub.submitted));
}

UnitFiles first_files(const DataSet& data, std::optional<YearMonth> only) {
  UnitFiles out;
  for (const auto& s : data.submissions) {
    if (s.unit.empty() || (only && s.month != *only)) continue;
    const Submission*& f = out[{s.month, s.unit}];
    if (!f || (s.submitted && (!f->submitted || *s.submitted < *f->submitted))) f = &s;
  }
  return out;
}

std::size_t MissingReport::count(SendState s) const {
  return static_cast<std::size_t>(
      std::count_if(units.begin(), units.end(), [s](const UnitSend& u) { return u.state == s; }));
}

std::size_t MissingReport::missing() const {
  return count(SendState::missing);
}

MissingReport assess_missing(const Plan& plan, const DataSet& data, YearMonth m, Date as_of) {
  MissingReport r;
  r.month = m;
  r.due = plan.file_owed(m);
  r.after_deadline = m > plan.deadline_month();
  r.due_date = plan.due_date(m);
  r.as_of = as_of;
  r.days_left = days_between(as_of, r.due_date);
  std::vector<std::string> units = plan.lead_units();
  r.expected = units.size();
  if (!r.due) return r;
  UnitFiles first = first_files(data, m);
  std::map<std::string, std::vector<std::string>> files;
  for (const auto& s : data.submissions)
    if (s.month == m && !s.unit.empty()) files[s.unit].push_back(s.file);
  auto unread = data.unread_by_unit(m);
  // A file nobody could attribute may be a missing unit's under a misspelt name: it is named,
  // with the unit it resembles, so that unit is not called overdue without the note.
  auto unknown = [&](const std::string& file) {
    r.unknown.push_back({file, plan.unit_guess(std::filesystem::path(file).stem().string())});
  };
  for (const auto& s : data.submissions)
    if (s.month == m && s.unit.empty()) unknown(s.file);
  for (const auto& u : data.unread)
    if (u.month == m && u.unit.empty()) unknown(u.path);
  for (const auto& u : units) {
    if (auto it = first.find({m, u}); it != first.end()) {
      const Submission& s = *it->second;
      if (!s.submitted)
        ++r.undated;
      else if (long days = late_days(plan, s); days > 0)
        r.units.push_back({u, SendState::late, files[u], s.submitted, s.submitted_from, days, {}});
      continue;
    }
    auto it = unread.find(u);
    if (it == unread.end()) {
      UnitSend send{u, SendState::missing, {}, std::nullopt, DateFrom::none, 0, {}};
      for (const auto& k : r.unknown)
        if (k.guess == u) send.maybe.push_back(std::filesystem::path(k.file).filename().string());
      r.units.push_back(std::move(send));
    } else
      r.units.push_back(
          {u, SendState::unreadable, it->second, std::nullopt, DateFrom::none, 0, {}});
  }
  return r;
}

}  // namespace minsheng
