#include "util/parallel.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace minsheng;

namespace {
// Restores the default, so no other test runs with this test's setting.
struct ThreadSetting {
  explicit ThreadSetting(unsigned n) { set_threads(n); }
  ~ThreadSetting() { set_threads(0); }
};
}  // namespace

TEST_CASE("parallel_for calls every index exactly once, whatever the threads and grain") {
  for (unsigned threads : {1u, 2u, 3u, 8u})
    for (std::size_t grain : {std::size_t{1}, std::size_t{7}, std::size_t{1000}}) {
      ThreadSetting setting(threads);
      INFO(threads << " threads, grain " << grain);
      std::vector<std::atomic<int>> calls(1001);
      parallel_for(
          calls.size(), [&](std::size_t i) { ++calls[i]; }, grain);
      for (std::size_t i = 0; i < calls.size(); ++i) REQUIRE(calls[i] == 1);
    }
  std::vector<int> none;
  parallel_for(0, [&](std::size_t) { none.push_back(1); });
  CHECK(none.empty());
}

TEST_CASE("parallel_for with one thread runs in order on the caller") {
  ThreadSetting setting(1);
  std::vector<std::size_t> order;
  auto caller = std::this_thread::get_id();
  bool elsewhere = false;
  parallel_for(50, [&](std::size_t i) {
    order.push_back(i);
    elsewhere = elsewhere || std::this_thread::get_id() != caller;
  });
  REQUIRE(order.size() == 50);
  for (std::size_t i = 0; i < order.size(); ++i) CHECK(order[i] == i);
  CHECK_FALSE(elsewhere);
}

TEST_CASE("parallel_for rethrows a worker's exception on the caller once all have stopped") {
  ThreadSetting setting(4);
  std::atomic<int> running{0}, done{0};
  auto boom = [&] {
    parallel_for(
        400,
        [&](std::size_t i) {
          ++running;
          if (i == 123) throw std::runtime_error("第 123 项出错");
          ++done;
          --running;
        },
        1);
  };
  CHECK_THROWS_WITH(boom(), "第 123 项出错");
  CHECK(running == 1);  // only the one that threw never finished; every other call returned
  CHECK(done < 400);
}

TEST_CASE("parallel_append keeps what is there and adds every item in index order") {
  auto numbers = [](unsigned threads) {
    ThreadSetting setting(threads);
    std::string out = "前缀|";
    parallel_append(
        out, 10000, [](std::string& block, std::size_t i) { block += std::to_string(i) + ","; }, 6);
    return out;
  };
  std::string expected = "前缀|";
  for (int i = 0; i < 10000; ++i) expected += std::to_string(i) + ",";
  CHECK(numbers(1) == expected);
  CHECK(numbers(4) == expected);  // 10,000 items are three blocks of 4,096 on four threads
  std::string untouched = "x";
  parallel_append(untouched, 0, [](std::string& block, std::size_t) { block += "never"; });
  CHECK(untouched == "x");
}

TEST_CASE("Background runs one piece at a time beside the caller and hands back its exception") {
  for (unsigned threads : {1u, 2u}) {
    INFO(threads << " threads");
    ThreadSetting setting(threads);
    Background work;
    std::vector<int> done;
    for (int i = 0; i < 5; ++i) work.run([&done, i] { done.push_back(i); });  // each waits
    work.wait();
    CHECK(done == std::vector<int>{0, 1, 2, 3, 4});
    auto caller = std::this_thread::get_id();
    bool inline_run = false;
    work.run([&] { inline_run = std::this_thread::get_id() == caller; });
    work.wait();
    CHECK(inline_run == (threads == 1));  // one thread: in the caller
    auto boom = [&] {
      work.run([] { throw std::runtime_error("合并出错"); });
      work.wait();
    };
    CHECK_THROWS_WITH(boom(), "合并出错");
    CHECK_NOTHROW(work.wait());  // handed back once
  }
}
