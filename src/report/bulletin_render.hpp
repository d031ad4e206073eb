// Words and layout of the bulletin: a mustache template over values computed by build_bulletin.
#pragma once
#include <optional>
#include <string>

#include "assess/bulletin.hpp"

namespace minsheng {

// `format` is "md" or "html". `custom` replaces the built-in template (docs/templates/…);
// `custom_name` names it in error messages. Throws DataError for a template that does not parse.
std::string render_bulletin(const Bulletin& b, const std::string& format,
                            const std::optional<std::string>& custom = std::nullopt,
                            const std::string& custom_name = "");

// The file name of the built-in template for a format: "bulletin.md.mustache".
std::string bulletin_template_name(const std::string& format);

}  // namespace minsheng
