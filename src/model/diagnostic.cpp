#include "model/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace minsheng {

std::string Diagnostic::str() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  if (line > 0 && col > 0) out += ":" + std::to_string(col);
  out += severity == Severity::error ? ": 错误: " : ": 警告: ";
  return out + message;
}

void Diagnostics::error(std::string file, int line, int col, std::string message) {
  items_.push_back({std::move(file), line, col, Severity::error, std::move(message)});
}

void Diagnostics::warning(std::string file, int line, int col, std::string message) {
  items_.push_back({std::move(file), line, col, Severity::warning, std::move(message)});
}

void Diagnostics::io_error(std::string file, std::string message) {
  items_.push_back({std::move(file), 0, 0, Severity::error, std::move(message), true});
}

bool Diagnostics::has_io_errors() const {
  return std::any_of(items_.begin(), items_.end(), [](const auto& d) { return d.io; });
}

bool Diagnostics::has_errors() const {
  return error_count() > 0;
}

std::size_t Diagnostics::error_count() const {
  return static_cast<std::size_t>(std::count_if(
      items_.begin(), items_.end(), [](const auto& d) { return d.severity == Severity::error; }));
}

std::size_t Diagnostics::warning_count() const {
  return items_.size() - error_count();
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.line, a.col) < std::tie(b.file, b.line, b.col);
  });
}

static std::string first_message(const Diagnostics& d) {
  return d.items().empty() ? "数据有误" : d.items().front().str();
}

DataError::DataError(Diagnostics d) : std::runtime_error(first_message(d)), diags_(std::move(d)) {}

DataError::DataError(std::string file, int line, int col, std::string message)
    : DataError([&] {
        Diagnostics d;
        d.error(std::move(file), line, col, std::move(message));
        return d;
      }()) {}

}  // namespace minsheng
