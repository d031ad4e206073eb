#include "util/json.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "util/parallel.hpp"

namespace minsheng {

namespace {

std::string dump_text(const Json& j) {
  return j.dump(2, ' ', false, Json::error_handler_t::replace);
}

// Appends the printed array of a top-level member, as dump() nests it: its elements two levels
// in. A raw newline in the text is always the printer's (one inside a string is escaped), so
// each one is followed by the element's indent.
void append_array(std::string& out, const JsonRows& rows) {
  out += "[\n";
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
  out += "\n  ]";
}

}  // namespace

std::string dump_json(const Json& j) {
  return dump_text(j) + "\n";
}

std::string dump_json(const Json& top, const std::vector<JsonRows>& rows) {
  std::string text = dump_text(top);
  std::vector<std::pair<std::size_t, const JsonRows*>> at;  // where each one's [] is
  for (const auto& r : rows) {
    if (r.count == 0) continue;  // printed as [] either way
    // A top-level member's line: no string holds a raw newline, so this is the printer's.
    std::string member = "\n  " + dump_text(Json(r.key)) + ": []";
    std::size_t p = text.find(member);
    if (p == std::string::npos || text.find(member, p + 1) != std::string::npos)
      throw std::logic_error("JSON 输出的 " + r.key + " 不是唯一的顶层空数组");
    at.push_back({p + member.size() - 2, &r});
  }
  std::sort(at.begin(), at.end());
  // Built straight into the result: a province's text is not copied again.
  std::string out;
  std::size_t from = 0;
  for (auto [p, r] : at) {
    out.append(text, from, p - from);
    append_array(out, *r);
    from = p + 2;
  }
  out.append(text, from);
  out += '\n';
  return out;
}

}  // namespace minsheng
