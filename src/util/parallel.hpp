// Work spread over the cores, with results that never depend on how many there are.
#pragma once
#include <cstddef>
#include <exception>
#include <functional>
#include <string>
#include <thread>

namespace minsheng {

// How many threads parallel work uses: 0 (the default) is one per core, 1 is none.
void set_threads(unsigned threads);
unsigned thread_setting();

// Calls f(i) for every i in [0, n), each exactly once, on up to the set number of threads,
// `grain` consecutive indexes at a time. f must write only what index i owns, so that the
// result is the same for any number of threads. The first exception is rethrown here, after
// every thread has stopped.
void parallel_for(std::size_t n, const std::function<void(std::size_t)>& f, std::size_t grain = 1);

// Appends to `out` what append(block, i) writes for each i in [0, n), in index order: written in
// blocks on every core and joined in order, so the bytes do not depend on the threads.
// `row_bytes` is a guess of one item's size, to size the blocks.
void parallel_append(std::string& out, std::size_t n,
                     const std::function<void(std::string&, std::size_t)>& append,
                     std::size_t row_bytes = 0);

// Serial work run beside the caller's, on a thread of its own (in the caller, when set to one
// thread): one piece at a time, as run() first waits for the piece before. wait() rethrows what
// the piece threw; the destructor waits and drops it.
class Background {
 public:
  Background() = default;
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;
  ~Background();
  void run(std::function<void()> work);
  void wait();

 private:
  std::thread thread_;
  std::exception_ptr failure_;
};

}  // namespace minsheng
