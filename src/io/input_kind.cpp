#include "io/input_kind.hpp"

#include <filesystem>
#include <string>

#include "io/fs.hpp"

namespace minsheng {

namespace {

struct ByExtension {
  std::string_view ext;
  InputKind kind;
};
constexpr ByExtension kByExtension[] = {
    {".csv", InputKind::csv},  {".txt", InputKind::csv},   {".yaml", InputKind::yaml},
    {".yml", InputKind::yaml}, {".xlsx", InputKind::xlsx}, {".xls", InputKind::biff},
    {".et", InputKind::xlsx},  // WPS: a zip like .xlsx, or BIFF like .xls (see below)
};

}  // namespace

InputKind input_kind(std::string_view name) {
  std::string ext = lower_extension(std::filesystem::path(name));
  for (const auto& [e, kind] : kByExtension)
    if (e == ext) return kind;
  return InputKind::none;
}

InputKind input_kind(std::string_view name, std::string_view bytes) {
  InputKind k = input_kind(name);
  if (k == InputKind::xlsx && lower_extension(std::filesystem::path(name)) == ".et" &&
      !bytes.starts_with("PK"))
    return InputKind::biff;
  return k;
}

}  // namespace minsheng
