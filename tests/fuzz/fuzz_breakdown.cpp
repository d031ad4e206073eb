// A 分解方案 file (DATA/breakdown/), CSV or YAML as the first byte says: read or reported,
// never a crash.
#include "fuzz_common.hpp"
#include "io/progress_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in = fuzz_input(data, size);
  bool yaml = !in.empty() && (in[0] & 1);
  if (!in.empty()) in.remove_prefix(1);
  minsheng::Diagnostics d;
  minsheng::parse_breakdown(in, yaml ? "r/breakdown/市民政局.yaml" : "r/breakdown/市民政局.csv",
                            minsheng::test::county_plan(), d);
  return 0;
}
