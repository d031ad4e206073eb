#include "assess/month.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <optional>

#include "assess/reporting.hpp"
#include "util/memory.hpp"
#include "util/number.hpp"
#include "util/text.hpp"

namespace minsheng {
namespace {

void add_late_warnings(const Plan& plan, const DataSet& data, Diagnostics& diags) {
  for (const auto& sub : data.submissions)
    if (long days = late_days(plan, sub); days > 0)
      diags.warning(sub.file, 0, 0,
                    "逾期报送：报送日期 " + sub.submitted->str() + "（据" +
                        date_from_label(sub.submitted_from) + "）晚于截止日期 " +
                        plan.due_date(sub.month).str() + "（" + std::to_string(days) + " 天）");
}

// Values that are valid numbers but probably not what the unit meant, found submission by
// submission in month order: each target's highest value so far and its supplied target, in
// flat tables by the target's position in the plan (a province's 131,000 targets in hash maps
// missed the cache on every row).
class Plausibility {
 public:
  explicit Plausibility(const Plan& plan)
      : plan_(plan), highest_(plan.target_count()), supplied_(plan.target_count()) {}

  // Months whose rows were dropped as they were read left their values in `carried`.
  void seed(const Snapshot& carried) {
    for (const auto& [key, obs] : carried.values)
      if (auto slot = position(key))
        for (const auto& mv : obs.series)
          if (auto& h = highest_[*slot]; !h || mv.value > *h) h = mv.value;
    for (const auto& [key, sv] : carried.target_values)
      if (auto slot = position(key)) supplied_[*slot] = sv;
  }

  // A city row, with the figure the merge formed from it (the reports' figure).
  void check(const ProgressEntry& e, std::optional<double> figure_now, Diagnostics& diags) {
    const Task* task = plan_.find_task(e.key.task, e.key.target);
    if (!task) return;
    const Target& t = task->targets[static_cast<std::size_t>(e.key.target - 1)];
    std::size_t slot = plan_.target_position(*task, e.key.target);
    auto warn = [&](std::string msg) {
      diags.warning(e.source.file, e.source.line, 0, task->label_of(t) + msg);
    };
    std::optional<Supplied>& given = supplied_[slot];
    if (e.target_value) {
      if (given && std::abs(given->value - *e.target_value) > kEps)
        warn("的目标值由 " + format_number(given->value) + "（" + given->source.str() + "）改为 " +
             format_number(*e.target_value) + "，请确认目标是否调整");
      given = Supplied{*e.target_value, e.source};
    }
    if (!figure_now || t.kind != TargetKind::numeric) return;
    std::optional<double> figure = given ? std::optional(given->value) : t.value;
    double v = *figure_now;
    if (figure && v > 2 * *figure)
      warn("的累计完成 " + format_number(v) + t.measure + " 超过目标 " + format_number(*figure) +
           t.measure + " 的两倍，请核对是否多填或误用“万”");
    std::optional<double>& prev = highest_[slot];
    if (t.measure == "%" && !e.percent && v <= 1 &&
        ((prev && *prev > 1) || (figure && *figure > 1)))
      warn("的累计完成为 " + format_number(v) + "，疑似把百分数写成了小数（" +
           format_number(v * 100) + "%？）；百分数请带 % 填写");
    if (!prev || v > *prev) prev = v;
  }

 private:
  // For a key carried from earlier months: none when the plan has no such target.
  std::optional<std::size_t> position(TargetKey key) const {
    const Task* task = plan_.find_task(key.task, key.target);
    if (!task) return std::nullopt;
    return plan_.target_position(*task, key.target);
  }

  const Plan& plan_;
  std::vector<std::optional<double>> highest_;
  std::vector<std::optional<Supplied>> supplied_;
};

// Every problem of the data set as read, with the checks that need all of it but not the merge.
Diagnostics data_problems(const Plan& plan, const DataSet& data) {
  Diagnostics all = data.diagnostics;
  add_late_warnings(plan, data, all);
  return all;
}

// The plausibility checks, told each figure as the merge forms it.
FigureHook plausibility_hook(Plausibility& p, Diagnostics& diags) {
  return [&p, &diags](const ProgressEntry& e, std::optional<double> v) { p.check(e, v, diags); };
}

// The problems a month's report shows: errors in any file up to the month (carried values come
// from them), warnings about the month's own files.
Diagnostics problems_of(const Diagnostics& all, const DataSet& data, YearMonth month) {
  Diagnostics out;
  for (const auto& d : all.items()) {
    auto m = data.month_of(d.file);
    bool counts = d.severity == Severity::error ? (!m || *m <= month) : m == month;
    if (counts) out.add(d);
  }
  out.sort();
  return out;
}

}  // namespace

// Each project, as last reported, whose 形象进度 and 投资完成率 part ways (investment_gap).
static void add_investment_warnings(const Plan& plan, const Snapshot& snap, Diagnostics& diags) {
  for (const auto& [pk, p] : snap.projects) {
    auto g = investment_gap(p, plan.settings);
    if (!g) continue;
    diags.warning(p.invest_source.file, p.invest_source.line, 0,
                  target_label(pk.key.task, pk.key.target, true) + "的项目" + quote_value(pk.name) +
                      "：形象进度 " + format_pct(g->physical) + "%，投资完成率 " +
                      format_pct(g->invested) + "%，" + investment_gap_text(*g) + "（超过 " +
                      format_number(plan.settings.investment_gap_pp) +
                      " 个百分点），请核对投资数据或工程进度");
  }
}

struct DataChecker::State {
  explicit State(const Plan& plan) : plausibility(plan) {}
  Plausibility plausibility;
  Snapshot snap;         // for the falling values and the sums
  std::size_t next = 0;  // the first submission not yet checked
  Diagnostics found;
};

DataChecker::DataChecker(const Plan& plan) : plan_(plan), s_(std::make_unique<State>(plan)) {}
DataChecker::~DataChecker() = default;

void DataChecker::add_month(const std::vector<Submission>& subs, YearMonth m) {
  advance_snapshot(s_->snap, subs, s_->next, m, &s_->found,
                   plausibility_hook(s_->plausibility, s_->found));
}

void DataChecker::finish(const DataSet& data, Diagnostics& diags) {
  add_late_warnings(plan_, data, diags);
  for (const auto& d : s_->found.items()) diags.add(d);
  add_investment_warnings(plan_, s_->snap, diags);
}

const Corrections& DataChecker::corrections() const {
  return s_->snap.corrections;
}

void check_written_summary(const DiffSide& written, YearMonth month, const Corrections& corrections,
                           const std::string& file, Diagnostics& out) {
  std::vector<std::string> stale;
  for (const auto& row : written.rows) {
    if (row.county >= 0 || !row.actual || row.value_month != month) continue;
    const auto it = corrections.find({row.key, month});
    if (it == corrections.end() || std::abs(*row.actual - it->second.value) < kEps) continue;
    stale.push_back(target_label(row.key.task, row.key.target, true) + " 写的是 " +
                    format_number(*row.actual) + "，已由 " + it->second.source.str() + " 更正为 " +
                    format_number(it->second.value));
  }
  if (stale.empty()) return;
  out.warning(file, 0, 0,
              "本月汇总（summary.md、summary.csv）写于数据更正之前：" + join(stale, "；") +
                  "。如需按更正后的数值重写，运行 minsheng summary --month " + month.str() +
                  " --write");
}

void check_data(const Plan& plan, const AllRows& data, Diagnostics& diags) {
  DataChecker c(plan);
  if (!data.months.empty()) c.add_month(data.submissions, data.months.back());
  c.finish(data, diags);
}

Diagnostics month_problems(const Plan& plan, const AllRows& data, YearMonth month) {
  Diagnostics all = data_problems(plan, data);
  Plausibility plausible(plan);
  merge_snapshot(data.submissions, month, &all, plausibility_hook(plausible, all));
  return problems_of(all, data, month);
}

namespace {

// `snap` starts as the months whose rows were dropped as they were read, submissions[0,
// next), and is moved on to the last month asked; `next` is left past that month's submissions.
// With `owned` (the same data set, handed over), rows are let go as they are done with.
std::vector<MonthReport> assess_from(const Plan& plan, const DataSet& data, Snapshot& snap,
                                     std::size_t& next, const std::vector<YearMonth>& months,
                                     bool keep_going, DataSet* owned = nullptr) {
  const std::size_t carried_until = next;
  Diagnostics all = data_problems(plan, data);
  Plausibility plausible(plan);
  plausible.seed(snap);
  FigureHook check = plausibility_hook(plausible, all);
  std::vector<YearMonth> order = months;
  std::sort(order.begin(), order.end());
  order.erase(std::unique(order.begin(), order.end()), order.end());
  std::map<YearMonth, MonthReport> done;
  // Rows are let go, with the memory they took, once nothing reads them again: those of months
  // before the snapshot's (merged, their corrections applied) as soon as it moves past them; its
  // own month's (Snapshot::reported points at its files) once the month is assessed.
  std::size_t kept_from = carried_until;
  auto let_go = [&](std::size_t upto) {
    if (!owned || upto <= kept_from) return;
    for (std::size_t i = kept_from; i < upto; ++i) drop_rows(owned->submissions[i]);
    kept_from = upto;
    give_back_free_memory();
  };
  std::optional<YearMonth> at;      // where the snapshot is, once a month is assessed
  std::vector<Status> at_statuses;  // its targets' statuses
  // A later file's correction of an earlier month: every report made now shows that month's
  // figure as set right, 已更正（原 X）, as the later months see it.
  std::vector<std::pair<const Correction*, YearMonth>> later;
  for (std::size_t i = carried_until; i < data.submissions.size(); ++i)
    for (const auto& c : data.submissions[i].corrections)
      if (c.month < data.submissions[i].month) later.push_back({&c, data.submissions[i].month});
  auto catch_up = [&](YearMonth m) {
    for (const auto& [c, in] : later)
      // `in` first: a month already assessed may have had its rows, corrections included, let go.
      if (in > m && c->month <= m) apply_correction(snap, *c, in);
  };
  auto advance = [&](YearMonth m) {
    advance_snapshot(snap, data.submissions, next, m, &all, check);
    catch_up(m);
  };
  for (YearMonth month : order) {
    std::optional<std::vector<Status>> before;
    if (YearMonth b = month.plus(-1); plan.reporting_due(b)) {
      if (at && *at == b) {
        before = at_statuses;
      } else if (next == carried_until && carried_until > 0 && snap.month == b) {
        // The month before was the last one merged as it was read: `snap` is its snapshot,
        // with the rows it rejected; its own rows are gone, and nothing is left to merge.
        catch_up(b);
        before = target_statuses(plan, snap);
      } else {
        advance(b);
        before = target_statuses(plan, snap);
      }
    }
    advance(month);
    at = month;
    std::size_t first_of_month = kept_from;
    while (first_of_month < next && data.submissions[first_of_month].month < month)
      ++first_of_month;
    let_go(first_of_month);
    Diagnostics problems = problems_of(all, data, month);
    if (problems.has_errors() && !keep_going) throw DataError(problems);
    MonthReport rep = assess_month(plan, snap, std::move(problems), data.last_file_months(month),
                                   month_sends(data, month));
    rep.no_files = !data.has_files(month);
    assess_counties(plan, snap, data.allocations, rep);
    rep.projects = assess_projects(plan, snap, data.allocations);
    if (before) rep.changes = status_changes(*before, rep);
    at_statuses.clear();
    for (const auto& t : rep.targets) at_statuses.push_back(t.status);
    done.emplace(month, std::move(rep));
    let_go(next);
  }
  std::vector<MonthReport> out;
  out.reserve(months.size());
  // A month asked twice is copied once it has been handed out; otherwise each report is moved.
  for (std::size_t i = 0; i < months.size(); ++i) {
    bool again = std::find(months.begin() + static_cast<long>(i) + 1, months.end(), months[i]) !=
                 months.end();
    out.push_back(again ? done.at(months[i]) : std::move(done.at(months[i])));
  }
  return out;
}

}  // namespace

void require_month_files(const Plan& plan, const DataSet& data, YearMonth month, bool allow_stale,
                         const std::string& folder) {
  if (data.has_files(month)) return;
  if (!plan.reporting_due(month))
    throw UsageError(month.str() + " 无需报送进度：计划自 " + plan.reporting_from.str() +
                     " 起按月报送");
  if (allow_stale) return;
  auto months = data.months_with_files();
  auto before =
      std::find_if(months.rbegin(), months.rend(), [&](YearMonth m) { return m < month; });
  throw NoDataError(month.str() + " 尚无进度文件（" + folder + " 中没有文件），不生成报告" +
                    (before == months.rend() ? std::string("；此前也没有任何进度文件")
                                             : "；确需沿用此前数据（截至 " + before->str() +
                                                   "）生成时加 --allow-stale"));
}

MonthReport assess_data(const Plan& plan, const AllRows& data, YearMonth month, bool keep_going) {
  return std::move(assess_data(plan, data, std::vector{month}, keep_going).front());
}

std::vector<MonthReport> assess_data(const Plan& plan, const AllRows& data,
                                     const std::vector<YearMonth>& months, bool keep_going) {
  Snapshot snap;
  std::size_t next = 0;
  return assess_from(plan, data, snap, next, months, keep_going);
}

std::vector<MonthReport> assess_data(const Plan& plan, MonthRows&& data, bool keep_going) {
  if (data.report_months.empty()) return {};
  std::vector<MonthReport> reports;
  {
    Snapshot snap = std::move(data.carried);
    std::size_t next = data.carried_until;
    reports = assess_from(plan, data, snap, next, data.report_months, keep_going, &data);
  }
  give_back_free_memory();  // the report months' rows and the carried snapshot, let go
  return reports;
}

MonthReport assess_folded_month(const Plan& plan, const FoldedMonth& data, Snapshot& snap,
                                std::size_t& next, bool keep_going) {
  return std::move(assess_from(plan, data, snap, next, {data.month}, keep_going).front());
}

}  // namespace minsheng
