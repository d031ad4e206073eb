#include "util/contained.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <new>
#include <string_view>

#if defined(__SANITIZE_ADDRESS__)
#define MINSHENG_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MINSHENG_ASAN 1
#endif
#endif

namespace minsheng {

namespace {

// The program's answer: one tag byte, then the result or the message.
constexpr char kResult = 'R', kFailed = 'E', kOutOfMemory = 'M';

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
// Address space in use now (the loaded program and its libraries): the limit is set above it.
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

// The limits, as run_contained passes them to the program and contained_main takes them on.
constexpr std::string_view kLimitsFlag = "--contained-limits=";

std::string limits_argument(const ContainLimits& limits) {
  return std::string(kLimitsFlag) + std::to_string(limits.cpu_seconds) + "," +
         std::to_string(limits.memory_bytes) + "," + std::to_string(getpid());
}

// False if the argument is not limits_argument's, or the parent that wrote it is gone already.
bool take_limits(std::string_view arg) {
  if (arg.substr(0, kLimitsFlag.size()) != kLimitsFlag) return false;
  unsigned long long cpu = 0, memory = 0, parent = 0;
  std::string text(arg.substr(kLimitsFlag.size()));
  if (std::sscanf(text.c_str(), "%llu,%llu,%llu", &cpu, &memory, &parent) != 3) return false;
  prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive the thread that waits for it
  if (static_cast<unsigned long long>(getppid()) != parent) return false;
  limit(RLIMIT_CORE, 0, 0);  // no core file in the user's folder
  limit(RLIMIT_CPU, cpu, cpu + 1);
#ifndef MINSHENG_ASAN
  rlim_t room = address_space_now() + memory;
  limit(RLIMIT_AS, room, room);
#else
  (void)memory;
#endif
  return true;
}

int milliseconds_until(std::chrono::steady_clock::time_point t) {
  auto left =
      std::chrono::duration_cast<std::chrono::milliseconds>(t - std::chrono::steady_clock::now());
  return left.count() <= 0 ? 0 : static_cast<int>(std::min<long long>(left.count(), 60000));
}

enum class Ending { done, timed_out, too_big };

// Reads the program's answer until it closes the pipe, the clock runs out, or the answer is larger
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

// What the program's end and answer mean: its result, or the ContainedError that says why not.
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

// posix_spawn's attributes and file actions, released however the spawn ends.
struct SpawnSetup {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attributes;
  SpawnSetup(int input_fd, int answer_fd) {
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, input_fd, STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, answer_fd, STDOUT_FILENO);
    // Not another program's pipe, and not a lock this process holds on a folder.
    posix_spawn_file_actions_addclosefrom_np(&actions, STDERR_FILENO + 1);
    posix_spawnattr_init(&attributes);
    // A worker thread's blocked signals, and a signal this process ignores, are not the
    // program's: a crash ends it, and the parent reports that.
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    for (int sig : {SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT})
      sigaddset(&defaults, sig);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  }
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
  }
  SpawnSetup(const SpawnSetup&) = delete;
  SpawnSetup& operator=(const SpawnSetup&) = delete;
};

}  // namespace

int contained_main(int argc, char** argv, const ContainedWork& work) {
  if (argc < 2 || !take_limits(argv[1])) return 2;
  std::vector<std::string> args(argv + 2, argv + argc);
  std::string answer;
  try {
    answer = work(args);
    answer.insert(answer.begin(), kResult);
  } catch (const std::bad_alloc&) {
    answer.assign(1, kOutOfMemory);
  } catch (const std::exception& e) {
    answer = std::string(1, kFailed) + e.what();
  } catch (...) {
    answer = std::string(1, kFailed) + "未知错误";
  }
  return write_all(STDOUT_FILENO, answer.data(), answer.size()) ? 0 : 1;
}

namespace {

// `input` in a file of memory only, at its start: the program may seek in it, as FreeXL does.
int input_file(std::string_view input) {
  int fd = memfd_create("minsheng-input", MFD_CLOEXEC);
  if (fd < 0) throw ContainedError(ContainedError::Kind::crashed, "无法创建输入文件", errno);
  if (!write_all(fd, input.data(), input.size()) || lseek(fd, 0, SEEK_SET) != 0) {
    int e = errno;
    close(fd);
    throw ContainedError(ContainedError::Kind::crashed, "无法写入输入文件", e);
  }
  return fd;
}

}  // namespace

std::string run_contained(const std::filesystem::path& program,
                          const std::vector<std::string>& args, const ContainLimits& limits,
                          std::string_view input) {
  using Kind = ContainedError::Kind;
  int in = input_file(input);
  int p[2];
  if (pipe2(p, O_CLOEXEC) != 0) {
    int e = errno;
    close(in);
    throw ContainedError(Kind::crashed, "无法创建管道", e);
  }
  std::vector<std::string> words{program.string(), limits_argument(limits)};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int spawned;
  {
    SpawnSetup setup(in, p[1]);
    spawned = posix_spawn(&pid, argv[0], &setup.actions, &setup.attributes, argv.data(), environ);
  }
  close(in);
  close(p[1]);
  if (spawned != 0) {
    close(p[0]);
    throw ContainedError(Kind::crashed, "无法启动 " + program.string(), spawned);
  }
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
