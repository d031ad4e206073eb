// RFC 4180 reading and writing: what is written reads back the same.
#include <cstdlib>

#include "fuzz_common.hpp"
#include "util/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view s = fuzz_input(data, size);
  try {
    minsheng::parse_csv(s);
  } catch (const minsheng::CsvError&) {
  }
  // A field written by csv_field reads back as one field with the same value (a formula-like
  // text gains its leading quote, by design).
  std::string field(s.substr(0, 64));
  if (field.find('\0') != std::string::npos) return 0;
  std::string line = minsheng::csv_field(field) + ",x\r\n";
  auto records = minsheng::parse_csv(line);
  if (records.empty() || records[0].fields.size() != 2) std::abort();
  return 0;
}
