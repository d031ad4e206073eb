#include "assess/investment.hpp"

#include <cmath>
#include <unordered_map>

#include "assess/assessment.hpp"

namespace minsheng {

void InvestmentSum::add(const Investment& i) {
  if (i.planned) planned += *i.planned, has_planned = true;
  if (i.done) done += *i.done, has_done = true;
  if (i.funded) funded += *i.funded, has_funded = true;
}

void InvestmentSum::add(const InvestmentSum& o) {
  planned += o.planned, has_planned = has_planned || o.has_planned;
  done += o.done, has_done = has_done || o.has_done;
  funded += o.funded, has_funded = has_funded || o.has_funded;
}

std::optional<double> InvestmentSum::pct() const {
  if (!has_planned || !has_done || planned <= kEps) return std::nullopt;
  return done / planned * 100;
}

InvestmentSum target_investment(const Snapshot& snap, TargetKey key) {
  InvestmentSum projects;
  for (auto it = snap.projects.lower_bound({key, ""});
       it != snap.projects.end() && it->first.key == key; ++it)
    projects.add(it->second.invest);
  auto city = snap.investment.find(key);
  if (city == snap.investment.end()) return projects;
  InvestmentSum own;
  own.add(city->second);
  // Field by field: a city row may give the plan's total and leave the rest to its projects.
  if (!own.has_planned) own.planned = projects.planned, own.has_planned = projects.has_planned;
  if (!own.has_done) own.done = projects.done, own.has_done = projects.has_done;
  if (!own.has_funded) own.funded = projects.funded, own.has_funded = projects.has_funded;
  return own;
}

std::optional<double> physical_pct(const ProjectObservation& p) {
  if (p.state == ProjectState::finished) return 100.0;
  if (p.state == ProjectState::not_started) return 0.0;
  return p.invest.physical_pct;
}

std::optional<InvestmentGap> investment_gap(const ProjectObservation& p, const Settings& s) {
  InvestmentSum sum;
  sum.add(p.invest);
  auto physical = physical_pct(p);
  auto invested = sum.pct();
  if (!physical || !invested) return std::nullopt;
  InvestmentGap g{*physical, *invested};
  if (std::abs(g.gap()) <= s.investment_gap_pp + kEps) return std::nullopt;
  return g;
}

std::string investment_gap_text(const InvestmentGap& g) {
  return std::string(g.gap() > 0 ? "投资滞后于形象进度 " : "投资超前于形象进度 ") +
         format_pct(std::abs(g.gap())) + " 个百分点";
}

const InvestmentSum* InvestmentReport::find(TargetKey k) const {
  auto it = targets.find(k);
  return it == targets.end() ? nullptr : &it->second;
}

namespace {

// Lines in first-seen (plan) order, keyed by name or task.
template <class Key>
class Lines {
 public:
  InvestmentLine& at(const Key& k) {
    auto [it, fresh] = index_.try_emplace(k, lines_.size());
    if (fresh) lines_.emplace_back(), means_.emplace_back();
    return lines_[it->second];
  }
  void add(const Key& k, const InvestmentSum& s, const TargetResult& t) {
    at(k).sum.add(s);
    means_[index_.at(k)].add(t.completion_pct, t.time_pct);
  }
  std::vector<InvestmentLine> take() {
    for (std::size_t i = 0; i < lines_.size(); ++i) lines_[i].completion = means_[i].value();
    return std::move(lines_);
  }

 private:
  std::map<Key, std::size_t> index_;
  std::vector<InvestmentLine> lines_;
  std::vector<CompletionMean> means_;
};

}  // namespace

InvestmentReport assess_investment(const Snapshot& snap, const std::vector<TargetResult>& targets) {
  InvestmentReport rep;
  if (snap.investment.empty() &&
      std::none_of(snap.projects.begin(), snap.projects.end(),
                   [](const auto& p) { return p.second.invest.money(); }))
    return rep;  // the usual month: nothing to sum over a province's targets
  Lines<int> tasks, categories;
  Lines<std::string> units;
  CompletionMean all;
  for (const TargetResult& t : targets) {
    if (t.county >= 0) continue;
    InvestmentSum s = target_investment(snap, t.key());
    if (!s.any()) continue;
    rep.targets[t.key()] = s;
    tasks.add(t.task->id, s, t);
    tasks.at(t.task->id).task = t.task;
    categories.add(t.task->category, s, t);
    categories.at(t.task->category).category = t.task->category;
    units.add(t.target->lead, s, t);
    units.at(t.target->lead).unit = t.target->lead;
    rep.total.sum.add(s);
    all.add(t.completion_pct, t.time_pct);
  }
  rep.total.completion = all.value();
  rep.tasks = tasks.take();
  rep.categories = categories.take();
  rep.units = units.take();
  return rep;
}

}  // namespace minsheng
