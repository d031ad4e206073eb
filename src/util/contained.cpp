#include "util/contained.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <new>

#if defined(__SANITIZE_ADDRESS__)
#define MINSHENG_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MINSHENG_ASAN 1
#endif
#endif

namespace minsheng {

namespace {

// The child's answer: one tag byte, then the result or the message.
constexpr char kResult = 'R', kFailed = 'E', kOutOfMemory = 'M';
constexpr int kResultFd = 3;

bool write_all(int fd, const char* p, std::size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    p += w;
    n -= static_cast<std::size_t>(w);
  }
  return true;
}

#ifndef MINSHENG_ASAN  // ASan reserves terabytes of shadow address space up front
// Address space in use now: the limit is set above it, since the child starts as a copy of a
// parent that may already be large.
std::size_t address_space_now() {
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  unsigned long pages = 0;
  if (f) {
    if (std::fscanf(f, "%lu", &pages) != 1) pages = 0;
    std::fclose(f);
  }
  return pages * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}
#endif

void limit(int resource, rlim_t soft, rlim_t hard) {
  rlimit r{soft, hard};
  setrlimit(resource, &r);
}

[[noreturn]] void be_child(int fd, const std::function<std::string()>& work,
                           const ContainLimits& limits) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive the thread that waits for it
  if (fd != kResultFd) {
    dup2(fd, kResultFd);
    close(fd);
  }
  close_range(kResultFd + 1, ~0u, 0);  // not another child's pipe, not the parent's locks
  // A crash here is the child's end, reported by the parent: not a run of whatever handler the
  // parent installed (a test framework's report, a sanitizer's), printed as if the parent had
  // crashed.
  for (int sig : {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT}) signal(sig, SIG_DFL);
  limit(RLIMIT_CORE, 0, 0);  // no core file in the user's folder
  limit(RLIMIT_CPU, limits.cpu_seconds, limits.cpu_seconds + 1);
#ifndef MINSHENG_ASAN
  rlim_t room = address_space_now() + limits.memory_bytes;
  limit(RLIMIT_AS, room, room);
#endif
  std::string answer;
  try {
    answer = work();
    answer.insert(answer.begin(), kResult);
  } catch (const std::bad_alloc&) {
    answer.assign(1, kOutOfMemory);
  } catch (const std::exception& e) {
    answer = std::string(1, kFailed) + e.what();
  } catch (...) {
    answer = std::string(1, kFailed) + "未知错误";
  }
  _exit(write_all(kResultFd, answer.data(), answer.size()) ? 0 : 1);
}

int milliseconds_until(std::chrono::steady_clock::time_point t) {
  auto left =
      std::chrono::duration_cast<std::chrono::milliseconds>(t - std::chrono::steady_clock::now());
  return left.count() <= 0 ? 0 : static_cast<int>(std::min<long long>(left.count(), 60000));
}

}  // namespace

namespace {

enum class Ending { done, timed_out, too_big };

// Reads the child's answer until it closes the pipe, the clock runs out, or the answer is larger
// than allowed.
Ending read_answer(int fd, const ContainLimits& limits, std::string& got) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(limits.wall_seconds);
  char buf[1 << 16];
  for (;;) {
    int wait_ms = milliseconds_until(deadline);
    if (wait_ms == 0) return Ending::timed_out;
    pollfd pfd{fd, POLLIN, 0};
    int r = poll(&pfd, 1, wait_ms);
    if (r < 0 && errno != EINTR) return Ending::done;
    if (r <= 0) continue;
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n <= 0) return Ending::done;
    if (got.size() + static_cast<std::size_t>(n) > limits.max_result_bytes + 1)
      return Ending::too_big;
    got.append(buf, static_cast<std::size_t>(n));
  }
}

// What the child's end and answer mean: its result, or the ContainedError that says why not.
std::string outcome(Ending ending, int status, const std::string& got,
                    const ContainLimits& limits) {
  using Kind = ContainedError::Kind;
  if (ending == Ending::timed_out)
    throw ContainedError(Kind::limit,
                         "超过 " + std::to_string(limits.wall_seconds) + " 秒仍未完成");
  if (ending == Ending::too_big)
    throw ContainedError(Kind::limit,
                         "结果超过 " + std::to_string(limits.max_result_bytes >> 20) + " MB");
  if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    if (sig == SIGXCPU || (sig == SIGKILL && got.empty()))
      throw ContainedError(Kind::limit, "CPU 时间超过 " + std::to_string(limits.cpu_seconds) +
                                            " 秒或被终止（信号 " + std::to_string(sig) + "）");
    throw ContainedError(Kind::crashed, "异常终止（信号 " + std::to_string(sig) + "）");
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || got.empty())
    throw ContainedError(Kind::crashed,
                         "异常退出（退出码 " + std::to_string(WEXITSTATUS(status)) + "）");
  if (got[0] == kResult) return got.substr(1);
  if (got[0] == kOutOfMemory)
    throw ContainedError(Kind::limit,
                         "内存超过 " + std::to_string(limits.memory_bytes >> 20) + " MB");
  if (got[0] == kFailed) throw ContainedError(Kind::failed, got.substr(1));
  throw ContainedError(Kind::crashed, "返回的结果无法识别");
}

// The process's threads, from /proc (0 if unreadable).
unsigned threads_now() {
  std::FILE* f = std::fopen("/proc/self/status", "r");
  unsigned n = 0;
  if (!f) return n;
  char line[256];
  while (std::fgets(line, sizeof line, f))
    if (std::sscanf(line, "Threads: %u", &n) == 1) break;
  std::fclose(f);
  return n;
}

std::atomic<unsigned> g_forks_beside_threads{0};

}  // namespace

unsigned forks_beside_threads() {
  return g_forks_beside_threads;
}

std::string run_contained(const std::function<std::string()>& work, const ContainLimits& limits) {
  using Kind = ContainedError::Kind;
  int p[2];
  if (pipe2(p, O_CLOEXEC) != 0) throw ContainedError(Kind::crashed, "无法创建管道", errno);
  if (threads_now() > 1) ++g_forks_beside_threads;
  pid_t pid = fork();
  if (pid < 0) {
    int e = errno;
    close(p[0]);
    close(p[1]);
    throw ContainedError(Kind::crashed, "无法创建子进程", e);
  }
  if (pid == 0) {
    close(p[0]);
    be_child(p[1], work, limits);
  }
  close(p[1]);
  std::string got;
  Ending ending = read_answer(p[0], limits, got);
  close(p[0]);
  if (ending != Ending::done) kill(pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return outcome(ending, status, got, limits);
}

}  // namespace minsheng
