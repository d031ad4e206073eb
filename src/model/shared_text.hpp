// Text many things repeat (a file's name, a project's name, a note, a target's lead unit): one
// shared copy, not one per row or target (a province has a million rows and 131,000 targets).
#pragma once
#include <string>
#include <string_view>

namespace minsheng {

class SharedText {
 public:
  SharedText() = default;
  SharedText(const std::string& text);  // NOLINT: a text converts
  SharedText(const char* text) : SharedText(std::string(text)) {}
  const std::string& str() const;
  operator const std::string&() const { return str(); }  // NOLINT
  bool empty() const { return str().empty(); }
  bool operator==(const SharedText& o) const { return p_ == o.p_; }  // one copy per text
  // Compared as text, without making a copy of `s` to share.
  bool operator==(std::string_view s) const { return str() == s; }
  bool operator==(const std::string& s) const { return str() == s; }
  bool operator==(const char* s) const { return str() == s; }

 private:
  const std::string* p_ = nullptr;
};

}  // namespace minsheng
