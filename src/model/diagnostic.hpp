// Problems found in input data, located as FILE:LINE:COL, and the typed errors core code throws.
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace minsheng {

enum class Severity { error, warning };

struct Diagnostic {
  std::string file;
  int line = 0;  // 0: the whole file
  int col = 0;   // 0: the whole line
  Severity severity = Severity::error;
  std::string message;
  bool io = false;  // the file system failed, not the data: the command exits 4

  std::string str() const;  // "file:3:5: 错误: …"
};

class Diagnostics {
 public:
  void error(std::string file, int line, int col, std::string message);
  void warning(std::string file, int line, int col, std::string message);
  void io_error(std::string file, std::string message);
  bool has_io_errors() const;
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  bool has_errors() const;
  std::size_t error_count() const;
  std::size_t warning_count() const;
  const std::vector<Diagnostic>& items() const { return items_; }
  // Stable order for output: by file, then line and column; same position keeps insertion order.
  void sort();

 private:
  std::vector<Diagnostic> items_;
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
