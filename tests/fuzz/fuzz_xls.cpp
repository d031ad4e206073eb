// An .xls (or BIFF .et) progress or 分解方案 file: read or reported, never a crash of minsheng.
// FreeXL reads only from a path, so the input is written to a temporary file; it reads in a
// child process (util/contained), and a crash or overread there must come back as that file's
// error. corpus/xls/ holds the file on which Debian's FreeXL 1.0.6 overreads a stack buffer
// through iconv (found by an in-process harness with ASan in 2 s).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "fuzz_common.hpp"
#include "io/progress_reader.hpp"

// libFuzzer's crash handlers are inherited by the child that reads the file, where a crash is
// what read_xls contains and reports: there it ends the child quietly. In this process (the
// fuzzer's), the input is kept as libFuzzer would keep it, and the sanitizer report follows.
extern "C" __attribute__((weak)) void __sanitizer_set_death_callback(void (*)(void));

namespace {

pid_t fuzzer_pid = 0;
std::string current_input;

void on_death() {
  if (getpid() != fuzzer_pid) _exit(1);
  if (std::FILE* f = std::fopen("xls-crash-in-fuzzer", "wb")) {
    std::fwrite(current_input.data(), 1, current_input.size(), f);
    std::fclose(f);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (__sanitizer_set_death_callback) {
    fuzzer_pid = getpid();
    current_input.assign(reinterpret_cast<const char*>(data), size);
    __sanitizer_set_death_callback(on_death);  // again each time: libFuzzer sets its own
  }
  char path[] = "/tmp/minsheng-fuzz-xls-XXXXXX.xls";
  int fd = mkstemps(path, 4);
  if (fd < 0) std::abort();
  bool whole = ::write(fd, data, size) == static_cast<ssize_t>(size);
  ::close(fd);
  if (whole) {
    minsheng::Diagnostics d;
    minsheng::parse_xls_submission(path, "r/2024-05/submissions/市民政局.xls",
                                   minsheng::test::plan(), {2024, 5}, d);
    minsheng::parse_xls_breakdown(path, "r/breakdown/市民政局.xls", minsheng::test::county_plan(),
                                  d);
  }
  ::unlink(path);
  if (!whole) std::abort();
  return 0;
}
