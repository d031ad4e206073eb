#include "io/plan_loader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <type_traits>
#include <unordered_set>

#include "io/fs.hpp"
#include "io/yaml_input.hpp"
#include "io/yaml_lite.hpp"
#include "model/diagnostic.hpp"
#include "util/encoding.hpp"
#include "util/number.hpp"
#include "util/parallel.hpp"
#include "util/suggest.hpp"
#include "util/text.hpp"

namespace minsheng {
namespace {

// N is YAML::Node, or lite::Node for the fast path: the same rules and messages for both.
template <class N>
class Loader {
 public:
  Loader(std::string file, std::string_view text) : file_(std::move(file)), text_(text) {}

  Plan load(const N& root);
  void load_task(const N& node, const Plan& plan, std::vector<Task>& out,
                 std::map<int, int>* seen_ids);
  Diagnostics diags;
  // When set, it loads the plan's tasks (the fast path reads them in parallel) instead of
  // root["tasks"].
  std::function<void(Plan&)> load_tasks;

 private:
  void error(const N& at, std::string message) {
    auto m = at.Mark();
    if (m.is_null())
      diags.error(file_, 0, 0, std::move(message));
    else
      diags.error(file_, m.line + 1, lines().char_column(m.line, m.column), std::move(message));
  }

  // Flags keys that are not in `allowed`, suggesting the nearest allowed one.
  void check_keys(const N& map, const std::vector<std::string>& allowed, const std::string& what) {
    for (const auto& kv : map) {
      std::string k = kv.first.template as<std::string>("");
      if (std::find(allowed.begin(), allowed.end(), k) == allowed.end())
        error(kv.first, what + "未知字段" + quote_value(k) + did_you_mean(k, allowed));
    }
  }

  bool is_map(const N& n, const std::string& what, const N& parent) {
    if (n.IsMap()) return true;
    error(n.IsDefined() ? n : parent, what + "应为键值映射");
    return false;
  }

  N require(const N& map, const char* key, const std::string& what) {
    N n = map[key];
    if (!n.IsDefined() || n.IsNull()) {
      error(map, what + "缺少字段“" + key + "”");
      if constexpr (std::is_same_v<N, YAML::Node>)
        return YAML::Node(YAML::NodeType::Undefined);  // YAML::Node() would be a defined null
      else
        return N();
    }
    return n;
  }

  std::optional<std::string> scalar(const N& n, const std::string& what) {
    if (!n.IsDefined()) return std::nullopt;
    if (!n.IsScalar()) {
      error(n, what + "应为单个值");
      return std::nullopt;
    }
    return n.Scalar();
  }

  std::optional<double> number(const N& n, const std::string& what) {
    auto s = scalar(n, what);
    if (!s) return std::nullopt;
    auto v = parse_decimal(*s);
    if (!v) {
      error(n, what + "应为数字，实际为" + quote_value(*s));
    } else if (std::fabs(*v) > kMaxValue) {
      error(n, what + "过大：" + quote_value(*s) + "（上限为 1万亿）");
      v.reset();
    }
    return v;
  }

  std::optional<int> integer(const N& n, const std::string& what) {
    auto v = number(n, what);
    if (!v) return std::nullopt;
    if (*v != std::floor(*v) || *v < 0 || *v > 1e9) {
      error(n, what + "应为非负整数，实际为" + quote_value(n.Scalar()));
      return std::nullopt;
    }
    return static_cast<int>(*v);
  }

  std::vector<std::string> string_list(const N& n, const std::string& what) {
    std::vector<std::string> out;
    if (!n.IsDefined()) return out;
    if (n.IsScalar()) return {n.Scalar()};
    if (!n.IsSequence()) {
      error(n, what + "应为列表");
      return out;
    }
    for (const auto& item : n)
      if (auto s = scalar(item, what)) out.push_back(*s);
    return out;
  }

  void load_meta(const N& root, Plan& plan);
  void load_settings(const N& root, Plan& plan);
  void load_aliases(const N& root, Plan& plan);
  void load_counties(const N& root, Plan& plan);
  void load_target(const N& node, const Plan& plan, Task& task);

  std::string file_;
  // Built at the first error: a province's plan is 20 MB and the fast path needs no columns.
  const LineIndex& lines() {
    if (!lines_) lines_.emplace(text_);
    return *lines_;
  }
  std::string_view text_;
  std::optional<LineIndex> lines_;
};

template <class N>
void Loader<N>::load_meta(const N& root, Plan& plan) {
  N meta = require(root, "plan", "计划文件：");
  if (!meta.IsDefined() || !is_map(meta, "plan ", root)) return;
  check_keys(meta,
             {"title", "short_title", "city", "document_number", "issuer", "issued", "start",
              "deadline", "reporting", "wording"},
             "plan：");
  if (auto s = scalar(require(meta, "title", "plan："), "title")) plan.title = *s;
  plan.short_title = scalar(meta["short_title"], "short_title").value_or(plan.title);
  plan.city = scalar(meta["city"], "city").value_or(city_of_title(plan.short_title));
  plan.document_number = scalar(meta["document_number"], "document_number").value_or("");
  plan.issuer = scalar(meta["issuer"], "issuer").value_or("");
  if (auto s = scalar(meta["issued"], "issued")) {
    plan.issued = Date::parse(*s);
    if (!plan.issued)
      error(meta["issued"], "issued 应为日期（YYYY-MM-DD），实际为" + quote_value(*s));
  }
  N start = require(meta, "start", "plan：");
  if (auto s = scalar(start, "start")) {
    if (auto m = YearMonth::parse(*s))
      plan.start = *m;
    else
      error(start, "start 应为年月（YYYY-MM），实际为" + quote_value(*s));
  }
  N deadline = require(meta, "deadline", "plan：");
  if (auto s = scalar(deadline, "deadline")) {
    if (auto d = Date::parse(*s))
      plan.deadline = *d;
    else
      error(deadline, "deadline 应为日期（YYYY-MM-DD），实际为" + quote_value(*s));
  }
  if (plan.start.year && plan.deadline.year && plan.deadline.year_month() < plan.start)
    error(deadline, "deadline 早于 start");
  N words = meta["wording"];
  if (words.IsDefined() && is_map(words, "wording ", meta)) {
    check_keys(words, {"bulletin_to", "report_to", "issuer"}, "wording：");
    plan.wording.bulletin_to = scalar(words["bulletin_to"], "bulletin_to").value_or("");
    plan.wording.report_to = scalar(words["report_to"], "report_to").value_or("");
    plan.wording.issuer = scalar(words["issuer"], "issuer").value_or("");
  }
  N rep = meta["reporting"];
  if (rep.IsDefined() && is_map(rep, "reporting ", meta)) {
    check_keys(rep, {"to", "due_day", "from"}, "reporting：");
    plan.report_to = scalar(rep["to"], "to").value_or("");
    if (auto s = scalar(rep["from"], "from")) {
      if (auto m = YearMonth::parse_exact(*s)) {
        plan.reporting_from = *m;
        if (plan.start.year && *m < plan.start)
          error(rep["from"], "reporting.from（" + m->str() + "）早于计划开始月份 start（" +
                                 plan.start.str() + "）");
      } else
        error(rep["from"], "from 应为年月（YYYY-MM），实际为" + quote_value(*s));
    }
    if (rep["due_day"].IsDefined()) {
      if (auto d = integer(rep["due_day"], "due_day")) {
        if (*d < 1 || *d > 28)
          error(rep["due_day"], "due_day 应在 1 到 28 之间");
        else
          plan.due_day = *d;
      }
    }
  }
}

// Nothing is due before the plan was issued: a plan issued in April asks for April's progress
// first, even when its period starts in January.
void default_reporting_from(Plan& plan) {
  if (plan.reporting_from.year) return;
  plan.reporting_from = plan.issued ? std::max(plan.issued->year_month(), plan.start) : plan.start;
}

template <class N>
void Loader<N>::load_settings(const N& root, Plan& plan) {
  N s = root["settings"];
  if (!s.IsDefined()) return;
  if (!is_map(s, "settings ", root)) return;
  check_keys(
      s,
      {"about_tolerance", "behind_pp", "seriously_behind_pp", "milestone_not_started_on_track_pct",
       "milestone_not_started_behind_pct", "projection_flag_pct", "problem_stale_months",
       "form_project_rows", "pace_window_months", "long_open_months", "project_not_started_pct",
       "bulletin_list_limit"},
      "settings：");
  auto set = [&](const char* key, double& field) {
    if (s[key].IsDefined())
      if (auto v = number(s[key], key)) field = *v;
  };
  Settings& st = plan.settings;
  set("about_tolerance", st.about_tolerance);
  set("behind_pp", st.behind_pp);
  set("seriously_behind_pp", st.seriously_behind_pp);
  set("milestone_not_started_on_track_pct", st.milestone_not_started_on_track_pct);
  set("milestone_not_started_behind_pct", st.milestone_not_started_behind_pct);
  set("projection_flag_pct", st.projection_flag_pct);
  set("project_not_started_pct", st.project_not_started_pct);
  // A whole number within [lo, hi]; `what` names what it counts.
  auto whole = [&](const char* key, int& field, int lo, int hi, const char* what) {
    double v = field;
    set(key, v);
    if (v < lo || v > hi || v != static_cast<int>(v))
      error(s[key], std::string(key) + " 应为 " + std::to_string(lo) + " 到 " + std::to_string(hi) +
                        " 的整数（" + what + "）");
    else
      field = static_cast<int>(v);
  };
  whole("problem_stale_months", st.problem_stale_months, 1, 24, "月数");
  whole("form_project_rows", st.form_project_rows, 0, 50, "行数");
  whole("pace_window_months", st.pace_window_months, 1, 12, "月数");
  whole("long_open_months", st.long_open_months, 1, 24, "月数");
  whole("bulletin_list_limit", st.bulletin_list_limit, 1, 100000, "条数");
  if (st.project_not_started_pct < 0 || st.project_not_started_pct > 100)
    error(s["project_not_started_pct"], "project_not_started_pct 应在 0 到 100 之间");
  if (st.projection_flag_pct <= 0 || st.projection_flag_pct > 100)
    error(s["projection_flag_pct"], "projection_flag_pct 应大于 0 且不超过 100");
  if (st.about_tolerance < 0 || st.about_tolerance >= 1)
    error(s["about_tolerance"], "about_tolerance 应在 0 到 1 之间");
  if (st.behind_pp > st.seriously_behind_pp) error(s, "behind_pp 不能大于 seriously_behind_pp");
}

// counties: [夷陵区, …] — the 县市区 tasks are broken down to, in the order reports list them.
template <class N>
void Loader<N>::load_counties(const N& root, Plan& plan) {
  N c = root["counties"];
  if (!c.IsDefined() || c.IsNull()) return;
  if (!c.IsSequence()) {
    error(c, "counties 应为县市区名称的列表");
    return;
  }
  for (const auto& item : c) {
    auto name = scalar(item, "counties");
    if (!name) continue;
    if (is_city_word(*name))
      error(item, "“" + *name + "”表示全市，不能作为县市区名称");
    else if (plan.county_index(*name) >= 0)
      error(item, "县市区“" + *name + "”重复");
    else
      plan.counties.push_back(*name);
  }
}

// aliases: {市卫生健康委员会: 市卫健委} — names units also go by, accepted wherever a unit is
// named.
template <class N>
void Loader<N>::load_aliases(const N& root, Plan& plan) {
  N a = root["aliases"];
  if (!a.IsDefined() || a.IsNull() || !is_map(a, "aliases ", root)) return;
  for (const auto& kv : a) {
    auto alias = scalar(kv.first, "aliases"), unit = scalar(kv.second, "aliases");
    if (!alias || !unit) continue;
    if (!plan.has_unit(*unit))
      error(kv.second, "别名“" + *alias + "”指向的“" + *unit + "”不是计划中的牵头单位" +
                           did_you_mean(*unit, plan.units));
    else if (plan.has_unit(*alias))
      error(kv.first, "别名“" + *alias + "”与 units 中的单位同名");
    else
      plan.aliases[*alias] = *unit;
  }
}

template <class N>
void Loader<N>::load_target(const N& node, const Plan& plan, Task& task) {
  std::string what =
      "任务" + std::to_string(task.id) + "指标" + std::to_string(task.targets.size() + 1) + "：";
  if (!is_map(node, what, node)) return;
  check_keys(node,
             {"name", "kind", "value", "measure", "comparator", "lead", "baseline", "projects"},
             what);
  Target t;
  t.task = task.id;
  t.index = static_cast<int>(task.targets.size()) + 1;
  t.line = node.Mark().line + 1;
  t.name = scalar(node["name"], "name").value_or("");

  std::string kind = scalar(node["kind"], "kind").value_or("numeric");
  if (kind == "milestone")
    t.kind = TargetKind::milestone;
  else if (kind != "numeric")
    error(node["kind"], what + "kind 应为 numeric 或 milestone，实际为" + quote_value(kind));

  if (node["lead"].IsDefined()) {
    if (auto lead = scalar(node["lead"], "lead")) {
      t.lead = *lead;
      if (std::find(task.leads.begin(), task.leads.end(), t.lead) == task.leads.end())
        error(node["lead"], what + "牵头单位“" + t.lead + "”不是任务" + std::to_string(task.id) +
                                "的牵头单位（" + join(task.leads, "、") + "）" +
                                did_you_mean(t.lead, task.leads));
    }
  } else if (task.leads.size() == 1) {
    t.lead = task.leads[0];
  } else if (task.leads.size() > 1) {
    error(node, what + "缺少字段“lead”：任务有多个牵头单位时，每个指标须写明牵头单位");
  }

  if (t.kind == TargetKind::numeric) {
    N value = require(node, "value", what);
    if (value.IsDefined()) {
      if (value.IsScalar() && value.Scalar() == "pending")
        t.pending = true;
      else
        t.value = number(value, what + "value ");
    }
    N measure = require(node, "measure", what);
    if (auto m = scalar(measure, "measure")) {
      t.measure = *m;
      if (std::find(plan.measures.begin(), plan.measures.end(), *m) == plan.measures.end())
        error(measure, "未知计量单位“" + *m + "”" + did_you_mean(*m, plan.measures) +
                           "；请先在 measures 中列出");
    }
    if (auto c = scalar(node["comparator"], "comparator")) {
      if (auto cmp = parse_comparator(*c))
        t.comparator = *cmp;
      else
        error(node["comparator"], "未知比较方式“" + *c + "”，应为 at_least、about 或 exactly" +
                                      did_you_mean(*c, {"at_least", "about", "exactly"}));
    }
    if (node["baseline"].IsDefined())
      t.baseline = number(node["baseline"], what + "baseline ").value_or(0);
    if (t.value && *t.value <= t.baseline)
      error(node["value"], what + "目标值应大于基数 baseline（" + format_number(t.baseline) + "）");
    if (node["projects"].IsDefined()) {
      auto n = integer(node["projects"], "projects");
      if (n && (*n < 1 || *n > 500))
        error(node["projects"], what + "projects（按项目报送的项目数）应在 1 到 500 之间");
      else if (n && t.measure == "%")
        error(node["projects"], what + "百分比指标不能按项目累加，不应有字段“projects”");
      else if (n)
        t.projects = *n;
    }
  } else {
    for (const char* k : {"value", "measure", "comparator", "baseline", "projects"})
      if (node[k].IsDefined())
        error(node[k], what + "里程碑指标不应有字段“" + std::string(k) + "”");
  }
  task.targets.push_back(std::move(t));
}

// Appends the task to `out`; its id is checked against `seen_ids` unless the caller does that.
template <class N>
void Loader<N>::load_task(const N& node, const Plan& plan, std::vector<Task>& out,
                          std::map<int, int>* seen_ids) {
  if (!is_map(node, "任务：", node)) return;
  Task task;
  task.line = node.Mark().line + 1;
  N id = require(node, "id", "任务：");
  std::string what = "任务：";
  if (auto v = integer(id, "id")) {
    task.id = *v;
    what = "任务" + std::to_string(task.id) + "：";
    if (seen_ids) {
      auto [it, fresh] = seen_ids->emplace(task.id, task.line);
      if (!fresh)
        error(id, "任务编号 " + std::to_string(task.id) + " 重复（第 " +
                      std::to_string(it->second) + " 行已定义）");
    }
  }
  check_keys(node, {"id", "category", "lead", "text", "targets"}, what);
  N cat = require(node, "category", what);
  if (auto c = integer(cat, "category")) {
    task.category = *c;
    if (!plan.find_category(*c))
      error(cat, what + "类别 " + std::to_string(*c) + " 不在 categories 中");
  }
  if (auto t = scalar(require(node, "text", what), "text")) task.text = *t;
  N lead = require(node, "lead", what);
  task.leads = string_list(lead, "lead");
  for (std::size_t i = 0; i < task.leads.size(); ++i)
    if (!plan.has_unit(task.leads[i]))
      error(lead.IsSequence() ? lead[i] : lead, "未知牵头单位“" + task.leads[i] + "”" +
                                                    did_you_mean(task.leads[i], plan.units) +
                                                    "；请先在 units 中列出");

  N targets = node["targets"];
  if (!targets.IsDefined() || targets.IsNull()) {
    // A task without a figure is one milestone, led by each of its units in turn.
    for (const auto& u : task.leads) {
      Target t;
      t.task = task.id;
      t.index = static_cast<int>(task.targets.size()) + 1;
      t.kind = TargetKind::milestone;
      t.lead = u;
      t.line = task.line;
      task.targets.push_back(t);
    }
  } else if (!targets.IsSequence() || targets.size() == 0) {
    error(targets, what + "targets 应为非空列表；无数字指标的任务请省略 targets");
  } else {
    for (const auto& t : targets) load_target(t, plan, task);
  }
  out.push_back(std::move(task));
}

template <class N>
Plan Loader<N>::load(const N& root) {
  Plan plan;
  plan.source = file_;
  if (!root.IsMap()) {
    error(root, "计划文件的顶层应为键值映射（plan、categories、units、tasks …）");
    return plan;
  }
  check_keys(
      root, {"plan", "settings", "measures", "units", "aliases", "counties", "categories", "tasks"},
      "计划文件：");
  load_meta(root, plan);
  load_settings(root, plan);
  plan.measures = string_list(require(root, "measures", "计划文件："), "measures");
  plan.units = string_list(require(root, "units", "计划文件："), "units");
  plan.index();  // the units, so that every task's leads are found without a scan
  load_aliases(root, plan);
  load_counties(root, plan);

  N cats = require(root, "categories", "计划文件：");
  if (cats.IsDefined() && cats.IsSequence()) {
    for (const auto& c : cats) {
      if (!is_map(c, "类别：", c)) continue;
      check_keys(c, {"id", "name"}, "类别：");
      Category cat;
      auto id = integer(require(c, "id", "类别："), "id");
      auto name = scalar(require(c, "name", "类别："), "name");
      if (!id || !name) continue;
      if (plan.find_category(*id)) error(c["id"], "类别编号 " + std::to_string(*id) + " 重复");
      plan.categories.push_back({*id, *name});
    }
  } else if (cats.IsDefined()) {
    error(cats, "categories 应为列表");
  }

  default_reporting_from(plan);
  std::map<int, int> seen_ids;
  if (load_tasks) {
    load_tasks(plan);
    return plan;
  }
  N tasks = require(root, "tasks", "计划文件：");
  if (tasks.IsDefined() && tasks.IsSequence()) {
    for (const auto& t : tasks) load_task(t, plan, plan.tasks, &seen_ids);
  } else if (tasks.IsDefined()) {
    error(tasks, "tasks 应为列表");
  }
  return plan;
}

}  // namespace

Plan parse_plan(std::string_view yaml_text, const std::string& file) {
  // The fast path for plans in the plain subset of YAML (all real ones); yaml-cpp for anything
  // else, and for any plan with an error, so that messages are always yaml-cpp's.
  // A long task list is read in chunks, so that memory holds only the nodes of the chunks in hand.
  if (auto split = lite::split_sequence(yaml_text, "tasks")) {
    if (auto head = lite::parse(split->head)) {
      Loader<lite::Node> fast(file, yaml_text);
      bool subset = true;
      // Tasks are read in chunks on every core, each chunk's nodes dropped once it is loaded;
      // the chunks are joined in order and task ids checked once all are in.
      fast.load_tasks = [&](Plan& plan) {
        constexpr std::size_t kChunk = 512;
        std::size_t chunks = (split->items.size() + kChunk - 1) / kChunk;
        std::vector<std::vector<Task>> parts(chunks);
        std::vector<char> fine(chunks, 1);
        parallel_for(chunks, [&](std::size_t c) {
          Loader<lite::Node> part(file, yaml_text);
          std::size_t end = std::min(split->items.size(), (c + 1) * kChunk);
          for (std::size_t i = c * kChunk; i < end; ++i) {
            const auto& item = split->items[i];
            auto seq = lite::parse(item.text, item.first_line);
            if (!seq || !seq->IsSequence() || seq->size() != 1) {
              fine[c] = 0;
              break;
            }
            part.load_task((*seq)[std::size_t{0}], plan, parts[c], nullptr);
          }
          if (part.diags.has_errors()) fine[c] = 0;
        });
        subset = std::all_of(fine.begin(), fine.end(), [](char f) { return f != 0; });
        if (!subset) return;
        std::size_t total = 0;
        for (const auto& p : parts) total += p.size();
        plan.tasks.reserve(total);
        std::unordered_set<int> ids;
        ids.reserve(total);
        for (auto& p : parts)
          for (auto& t : p) {
            if (!ids.insert(t.id).second) subset = false;  // a repeated id: yaml-cpp words it
            plan.tasks.push_back(std::move(t));
          }
      };
      Plan plan = fast.load(*head);
      if (subset && !fast.diags.has_errors()) {
        plan.index();
        return plan;
      }
    }
  } else if (auto root = lite::parse(yaml_text)) {
    Loader<lite::Node> fast(file, yaml_text);
    Plan plan = fast.load(*root);
    if (!fast.diags.has_errors()) {
      plan.index();
      return plan;
    }
  }
  return parse_plan_with_yaml_cpp(yaml_text, file);
}

Plan parse_plan_with_yaml_cpp(std::string_view yaml_text, const std::string& file) {
  YAML::Node root;
  try {
    root = load_yaml(yaml_text);
  } catch (const YamlInputError& e) {
    throw DataError(file, e.line0 + 1, LineIndex(yaml_text).char_column(e.line0, e.byte_col0),
                    e.what());
  }
  Loader<YAML::Node> loader(file, yaml_text);
  Plan plan;
  try {
    plan = loader.load(root);
  } catch (const YAML::Exception& e) {  // defensive: yaml-cpp internals must never leak out raw
    loader.diags.error(file, e.mark.line + 1, e.mark.column + 1, "无法读取计划文件: " + e.msg);
  }
  if (loader.diags.has_errors()) {
    loader.diags.sort();
    throw DataError(loader.diags);
  }
  plan.index();
  return plan;
}

Plan load_plan(const std::string& path) {
  std::string bytes = read_input(path);
  try {
    return parse_plan(decode_text(bytes).text, path);
  } catch (const DecodeError& e) {
    throw DataError(path, e.line, e.col, e.what());
  }
}

}  // namespace minsheng
