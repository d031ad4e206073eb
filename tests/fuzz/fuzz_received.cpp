// A 收文登记 (--received): read or reported, never a crash.
#include "fuzz_common.hpp"
#include "io/received_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  minsheng::Diagnostics d;
  minsheng::parse_received(fuzz_input(data, size), "收文登记.csv", minsheng::test::plan(), d);
  return 0;
}
