// The plan loader's reading of YAML nodes, shared by its files: plan_loader (tasks and targets)
// and plan_sections (plan:, settings: and 序时 schedules). N is YAML::Node, or lite::Node for
// the fast path: the same rules and messages for both.
#pragma once
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "io/yaml_lite.hpp"
#include "model/diagnostic.hpp"
#include "model/plan.hpp"
#include "util/number.hpp"
#include "util/suggest.hpp"
#include "util/text.hpp"

namespace minsheng::plan_detail {

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
  SchedulePtr load_schedule(const N& node, const Plan& plan, const std::string& what);

  std::string file_;
  // Built at the first error: a province's plan is 20 MB and the fast path needs no columns.
  const LineIndex& lines() {
    if (!lines_) lines_.emplace(text_);
    return *lines_;
  }
  std::string_view text_;
  std::optional<LineIndex> lines_;
};

// Nothing is due before the plan was issued: a plan issued in April asks for April's progress
// first, even when its period starts in January.
void default_reporting_from(Plan& plan);

}  // namespace minsheng::plan_detail
