// The plan as data: tasks, targets, lead units and the assessment settings (tasks.yaml).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/schedule.hpp"
#include "model/shared_text.hpp"
#include "util/date.hpp"

namespace minsheng {

enum class Comparator { at_least, about, exactly };
enum class TargetKind { numeric, milestone };

// Things counted whole (个, 家, 人 …): an amount still to do is never a fraction of one.
bool is_discrete_measure(std::string_view measure);

struct ComparatorInfo {
  Comparator comparator;
  const char* code;    // "at_least", as tasks.yaml writes it
  const char* suffix;  // "以上", "左右" or "", as the plan writes figures
};
const ComparatorInfo& comparator_info(Comparator c);
inline const char* comparator_code(Comparator c) {
  return comparator_info(c).code;
}
inline const char* comparator_suffix(Comparator c) {
  return comparator_info(c).suffix;
}
std::optional<Comparator> parse_comparator(std::string_view code);

// 全市, 合计, 全市合计 or blank: a row about the whole city, not one 县市区.
bool is_city_word(std::string_view word);
// The leading "某某市" of a title (宜昌市2024年… → 宜昌市), or empty.
std::string city_of_title(std::string_view title);

// A count can be summed over 县市区 and projects; a rate (%) or a milestone cannot.
struct Target;
bool summable(const Target& t);

struct Target {
  int task = 0;   // id of the task it belongs to
  int index = 1;  // 1-based within its task
  std::string name;
  SharedText lead;     // one copy of a unit's name for all its targets (a province has 131,000)
  int lead_unit = -1;  // position of `lead` in Plan::units, set by Plan::index(); -1 unset
  TargetKind kind = TargetKind::numeric;
  std::optional<double> value;  // absent for milestones and pending targets
  bool pending = false;         // the value is set elsewhere and supplied in progress files
  std::string measure;          // 个, 人, %, …; empty for milestones
  Comparator comparator = Comparator::exactly;
  double baseline = 0;
  // How many projects the plan says it is reported by (`projects: 4`; 0: not said): the form
  // gives that many rows for projects until they are listed.
  int projects = 0;
  int line = 0;  // in the plan file, for messages
  // Its 序时 nodes (its own, else its category's); null: the straight line of the plan period.
  SchedulePtr schedule;
};

// How every report numbers a target: "48.2" for the second target of a task with several
// (`several`), "4" otherwise; and how messages name it: "任务48指标2", "任务4".
std::string target_number(int task, int index, bool several);
std::string target_label(int task, int index, bool several);

struct Task {
  int id = 0;
  int category = 0;
  std::string text;
  std::vector<SharedText> leads;
  std::vector<Target> targets;
  int line = 0;

  std::string number_of(const Target& t) const {
    return target_number(id, t.index, targets.size() > 1);
  }
  std::string label_of(const Target& t) const {
    return target_label(id, t.index, targets.size() > 1);
  }
};

// A task's lead units' names, for messages and lists.
std::vector<std::string> lead_names(const Task& task);

struct Category {
  int id = 0;
  std::string name;
  SchedulePtr schedule;  // for its targets that give none of their own
};

struct Settings {
  double about_tolerance = 0.10;
  double behind_pp = 10;            // gap at or above this is 滞后
  double seriously_behind_pp = 30;  // gap above this is 严重滞后
  double milestone_not_started_on_track_pct = 25;
  double milestone_not_started_behind_pct = 50;
  double projection_flag_pct = 95;  // 预计逾期 below this completion by the deadline at recent pace
  int problem_stale_months = 2;  // an open problem not mentioned this long is 未更新
  int pace_window_months = 3;    // 预计逾期 projects the mean increase of this many months
  int long_open_months = 3;      // an open problem this old is 限期解决 in the bulletin
  double project_not_started_pct = 50;  // a project still 未开工 past this much time is late
  int form_project_rows = 5;            // open rows the form gives a target reported by project
  int bulletin_list_limit = 100;        // a bulletin's list names this many, the rest counted
  double investment_gap_pp = 30;  // a project's 形象进度 and 投资完成率 further apart: check warns
};

// Who a document is addressed to and who signs it. Empty fields get neutral wording, never a
// particular city's.
struct Wording {
  std::string bulletin_to;  // 通报: 各县市区人民政府，市政府各部门、各直属机构：
  std::string report_to;  // 专报: 市委、市政府主要领导：
  std::string issuer;     // who signs: 市政府政务督查室
};

struct Plan {
  std::string source;  // file name, for messages
  std::string title;
  std::string short_title;  // for bulletins: 宜昌市2024年十大民生项目
  // The city the plan is for (宜昌市): forms write it before a unit's alias
  // (宜昌市住房和城乡建设局) and as the name of the city total. `plan.city`, else the title's
  // leading 某某市.
  std::string city;
  std::string document_number;
  std::string issuer;
  std::optional<Date> issued;
  YearMonth start;
  Date deadline;
  std::string report_to;     // 市发改委: who collects the progress files
  int due_day = 3;           // progress for month M is due on this day of M+1
  YearMonth reporting_from;  // first month a progress file is due for
  Wording wording;
  Settings settings;
  std::vector<Category> categories;
  std::vector<std::string> units;
  std::map<std::string, std::string> aliases;  // another name → the unit's name in `units`
  std::vector<std::string> measures;
  std::vector<std::string> counties;  // 县市区, in report order; empty: city figures only
  std::map<std::string, SchedulePtr> schedules;  // named 序时 curves (`schedules:`)
  std::vector<Task> tasks;

  // Lookups by id and by name, built by index() once the plan is complete: a province's plan
  // has a hundred thousand targets and thousands of units, so nothing may scan them per row.
  // A plan built by hand without index() still works, by scanning.
  void index();

  YearMonth deadline_month() const { return deadline.year_month(); }
  const Task* find_task(int id) const;
  // The task `id` when it has a target numbered `target` (1-based), else null: for keys carried
  // in snapshots and reports, which are not checked against the plan again.
  const Task* find_task(int id, int target) const;
  const Category* find_category(int id) const;
  bool has_unit(const std::string& unit) const;
  // Position of a unit in `units`, or -1.
  int unit_position(const std::string& unit) const;
  // Position of a 县市区 in `counties`, or -1.
  int county_index(std::string_view name) const;
  // A 县市区 cell that names the whole city: is_city_word, the city's name, or 宜昌市合计.
  bool is_city_total(std::string_view word) const;
  // The unit's name in `units` for a name or an alias, else empty.
  std::string canonical_unit(std::string_view name) const;
  // The unit (by its name in `units`) whose name or alias is the longest start of `s`, else
  // empty: 市民政局_2024年6月进度 → 市民政局. Looks up each prefix, not each unit.
  std::string unit_prefix_of(std::string_view s) const;
  // Every name a unit may be given by: units, then aliases. For suggestions.
  std::vector<std::string> unit_names() const;
  // The unit a file name that names none most resembles (民证局_5月 → 市民政局), or empty: its
  // part before any date or number, matched against unit_names().
  std::string unit_guess(std::string_view stem) const;
  bool reporting_due(YearMonth m) const { return m >= reporting_from; }
  // A monthly file is owed from reporting_from through the deadline month; after it units
  // still may report (a late target finished), but nobody is 未报送.
  bool file_owed(YearMonth m) const { return reporting_due(m) && m <= deadline_month(); }
  // "2024-01 至 2024-11", for messages about months outside the plan.
  std::string period_text() const;
  // Units that lead at least one target, in plan order.
  std::vector<std::string> lead_units() const;
  std::vector<const Target*> targets_of(const std::string& unit) const;
  std::size_t target_count() const;
  // A target's place among all the plan's targets in plan order, 0 to target_count() − 1: for
  // tables with a slot per target. `task` is one of this plan's tasks, `target` one of its own.
  std::size_t target_position(const Task& task, int target) const;
  Date due_date(YearMonth m) const;  // day `due_day` of the next month

 private:
  struct Index {
    std::size_t tasks = 0, units = 0;       // what the index was built for
    std::vector<std::int32_t> task_dense;   // id → position, when ids are not too sparse
    std::vector<std::size_t> first_target;  // by task position: its first target's position
    std::unordered_map<int, std::size_t> task;
    std::unordered_map<std::string, std::size_t> unit;
    std::vector<std::string> lead_units;
    // Each unit's targets as (task position, target position), in plan order.
    std::unordered_map<std::string, std::vector<std::pair<std::size_t, std::size_t>>> targets;
  };
  Index index_;
  bool indexed() const {
    return index_.tasks == tasks.size() && index_.units == units.size() && !tasks.empty();
  }
  bool units_indexed() const { return index_.units == units.size() && !units.empty(); }
};

}  // namespace minsheng
