#include "util/contained.hpp"

#include <sys/wait.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <thread>
#include <vector>

using minsheng::ContainedError;
using minsheng::ContainLimits;
using Kind = ContainedError::Kind;

namespace {

std::string probe(const std::vector<std::string>& args, const ContainLimits& limits = {}) {
  return minsheng::run_contained(MINSHENG_CONTAINED_PROBE, args, limits);
}

// The kind and message of the failure run_contained reports, or "no failure".
std::pair<Kind, std::string> failure_of(const std::vector<std::string>& args,
                                        const ContainLimits& limits = {}) {
  try {
    probe(args, limits);
  } catch (const ContainedError& e) {
    return {e.kind(), e.what()};
  }
  FAIL("the contained work did not fail");
  return {};
}

}  // namespace

TEST_CASE("contained work returns its bytes whole, NULs and all") {
  std::string big = probe({"bytes", std::to_string(3u << 20)});
  REQUIRE(big.size() == 3u << 20);
  CHECK(big[16] == 'x');
  CHECK(big[17] == '\0');
  CHECK(big.back() == 'y');
  CHECK(probe({"bytes", "0"}).empty());
  CHECK(probe({"echo", "团市委.xls"}) == "团市委.xls");
}

TEST_CASE("contained work inherits no descriptor but the standard three") {
  // A descriptor this process holds open without close-on-exec (a folder's lock, a file).
  std::FILE* held = std::tmpfile();
  REQUIRE(held);
  CHECK(probe({"descriptors"}) == "0 1 2");
  std::fclose(held);
}

TEST_CASE("contained work reads its input as a file, by name and from any place") {
  std::string book("\xD0\xCF\x11\xE0\0BIFF", 9);
  CHECK(minsheng::run_contained(MINSHENG_CONTAINED_PROBE, {"input"}, {}, book) == "9:" + book);
  CHECK(probe({"input"}) == "0:");  // no input: an empty file
}

TEST_CASE("contained work runs beside other threads, several at once") {
  // A forked child could wait for ever on a lock a thread held at the fork: a spawned program
  // starts afresh, so the readers of a month's files may each start one.
  std::atomic<int> right{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5; ++i) {
        std::string word = std::to_string(t) + "-" + std::to_string(i);
        if (probe({"echo", word}) == word) ++right;
      }
    });
  for (auto& t : threads) t.join();
  CHECK(right == 20);
}

TEST_CASE("contained work that throws comes back with its message") {
  auto [kind, message] = failure_of({"throw", "工作表为空"});
  CHECK(kind == Kind::failed);
  CHECK(message == "工作表为空");
}

TEST_CASE("a crash in contained work costs that work only, and the next runs") {
  auto [kind, message] = failure_of({"segv"});
  CHECK(kind == Kind::crashed);
#if defined(__SANITIZE_ADDRESS__)
  CHECK(message.rfind("异常", 0) == 0);  // ASan reports the crash, then aborts or exits
#else
  CHECK(message == "异常终止（信号 11）");
#endif
  CHECK(probe({"echo", "之后照常"}) == "之后照常");
  auto aborted = failure_of({"abort"});
  CHECK(aborted.first == Kind::crashed);
  CHECK(aborted.second == "异常终止（信号 6）");
}

TEST_CASE("contained work that runs too long is stopped, by CPU time or by the clock") {
  ContainLimits limits;
  limits.cpu_seconds = 1;
  auto spin = failure_of({"spin"}, limits);
  CHECK(spin.first == Kind::limit);
  CHECK(spin.second.find("CPU 时间超过 1 秒") != std::string::npos);

  limits.wall_seconds = 1;
  auto sleeper = failure_of({"sleep"}, limits);
  CHECK(sleeper.first == Kind::limit);
  CHECK(sleeper.second == "超过 1 秒仍未完成");
}

TEST_CASE("a contained result larger than allowed is refused") {
  ContainLimits limits;
  limits.max_result_bytes = 1u << 20;
  auto [kind, message] = failure_of({"bytes", std::to_string((1u << 20) + 2)}, limits);
  CHECK(kind == Kind::limit);
  CHECK(message == "结果超过 1 MB");
  CHECK(probe({"bytes", std::to_string(1u << 20)}, limits).size() == 1u << 20);
}

TEST_CASE("a program that cannot be started is the machine's error, with its errno") {
  try {
    minsheng::run_contained("/nonexistent/minsheng-xls", {"x"}, {});
    FAIL("started");
  } catch (const ContainedError& e) {
    CHECK(e.kind() == Kind::crashed);
    CHECK(e.error_number() == ENOENT);
    CHECK(std::string(e.what()) == "无法启动 /nonexistent/minsheng-xls");
  }
}

TEST_CASE("a contained program run by hand, without the parent's limits, does no work") {
  // Its work would run without a CPU or memory limit, and answer no one.
  int status = std::system((std::string(MINSHENG_CONTAINED_PROBE) + " echo hi >/dev/null").c_str());
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 2);
}

#if !defined(__SANITIZE_ADDRESS__)
TEST_CASE("contained work that allocates past its memory limit fails, and the parent does not") {
  ContainLimits limits;
  limits.memory_bytes = 64u << 20;
  auto [kind, message] = failure_of({"allocate", "512"}, limits);
  CHECK(kind == Kind::limit);
  CHECK(message == "内存超过 64 MB");
  CHECK(probe({"allocate", "32"}, limits) == "x");  // below the limit
  std::vector<char> here(512u << 20, 'x');          // the parent's own limit is untouched
  CHECK(here.back() == 'x');
}
#endif
