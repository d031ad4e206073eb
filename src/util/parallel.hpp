// Work spread over the cores, with results that never depend on how many there are.
#pragma once
#include <cstddef>
#include <functional>
#include <string>

namespace minsheng {

// How many threads parallel_for uses: 0 (the default) is one per core, 1 is none.
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

}  // namespace minsheng
