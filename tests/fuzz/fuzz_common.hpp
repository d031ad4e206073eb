// What every harness shares: the fixture plan, and the input as a string.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "../unit/fixtures.hpp"

inline std::string_view fuzz_input(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}
