// Work spread over the cores, with results that never depend on how many there are.
#pragma once
#include <cstddef>
#include <functional>

namespace minsheng {

// How many threads parallel_for uses: 0 (the default) is one per core, 1 is none.
void set_threads(unsigned threads);
unsigned thread_setting();

// Calls f(i) for every i in [0, n), each exactly once, on up to the set number of threads,
// `grain` consecutive indexes at a time. f must write only what index i owns, so that the
// result is the same for any number of threads. The first exception is rethrown here, after
// every thread has stopped.
void parallel_for(std::size_t n, const std::function<void(std::size_t)>& f, std::size_t grain = 1);

}  // namespace minsheng
