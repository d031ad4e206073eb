#include "assess/problems.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <tuple>

#include "assess/assessment.hpp"
#include "util/text.hpp"

namespace minsheng {

int Problem::months_open(YearMonth as_of) const {
  return closed_month ? months_between(first_month, *closed_month)
                      : months_between(first_month, as_of) + 1;
}

namespace {

// Spacing and line breaks do not make another problem: Chinese text has no spaces to keep.
std::string normalized(std::string_view text) {
  std::string out;
  for (char c : nfkc(text))
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') out += c;
  return out;
}

std::string short_hash(std::string_view s) {
  std::uint32_t h = 2166136261u;  // FNV-1a: stable on every machine and run
  for (unsigned char c : s) h = (h ^ c) * 16777619u;
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 4; ++i) out += hex[(h >> (28 - 4 * i)) & 0xf];
  return out;
}

using RowKey = std::tuple<TargetKey, int, std::string>;  // target, 县市区, project

struct Tracker {
  const Plan& plan;
  std::vector<Problem> problems;
  std::set<std::string> ids;
  std::map<std::tuple<TargetKey, int, std::string, std::string>, std::size_t> open;  // + text

  std::string base_id(const RowKey& row, YearMonth m) const {
    const auto& [key, county, project] = row;
    const Task* task = plan.find_task(key.task);
    std::string id = target_number(key.task, key.target, task && task->targets.size() > 1) + "-" +
                     std::to_string(m.year) + (m.month < 10 ? "0" : "") + std::to_string(m.month);
    if (county >= 0) id += "-" + plan.counties[static_cast<std::size_t>(county)];
    if (!project.empty()) id += "-" + project;
    return id;
  }

  void close(std::size_t i, YearMonth m, const char* why) {
    Problem& p = problems[i];
    p.closed_month = m;
    p.closed_by = why;
    open.erase({p.key, p.county, p.project, normalized(p.text)});
  }

  void close_row(const RowKey& row, YearMonth m, const char* why) {
    for (std::size_t i = 0; i < problems.size(); ++i) {
      const Problem& p = problems[i];
      if (p.open() && RowKey{p.key, p.county, p.project} == row) close(i, m, why);
    }
  }

  // A project is one row wherever it is; its 县市区 is where it is, not which row it is.
  void row(const ProgressEntry& e, const std::string& unit, YearMonth m) {
    int row_county = e.project.empty() ? e.county : -1;
    RowKey rk{e.key, row_county, e.project};
    std::string text = normalized(e.words().issues);
    if (!text.empty()) {
      auto it = open.find({e.key, row_county, e.project, text});
      if (it != open.end()) {
        problems[it->second].last_month = m;
      } else {
        Problem p;
        p.id = base_id(rk, m);
        if (!ids.insert(p.id).second) {
          p.id += "-" + short_hash(text);
          ids.insert(p.id);
        }
        p.key = e.key;
        p.county = row_county;
        p.project = e.project;
        p.unit = unit;
        p.text = e.words().issues;
        p.first_month = p.last_month = m;
        p.source = e.source;
        open[{e.key, row_county, e.project, text}] = problems.size();
        problems.push_back(std::move(p));
      }
    }
    if (e.words().solved) close_row(rk, m, "已解决");
  }
};

}  // namespace

struct ProblemTracker::State {
  explicit State(const Plan& p) : t{p, {}, {}, {}} {}
  Tracker t;
  std::size_t next = 0;  // the first submission not followed
};

ProblemTracker::ProblemTracker(const Plan& plan) : s_(std::make_unique<State>(plan)) {}
ProblemTracker::~ProblemTracker() = default;

void ProblemTracker::add_month(const std::vector<Submission>& subs, YearMonth m,
                               const Snapshot& at) {
  // Every earlier month is in, so month m's submissions, if any, come next.
  if (s_->next == subs.size() || subs[s_->next].month != m) return;
  Tracker& t = s_->t;
  std::size_t first = s_->next;
  while (s_->next < subs.size() && subs[s_->next].month == m) ++s_->next;
  for (std::size_t i = first; i < s_->next; ++i)
    for (const auto* rows : {&subs[i].entries, &subs[i].counties, &subs[i].projects})
      for (const auto& e : *rows) t.row(e, subs[i].unit, m);
  // Done work closes what stood in its way.
  for (std::size_t i = 0; i < t.problems.size(); ++i) {
    const Problem& p = t.problems[i];
    if (!p.open()) continue;
    if (!p.project.empty()) {
      auto it = at.projects.find({p.key, p.project});
      if (it != at.projects.end() && it->second.state == ProjectState::finished) {
        t.close(i, m, "项目已完工");
        continue;
      }
    }
    const Task* task = t.plan.find_task(p.key.task, p.key.target);
    if (!task) continue;
    const Target& target = task->targets[static_cast<std::size_t>(p.key.target - 1)];
    if (is_done(assess_target(t.plan, *task, target, at).status)) t.close(i, m, "指标已完成");
  }
}

std::vector<Problem> ProblemTracker::finish() {
  std::vector<Problem>& list = s_->t.problems;
  std::stable_sort(list.begin(), list.end(), [](const Problem& a, const Problem& b) {
    return std::tie(a.first_month, a.key, a.county, a.project) <
           std::tie(b.first_month, b.key, b.county, b.project);
  });
  return std::move(list);
}

std::vector<Problem> track_problems(const Plan& plan, const AllRows& data, YearMonth as_of) {
  ProblemTracker tracker(plan);
  FollowedSnapshot at;
  for (YearMonth m : data.months_with_files())
    if (m <= as_of) {
      at.add_month(data.submissions, m);
      tracker.add_month(data.submissions, m, at.snap);
    }
  return tracker.finish();
}

}  // namespace minsheng
