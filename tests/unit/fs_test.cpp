#include "io/fs.hpp"

#include <catch2/catch.hpp>

#include "model/diagnostic.hpp"
#include "temp_dir.hpp"

using namespace minsheng;

TEST_CASE("atomic writes replace the whole file and leave no temporary behind") {
  test::TempDir t;
  auto p = t.path() / "2024-06" / "summary.md";
  write_file_atomic(p, "old");
  write_file_atomic(p, "new content");
  CHECK(read_file(p) == "new content");
  std::size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(p.parent_path()))
    n += e.is_regular_file();
  CHECK(n == 1);
}

TEST_CASE("a failed write leaves the earlier output intact") {
  test::TempDir t;
  auto p = t.path() / "summary.md";
  write_file_atomic(p, "earlier");
  // A directory where the second file should go makes the pair fail before either is replaced.
  std::filesystem::create_directories(t.path() / "summary.csv" / "blocker");
  CHECK_THROWS_AS(write_file_atomic_pair(p, "newer", t.path() / "summary.csv", "x"), IoError);
  CHECK(read_file(p) == "earlier");
  std::size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(t.path())) n += e.is_regular_file();
  CHECK(n == 1);  // no temporary left behind
}
