// The only place that touches the file system's files directly.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

namespace minsheng {

std::string read_file(const std::filesystem::path& path);  // throws IoError

// Writes to a temporary file beside `path`, flushes it, then renames it over `path`, so a
// reader sees either the old file or the complete new one. Creates missing parent folders.
void write_file_atomic(const std::filesystem::path& path, std::string_view content);

// Writes two files that belong together (summary.md and summary.csv). Each is written
// atomically; the second rename follows the first at once, so a failure while writing leaves
// both old files in place.
void write_file_atomic_pair(const std::filesystem::path& a, std::string_view a_content,
                            const std::filesystem::path& b, std::string_view b_content);

}  // namespace minsheng
