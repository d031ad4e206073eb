// The fast YAML reader against yaml-cpp: whatever it accepts, yaml-cpp must read to the same
// tree (kinds, scalars, keys in order, positions); otherwise the plan would depend on the path.
#include <yaml-cpp/yaml.h>

#include <cstdlib>

#include "fuzz_common.hpp"
#include "io/yaml_lite.hpp"
#include "util/encoding.hpp"

namespace {

void same(const minsheng::lite::Node& a, const YAML::Node& b) {
  auto fail = [] { std::abort(); };
  if (a.IsNull() != b.IsNull() || a.IsScalar() != b.IsScalar() ||
      a.IsSequence() != b.IsSequence() || a.IsMap() != b.IsMap())
    fail();
  if (a.IsScalar() && a.Scalar() != b.Scalar()) fail();
  if (!a.IsNull() && (a.Mark().line != b.Mark().line || a.Mark().column != b.Mark().column)) fail();
  if (a.IsSequence() || a.IsMap()) {
    if (a.size() != b.size()) fail();
    auto ia = a.begin();
    auto ib = b.begin();
    for (; ia != a.end(); ++ia, ++ib) {
      auto ea = *ia;
      if (a.IsMap()) {
        same(ea.first, ib->first);
        same(ea.second, ib->second);
      } else {
        same(ea, *ib);
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text;
  try {  // as a plan file is read: decoded to UTF-8 first
    text = minsheng::decode_text(fuzz_input(data, size)).text;
  } catch (const minsheng::DecodeError&) {
    return 0;
  }
  auto lite = minsheng::lite::parse(text);
  if (!lite) return 0;
  YAML::Node ref;
  try {
    ref = YAML::Load(text);
  } catch (const YAML::Exception&) {
    std::abort();  // the fast reader accepted what yaml-cpp refuses
  }
  same(*lite, ref);
  return 0;
}
