#include "report/template_render.hpp"

#include "model/diagnostic.hpp"
#include "report/table.hpp"

namespace minsheng {

std::string render_template(const std::string& text, const std::string& name,
                            const std::string& format, const kainjow::mustache::data& data) {
  kainjow::mustache::mustache tmpl(text);
  if (!tmpl.is_valid()) throw DataError(name, 0, 0, "模板语法错误: " + tmpl.error_message());
  if (format != "html") tmpl.set_custom_escape([](const std::string& s) { return md_escape(s); });
  std::string out = tmpl.render(data);
  if (format == "html") return out;
  std::string tidy;
  int newlines = 0;
  for (char c : out) {
    newlines = c == '\n' ? newlines + 1 : 0;
    if (newlines <= 2) tidy += c;
  }
  return tidy;
}

}  // namespace minsheng
