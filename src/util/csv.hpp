// RFC 4180 CSV (and tab-separated text) with positions kept for error messages.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "util/text.hpp"

namespace minsheng {

struct CsvField {
  std::string value;
  int col = 1;  // 1-based column, in code points, where the field starts
};

struct CsvRecord {
  int line = 1;  // line where the record starts
  std::vector<CsvField> fields;
  bool blank() const;  // every field empty, as Excel writes ",,,,"
};

class CsvError : public TextError {
  using TextError::TextError;
};

// Parses UTF-8 text. The separator is ',' unless the first line has tabs and no commas.
// Quoted fields may span lines and contain "" escapes; CRLF and LF both end records. Blank
// records (",,,,", spaces) are left out: each kept record says its own line.
std::vector<CsvRecord> parse_csv(std::string_view text);

std::string csv_field(std::string_view value);
// The reverse of the ' that csv_field puts before a text starting with = + - @ (as Excel drops
// it): a form minsheng wrote reads back as written, not as a second project "'=…".
std::string_view strip_formula_guard(std::string_view cell);
void append_csv_field(std::string& out, std::string_view value);  // csv_field, appended to `out`
std::string csv_line(const std::vector<std::string>& fields);     // ends with "\r\n"

// csv_line without the vector: fields are appended to `out` as they come; end() closes the line.
class CsvLineWriter {
 public:
  explicit CsvLineWriter(std::string& out) : out_(out) {}
  CsvLineWriter& operator<<(std::string_view field) {
    if (!first_) out_ += ',';
    first_ = false;
    append_csv_field(out_, field);
    return *this;
  }
  void end() { out_ += "\r\n"; }

 private:
  std::string& out_;
  bool first_ = true;
};

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace minsheng
