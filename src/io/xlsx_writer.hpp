// Writes an OutWorkbook as .xlsx bytes with libxlsxwriter: header row bold and frozen, an
// autofilter, numbers as numbers, percentages in a percent format, status fills, A4 printing
// with the header repeated. Deterministic: the same workbook gives the same bytes.
#pragma once
#include <string>

#include "util/sheet_doc.hpp"

namespace minsheng {

// libxlsxwriter writes only to a path: a private temporary file is written and read back.
// Throws IoError when it cannot be written.
std::string xlsx_bytes(const OutWorkbook& wb);

}  // namespace minsheng
