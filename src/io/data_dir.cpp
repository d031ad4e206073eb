#include "io/data_dir.hpp"

#include <algorithm>
#include <map>

#include "io/fs.hpp"
#include "io/progress_reader.hpp"
#include "util/encoding.hpp"

namespace minsheng {

namespace fs = std::filesystem;

fs::path month_dir(const fs::path& data, YearMonth m) {
  return data / m.str();
}

void require_data_dir(const fs::path& data) {
  std::error_code ec;
  if (!fs::is_directory(data, ec))
    throw UsageError("数据目录不存在：" + fs::absolute(data, ec).lexically_normal().string() +
                     "；请用 --data 指定存放月度文件夹（如 2024-06/submissions/）的目录");
}

std::vector<YearMonth> list_months(const fs::path& data) {
  std::vector<YearMonth> months;
  std::error_code ec;
  if (!fs::is_directory(data, ec)) return months;
  for (const auto& entry : fs::directory_iterator(data, ec)) {
    if (!entry.is_directory(ec)) continue;
    // Only canonical names: "2024-06", not "2024年6月备份".
    auto m = YearMonth::parse_exact(entry.path().filename().string());
    if (m && fs::is_directory(entry.path() / "submissions", ec)) months.push_back(*m);
  }
  std::sort(months.begin(), months.end());
  return months;
}

enum class FileKind { progress, unread, skipped };

static FileKind kind_of(const fs::directory_entry& entry) {
  const fs::path& p = entry.path();
  std::string name = p.filename().string();
  // Editor and Office lock files (~$市民政局.csv, .市民政局.csv.swp) are nobody's report.
  if (name.starts_with("~$") || name.starts_with(".")) return FileKind::skipped;
  std::error_code ec;
  if (!entry.is_regular_file(ec)) return FileKind::unread;  // a folder sent as it was unzipped
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (ext == ".csv" || ext == ".txt" || ext == ".yaml" || ext == ".yml") return FileKind::progress;
  return FileKind::unread;
}

static std::string unread_reason(const fs::directory_entry& entry) {
  std::error_code ec;
  if (entry.is_directory(ec)) return "是文件夹，不会读取其中的文件：请把进度文件直接放在 submissions/ 中";
  std::string ext = entry.path().extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (ext == ".xlsx" || ext == ".xls" || ext == ".et" || ext == ".ods")
    return "是工作簿，暂不能直接读取：请在 Excel 或 WPS 中“另存为”CSV 文件后放入本目录";
  return "不是进度文件（应为 .csv 或 .yaml），未读取";
}

DataSet load_data(const Plan& plan, const fs::path& data, std::optional<YearMonth> upto) {
  require_data_dir(data);
  DataSet set;
  for (YearMonth m : list_months(data)) {
    if (upto && m > *upto) break;
    set.months.push_back(m);
    std::vector<fs::path> files;
    std::vector<fs::directory_entry> unread;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(month_dir(data, m) / "submissions", ec)) {
      FileKind k = kind_of(entry);
      if (k == FileKind::skipped) continue;
      set.file_months[name_to_utf8(entry.path().string())] = m;
      if (k == FileKind::progress)
        files.push_back(entry.path());
      else
        unread.push_back(entry);
    }
    std::sort(unread.begin(), unread.end());
    for (const auto& entry : unread) {
      std::string label = name_to_utf8(entry.path().string());
      set.diagnostics.warning(label, 0, 0, unread_reason(entry));
      set.unread.push_back(
          {label, m, unit_from_file_name(name_to_utf8(entry.path().stem().string()), plan)});
    }
    std::sort(files.begin(), files.end());
    std::size_t first = set.submissions.size();
    for (const auto& f : files) {
      std::string label = name_to_utf8(f.string());  // the name, for messages and outputs only
      std::string bytes;
      try {
        bytes = read_input(f);
      } catch (const IoError& e) {
        set.diagnostics.io_error(label, e.reason());
        continue;
      } catch (const DataError& e) {
        set.diagnostics.error(label, 0, 0, e.diagnostics().items().front().message);
        continue;
      }
      set.submissions.push_back(parse_submission(bytes, label, plan, m, set.diagnostics));
    }
    check_month_conflicts(set.submissions, first, set.diagnostics);
  }
  return set;
}

}  // namespace minsheng
