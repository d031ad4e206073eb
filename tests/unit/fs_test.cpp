#include "io/fs.hpp"

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <thread>

#include "model/diagnostic.hpp"
#include "temp_dir.hpp"

using namespace minsheng;

TEST_CASE("read_file: a file whole, whatever its size, a pipe to its end, a folder refused") {
  test::TempDir t;
  std::string big;
  for (int i = 0; big.size() < 200'003; ++i) big += std::to_string(i) + "行,";
  big.resize(200'003);
  write_file_atomic(t.path() / "big.csv", big);
  CHECK(read_file(t.path() / "big.csv") == big);
  write_file_atomic(t.path() / "empty.csv", "");
  CHECK(read_file(t.path() / "empty.csv").empty());
  // A pipe has no size to read up to (as `diff <(…) b.csv` hands one over): read until it ends.
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  std::thread writer([&] {
    std::size_t done = 0;
    while (done < big.size()) {
      ssize_t n = write(fds[1], big.data() + done, big.size() - done);
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    close(fds[1]);
  });
  std::string via_pipe = read_input("/dev/fd/" + std::to_string(fds[0]));
  writer.join();
  close(fds[0]);
  CHECK(via_pipe == big);
  try {
    read_file(t.path());
    FAIL("read a folder");
  } catch (const IoError& e) {
    CHECK(std::string(e.what()).ends_with("是一个目录，不是文件"));
  }
}

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

namespace {

std::size_t entries_in(const std::filesystem::path& dir) {
  std::size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) n += !e.is_directory();
  return n;
}

// Makes every write past `bytes` fail for real (EFBIG), as a full disk would, for one scope.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    getrlimit(RLIMIT_FSIZE, &old_);
    old_handler_ = std::signal(SIGXFSZ, SIG_IGN);
    rlimit lim = old_;
    lim.rlim_cur = bytes;
    setrlimit(RLIMIT_FSIZE, &lim);
  }
  ~FileSizeLimit() {
    setrlimit(RLIMIT_FSIZE, &old_);
    std::signal(SIGXFSZ, old_handler_);
  }

 private:
  rlimit old_{};
  void (*old_handler_)(int) = nullptr;
};

}  // namespace

TEST_CASE("a write that fails for real leaves the old file and no temporary behind") {
  test::TempDir t;
  auto p = t.path() / "summary.md";
  write_file_atomic(p, "earlier");
  {
    FileSizeLimit limit(64);
    CHECK_THROWS_AS(write_file_atomic(p, std::string(4096, 'x')), IoError);
  }
  CHECK(read_file(p) == "earlier");
  CHECK(entries_in(t.path()) == 1);
}

TEST_CASE("a pair whose second file fails leaves both old files and no temporary") {
  test::TempDir t;
  auto md = t.path() / "summary.md", csv = t.path() / "summary.csv";
  write_file_atomic_pair(md, "old md", csv, "old csv");
  {
    FileSizeLimit limit(64);
    CHECK_THROWS_AS(write_file_atomic_pair(md, "small", csv, std::string(4096, 'x')), IoError);
  }
  CHECK(read_file(md) == "old md");
  CHECK(read_file(csv) == "old csv");
  CHECK(entries_in(t.path()) == 2);
}

TEST_CASE("an output path that is a device, a FIFO or a symlink is never replaced") {
  test::TempDir t;
  auto target = t.write("elsewhere.md", "not minsheng's");
  auto link = t.path() / "summary.md";
  std::filesystem::create_symlink(target, link);
  CHECK_THROWS_AS(write_file_atomic(link, "x"), IoError);
  CHECK(std::filesystem::is_symlink(link));
  CHECK(read_file(target) == "not minsheng's");
  auto fifo = t.path() / "summary.csv";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  try {
    write_file_atomic(fifo, "x");
    FAIL("expected IoError");
  } catch (const IoError& e) {
    CHECK(e.path() == fifo.string());
    CHECK(e.reason() == "不是普通文件，不会覆盖");
  }
  CHECK(std::filesystem::is_fifo(fifo));
  CHECK_THROWS_AS(write_file_atomic_pair(t.path() / "a.md", "a", link, "b"), IoError);
  CHECK_FALSE(std::filesystem::exists(t.path() / "a.md"));
}

TEST_CASE("system errors are explained in Chinese") {
  CHECK(io_reason(ENOENT) == "文件或目录不存在");
  CHECK(io_reason(EACCES) == "没有权限");
  CHECK(io_reason(EPERM) == "没有权限");
  CHECK(io_reason(EISDIR) == "这是一个目录");
  CHECK(io_reason(ENOTDIR) == "路径中有一部分不是目录");
  CHECK(io_reason(ENOSPC) == "磁盘空间不足");
  CHECK(io_reason(EROFS) == "文件系统只读");
  CHECK(io_reason(EFBIG) == "文件超过允许的大小");
  CHECK(io_reason(EIO) == "磁盘读写出错");
  CHECK(io_reason(EXDEV).rfind("系统错误：", 0) == 0);
}

TEST_CASE("write_dir_atomic replaces only a new, empty or marked folder") {
  test::TempDir t;
  const std::string marker = ".made-by-test";
  std::vector<std::pair<std::string, std::string>> files = {{"index.html", "new"}};
  // A folder of someone's files is refused whole, and not one of them is touched.
  t.write("home/notes.txt", "mine");
  try {
    write_dir_atomic(t.path() / "home", files, marker);
    FAIL("a folder without the marker was replaced");
  } catch (const UsageError& e) {
    CHECK(std::string(e.what()).find("不是 minsheng 生成的看板目录，拒绝覆盖") !=
          std::string::npos);
  }
  CHECK(read_file(t.path() / "home" / "notes.txt") == "mine");
  CHECK(!std::filesystem::exists(t.path() / "home" / "index.html"));
  // New and empty folders are written, with the marker, and then may be replaced again.
  write_dir_atomic(t.path() / "site", files, marker);
  CHECK(std::filesystem::exists(t.path() / "site" / marker));
  std::filesystem::create_directory(t.path() / "empty");
  write_dir_atomic(t.path() / "empty", files, marker);
  CHECK(read_file(t.path() / "empty" / "index.html") == "new");
  write_dir_atomic(t.path() / "site", {{"index.html", "newer"}}, marker);
  CHECK(read_file(t.path() / "site" / "index.html") == "newer");
  // require_own_dir says the same before any work is done.
  CHECK_THROWS_AS(require_own_dir(t.path() / "home", marker), UsageError);
  CHECK_NOTHROW(require_own_dir(t.path() / "site", marker));
  CHECK_NOTHROW(require_own_dir(t.path() / "nowhere", marker));
  CHECK_THROWS_AS(require_own_dir(t.path() / "home" / "notes.txt", marker), IoError);
}

TEST_CASE("a DirSwap not committed leaves the old folder, and no temporary beside it") {
  test::TempDir t;
  const std::string marker = ".made-by-test";
  write_dir_atomic(t.path() / "site", {{"index.html", "old"}}, marker);
  {
    DirSwap swap(t.path() / "site", marker);
    swap.add("index.html", "new");
    swap.add("page.html", "half");
    CHECK_THROWS_AS(swap.add("page.html", "again"), IoError);  // a name is written once
  }  // a failure before commit: the swap goes out of scope
  CHECK(read_file(t.path() / "site" / "index.html") == "old");
  CHECK_FALSE(std::filesystem::exists(t.path() / "site" / "page.html"));
  for (const auto& e : std::filesystem::directory_iterator(t.path()))
    CHECK(e.path().filename().string().find("minsheng-tmp") == std::string::npos);
  DirSwap swap(t.path() / "site", marker);
  swap.add("index.html", "new");
  swap.commit();
  CHECK(read_file(t.path() / "site" / "index.html") == "new");
  CHECK(std::filesystem::exists(t.path() / "site" / marker));
}
