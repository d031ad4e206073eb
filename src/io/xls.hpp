// An .xls or BIFF .et workbook is read by FreeXL in a program of its own, minsheng-xls, and its
// cells come back over a pipe. read_xls (io/workbook.hpp) starts it, unless io/xls_cache holds
// the cells of the very same bytes.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

#include "io/workbook.hpp"

namespace minsheng {

// The workbook as bytes over the pipe, and back. unpack_workbook trusts no count in the bytes:
// they come from a program that may have been damaged. Throws WorkbookError.
Workbook unpack_workbook(std::string_view bytes);

// What minsheng-xls runs (io/xls_freexl.cpp, linked into that program only).
Workbook read_xls_with_freexl(const std::filesystem::path& path);
std::string pack_workbook(const Workbook& wb);

// The minsheng-xls program: $MINSHENG_XLS_HELPER, else ../libexec/minsheng/ from this program's
// folder as installed, else this program's folder in a build tree.
std::filesystem::path xls_helper();

}  // namespace minsheng
