// Work done in a child process, so that a crash, an overread, a runaway allocation or a hang in
// a library we do not trust (FreeXL on a hostile .xls) costs that one piece of work and not the
// run. The child's result comes back over a pipe as bytes.
#pragma once
#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>

namespace minsheng {

struct ContainLimits {
  std::size_t memory_bytes = std::size_t{1} << 30;  // address space the child may add
  unsigned cpu_seconds = 30;
  unsigned wall_seconds = 120;  // a child blocked without using CPU is stopped too
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
  // The errno of a system call that failed (pipe, fork), 0 otherwise: the caller words it.
  int error_number() const { return errno_; }

 private:
  Kind kind_;
  int errno_;
};

// Runs work() in a forked child under `limits` and returns the string it returned. A
// std::exception it throws comes back as Kind::failed with its message. The child touches no
// file descriptor of the parent's but the pipe and standard error, and ends with _exit, so the
// parent's buffers and atexit handlers are never run twice.
// Callers fork only when no other thread of theirs runs: a child forked beside threads starts
// with whatever locks they held at that moment, and can wait on one for ever.
std::string run_contained(const std::function<std::string()>& work, const ContainLimits& limits);

// How many children run_contained has forked while the process had other threads: tests hold
// the callers to the rule above with it.
unsigned forks_beside_threads();

}  // namespace minsheng
