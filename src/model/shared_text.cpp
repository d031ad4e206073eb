#include "model/shared_text.hpp"

#include <mutex>
#include <unordered_set>

namespace minsheng {

SharedText::SharedText(const std::string& text) {
  if (text.empty()) return;
  // Node-based, so the addresses handed out stay valid; the lock lets files be read in parallel.
  static std::mutex lock;
  static std::unordered_set<std::string> texts;
  std::lock_guard<std::mutex> guard(lock);
  p_ = &*texts.insert(text).first;
}

const std::string& SharedText::str() const {
  static const std::string none;
  return p_ ? *p_ : none;
}

}  // namespace minsheng
