// Problems found in input data, located as FILE:LINE:COL, and the typed errors core code throws.
#pragma once
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace minsheng {

enum class Severity { error, warning };

struct Diagnostic {
  std::string file;
  std::string place;  // a workbook's "Sheet1!C5", shown instead of LINE:COL
  int line = 0;  // 0: the whole file
  int col = 0;   // 0: the whole line
  Severity severity = Severity::error;
  std::string message;
  bool io = false;  // the file system failed, not the data: the command exits 4
  bool tail = false;  // "另有 N 个问题未列出": sorts after the file's other problems
  int omitted_errors = 0, omitted_warnings = 0;  // what a tail line stands for

  std::string str() const;  // "file:3:5: 错误: …"
};

// Problems of many files. Each file lists at most kMaxPerFile; the rest are counted in one
// closing line, so a million bad rows cost a million counts, not a million messages.
class Diagnostics {
 public:
  static constexpr int kMaxPerFile = 100;

  void error(std::string file, int line, int col, std::string message);
  void warning(std::string file, int line, int col, std::string message);
  void io_error(std::string file, std::string message);
  bool has_io_errors() const;
  void add(Diagnostic d);
  bool has_errors() const;
  std::size_t error_count() const { return errors_; }  // listed or not
  std::size_t warning_count() const { return warnings_; }
  const std::vector<Diagnostic>& items() const { return items_; }
  // Stable order for output: by file, then line and column; same position keeps insertion order.
  void sort();

 private:
  struct PerFile {
    int listed = 0;
    bool has_tail = false;
    std::size_t tail = 0;  // index of the closing line in items_
  };
  void omit(const Diagnostic& d, int errors, int warnings);
  std::vector<Diagnostic> items_;
  std::map<std::string, PerFile> per_file_;
  std::size_t errors_ = 0, warnings_ = 0;
};

// Invalid input data: the CLI prints every diagnostic and exits 1.
class DataError : public std::runtime_error {
 public:
  explicit DataError(Diagnostics d);
  DataError(std::string file, int line, int col, std::string message);
  const Diagnostics& diagnostics() const { return diags_; }

 private:
  Diagnostics diags_;
};

// A command line that cannot be carried out as asked: exit 2.
class UsageError : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A period with no progress files at all: the scheduled bulletin exits 3.
class NoDataError : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A file that cannot be read or written (permission, disk full, a folder in the way): exit 4,
// the machine's problem rather than the data's.
class IoError : public std::runtime_error {
 public:
  IoError(std::string path, std::string reason)
      : std::runtime_error(path + ": " + reason), path_(std::move(path)), reason_(std::move(reason)) {}
  const std::string& path() const { return path_; }
  const std::string& reason() const { return reason_; }

 private:
  std::string path_, reason_;
};

}  // namespace minsheng
