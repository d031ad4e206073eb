// The only place that touches the file system's files directly.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace minsheng {

std::string read_file(const std::filesystem::path& path);  // throws IoError
// ".csv" for 市民政局.CSV: how a file's kind is told from its name.
std::string lower_extension(const std::filesystem::path& path);

// Input files (plans, progress files, summaries) are refused above this size before they are
// read, so that memory stays bounded: a month's real files are kilobytes.
inline constexpr std::uintmax_t kMaxInputBytes = 50u << 20;
// read_file for an input: a DataError naming the size when it is over kMaxInputBytes.
std::string read_input(const std::filesystem::path& path);

// The entries of a folder. Any error opening or reading it is an IoError naming the folder: a
// folder that cannot be read must never pass for an empty one (a month's submissions/ read as
// empty makes every unit "未报送" and carries every figure forward, with exit 0).
std::vector<std::filesystem::directory_entry> list_dir(const std::filesystem::path& dir);
// Whether `p` is a folder; false when it does not exist; an IoError when that cannot be told
// (permission on a parent, EIO).
bool is_dir(const std::filesystem::path& p);

// Why a system call failed, in Chinese: "没有权限", "磁盘空间不足".
std::string io_reason(int err);

// Writes to a temporary file beside `path`, flushes it, then renames it over `path`, so a
// reader sees either the old file or the complete new one. Creates missing parent folders.
void write_file_atomic(const std::filesystem::path& path, std::string_view content);

// Writes two files that belong together (summary.md and summary.csv): both temporaries, then a
// journal, then the two renames, then the journal goes. A failed rename puts the old first file
// back; a kill between the renames leaves the journal, and the next run finishes the pair.
// Before writing into a folder: finishes a pair write that a killed run had journaled
// (.NAME.minsheng-commit), and removes minsheng's own temporaries (.NAME.minsheng-tmp-…) that
// no running process holds. Nothing else is ever touched.
void recover_outputs(const std::filesystem::path& dir);

// The same for any number of files that belong together (summary.md, .csv and .xlsx).
void write_files_atomic(const std::vector<std::pair<std::filesystem::path, std::string>>& files);

// A folder that write_dir_atomic may replace: new, empty, or holding the file `marker` that a
// previous write put there. Anything else (the data folder, a home folder) is a UsageError,
// since replacing a folder deletes all it holds.
void require_own_dir(const std::filesystem::path& dir, const std::string& marker);

// A whole folder of files (a static site) written as one: each file is added, as it is made
// and from any thread, into a private temporary folder beside `dir`; commit() syncs them and
// swaps the folder with the old one in one rename (RENAME_EXCHANGE), and the old one is removed.
// A reader sees the old site or the new one; a failure, or no commit, leaves the old one as it
// was. The new folder carries `marker`, and only a folder require_own_dir accepts is replaced.
class DirSwap {
 public:
  DirSwap(const std::filesystem::path& dir, const std::string& marker);
  ~DirSwap();
  DirSwap(const DirSwap&) = delete;
  DirSwap& operator=(const DirSwap&) = delete;
  void add(const std::string& rel, std::string_view content);  // a new name, not a folder
  void commit();

 private:
  std::filesystem::path dir_, parent_, tmp_;
  std::string marker_;
  int fd_ = -1;
};
// The same for files made all at once.
void write_dir_atomic(const std::filesystem::path& dir,
                      const std::vector<std::pair<std::string, std::string>>& files,
                      const std::string& marker);

void write_file_atomic_pair(const std::filesystem::path& a, std::string_view a_content,
                            const std::filesystem::path& b, std::string_view b_content);

}  // namespace minsheng
