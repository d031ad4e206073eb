// A mustache template rendered for a document's language: the one place the bulletin's editions
// (internal and public) escape values and tidy Markdown.
#pragma once
#include <kainjow/mustache.hpp>
#include <string>

namespace minsheng {

// `text` over `data` for `format` ("md" or "html"): values escaped by mustache's HTML rule or
// Markdown's, and in Markdown at most one blank line in a row (empty sections leave them). Throws
// DataError naming `name` for a template that does not parse.
std::string render_template(const std::string& text, const std::string& name,
                            const std::string& format, const kainjow::mustache::data& data);

}  // namespace minsheng
