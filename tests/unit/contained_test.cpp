#include "util/contained.hpp"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <thread>
#include <vector>

using minsheng::ContainedError;
using minsheng::ContainLimits;
using minsheng::run_contained;
using Kind = ContainedError::Kind;

namespace {

// The kind and message of the failure run_contained reports, or "no failure".
std::pair<Kind, std::string> failure_of(const std::function<std::string()>& work,
                                        const ContainLimits& limits = {}) {
  try {
    run_contained(work, limits);
  } catch (const ContainedError& e) {
    return {e.kind(), e.what()};
  }
  FAIL("the contained work did not fail");
  return {};
}

}  // namespace

TEST_CASE("contained work returns its bytes whole, NULs and all") {
  std::string big(3u << 20, 'x');
  big[17] = '\0';
  big.back() = 'y';
  CHECK(run_contained([&] { return big; }, {}) == big);
  CHECK(run_contained([] { return std::string(); }, {}).empty());
}

TEST_CASE("a fork beside another thread is counted, one from a lone thread is not") {
  unsigned before = minsheng::forks_beside_threads();
  CHECK(run_contained([] { return std::string("独自"); }, {}) == "独自");
  CHECK(minsheng::forks_beside_threads() == before);
  std::atomic<bool> stop{false};
  std::thread busy([&] {
    while (!stop) std::this_thread::yield();
  });
  CHECK(run_contained([] { return std::string("旁有线程"); }, {}) == "旁有线程");
  stop = true;
  busy.join();
  CHECK(minsheng::forks_beside_threads() == before + 1);
}

TEST_CASE("contained work that throws comes back with its message") {
  auto [kind, message] =
      failure_of([]() -> std::string { throw std::runtime_error("工作表为空"); });
  CHECK(kind == Kind::failed);
  CHECK(message == "工作表为空");
}

TEST_CASE("a crash in contained work costs that work only, and the next runs") {
  auto [kind, message] = failure_of([]() -> std::string {
    raise(SIGSEGV);
    return "never";
  });
  CHECK(kind == Kind::crashed);
  CHECK(message.find("异常") != std::string::npos);
  CHECK(run_contained([] { return std::string("之后照常"); }, {}) == "之后照常");

  auto aborted = failure_of([]() -> std::string { std::abort(); });
  CHECK(aborted.first == Kind::crashed);
}

TEST_CASE("contained work that runs too long is stopped, by CPU time or by the clock") {
  ContainLimits limits;
  limits.cpu_seconds = 1;
  auto spin = failure_of(
      []() -> std::string {
        volatile unsigned long sink = 0;
        for (unsigned long i = 0;; ++i) sink = sink + i;
      },
      limits);
  CHECK(spin.first == Kind::limit);
  CHECK(spin.second.find("CPU 时间超过 1 秒") != std::string::npos);

  limits.wall_seconds = 1;
  auto sleeper = failure_of(
      []() -> std::string {
        sleep(30);
        return "late";
      },
      limits);
  CHECK(sleeper.first == Kind::limit);
  CHECK(sleeper.second == "超过 1 秒仍未完成");
}

TEST_CASE("a contained result larger than allowed is refused") {
  ContainLimits limits;
  limits.max_result_bytes = 1u << 20;
  auto [kind, message] = failure_of([] { return std::string((1u << 20) + 2, 'x'); }, limits);
  CHECK(kind == Kind::limit);
  CHECK(message == "结果超过 1 MB");
  CHECK(run_contained([] { return std::string((1u << 20), 'x'); }, limits).size() == 1u << 20);
}

#if !defined(__SANITIZE_ADDRESS__)
TEST_CASE("contained work that allocates past its memory limit fails, and the parent does not") {
  ContainLimits limits;
  limits.memory_bytes = 64u << 20;
  auto [kind, message] = failure_of(
      [] {
        std::vector<char> huge(512u << 20, 'x');
        return std::string(huge.data(), 1);
      },
      limits);
  CHECK(kind == Kind::limit);
  CHECK(message == "内存超过 64 MB");
  std::vector<char> here(512u << 20, 'x');  // the parent's own limit is untouched
  CHECK(here.back() == 'x');
}
#endif
