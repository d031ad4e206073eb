// The built-in bulletin templates, compiled in from docs/templates/*.mustache.
#pragma once
#include <string_view>

namespace minsheng {

// The template file's text, or empty when there is no such name.
std::string_view default_template(std::string_view name);

}  // namespace minsheng
