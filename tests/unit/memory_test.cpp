#include "util/memory.hpp"

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstring>
#include <memory>
#include <thread>
#include <vector>

using namespace minsheng;

namespace {

long resident_mb() {
  long pages = 0;
  if (std::FILE* f = std::fopen("/proc/self/statm", "r")) {
    long size = 0;
    if (std::fscanf(f, "%ld %ld", &size, &pages) != 2) pages = 0;
    std::fclose(f);
  }
  return pages * 4096 / (1 << 20);
}

}  // namespace

TEST_CASE("memory a worker thread allocated and the main thread let go is given back") {
  // 96 MB in 1 KB blocks, made on a thread of its own (its own arena, as a reading's parse
  // threads have), every 64th kept: what is freed between them stays with the arena until it
  // is given back.
  constexpr std::size_t kBlocks = 96 * 1024, kSize = 1024, kKeepEvery = 64;
  std::vector<std::unique_ptr<char[]>> blocks(kBlocks);
  std::thread([&] {
    for (std::size_t i = 0; i < kBlocks; ++i) {
      blocks[i].reset(new char[kSize]);
      std::memset(blocks[i].get(), static_cast<int>(i % 251), kSize);
    }
  }).join();
  for (std::size_t i = 0; i < kBlocks; ++i)
    if (i % kKeepEvery != 0) blocks[i].reset();
  long before = resident_mb();
  give_back_free_memory();
  long after = resident_mb();
  // What was kept is untouched.
  for (std::size_t i = 0; i < kBlocks; i += kKeepEvery) {
    REQUIRE(blocks[i]);
    CHECK(blocks[i][0] == static_cast<char>(i % 251));
    CHECK(blocks[i][kSize - 1] == static_cast<char>(i % 251));
  }
#if !defined(__SANITIZE_ADDRESS__)  // ASan's allocator is not glibc's: nothing to trim there
  INFO("resident before " << before << " MB, after " << after << " MB");
  CHECK(before - after >= 48);  // of the 94.5 MB let go, whole pages between the kept blocks
#else
  CHECK(after <= before + 1);
#endif
}
