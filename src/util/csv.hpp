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
// Quoted fields may span lines and contain "" escapes; CRLF and LF both end records.
std::vector<CsvRecord> parse_csv(std::string_view text);

std::string csv_field(std::string_view value);
std::string csv_line(const std::vector<std::string>& fields);  // ends with "\r\n"

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace minsheng
