#include "util/suggest.hpp"

#include <algorithm>

namespace minsheng {
namespace {

std::vector<std::string_view> codepoints(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t n = 1;
    while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

// Every code point of `word` appears in `c` in order: 市林业局 in 市林业和园林局.
bool is_subsequence(const std::vector<std::string_view>& word,
                    const std::vector<std::string_view>& c) {
  std::size_t i = 0;
  for (std::size_t j = 0; j < c.size() && i < word.size(); ++j)
    if (c[j] == word[i]) ++i;
  return i == word.size();
}

// Past this a "name" is not a typo of a name, and comparing it costs time for nothing.
constexpr std::size_t kMaxSuggestLength = 64;

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  auto x = codepoints(a), y = codepoints(b);
  std::vector<std::size_t> prev(y.size() + 1), cur(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j)
      cur[j] =
          std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[y.size()];
}

std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates) {
  auto w = codepoints(word);
  if (w.empty() || w.size() > kMaxSuggestLength) return std::nullopt;
  // Containment first: a name written short (民政局, 市林业局) is a typo of the name that holds
  // it, whatever the edit distance says; among several, the shortest holder.
  const std::string* holder = nullptr;
  for (const auto& c : candidates) {
    auto cc = codepoints(c);
    if (w.size() >= 2 && 2 * w.size() >= cc.size() && is_subsequence(w, cc) &&
        (!holder || c.size() < holder->size()))
      holder = &c;
  }
  if (holder) return *holder;
  std::optional<std::string> best;
  std::size_t best_d = 0;
  for (const auto& c : candidates) {
    std::size_t d = word.find(c) != std::string_view::npos ? 1 : edit_distance(word, c);
    if (!best || d < best_d) {
      best = c;
      best_d = d;
    }
  }
  std::size_t len = w.size();
  // Sharing nothing is no suggestion: "间" is one edit from "个", but not a typo of it.
  if (best && best_d <= std::max<std::size_t>(1, len / 2) && best_d < len) return best;
  return std::nullopt;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  auto m = closest_match(word, candidates);
  return m ? "（是否应为“" + *m + "”？）" : std::string();
}

}  // namespace minsheng
