// Who sent their progress file for a month, and who is late: one rule for every report.
#pragma once
#include <string>
#include <vector>

#include "model/plan.hpp"
#include "model/progress.hpp"

namespace minsheng {

// Days a file was sent after its due date; 0 when on time or when it gives no date.
long late_days(const Plan& plan, const Submission& sub);
// Whether a unit with no file for month `m` is 未报送 as of a day: only once the due day has
// passed (on the due day itself the file is still on time).
bool file_overdue(const Plan& plan, YearMonth m, Date as_of);

enum class SendState { missing, unreadable };

struct UnitSend {
  std::string unit;
  SendState state = SendState::missing;
  std::vector<std::string> files;  // unreadable: the file names it sent
};

struct MissingReport {
  YearMonth month;
  bool due = true;  // false before the plan's reporting.from or after its deadline month
  bool after_deadline = false;
  Date due_date, as_of;
  long days_left = 0;           // > 0 days left, < 0 days overdue
  std::size_t expected = 0;     // lead units
  std::vector<UnitSend> units;  // those without a readable file, in plan order

  std::size_t missing() const;
  // Exit 1 for the daily check: a unit owes a file and the due date has passed.
  bool overdue() const { return due && days_left < 0 && missing() > 0; }
};

MissingReport assess_missing(const Plan& plan, const DataSet& data, YearMonth m, Date as_of);

}  // namespace minsheng
