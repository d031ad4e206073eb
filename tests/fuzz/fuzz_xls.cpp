// An .xls (or BIFF .et) progress or 分解方案 file: read or reported, never a crash of minsheng.
// FreeXL reads in the minsheng-xls program (io/xls, $MINSHENG_XLS_HELPER), and a crash or
// overread there must come back as that file's error. XDG_CACHE_HOME=/dev/null keeps the cells of
// inputs read before from coming out of the cache (io/xls_cache). corpus/xls/ holds the file on
// which Debian's FreeXL 1.0.6 overreads a stack buffer through iconv (found by an in-process
// harness with ASan in 2 s).
#include <string_view>

#include "fuzz_common.hpp"
#include "io/progress_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  minsheng::Diagnostics d;
  minsheng::parse_submission(bytes, "r/2024-05/submissions/市民政局.xls", minsheng::test::plan(),
                             {2024, 5}, d);
  minsheng::parse_breakdown(bytes, "r/breakdown/市民政局.xls", minsheng::test::county_plan(), d);
  return 0;
}
