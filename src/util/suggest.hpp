// "Did you mean …?" for names typed by hand.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace minsheng {

// Edit distance in code points.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest candidate, if it is close enough to be a plausible typo or abbreviation.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

// "（是否应为“市民政局”？）" or empty.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace minsheng
