#include "assess/diff.hpp"

#include <algorithm>
#include <cmath>

#include "assess/pace.hpp"
#include "util/text.hpp"

namespace minsheng {
namespace {

// Time progress says which side is later when a file's month is unknown.
bool is_later(const DiffSide& o, const DiffSide& n) {
  if (o.month && n.month) return *n.month > *o.month;
  auto first_time = [](const DiffSide& s) -> std::optional<double> {
    for (const auto& r : s.rows)
      if (r.time_pct) return r.time_pct;
    return std::nullopt;
  };
  auto a = first_time(o), b = first_time(n);
  return a && b && *b > *a + kEps;
}

}  // namespace

namespace {

// In enum order, so a kind indexes its own row.
constexpr std::array<ChangeKindInfo, 11> kChangeKinds = {{
    {ChangeKind::completed, "completed", "新完成", Color::green},
    {ChangeKind::improved, "improved", "状态改善", Color::green},
    {ChangeKind::worsened, "worsened", "状态恶化", Color::red},
    {ChangeKind::stalled, "stalled", "无进展", Color::yellow},
    {ChangeKind::revised_down, "revised_down", "数据下调", Color::red},
    {ChangeKind::progressed, "progressed", "有进展", Color::none},
    {ChangeKind::unchanged, "unchanged", "无变化", Color::none},
    {ChangeKind::added, "added", "新增指标", Color::none},
    {ChangeKind::removed, "removed", "已移除指标", Color::none},
    {ChangeKind::newly_reported, "newly_reported", "首次报送", Color::none},
    {ChangeKind::no_longer_reported, "no_longer_reported", "不再报送", Color::none},
}};

constexpr bool in_enum_order() {
  for (std::size_t i = 0; i < kChangeKinds.size(); ++i)
    if (static_cast<std::size_t>(kChangeKinds[i].kind) != i) return false;
  return true;
}
static_assert(in_enum_order(), "kChangeKinds must list kinds in enum order");

}  // namespace

const ChangeKindInfo& change_info(ChangeKind k) {
  return kChangeKinds[static_cast<std::size_t>(k)];
}

std::optional<ChangeKind> parse_change(std::string_view word) {
  word = trim(word);
  for (const auto& row : kChangeKinds)
    if (word == row.code || word == row.label) return row.kind;
  return std::nullopt;
}

// The first rule that applies wins; the order puts what analysts act on first.
ChangeKind classify(const AssessedRow& o, const AssessedRow& n, bool later) {
  if (!o.reported() && n.reported()) return ChangeKind::newly_reported;
  if (o.reported() && !n.reported()) return ChangeKind::no_longer_reported;
  bool o_done = o.status && is_done(*o.status), n_done = n.status && is_done(*n.status);
  if (n_done && !o_done) return ChangeKind::completed;
  if (o.actual && n.actual && *n.actual < *o.actual - kEps) return ChangeKind::revised_down;
  if (o.status && n.status && *o.status != *n.status)
    return worse(*n.status, *o.status) ? ChangeKind::worsened : ChangeKind::improved;
  bool same_value = o.actual && n.actual && std::fabs(*n.actual - *o.actual) <= kEps;
  if (same_value && later && !n_done) return ChangeKind::stalled;
  if (o.actual && n.actual && *n.actual > *o.actual + kEps) return ChangeKind::progressed;
  return ChangeKind::unchanged;
}

int DiffReport::count(ChangeKind k) const {
  return static_cast<int>(
      std::count_if(rows.begin(), rows.end(), [k](const DiffRow& r) { return r.kind == k; }));
}

namespace {

AssessedRow assessed_row(const MonthReport& rep, const TargetResult& r) {
  AssessedRow row;
  row.key = r.key();
  row.category = r.task->category;
  row.lead = r.target->lead.str();
  row.text = r.task->text;
  row.name = r.target->name;
  if (r.state && !r.actual) row.state = milestone_label(*r.state);
  row.reached_by_tolerance = r.reached_by_tolerance;
  row.unit = r.measure;
  row.target_value = r.target_value;
  row.actual = r.actual;
  row.corrected_from = r.corrected_from;
  row.completion_pct = r.completion_pct;
  row.time_pct = r.time_pct;
  row.gap_pp = r.gap_pp;
  row.status = r.status;
  row.value_month = r.value_month;
  row.county = r.county;
  if (r.county >= 0) row.county_name = rep.plan->counties[static_cast<std::size_t>(r.county)];
  return row;
}

}  // namespace

DiffSide side_from_report(const MonthReport& rep, std::string label) {
  DiffSide side{std::move(label), rep.month, {}, {}};
  side.rows.reserve(rep.targets.size());
  for (const auto& r : rep.targets) side.rows.push_back(assessed_row(rep, r));
  return side;
}

DiffSide side_from_counties(const MonthReport& rep, std::string label) {
  DiffSide side{std::move(label), rep.month, {}, {}};
  for (const auto& r : rep.county_targets) side.rows.push_back(assessed_row(rep, r));
  return side;
}

namespace {

using RowKey = std::pair<int, TargetKey>;

// A side's rows by key, in a vector rather than a map (a province's 131,000 a side); of rows
// that share a key (a summary.csv with a target typed twice), the last one counts.
std::vector<std::pair<RowKey, const AssessedRow*>> keyed_rows(const DiffSide& side) {
  std::vector<std::pair<RowKey, const AssessedRow*>> out;
  out.reserve(side.rows.size());
  for (const auto& r : side.rows) out.push_back({{r.county, r.key}, &r});
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  // Each key's last row: kept where the next row has another key.
  std::size_t kept = 0;
  for (std::size_t i = 0; i < out.size(); ++i)
    if (i + 1 == out.size() || out[i + 1].first != out[i].first) out[kept++] = out[i];
  out.resize(kept);
  return out;
}

}  // namespace

DiffReport diff_sides(DiffSide old_side, DiffSide new_side) {
  DiffReport rep;
  rep.later = is_later(old_side, new_side);
  // The rows stay in the sides, which the report keeps; DiffRow points at them.
  rep.old_side = std::move(old_side);
  rep.new_side = std::move(new_side);
  // Keyed 县市区 first (-1, the city, for a plain diff), so county rows group by 县市区.
  auto olds = keyed_rows(rep.old_side), news = keyed_rows(rep.new_side);
  auto county_row = [](const AssessedRow& r) { return r.county >= 0; };
  rep.by_county = std::any_of(rep.old_side.rows.begin(), rep.old_side.rows.end(), county_row) ||
                  std::any_of(rep.new_side.rows.begin(), rep.new_side.rows.end(), county_row);
  // Walk both key sets in order: linear after the sort, whatever order the files had.
  rep.rows.reserve(std::max(olds.size(), news.size()));
  auto o = olds.begin(), n = news.begin();
  while (o != olds.end() || n != news.end()) {
    DiffRow row;
    if (n == news.end() || (o != olds.end() && o->first < n->first)) {
      row.key = o->first.second;
      row.old_row = o->second;
      row.kind = ChangeKind::removed;
      ++o;
    } else if (o == olds.end() || n->first < o->first) {
      row.key = n->first.second;
      row.new_row = n->second;
      row.kind = ChangeKind::added;
      ++n;
    } else {
      row.key = o->first.second;
      row.old_row = o->second;
      row.new_row = n->second;
      row.kind = classify(*row.old_row, *row.new_row, rep.later);
      if (row.old_row->actual && row.new_row->actual)
        row.delta = *row.new_row->actual - *row.old_row->actual;
      if (row.old_row->completion_pct && row.new_row->completion_pct)
        row.delta_pp = *row.new_row->completion_pct - *row.old_row->completion_pct;
      ++o, ++n;
    }
    rep.rows.push_back(std::move(row));
  }
  return rep;
}

}  // namespace minsheng
