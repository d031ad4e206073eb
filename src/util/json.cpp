#include "util/json.hpp"

#include <stdexcept>

#include "util/parallel.hpp"

namespace minsheng {

namespace {

std::string dump_text(const Json& j) {
  return j.dump(2, ' ', false, Json::error_handler_t::replace);
}

// The printed array of a top-level member, as dump() nests it: its elements two levels in.
// A raw newline in the text is always the printer's (one inside a string is escaped), so each
// one is followed by the element's indent.
std::string array_text(const JsonRows& rows) {
  std::string out = "[\n";
  parallel_append(
      out, rows.count,
      [&](std::string& block, std::size_t i) {
        if (i > 0) block += ",\n";
        block += "    ";
        std::string text = dump_text(rows.element(i));
        for (std::size_t from = 0;;) {
          std::size_t nl = text.find('\n', from);
          block.append(text, from, nl == std::string::npos ? nl : nl + 1 - from);
          if (nl == std::string::npos) break;
          block += "    ";
          from = nl + 1;
        }
      },
      256);
  return out + "\n  ]";
}

}  // namespace

std::string dump_json(const Json& j) {
  return dump_text(j) + "\n";
}

std::string dump_json(const Json& top, const std::vector<JsonRows>& rows) {
  std::string text = dump_text(top);
  for (const auto& r : rows) {
    if (r.count == 0) continue;  // printed as [] either way
    // A top-level member's line: no string holds a raw newline, so this is the printer's.
    std::string member = "\n  " + dump_text(Json(r.key)) + ": []";
    std::size_t at = text.find(member);
    if (at == std::string::npos || text.find(member, at + 1) != std::string::npos)
      throw std::logic_error("dump_json: " + r.key + " is not one empty top-level array");
    text.replace(at + member.size() - 2, 2, array_text(r));
  }
  return text + "\n";
}

}  // namespace minsheng
