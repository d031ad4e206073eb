// Work done in a program of its own, so that a crash, an overread, a runaway allocation or a hang
// in a library we do not trust (FreeXL on a hostile .xls) costs that one piece of work and not
// the run. The program is started with posix_spawn, which is safe beside threads and copies
// nothing of a large parent; its answer comes back over a pipe as bytes.
#pragma once
#include <cstddef>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace minsheng {

struct ContainLimits {
  std::size_t memory_bytes = std::size_t{1} << 30;  // address space the program may use
  unsigned cpu_seconds = 30;
  unsigned wall_seconds = 120;  // a program blocked without using CPU is stopped too
  std::size_t max_result_bytes = std::size_t{256} << 20;
};

class ContainedError : public std::runtime_error {
 public:
  enum class Kind {
    failed,   // the work threw; what() is its message
    crashed,  // killed by a signal or ended without a result
    limit,    // went past a limit of ContainLimits
  };
  ContainedError(Kind kind, const std::string& what, int error_number = 0)
      : std::runtime_error(what), kind_(kind), errno_(error_number) {}
  Kind kind() const { return kind_; }
  // The errno of a system call that failed (pipe, posix_spawn), 0 otherwise: the caller words
  // it.
  int error_number() const { return errno_; }

 private:
  Kind kind_;
  int errno_;
};

// Runs `program` with `args` under `limits` and returns what its work returned. The program's
// main is contained_main; a std::exception its work throws comes back as Kind::failed with its
// message. Its standard input is `input`, as a file it may seek in and reopen as
// /proc/self/fd/0; it inherits no other file descriptor but standard error.
std::string run_contained(const std::filesystem::path& program,
                          const std::vector<std::string>& args, const ContainLimits& limits,
                          std::string_view input = {});

using ContainedWork = std::function<std::string(const std::vector<std::string>& args)>;

// The whole main() of a program run_contained starts: takes on the limits the parent passed,
// runs work on the arguments after them, and answers on standard output. Returns the exit
// status.
int contained_main(int argc, char** argv, const ContainedWork& work);

}  // namespace minsheng
