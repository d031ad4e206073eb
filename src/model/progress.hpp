// Monthly progress as units report it, and the merged snapshot of one month.
#pragma once
#include <compare>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/schedule.hpp"
#include "model/shared_text.hpp"
#include "util/date.hpp"
#include "util/number.hpp"

namespace minsheng {

struct Plan;

enum class MilestoneState : std::uint8_t { not_started, in_progress, completed };
const char* milestone_label(MilestoneState s);  // 未启动 / 推进中 / 已完成
std::optional<MilestoneState> parse_milestone_state(std::string_view word);

// A project's state as units write it: 未开工/在建/已完工 (also 未启动/推进中/已完成).
enum class ProjectState : std::uint8_t { not_started, in_progress, finished };
const char* project_state_label(ProjectState s);  // 未开工 / 在建 / 已完工
const char* project_state_code(ProjectState s);   // not_started / in_progress / finished
std::optional<ProjectState> parse_project_state(std::string_view word);

using FileName = SharedText;

struct SourceRef {
  FileName file;
  int line = 0;
  std::string str() const {
    return line > 0 ? file.str() + ":" + std::to_string(line) : file.str();
  }
};

struct TargetKey {
  int task = 0;
  int target = 1;
  auto operator<=>(const TargetKey&) const = default;
};

struct TargetKeyHash {
  std::size_t operator()(TargetKey k) const {
    return std::hash<long long>()(static_cast<long long>(k.task) << 16 ^ k.target);
  }
};

// A target in one 县市区: `county` indexes Plan::counties.
struct CountyKey {
  TargetKey key;
  int county = 0;
  auto operator<=>(const CountyKey&) const = default;
};

// What a unit writes beside its figures: 进展情况, 存在问题, 下步计划, and 问题状态 已解决.
struct UnitText {
  std::string progress, issues, next_steps;
  bool solved = false;
  SourceRef source;
  bool empty() const { return progress.empty() && issues.empty() && next_steps.empty(); }
};

// A city value of a count target can be the sum of its 县市区 rows or of its projects.
enum class SumOf : std::uint8_t { none, counties, projects };
const char* sum_label(SumOf s);  // 县市区合计 / 项目合计

// Money a row reports, in 万元 (计划投资, 累计完成投资, 资金到位), and a project's 形象进度 (%),
// what its investment is compared with. Each field is the last one reported.
struct Investment {
  OptNum planned, done, funded;
  OptNum physical_pct;
  bool money() const { return planned || done || funded; }
  bool empty() const { return !money() && !physical_pct; }
  // Each field `row` gives replaces this one's.
  void merge(const Investment& row);
};

// One valid row of a progress file: the city's figure, one 县市区's, or one project's.
struct ProgressEntry {  // grouped by size, not theme: a province's month holds a quarter million
  TargetKey key;
  int county = -1;                      // index into Plan::counties; -1: the whole city
  SumOf derived_from = SumOf::none;     // a city value the unit did not type: formed from these
  SumOf checked_against = SumOf::none;  // a typed city value that these should add up to
  bool percent = false;                 // typed as a percentage
  std::optional<MilestoneState> state;
  std::optional<ProjectState> project_state;
  std::optional<YearMonth> planned_finish;
  OptNum value;         // cumulative since the plan started; a level for % targets
  OptNum target_value;  // supplies a pending target's value
  SharedText project;   // 项目名称 of a project row; empty otherwise
  SharedText note;
  std::shared_ptr<const UnitText> text;      // only rows with words carry them
  std::shared_ptr<const Investment> invest;  // only rows with money or 形象进度 carry it
  SourceRef source;
  const UnitText& words() const;  // the row's words, or none
};

// Where a file's submission date comes from: reports say which, and never call a file 按时报送
// on no evidence.
enum class DateFrom { none, column, form_line, received };
const char* date_from_label(DateFrom f);  // 未注明 / 表内报送日期 / 表上填报日期 / 收文登记
const char* date_from_code(DateFrom f);  // none / column / form_line / received

// A figure of an earlier month set right: a row whose 月份 names that month, or a file re-sent
// into that month's folder that superseded the first one (`was` is then the first file's).
struct Correction {
  TargetKey key;
  YearMonth month;   // the month corrected
  double value = 0;  // the right figure
  bool percent = false;
  std::optional<double> was;  // the figure it replaces, when the reader knows it
  SourceRef source;
};

// What a snapshot knows of a corrected month's figure: reports say 「已更正（原 1800）」.
struct CorrectedValue {
  double was = 0, value = 0;
  SourceRef source;  // the correcting row
  YearMonth in;      // the month of the file that corrected it
};

// Corrected figures by target and the month corrected (few: a map).
using Corrections = std::map<std::pair<TargetKey, YearMonth>, CorrectedValue>;

struct Submission {
  std::string file;
  std::string unit;
  YearMonth month;
  std::optional<Date> submitted;
  DateFrom submitted_from = DateFrom::none;
  std::string encoding;
  std::vector<ProgressEntry> entries;   // city values, one per target (typed or derived)
  std::vector<ProgressEntry> counties;  // 县市区 values, one per (target, county)
  std::vector<ProgressEntry> projects;  // one per (target, project)
  UnitText unit_text;                   // a row without a task number: the unit's own words
  std::vector<Correction> corrections;  // of earlier months, or of the file it superseded
  std::set<TargetKey> invalid;          // targets with a rejected row in this file
  // Rows with a figure that name no target (an unreadable task number, a target the task does
  // not have), and the targets they may have meant: settle_doubtful.
  int unnamed_rows = 0;
  std::set<TargetKey> doubtful;
  std::set<CountyKey> invalid_counties;
  // Rejected whole (unknown unit, undecodable, a month that contradicts its folder): it
  // contributes no value, and the targets it speaks of are 数据有误.
  bool rejected = false;
  // A file of a known unit with something to use: the unit reported (assess/reporting).
  bool usable() const { return !rejected && !unit.empty(); }
};

// Rejects a submission: its entries become invalid targets and nothing of it is kept.
void reject(Submission& sub);

// Lets go of a merged submission's rows (and the rows it rejected), keeping its file, unit,
// month and dates: what is left of a month once it is in a snapshot.
void drop_rows(Submission& sub);

// A file in submissions/ that minsheng cannot read (a workbook, a .docx, a folder): the unit
// sent something, so it is not 未报送.
struct UnreadFile {
  std::string path;
  YearMonth month;
  std::string unit;  // from the file name, when it names a unit
};

// A numeric value as reported for one month.
struct MonthValue {
  YearMonth month;
  double value = 0;
};

// What is known of one target as of a month.
struct Observation {
  std::optional<double> value;
  bool percent = false;
  std::optional<MilestoneState> state;
  YearMonth month;  // the month it was reported for
  SourceRef source;
  SharedText note;
  SumOf derived_from = SumOf::none;  // the unit gave no city figure: it is this sum
  std::vector<MonthValue> series;    // every numeric value up to the snapshot's month, oldest first
  std::optional<YearMonth> completed_since;  // a milestone 已完成 in every report since this month
};

// A project as last reported, carried from month to month like any value.
struct ProjectObservation {
  int county = -1;
  std::optional<ProjectState> state;
  std::optional<double> value;
  std::optional<YearMonth> planned_finish;
  std::optional<YearMonth> earlier_finish;  // the planned finish before it was last moved
  std::optional<YearMonth> moved_in;        // the month whose report last moved it
  Investment invest;
  SourceRef invest_source;  // the row that last gave investment or 形象进度
  YearMonth month;          // last reported for
  YearMonth
      changed;  // when its state, value or planned finish last changed (first reported, at first)
  SourceRef source;
};

struct ProjectKey {
  TargetKey key;
  std::string name;
  auto operator<=>(const ProjectKey&) const = default;
};

// A 县市区's share of a target, from DATA/breakdown/ (分解方案).
struct Allocation {
  double value = 0;
  std::string unit;
  SourceRef source;
  SchedulePtr schedule;  // the 县市区's own 节点月份/节点进度, else null: the target's
};

// A pending target's figure as a unit supplied it, and where.
struct Supplied {
  double value = 0;
  SourceRef source;
};

struct Snapshot {
  YearMonth month;
  // Looked up, never walked in order: hashed, as a province has a hundred thousand targets.
  std::unordered_map<TargetKey, Observation, TargetKeyHash> values;
  std::unordered_map<TargetKey, Supplied, TargetKeyHash> target_values;  // of pending targets
  std::map<std::string, const Submission*> reported;  // units with a file for `month`
  std::set<TargetKey> invalid;                        // rejected rows in `month`
  std::map<CountyKey, Observation> county_values;
  std::set<CountyKey> invalid_counties;  // rejected 县市区 rows in `month`
  std::map<ProjectKey, ProjectObservation> projects;
  // What city rows gave of investment (few targets: most give it by project).
  std::unordered_map<TargetKey, Investment, TargetKeyHash> investment;
  Corrections corrections;  // figures of this or earlier months that a file set right
  const CorrectedValue* correction(TargetKey k, YearMonth m) const;
};

// Every progress file read from a data folder, valid or not: its files, months, dates and
// problems. What a reading kept decides what it may be used for, and the type says so rather
// than a mode checked at run time: a DataSet alone may have let its rows go (who sent what, or
// months folded as they were read); AllRows and MonthRows keep them.
struct DataSet {
  std::vector<Submission> submissions;           // sorted by month, then file name
  std::vector<YearMonth> months;                 // months that have a submissions folder, ascending
  Diagnostics diagnostics;                       // every problem in every file read
  std::map<std::string, YearMonth> file_months;  // every file looked at, valid or not
  std::vector<UnreadFile> unread;                // present but not read, by month then path
  std::map<CountyKey, Allocation> allocations;   // DATA/breakdown/, valid rows only

  bool has_month(YearMonth m) const;  // has a submissions folder
  bool has_files(YearMonth m) const;
  std::optional<YearMonth> month_of(const std::string& file) const;
  // Months with at least one progress file, ascending.
  std::vector<YearMonth> months_with_files() const;
  // Each unit's last month with a file, up to and including `m`.
  std::map<std::string, YearMonth> last_file_months(YearMonth m) const;
};

// Every row of every month read: what may be assessed for any month, checked or followed.
struct AllRows : DataSet {};

// Read for the reports of `report_months` alone (summary, projects, diff): a report needs the
// earlier months' values, not their rows, so those were merged into `carried` as they were read
// and dropped (their submissions keep file, unit, month and dates), and a province's years of
// data are not all held at once. submissions[0, carried_until) are in `carried`.
struct MonthRows : DataSet {
  std::vector<YearMonth> report_months;  // as asked: the reports come back in this order
  Snapshot carried;
  std::size_t carried_until = 0;
};

// Read for the report of `month` alone, the months before it handed to a fold that keeps their
// figures (the site's HistoryBuilder), so that a province's figures are held once, not also
// carried by the reading: their rows were let go once folded, `month`'s are kept.
struct FoldedMonth : DataSet {
  YearMonth month;
};

// Two files of one month that give the same target: an error naming both places, and the
// target is 数据有误 (neither value is kept). `subs` are one month's submissions.
void check_month_conflicts(std::vector<Submission>& subs, std::size_t first, Diagnostics& diags);

// A unit's targets that a row of its month may have meant (its figure under a task number no one
// can read) and that none of its files for the month gives: 数据有误 this month, not 未填报, with
// one warning per file. `subs` are one month's submissions.
void settle_doubtful(const Plan& plan, std::vector<Submission>& subs, std::size_t first,
                     Diagnostics& diags);

// Builds the snapshot of `month` from submissions of that month and earlier, in one pass.
// `subs` must be sorted by month. Adds a warning when a cumulative value falls below the
// same target's value for an earlier month.
// `on_figure`, when given, is told each city row's figure as the merge forms it: a value the
// unit did not type is the sum of its 县市区 or projects, carried ones included. Checks read
// that figure, the one the reports show, and never form it again.
using FigureHook = std::function<void(const ProgressEntry&, std::optional<double> figure)>;
Snapshot merge_snapshot(const std::vector<Submission>& subs, YearMonth month, Diagnostics* diags,
                        const FigureHook& on_figure = {});

// Moves a snapshot on to `month` (not earlier than its own), merging the submissions from
// `next` on; `next` is left at the first later one. Month after month this reads every
// submission once, so a history of M months costs M × targets, not M².
void advance_snapshot(Snapshot& snap, const std::vector<Submission>& subs, std::size_t& next,
                      YearMonth month, Diagnostics* diags, const FigureHook& on_figure = {});

// A snapshot moved on as a reading's months come (a MonthFold): the figures as of the month just
// read, for whoever follows the months and keeps no history of its own.
struct FollowedSnapshot {
  Snapshot snap;
  std::size_t next = 0;  // the first submission not merged
  void add_month(const std::vector<Submission>& subs, YearMonth m) {
    advance_snapshot(snap, subs, next, m, nullptr);
  }
};

// Sets an earlier month's figure right in `snap` (its series, and its value when that month's is
// the latest), as a file of month `in` says; the first figure it replaced is kept as `was`.
// Returns what the snapshot now records, or nothing when no earlier figure was changed.
const CorrectedValue* apply_correction(Snapshot& snap, const Correction& c, YearMonth in);

}  // namespace minsheng
