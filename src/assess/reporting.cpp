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

std::vector<std::string> UnitMonth::file_names() const {
  std::vector<std::string> out;
  for (const auto& f : files) out.push_back(std::filesystem::path(f).filename().string());
  return out;
}

MonthSends month_sends(const DataSet& data, YearMonth m) {
  MonthSends out;
  for (const auto& s : data.submissions) {
    if (s.month != m || s.unit.empty()) continue;
    UnitMonth& u = out[s.unit];
    if (s.usable()) u.sent = Sent::usable;
    if (u.sent == Sent::nothing) u.sent = Sent::unusable;
    const Submission*& f = u.first;
    if (!f || (s.submitted && (!f->submitted || *s.submitted < *f->submitted))) f = &s;
    u.files.push_back(s.file);
  }
  for (const auto& r : data.unread) {
    if (r.month != m || r.unit.empty()) continue;
    UnitMonth& u = out[r.unit];
    if (u.sent == Sent::nothing) u.sent = Sent::unusable;
    u.files.push_back(r.path);
  }
  return out;
}

Sent sent_of(const MonthSends& sends, const std::string& unit) {
  auto it = sends.find(unit);
  return it == sends.end() ? Sent::nothing : it->second.sent;
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
  MonthSends sends = month_sends(data, m);
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
    auto it = sends.find(u);
    if (it == sends.end()) {
      UnitSend send{u, SendState::missing, {}, std::nullopt, DateFrom::none, 0, {}};
      for (const auto& k : r.unknown)
        if (k.guess == u) send.maybe.push_back(std::filesystem::path(k.file).filename().string());
      r.units.push_back(std::move(send));
      continue;
    }
    const UnitMonth& sent = it->second;
    if (sent.sent == Sent::unusable) {
      r.units.push_back(
          {u, SendState::unreadable, sent.file_names(), std::nullopt, DateFrom::none, 0, {}});
    } else if (!sent.first->submitted) {
      ++r.undated;
    } else if (long days = late_days(plan, *sent.first); days > 0) {
      r.units.push_back({u,
                         SendState::late,
                         sent.files,
                         sent.first->submitted,
                         sent.first->submitted_from,
                         days,
                         {}});
    }
  }
  return r;
}

}  // namespace minsheng
