// What a quarterly 通报 or half-year 专报 says, computed before any wording is chosen.
#pragma once
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "assess/assessment.hpp"
#include "assess/diff.hpp"
#include "assess/period.hpp"
#include "assess/problems.hpp"

namespace minsheng {

struct UnitStanding {
  std::string unit;
  int targets = 0;
  int done = 0;
  int lagging = 0;
  std::optional<double> avg_completion;
  int rank = 0;                            // 0: not ranked (no numeric target with a value)
  std::vector<YearMonth> missing_months;   // due (from reporting.from) and no file sent
  std::vector<YearMonth> pending_months;   // no file yet, but its due day has not passed
  std::vector<YearMonth> undated_months;   // a file that says nothing of when it was sent
  std::vector<YearMonth> unusable_months;  // files sent, none of them could be used
  std::vector<std::pair<YearMonth, long>> late_months;  // file sent N days after the due date
};

struct Bulletin {
  Period period;
  Date issued;     // the date it goes out, in its signature: the run's date unless given
  int number = 1;  // 期号: Period::issue_number from the plan's first reporting month unless given
  YearMonth month;  // the last month of the period that has progress files
  // The period's last month has no files: built only when asked to (allow_stale), and the
  // document says which month its data reaches.
  bool stale = false;
  MonthReport report;
  // What changes are measured from: the previous period's last month with files, or, when that
  // period has none, the first month of this period with files.
  std::optional<YearMonth> previous_month;
  bool previous_in_period = false;
  std::optional<DiffReport> changes;  // since previous_month
  std::vector<UnitStanding> units;    // ranked: best average completion first
  std::vector<std::string>
      lowest_counties;  // of the three lowest ranked, those that lag; lowest first

  std::vector<TargetKey> completed;    // done now and not done at previous_month
  std::vector<TargetKey> lagging;      // lagging_targets(report)
  std::vector<TargetKey> attention;    // at_risk_targets(report)
  std::vector<Status> status_columns;  // statuses any category has, so each row sums to its tasks
  int numeric_count = 0;               // targets with a completion rate
  int numeric_done = 0;

  std::vector<Problem> problems;  // the 问题清单 as of `month`
  int problems_opened = 0;        // first reported in the period
  int problems_closed = 0;        // closed in the period
  std::vector<std::size_t>
      long_open;  // open settings.long_open_months or more, still reported: 限期解决
  std::vector<std::size_t> silent;  // open but not mentioned lately (Problem::stale)

  // How many of a list of `n` the document names: a province's bulletin names the first
  // settings.bulletin_list_limit (the worst, where a list is ranked) and counts the rest.
  std::size_t shown(std::size_t n) const {
    return std::min(n, static_cast<std::size_t>(report.plan->settings.bulletin_list_limit));
  }
};

// The months a bulletin is told from, chosen from the months with progress files alone, so that
// a reading can keep the rows of those months and no others.
struct BulletinMonths {
  YearMonth month;  // the period's last month with files (see Bulletin)
  bool stale = false;
  std::optional<YearMonth> previous;
  bool previous_in_period = false;
  std::vector<YearMonth> report_months() const;  // month, then previous when there is one
};

// Throws NoDataError when the period's last month has no progress files (unless `allow_stale`,
// and then still when no month up to the period's end has any: a period with none is told from
// the last month before it). `with_files`: the months with files, ascending.
BulletinMonths bulletin_months(const Plan& plan, Period period,
                               const std::vector<YearMonth>& with_files, bool allow_stale);

// Throws as bulletin_months does, and DataError on invalid data.
// With `as_of` (the day it is written), a month whose due day has not passed by then lists no
// unit as 未报送; without it, every month of the period is taken as due. With `keep_going`,
// invalid data makes its targets 数据有误 (listed in the report's problems) instead of a DataError,
// so that a scheduled run still publishes. `issued` is `as_of` (the CLI's --date may change it).
Bulletin build_bulletin(const Plan& plan, const AllRows& data, Period period,
                        bool allow_stale = false, std::optional<Date> as_of = std::nullopt,
                        bool keep_going = false);
// The same bulletin from data read for `months` alone (io::load_months with bulletin_months as
// its choice), with the 问题清单 followed to months.month as the data were read (ProblemTracker):
// a province's rows of other months are never held. `data` is used up.
Bulletin build_bulletin(const Plan& plan, MonthRows&& data, const BulletinMonths& months,
                        std::vector<Problem> problems, Period period,
                        std::optional<Date> as_of = std::nullopt, bool keep_going = false);

}  // namespace minsheng
