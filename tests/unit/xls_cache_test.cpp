#include "io/xls_cache.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>

#include "io/fs.hpp"
#include "io/workbook.hpp"
#include "io/xls.hpp"
#include "model/diagnostic.hpp"
#include "temp_dir.hpp"

using minsheng::XlsCache;
namespace fs = std::filesystem;

namespace {

// The one entry file in the cache folder.
fs::path only_entry(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
  REQUIRE(files.size() == 1);
  return files[0];
}

// Sets an environment variable for one scope, and puts the old value back.
class Env {
 public:
  Env(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    setenv(name, value.c_str(), 1);
  }
  ~Env() {
    if (old_)
      setenv(name_, old_->c_str(), 1);
    else
      unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

std::vector<std::string> cells(const minsheng::Workbook& wb) {
  std::vector<std::string> out;
  for (const auto& s : wb.sheets)
    for (const auto& r : s.rows)
      for (const auto& c : r.cells)
        out.push_back(s.name + "!" + minsheng::cell_ref(r.row, c.col) + "=" + c.text);
  return out;
}

}  // namespace

TEST_CASE("an .xls cache gives back what was stored for the very same bytes only") {
  minsheng::test::TempDir t;
  XlsCache cache(t.path() / "xls", "reader-1");
  std::string source("\xD0\xCF\x11\xE0 workbook", 13), packed("cells\0and more", 14);
  CHECK_FALSE(cache.find(source));
  cache.store(source, packed);
  CHECK(cache.find(source) == packed);
  // The same size and one byte changed: not this entry, whatever its name.
  std::string other = source;
  other.back() = 'x';
  CHECK_FALSE(cache.find(other));
  // Another reader's cells are not this reader's.
  CHECK_FALSE(XlsCache(t.path() / "xls", "reader-2").find(source));
  // Only this user may read it: it holds the units' figures.
  struct stat st;
  REQUIRE(stat((t.path() / "xls").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
  REQUIRE(stat(only_entry(t.path() / "xls").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("an .xls cache entry cut short or changed is not used") {
  minsheng::test::TempDir t;
  XlsCache cache(t.path(), "r");
  std::string source = "source bytes", packed = "packed cells";
  cache.store(source, packed);
  fs::path entry = only_entry(t.path());
  std::string whole = minsheng::read_file(entry);
  std::ofstream(entry, std::ios::binary | std::ios::trunc) << whole.substr(0, whole.size() - 3);
  CHECK_FALSE(cache.find(source));
  std::string changed = whole;
  changed[changed.find("source") + 1] = 'X';
  std::ofstream(entry, std::ios::binary | std::ios::trunc) << changed;
  CHECK_FALSE(cache.find(source));
  cache.store(source, packed);  // read afresh and stored again
  CHECK(cache.find(source) == packed);
}

TEST_CASE("an .xls cache that cannot be written is only not there") {
  XlsCache nowhere("/dev/null/xls", "r");
  nowhere.store("a", "b");  // no throw
  CHECK_FALSE(nowhere.find("a"));
  CHECK_FALSE(XlsCache({}, "r").find("a"));
}

TEST_CASE("an .xls read once is read from the cache the next time, without minsheng-xls") {
  minsheng::test::TempDir t;
  Env cache_home("XDG_CACHE_HOME", (t.path() / "cache").string());
  // minsheng-xls behind a script that counts how often it is started.
  fs::path count = t.path() / "started";
  fs::path counting =
      t.write("counting-xls", "#!/bin/sh\necho x >> '" + count.string() + "'\nexec '" +
                                  minsheng::xls_helper().string() + "' \"$@\"\n");
  fs::permissions(counting, fs::perms::owner_all);
  Env helper("MINSHENG_XLS_HELPER", counting.string());
  auto started = [&] { return fs::exists(count) ? minsheng::read_file(count).size() / 2 : 0; };
  std::string bytes =
      minsheng::read_file(std::string(MINSHENG_SOURCE_DIR) + "/tests/data/workbooks/form-lo.xls");
  auto first = cells(minsheng::read_xls(bytes, "团市委.xls"));
  REQUIRE(first.size() > 20);
  CHECK(first[0] == "填表说明!A1=本表由牵头单位填写，任务编号见计划文件。");
  CHECK(started() == 1);
  CHECK(cells(minsheng::read_xls(bytes, "团市委.xls")) == first);
  CHECK(started() == 1);
  // Other bytes are read by the program.
  std::string other = bytes + std::string(512, '\0');
  CHECK(cells(minsheng::read_xls(other, "团市委.xls")) == first);
  CHECK(started() == 2);
  // The cache is the user's, in XDG_CACHE_HOME.
  std::size_t entries = 0;
  for (const auto& e : fs::directory_iterator(t.path() / "cache" / "minsheng" / "xls"))
    entries += e.is_regular_file();
  CHECK(entries == 2);
}

TEST_CASE("an .xls cache over its size lets its least recently used entries go") {
  minsheng::test::TempDir t;
  std::string packed(1000, 'p');
  // Room for about four entries of 1,000 bytes and their sources.
  XlsCache cache(t.path(), "r", 4500);
  for (int i = 0; i < 6; ++i) {
    cache.store("source " + std::to_string(i), packed);
    // Each a second older than the next: file times are what "recently" means.
    auto when = fs::file_time_type::clock::now() - std::chrono::seconds(100 - i);
    for (const auto& e : fs::directory_iterator(t.path()))
      if (minsheng::read_file(e.path()).find("source " + std::to_string(i)) != std::string::npos)
        fs::last_write_time(e.path(), when);
  }
  CHECK(cache.find("source 0"));  // used now: the most recent of all
  t.write("abc.tmp-1", "left by a killed run");
  fs::last_write_time(t.path() / "abc.tmp-1",
                      fs::file_time_type::clock::now() - std::chrono::hours(25));
  cache.prune();
  // Three quarters of 4,500 bytes hold three entries: 0 (just used), 4 and 5 (the newest).
  CHECK(cache.find("source 0"));
  CHECK_FALSE(cache.find("source 1"));
  CHECK_FALSE(cache.find("source 2"));
  CHECK_FALSE(cache.find("source 3"));
  CHECK(cache.find("source 4"));
  CHECK(cache.find("source 5"));
  CHECK_FALSE(fs::exists(t.path() / "abc.tmp-1"));
}
