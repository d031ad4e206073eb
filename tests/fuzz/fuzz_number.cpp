// Numbers as typed: a finite value within bounds, or an error; never a crash.
#include <cmath>
#include <cstdlib>

#include "fuzz_common.hpp"
#include "util/number.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view s = fuzz_input(data, size);
  for (std::string_view measure : {"", "个", "%"}) {
    auto n = minsheng::parse_number(s, measure);
    if (n.kind == minsheng::ParsedNumber::Kind::ok &&
        !(std::isfinite(n.quantity.value) && n.quantity.value >= 0 &&
          n.quantity.value <= minsheng::kMaxValue))
      std::abort();
  }
  if (auto v = minsheng::parse_decimal(s)) {
    if (!std::isfinite(*v)) std::abort();
    minsheng::format_number(*v);
    minsheng::format_human(*v);
  }
  return 0;
}
