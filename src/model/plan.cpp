#include "model/plan.hpp"

#include <algorithm>
#include <array>

#include "util/suggest.hpp"
#include "util/text.hpp"

namespace minsheng {

bool is_discrete_measure(std::string_view m) {
  for (std::string_view d : {"个", "家", "人", "户", "处", "台", "条", "场", "套(间)", "套"})
    if (m == d) return true;
  return false;
}

namespace {

constexpr std::array<ComparatorInfo, 3> kComparators = {{
    {Comparator::at_least, "at_least", "以上"},
    {Comparator::about, "about", "左右"},
    {Comparator::exactly, "exactly", ""},
}};
static_assert(static_cast<int>(Comparator::at_least) == 0 &&
              static_cast<int>(Comparator::about) == 1 &&
              static_cast<int>(Comparator::exactly) == 2);

}  // namespace

const ComparatorInfo& comparator_info(Comparator c) {
  return kComparators[static_cast<std::size_t>(c)];
}

std::optional<Comparator> parse_comparator(std::string_view code) {
  for (const auto& row : kComparators)
    if (code == row.code) return row.comparator;
  return std::nullopt;
}

std::vector<std::string> lead_names(const Task& task) {
  return {task.leads.begin(), task.leads.end()};
}

std::string target_number(int task, int index, bool several) {
  return std::to_string(task) + (several ? "." + std::to_string(index) : "");
}

std::string target_label(int task, int index, bool several) {
  return "任务" + std::to_string(task) + (several ? "指标" + std::to_string(index) : "");
}

void Plan::index() {
  index_ = {};
  int max_id = 0;
  for (const auto& t : tasks) max_id = std::max(max_id, t.id);
  // A flat table is one memory access per row; ids are usually close to 1..N.
  bool dense = static_cast<std::size_t>(max_id) <= 8 * tasks.size() + 1024;
  if (dense) index_.task_dense.assign(static_cast<std::size_t>(max_id) + 1, -1);
  for (std::size_t i = 0; i < units.size(); ++i) index_.unit.emplace(units[i], i);
  std::size_t targets = 0;
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    index_.first_target.push_back(targets);
    targets += tasks[i].targets.size();
    for (auto& t : tasks[i].targets) {
      auto u = index_.unit.find(t.lead);
      t.lead_unit = u == index_.unit.end() ? -1 : static_cast<int>(u->second);
    }
    if (dense)
      index_.task_dense[static_cast<std::size_t>(tasks[i].id)] = static_cast<std::int32_t>(i);
    else
      index_.task.emplace(tasks[i].id, i);
    for (std::size_t j = 0; j < tasks[i].targets.size(); ++j)
      index_.targets[tasks[i].targets[j].lead].push_back({i, j});
  }
  for (const auto& u : units)
    if (index_.targets.count(u)) index_.lead_units.push_back(u);
  index_.tasks = tasks.size();
  index_.units = units.size();
}

const Task* Plan::find_task(int id, int target) const {
  const Task* t = find_task(id);
  return t && target >= 1 && static_cast<std::size_t>(target) <= t->targets.size() ? t : nullptr;
}

const Task* Plan::find_task(int id) const {
  // Tasks are few (tens) and ids are usually 1..N in order; check the obvious slot first.
  if (id >= 1 && static_cast<std::size_t>(id) <= tasks.size() && tasks[id - 1].id == id)
    return &tasks[id - 1];
  if (indexed()) {
    if (!index_.task_dense.empty()) {
      if (id < 0 || static_cast<std::size_t>(id) >= index_.task_dense.size()) return nullptr;
      std::int32_t i = index_.task_dense[static_cast<std::size_t>(id)];
      return i < 0 ? nullptr : &tasks[static_cast<std::size_t>(i)];
    }
    auto it = index_.task.find(id);
    return it == index_.task.end() ? nullptr : &tasks[it->second];
  }
  for (const auto& t : tasks)
    if (t.id == id) return &t;
  return nullptr;
}

const Category* Plan::find_category(int id) const {
  for (const auto& c : categories)
    if (c.id == id) return &c;
  return nullptr;
}

namespace {
// 合　计 and 合 计: a space typed to spread two characters over a wide cell.
std::string without_spaces(std::string_view word) {
  std::string w;
  for (char c : nfkc(word))
    if (c != ' ' && c != '\t') w += c;
  return w;
}
}  // namespace

bool is_city_word(std::string_view word) {
  std::string w = without_spaces(word);
  return w.empty() || w == "全市" || w == "合计" || w == "全市合计" || w == "总计" ||
         w == "全市总计";
}

std::string city_of_title(std::string_view title) {
  auto at = title.find("市");
  // A city's name is two to four characters and 市: 宜昌市, 恩施市.
  if (at == std::string_view::npos || at < 6 || at > 12) return "";
  return std::string(title.substr(0, at + std::string_view("市").size()));
}

bool summable(const Target& t) {
  return t.kind == TargetKind::numeric && t.measure != "%";
}

bool Plan::is_city_total(std::string_view word) const {
  if (is_city_word(word)) return true;
  if (city.empty()) return false;
  std::string w = without_spaces(word);
  return w == city || w == city + "合计" || w == city + "总计";
}

int Plan::county_index(std::string_view name) const {
  std::string n(trim(nfkc(name)));
  for (std::size_t i = 0; i < counties.size(); ++i)
    if (counties[i] == n) return static_cast<int>(i);
  return -1;
}

int Plan::unit_position(const std::string& unit) const {
  if (units_indexed()) {
    auto it = index_.unit.find(unit);
    return it == index_.unit.end() ? -1 : static_cast<int>(it->second);
  }
  auto it = std::find(units.begin(), units.end(), unit);
  return it == units.end() ? -1 : static_cast<int>(it - units.begin());
}

bool Plan::has_unit(const std::string& unit) const {
  if (units_indexed()) return index_.unit.count(unit) > 0;
  return std::find(units.begin(), units.end(), unit) != units.end();
}

std::string Plan::canonical_unit(std::string_view name) const {
  std::string n(name);
  if (has_unit(n)) return n;
  auto it = aliases.find(n);
  return it == aliases.end() ? std::string() : it->second;
}

std::string Plan::unit_prefix_of(std::string_view s) const {
  // 宜昌市住房和城乡建设局…: the city's name before a unit's (宜昌 + 市住房和城乡建设局), or
  // before an alias without 市 (宜昌市 + 住房和城乡建设局).
  if (!city.empty() && s.starts_with(city)) {
    std::string_view bare = city;
    if (bare.ends_with("市")) bare.remove_suffix(std::string_view("市").size());
    for (std::string_view cut : {bare, std::string_view(city)})
      if (std::string u = unit_prefix_of(s.substr(cut.size())); !u.empty()) return u;
  }
  for (std::size_t n = s.size(); n > 0; --n) {
    if (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80)
      continue;  // mid-character
    std::string prefix(s.substr(0, n));
    if (has_unit(prefix)) return prefix;
    if (auto it = aliases.find(prefix); it != aliases.end()) return it->second;
  }
  return "";
}

std::vector<std::string> Plan::unit_names() const {
  std::vector<std::string> out = units;
  for (const auto& [alias, unit] : aliases) out.push_back(alias);
  return out;
}

std::string Plan::unit_guess(std::string_view stem) const {
  auto g = closest_match(stem.substr(0, stem.find_first_of("_-（( 0123456789")), unit_names());
  return g ? canonical_unit(*g) : "";
}

std::string Plan::period_text() const {
  return start.str() + " 至 " + deadline_month().str();
}

std::vector<std::string> Plan::lead_units() const {
  if (indexed()) return index_.lead_units;
  std::vector<std::string> out;
  for (const auto& u : units)
    for (const auto& t : tasks)
      if (std::any_of(t.targets.begin(), t.targets.end(),
                      [&](const Target& g) { return g.lead == u; })) {
        out.push_back(u);
        break;
      }
  return out;
}

std::vector<const Target*> Plan::targets_of(const std::string& unit) const {
  std::vector<const Target*> out;
  if (indexed()) {
    auto it = index_.targets.find(unit);
    if (it != index_.targets.end())
      for (auto [i, j] : it->second) out.push_back(&tasks[i].targets[j]);
    return out;
  }
  for (const auto& t : tasks)
    for (const auto& g : t.targets)
      if (g.lead == unit) out.push_back(&g);
  return out;
}

std::size_t Plan::target_count() const {
  std::size_t n = 0;
  for (const auto& t : tasks) n += t.targets.size();
  return n;
}

std::size_t Plan::target_position(const Task& task, int target) const {
  auto i = static_cast<std::size_t>(&task - tasks.data());
  std::size_t first = 0;
  if (indexed())
    first = index_.first_target[i];
  else
    for (std::size_t k = 0; k < i; ++k) first += tasks[k].targets.size();
  return first + static_cast<std::size_t>(target - 1);
}

Date Plan::due_date(YearMonth m) const {
  YearMonth next = m.plus(1);
  return {next.year, next.month, std::min(due_day, days_in_month(next.year, next.month))};
}

}  // namespace minsheng
