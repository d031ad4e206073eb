// Who sent their progress file for a month, and who is late: one rule for every report.
#pragma once
#include <map>
#include <optional>
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

// Whether a lead unit reported a month: the one rule of `missing`, the summary's 报送情况 and
// the bulletin. A file that could not be read, or was rejected whole, was sent but gives
// nothing: the unit is neither 已报 nor 未报送, and owes a file that can be used.
enum class Sent { nothing, unusable, usable };

struct UnitMonth {
  Sent sent = Sent::nothing;
  // Of several files, the earliest dated decides whether the unit reported on time (a later
  // one is a correction); rejected files count, as they were sent. Null when none was read.
  const Submission* first = nullptr;
  std::vector<std::string> files;  // paths, in the order read
  std::vector<std::string> file_names() const;
};
using MonthSends = std::map<std::string, UnitMonth>;  // by unit; units that sent nothing absent
MonthSends month_sends(const DataSet& data, YearMonth m);
Sent sent_of(const MonthSends& sends, const std::string& unit);

enum class SendState { missing, unreadable, late };

struct UnitSend {
  std::string unit;
  SendState state = SendState::missing;
  std::vector<std::string> files;  // unreadable, late: the file names it sent
  std::optional<Date> sent;        // late: when, and on what evidence
  DateFrom sent_from = DateFrom::none;
  long days_late = 0;
  std::vector<std::string> maybe;  // missing: files of no known unit whose name is closest to it
};

// A file in the month's folder whose unit could not be told, and the unit it most resembles.
struct UnknownFile {
  std::string file;
  std::string guess;  // empty when no unit is close
};

struct MissingReport {
  YearMonth month;
  bool due = true;  // false before the plan's reporting.from or after its deadline month
  bool after_deadline = false;
  Date due_date, as_of;
  long days_left = 0;                // > 0 days left, < 0 days overdue
  std::size_t expected = 0;          // lead units
  std::vector<UnitSend> units;       // without a readable file, or sent late; in plan order
  std::size_t undated = 0;           // units whose file gives no date: neither on time nor late
  std::vector<UnknownFile> unknown;  // received, but whose they are is not known

  std::size_t missing() const;
  std::size_t count(SendState s) const;
  std::size_t sent() const { return expected - missing() - count(SendState::unreadable); }
  // Exit 1 for the daily check: a unit owes a file and the due date has passed.
  bool overdue() const { return due && days_left < 0 && missing() > 0; }
};

MissingReport assess_missing(const Plan& plan, const DataSet& data, YearMonth m, Date as_of);

}  // namespace minsheng
