#include "model/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace minsheng {

std::string Diagnostic::str() const {
  std::string out = file;
  if (!place.empty()) {
    out += ":" + place;
  } else {
    if (line > 0) out += ":" + std::to_string(line);
    if (line > 0 && col > 0) out += ":" + std::to_string(col);
  }
  out += severity == Severity::error ? ": 错误: " : ": 警告: ";
  return out + message;
}

void Diagnostics::add(Diagnostic d) {
  if (d.tail) {  // a closing line copied from another list: what it counts moves along
    omit(d, d.omitted_errors, d.omitted_warnings);
    return;
  }
  bool error = d.severity == Severity::error;
  PerFile& f = per_file_[d.file];
  if (f.listed >= kMaxPerFile) {
    omit(d, error, !error);
    return;
  }
  (error ? errors_ : warnings_) += 1;
  ++f.listed;
  items_.push_back(std::move(d));
}

void Diagnostics::omit(const Diagnostic& d, int errors, int warnings) {
  errors_ += static_cast<std::size_t>(errors);
  warnings_ += static_cast<std::size_t>(warnings);
  PerFile& f = per_file_[d.file];
  if (!f.has_tail) {
    f.has_tail = true;
    f.tail = items_.size();
    items_.push_back({d.file, "", 0, 0, Severity::warning, "", false, true});
  }
  Diagnostic& t = items_[f.tail];
  t.omitted_errors += errors;
  t.omitted_warnings += warnings;
  if (t.omitted_errors > 0) t.severity = Severity::error;
  t.io = t.io || d.io;
  t.message = "另有 " + std::to_string(t.omitted_errors + t.omitted_warnings) +
              " 个问题未列出（每个文件最多列出 " + std::to_string(kMaxPerFile) + " 个）";
}

void Diagnostics::error(std::string file, int line, int col, std::string message) {
  add({std::move(file), "", line, col, Severity::error, std::move(message)});
}

void Diagnostics::warning(std::string file, int line, int col, std::string message) {
  add({std::move(file), "", line, col, Severity::warning, std::move(message)});
}

void Diagnostics::io_error(std::string file, std::string message) {
  add({std::move(file), "", 0, 0, Severity::error, std::move(message), true});
}

bool Diagnostics::has_io_errors() const {
  return std::any_of(items_.begin(), items_.end(), [](const auto& d) { return d.io; });
}

bool Diagnostics::has_errors() const {
  return errors_ > 0;
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.tail, a.line, a.col) < std::tie(b.file, b.tail, b.line, b.col);
  });
  for (std::size_t i = 0; i < items_.size(); ++i)
    if (items_[i].tail) per_file_[items_[i].file].tail = i;
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
