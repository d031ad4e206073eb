// The plan loader: any bytes load as a plan or are a DataError, never a crash.
#include "fuzz_common.hpp"
#include "io/plan_loader.hpp"
#include "model/diagnostic.hpp"
#include "util/encoding.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    minsheng::parse_plan(minsheng::decode_text(fuzz_input(data, size)).text, "p.yaml");
  } catch (const minsheng::DataError&) {
  } catch (const minsheng::DecodeError&) {
  }
  return 0;
}
