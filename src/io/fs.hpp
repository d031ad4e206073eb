// The only place that touches the file system's files directly.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace minsheng {

std::string read_file(const std::filesystem::path& path);  // throws IoError

// Input files (plans, progress files, summaries) are refused above this size before they are
// read, so that memory stays bounded: a month's real files are kilobytes.
inline constexpr std::uintmax_t kMaxInputBytes = 50u << 20;
// read_file for an input: a DataError naming the size when it is over kMaxInputBytes.
std::string read_input(const std::filesystem::path& path);

// Why a system call failed, in Chinese: "没有权限", "磁盘空间不足".
std::string io_reason(int err);

// Writes to a temporary file beside `path`, flushes it, then renames it over `path`, so a
// reader sees either the old file or the complete new one. Creates missing parent folders.
void write_file_atomic(const std::filesystem::path& path, std::string_view content);

// Writes two files that belong together (summary.md and summary.csv). Each is written
// atomically; when the second cannot be put in place the first is put back, so a failure leaves
// the old pair. A process killed between the two renames can still leave a mixed pair.
void write_file_atomic_pair(const std::filesystem::path& a, std::string_view a_content,
                            const std::filesystem::path& b, std::string_view b_content);

}  // namespace minsheng
