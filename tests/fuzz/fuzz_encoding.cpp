// Decoding: valid UTF-8 out, or a DecodeError with a position; file names always UTF-8.
#include <cstdlib>

#include "fuzz_common.hpp"
#include "util/encoding.hpp"
#include "util/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view s = fuzz_input(data, size);
  try {
    auto d = minsheng::decode_text(s);
    if (minsheng::find_invalid_utf8(d.text) != std::string_view::npos) std::abort();
  } catch (const minsheng::DecodeError& e) {
    if (e.line < 1 || e.col < 0) std::abort();
  }
  if (minsheng::find_invalid_utf8(minsheng::name_to_utf8(s)) != std::string_view::npos) std::abort();
  return 0;
}
