// A summary.csv as diff reads it: parsed or a DataError, never a crash.
#include "fuzz_common.hpp"
#include "io/summary_reader.hpp"
#include "model/diagnostic.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    minsheng::parse_summary_csv(fuzz_input(data, size), "reports/2024-06/summary.csv");
  } catch (const minsheng::DataError&) {
  }
  return 0;
}
