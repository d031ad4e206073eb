#include "io/folder_settings.hpp"

#include <vector>

#include "io/yaml_input.hpp"
#include "model/diagnostic.hpp"
#include "util/suggest.hpp"
#include "util/text.hpp"

namespace minsheng {

FolderSettings parse_folder_settings(std::string_view text, const std::string& path) {
  YAML::Node root;
  try {
    root = load_yaml(text);
  } catch (const YamlInputError& e) {
    throw DataError(path, e.line0 + 1, LineIndex(text).char_column(e.line0, e.byte_col0), e.what());
  }
  FolderSettings out;
  if (!root || root.IsNull()) return out;
  Diagnostics diags;
  auto where = [&](const YAML::Node& n) {
    return std::pair{n.Mark().line + 1,
                     LineIndex(text).char_column(n.Mark().line, n.Mark().column)};
  };
  if (!root.IsMap()) {
    auto [line, col] = where(root);
    throw DataError(path, line, col, "应为 plan: …、data: … 这样的设置");
  }
  // Relative to the folder holding minsheng.yaml, wherever minsheng is run from.
  std::filesystem::path dir = std::filesystem::path(path).parent_path();
  const std::vector<std::string> keys = {"plan", "data", "received"};
  for (const auto& kv : root) {
    std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
    auto [line, col] = where(kv.first);
    std::string* field = key == "plan"       ? &out.plan
                         : key == "data"     ? &out.data
                         : key == "received" ? &out.received
                                             : nullptr;
    if (!field) {
      diags.error(
          path, line, col,
          "未知设置“" + key + "”" + did_you_mean(key, keys) + "；可用：plan、data、received");
      continue;
    }
    if (!kv.second.IsScalar() || kv.second.Scalar().empty()) {
      auto [vline, vcol] = where(kv.second);
      diags.error(path, vline, vcol, key + " 应为一个路径");
      continue;
    }
    std::filesystem::path p = kv.second.Scalar();
    *field = (p.is_absolute() || dir.empty() ? p : dir / p).lexically_normal().string();
  }
  if (diags.has_errors()) throw DataError(diags);
  return out;
}

}  // namespace minsheng
