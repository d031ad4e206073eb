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
#include "io/plan_sections.hpp"
#include "io/yaml_input.hpp"
#include "io/yaml_lite.hpp"
#include "model/diagnostic.hpp"
#include "util/encoding.hpp"
#include "util/number.hpp"
#include "util/parallel.hpp"
#include "util/suggest.hpp"
#include "util/text.hpp"

namespace minsheng {
namespace plan_detail {

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
             {"name", "kind", "value", "measure", "comparator", "lead", "baseline", "projects",
              "schedule"},
             what);
  Target t;
  t.task = task.id;
  t.index = static_cast<int>(task.targets.size()) + 1;
  t.line = node.Mark().line + 1;
  t.name = scalar(node["name"], "name").value_or("");
  t.schedule = load_schedule(node["schedule"], plan, what);
  if (const Category* c = plan.find_category(task.category); c && !t.schedule)
    t.schedule = c->schedule;

  std::string kind = scalar(node["kind"], "kind").value_or("numeric");
  if (kind == "milestone")
    t.kind = TargetKind::milestone;
  else if (kind != "numeric")
    error(node["kind"], what + "kind 应为 numeric 或 milestone，实际为" + quote_value(kind));

  if (node["lead"].IsDefined()) {
    if (auto lead = scalar(node["lead"], "lead")) {
      t.lead = *lead;
      if (std::find(task.leads.begin(), task.leads.end(), t.lead) == task.leads.end()) {
        std::vector<std::string> leads = lead_names(task);
        error(node["lead"], what + "牵头单位“" + t.lead.str() + "”不是任务" +
                                std::to_string(task.id) + "的牵头单位（" + join(leads, "、") +
                                "）" + did_you_mean(t.lead.str(), leads));
      }
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
  for (auto& name : string_list(lead, "lead")) task.leads.emplace_back(name);
  for (std::size_t i = 0; i < task.leads.size(); ++i)
    if (!plan.has_unit(task.leads[i]))
      error(lead.IsSequence() ? lead[i] : lead, "未知牵头单位“" + task.leads[i].str() + "”" +
                                                    did_you_mean(task.leads[i].str(), plan.units) +
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
      if (const Category* c = plan.find_category(task.category)) t.schedule = c->schedule;
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
  check_keys(root,
             {"plan", "settings", "measures", "units", "aliases", "counties", "schedules",
              "categories", "tasks"},
             "计划文件：");
  load_meta(root, plan);
  load_settings(root, plan);
  plan.measures = string_list(require(root, "measures", "计划文件："), "measures");
  plan.units = string_list(require(root, "units", "计划文件："), "units");
  plan.index();  // the units, so that every task's leads are found without a scan
  load_aliases(root, plan);
  load_counties(root, plan);
  if (N named = root["schedules"]; named.IsDefined() && is_map(named, "schedules ", root))
    for (const auto& kv : named) {
      std::string name = kv.first.template as<std::string>("");
      if (auto s = load_schedule(kv.second, plan, "节点计划“" + name + "”：")) {
        auto named_one = std::make_shared<Schedule>(*s);
        named_one->name = name;
        plan.schedules[name] = std::move(named_one);
      }
    }

  N cats = require(root, "categories", "计划文件：");
  if (cats.IsDefined() && cats.IsSequence()) {
    for (const auto& c : cats) {
      if (!is_map(c, "类别：", c)) continue;
      check_keys(c, {"id", "name", "schedule"}, "类别：");
      Category cat;
      auto id = integer(require(c, "id", "类别："), "id");
      auto name = scalar(require(c, "name", "类别："), "name");
      if (!id || !name) continue;
      if (plan.find_category(*id)) error(c["id"], "类别编号 " + std::to_string(*id) + " 重复");
      plan.categories.push_back({*id, *name, load_schedule(c["schedule"], plan, "类别：")});
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

}  // namespace plan_detail

using plan_detail::Loader;

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
