#include "util/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace minsheng {
namespace {
std::atomic<unsigned> g_threads{0};
}  // namespace

void set_threads(unsigned threads) {
  g_threads = threads;
}

unsigned thread_setting() {
  return g_threads;
}

namespace {

// Appends the pieces in order, letting each go once copied: the text is not held twice over.
void append_pieces(std::string& out, std::vector<std::string>& pieces) {
  std::size_t size = out.size();
  for (const auto& p : pieces) size += p.size();
  out.reserve(size);
  for (auto& p : pieces) {
    out += p;
    std::string().swap(p);
  }
}

}  // namespace

void parallel_for(std::size_t n, const std::function<void(std::size_t)>& f, std::size_t grain) {
  grain = std::max<std::size_t>(grain, 1);
  unsigned want = g_threads ? g_threads.load() : std::max(1u, std::thread::hardware_concurrency());
  std::size_t chunks = (n + grain - 1) / grain;
  auto threads = static_cast<unsigned>(std::min<std::size_t>(want, chunks));
  if (threads <= 1) {
    for (std::size_t i = 0; i < n; ++i) f(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_lock;
  auto work = [&] {
    for (std::size_t c; (c = next.fetch_add(1)) < chunks;) {
      try {
        for (std::size_t i = c * grain; i < std::min(n, (c + 1) * grain); ++i) f(i);
      } catch (...) {  // rethrown on the calling thread, as a single thread would have thrown
        std::lock_guard<std::mutex> g(failure_lock);
        if (!failure) failure = std::current_exception();
        next = chunks;
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

Background::~Background() {
  if (thread_.joinable()) thread_.join();
}

void Background::run(std::function<void()> work) {
  wait();
  if (g_threads == 1) {
    work();
    return;
  }
  thread_ = std::thread([this, w = std::move(work)] {
    try {
      w();
    } catch (...) {  // rethrown by wait(), on the caller's thread
      failure_ = std::current_exception();
    }
  });
}

void Background::wait() {
  if (thread_.joinable()) thread_.join();
  if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
}

void parallel_append(std::string& out, std::size_t n,
                     const std::function<void(std::string&, std::size_t)>& append,
                     std::size_t row_bytes) {
  constexpr std::size_t kBlock = 4096;
  std::vector<std::string> blocks((n + kBlock - 1) / kBlock);
  parallel_for(blocks.size(), [&](std::size_t b) {
    std::size_t end = std::min(n, (b + 1) * kBlock);
    blocks[b].reserve((end - b * kBlock) * row_bytes);
    for (std::size_t i = b * kBlock; i < end; ++i) append(blocks[b], i);
  });
  append_pieces(out, blocks);
}

}  // namespace minsheng
