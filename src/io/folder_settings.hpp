// minsheng.yaml: a data folder's own settings (which plan, which data), so staff can run
// `minsheng summary` from that folder with no --plan or --data.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

namespace minsheng {

inline constexpr const char* kFolderSettingsFile = "minsheng.yaml";

// Paths as given, made relative to the folder holding the file; empty when not set.
struct FolderSettings {
  std::string plan, data, received;
};

// `text` is the file at `path` (for messages). Throws DataError listing every problem: a
// syntax error, a key it does not know (with the nearest one), a value that is not a path.
FolderSettings parse_folder_settings(std::string_view text, const std::string& path);

}  // namespace minsheng
