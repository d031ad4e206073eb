#include "io/data_dir.hpp"

#include <algorithm>
#include <map>

#include "io/fs.hpp"
#include "io/progress_reader.hpp"

namespace minsheng {

namespace fs = std::filesystem;

fs::path month_dir(const fs::path& data, YearMonth m) {
  return data / m.str();
}

std::vector<YearMonth> list_months(const fs::path& data) {
  std::vector<YearMonth> months;
  std::error_code ec;
  if (!fs::is_directory(data, ec)) return months;
  for (const auto& entry : fs::directory_iterator(data, ec)) {
    if (!entry.is_directory()) continue;
    // Only canonical names: "2024-06", not "2024年6月备份".
    auto m = YearMonth::parse_exact(entry.path().filename().string());
    if (m && fs::is_directory(entry.path() / "submissions")) months.push_back(*m);
  }
  std::sort(months.begin(), months.end());
  return months;
}

enum class FileKind { progress, office, other };

static FileKind kind_of(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  std::string name = p.filename().string();
  // Skip editor and Office lock files (~$市民政局.csv, .市民政局.csv.swp).
  if (name.starts_with("~$") || name.starts_with(".")) return FileKind::other;
  if (ext == ".csv" || ext == ".txt" || ext == ".yaml" || ext == ".yml") return FileKind::progress;
  if (ext == ".xlsx" || ext == ".xls" || ext == ".et" || ext == ".ods") return FileKind::office;
  return FileKind::other;
}

DataSet load_data(const Plan& plan, const fs::path& data, std::optional<YearMonth> upto) {
  DataSet set;
  for (YearMonth m : list_months(data)) {
    if (upto && m > *upto) break;
    set.months.push_back(m);
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(month_dir(data, m) / "submissions", ec)) {
      if (!entry.is_regular_file()) continue;
      FileKind k = kind_of(entry.path());
      if (k == FileKind::other) continue;
      set.file_months[entry.path().string()] = m;
      if (k == FileKind::progress) files.push_back(entry.path());
      // A workbook sent as it is would otherwise look like a unit that did not report.
      if (k == FileKind::office)
        set.diagnostics.error(entry.path().string(), 0, 0,
                              "无法直接读取 " + entry.path().extension().string() +
                                  " 工作簿：请在 Excel 或 WPS 中“另存为”CSV 文件后放入本目录");
    }
    std::sort(files.begin(), files.end());
    std::map<std::string, std::string> unit_file;
    for (const auto& f : files) {
      std::string label = f.string();
      std::string bytes;
      try {
        bytes = read_file(f);
      } catch (const IoError& e) {
        set.diagnostics.error(label, 0, 0, e.what());
        continue;
      }
      Submission sub = parse_submission(bytes, label, plan, m, set.diagnostics);
      if (!sub.unit.empty()) {
        auto [it, fresh] = unit_file.emplace(sub.unit, label);
        if (!fresh) {
          set.diagnostics.error(label, 0, 0,
                                "同一月份有两个" + sub.unit + "的进度文件：另一个是 " + it->second +
                                    "；请只保留一个");
          continue;  // the first file (by name) is used; the error stops the summary anyway
        }
      }
      set.submissions.push_back(std::move(sub));
    }
  }
  return set;
}

}  // namespace minsheng
