// A YAML progress file: read or reported, never a crash.
#include "fuzz_common.hpp"
#include "io/progress_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  minsheng::Diagnostics d;
  minsheng::parse_submission(fuzz_input(data, size), "r/2024-05/submissions/市民政局.yaml",
                             minsheng::test::plan(), {2024, 5}, d);
  return 0;
}
