// An .xlsx progress file: read or reported, never a crash, a hang or a runaway allocation.
// The input is a workbook's XML parts separated by NUL bytes (see kParts; an empty one is left
// out), zipped here with correct checksums: mutating XML finds far more than mutating a zip,
// whose checksums and deflate streams turn almost every change into one early error.
// make_xlsx_seeds.py turns the committed workbooks into this form.
#include <string>

#include "../unit/stored_zip.hpp"
#include "fuzz_common.hpp"
#include "io/progress_reader.hpp"

namespace {

const char* const kParts[] = {"xl/workbook.xml",
                              "xl/_rels/workbook.xml.rels",
                              "xl/worksheets/sheet1.xml",
                              "xl/sharedStrings.xml",
                              "xl/styles.xml",
                              "xl/worksheets/sheet2.xml"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in = fuzz_input(data, size);
  minsheng::test::ZipParts parts;
  bool deflate = false;  // every other part, as both kinds occur
  for (const char* name : kParts) {
    auto nul = in.find('\0');
    if (nul != 0) parts.push_back({name, std::string(in.substr(0, nul)), deflate = !deflate});
    if (nul == std::string_view::npos) break;
    in.remove_prefix(nul + 1);
  }
  minsheng::Diagnostics d;
  minsheng::parse_submission(minsheng::test::stored_zip(parts),
                             "r/2024-05/submissions/市民政局.xlsx", minsheng::test::plan(),
                             {2024, 5}, d);
  return 0;
}
