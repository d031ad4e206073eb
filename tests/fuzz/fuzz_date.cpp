// Dates, months and periods as typed: parsed into valid values or rejected.
#include <cstdlib>

#include "assess/period.hpp"
#include "fuzz_common.hpp"
#include "util/date.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view s = fuzz_input(data, size);
  if (auto d = minsheng::Date::parse(s))
    if (d->month < 1 || d->month > 12 || d->day < 1 || d->day > 31) std::abort();
  if (auto m = minsheng::YearMonth::parse(s))
    if (m->month < 1 || m->month > 12) std::abort();
  minsheng::YearMonth::parse_exact(s);
  if (auto p = minsheng::Period::parse(s)) p->chinese();
  return 0;
}
