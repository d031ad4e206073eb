// A YAML progress or 分解方案 file, read through yaml_lite (the plain subset) or yaml-cpp.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <deque>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>

#include "io/fs.hpp"
#include "io/progress_rows.hpp"
#include "io/yaml_lite.hpp"
#include "util/encoding.hpp"
#include "util/number.hpp"
#include "util/suggest.hpp"
#include "util/text.hpp"

namespace minsheng::reading {

// yaml-cpp counts columns in bytes; messages count characters, as editors do. N is YAML::Node or
// lite::Node; the scalar is kept in `keep`, which the cell views.
template <class N>
Cell yaml_cell(const N& n, const LineIndex& lines, std::deque<std::string>& keep,
               std::size_t& stripped) {
  Cell c;
  if (!n.IsDefined() || n.IsNull()) return c;
  c.line = n.Mark().line + 1;
  c.col = lines.char_column(n.Mark().line, n.Mark().column);
  if (n.IsScalar()) {
    std::string text = n.Scalar();
    stripped += strip_controls(text);  // "\e" in a double-quoted scalar is an ESC
    c.text = keep.emplace_back(std::move(text));
  } else
    c.not_scalar = true;  // a list or map where one value belongs; validation names it
  return c;
}

// The plain subset of YAML (what units type and the template writes) is read by the fast reader;
// anything else by yaml-cpp, which also gives the messages for syntax errors.
RawFile Reader::read_yaml(std::string_view text) {
  LineIndex lines(text);
  if (auto root = lite::parse(text)) return read_yaml_tree(*root, lines);
  YAML::Node root;
  try {
    root = load_yaml(text);
  } catch (const YamlInputError& e) {
    error(e.line0 + 1, lines.char_column(e.line0, e.byte_col0), e.what());
    return {};
  }
  return read_yaml_tree(root, lines);
}

template <class N>
RawFile Reader::read_yaml_tree(const N& root, const LineIndex& lines) {
  RawFile raw;
  std::size_t stripped = 0;
  auto cell = [&](const N& n) { return yaml_cell(n, lines, raw.scalars, stripped); };
  if (!root.IsMap()) {
    error(1, 0, "YAML 进度文件的顶层应为键值映射（unit、month、progress）");
    return raw;
  }
  const std::string list_key = breakdown_ ? "allocations" : "progress";
  const std::vector<std::string> top = {"unit", "month", "submitted", list_key};
  static const std::vector<std::string> row_keys = [] {
    std::vector<std::string> keys;
    for (const auto& f : kRowFields) keys.push_back(f.key);
    return keys;
  }();
  for (const auto& kv : root) {
    std::string k = kv.first.Scalar();
    if (std::find(top.begin(), top.end(), k) == top.end())
      error(cell(kv.first), "未知字段" + quote_value(k) + did_you_mean(k, top));
  }
  if (root["unit"].IsDefined()) {
    raw.unit_cell = cell(root["unit"]);
    raw.unit = std::string(trim(raw.unit_cell.text));
  }
  // An empty `submitted:` (as the template leaves it) means not given.
  if (Cell c = cell(root["month"]); c.present()) raw.month = c;
  if (Cell c = cell(root["submitted"]); c.present()) raw.submitted = c;
  N progress = root[list_key];
  if (!progress.IsDefined() || progress.IsNull()) {
    error(1, 0, "缺少 " + list_key + " 列表");
    return raw;
  }
  if (!progress.IsSequence()) {
    error(cell(progress), list_key + " 应为列表");
    return raw;
  }
  for (const auto& item : progress) {
    Cell at = cell(item);
    if (!item.IsMap()) {
      error(at.line, at.col, "progress 的每一项应为键值映射，如 {task: 14, value: 820}");
      continue;
    }
    for (const auto& kv : item) {
      std::string k = kv.first.Scalar();
      if (std::find(row_keys.begin(), row_keys.end(), k) == row_keys.end())
        error(cell(kv.first), "未知字段" + quote_value(k) + did_you_mean(k, row_keys));
    }
    RawRow row;
    row.line = at.line;
    for (const auto& f : kRowFields) row.*f.cell = cell(item[f.key]);
    if (!row.task.present()) row.task = {"", at.line, at.col, false};
    raw.rows.push_back(std::move(row));
  }
  if (stripped) controls_warning(stripped);
  return raw;
}

}  // namespace minsheng::reading
