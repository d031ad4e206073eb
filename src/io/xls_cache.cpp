#include "io/xls_cache.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#include "io/fs.hpp"
#include "model/diagnostic.hpp"

namespace minsheng {

namespace {

namespace fs = std::filesystem;

// FNV-1a names an entry; the bytes kept in it decide whether it is this file's.
std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = 14695981039346656037ull) {
  for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
  return h;
}

std::string hex(std::uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

constexpr std::size_t kMaxEntry = std::size_t{512} << 20;

}  // namespace

XlsCache::XlsCache(fs::path dir, std::string reader, std::uintmax_t max_bytes)
    : dir_(std::move(dir)), reader_(std::move(reader)), max_bytes_(max_bytes) {}

// An entry: a header line naming the format, the reader and both sizes; the source's bytes; the
// packed cells.
std::string XlsCache::header(std::string_view source, std::size_t packed_size) const {
  return "minsheng-xls-cache 1 " + reader_ + " " + std::to_string(source.size()) + " " +
         std::to_string(packed_size) + "\n";
}

fs::path XlsCache::entry(std::string_view source) const {
  return dir_ / (hex(fnv1a(source, fnv1a(reader_))) + "-" + std::to_string(source.size()));
}

std::optional<std::string> XlsCache::find(std::string_view source) const {
  if (dir_.empty()) return std::nullopt;
  fs::path path = entry(source);
  std::optional<std::string> bytes;
  try {
    bytes = read_file(path);
  } catch (const IoError&) {  // none yet, or unreadable: read afresh
    return std::nullopt;
  } catch (const DataError&) {  // not a plain file
    return std::nullopt;
  }
  std::string_view rest(*bytes);
  std::size_t eol = rest.find('\n');
  if (eol == std::string_view::npos) return std::nullopt;
  std::size_t packed_size = rest.size() - eol - 1 - std::min(rest.size() - eol - 1, source.size());
  if (rest.substr(0, eol + 1) != header(source, packed_size)) return std::nullopt;
  rest.remove_prefix(eol + 1);
  if (rest.substr(0, source.size()) != source) return std::nullopt;
  ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0);  // used now: pruned last
  return std::string(rest.substr(source.size()));
}

void XlsCache::store(std::string_view source, std::string_view packed) const {
  if (dir_.empty() || source.size() + packed.size() > kMaxEntry) return;
  std::error_code ec;
  fs::create_directories(dir_, ec);
  struct stat st;
  // Only a folder of this user's that no one else may read: else nothing is kept.
  if (::lstat(dir_.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::geteuid()) return;
  if ((st.st_mode & 077) != 0 && ::chmod(dir_.c_str(), 0700) != 0) return;
  fs::path target = entry(source);
  // Not write_file_atomic: an entry needs no fsync (one cut short is read afresh), and a first
  // run of a province's .xls files would wait on thousands.
  fs::path temp = target;
  temp += ".tmp-" + hex(std::random_device{}());
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return;
  bool whole = true;
  std::string head = header(source, packed.size());
  for (std::string_view part : {std::string_view(head), source, packed})
    while (whole && !part.empty()) {
      ssize_t n = ::write(fd, part.data(), part.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0)
        whole = false;
      else
        part.remove_prefix(static_cast<std::size_t>(n));
    }
  // No fsync: an entry cut short by a crash does not match its header and is read afresh.
  if (::close(fd) != 0) whole = false;
  if (!whole || ::rename(temp.c_str(), target.c_str()) != 0)
    ::unlink(temp.c_str());
  else if (fnv1a(target.filename().string()) % 64 == 0)
    prune();
}

void XlsCache::prune() const {
  struct Entry {
    fs::file_time_type used;
    std::uintmax_t bytes;
    fs::path path;
  };
  std::vector<Entry> entries;
  std::uintmax_t total = 0;
  std::error_code ec;
  auto now = fs::file_time_type::clock::now();
  for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code e;
    if (!it->is_regular_file(e)) continue;
    Entry x{it->last_write_time(e), it->file_size(e), it->path()};
    if (e) continue;
    // A temporary no run has finished within a day was left by a killed one.
    if (x.path.filename().string().find(".tmp-") != std::string::npos) {
      if (now - x.used > std::chrono::hours(24)) fs::remove(x.path, e);
      continue;
    }
    total += x.bytes;
    entries.push_back(std::move(x));
  }
  if (total <= max_bytes_) return;
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.used < b.used; });
  for (const Entry& x : entries) {
    if (total <= max_bytes_ / 4 * 3) break;
    std::error_code e;
    if (fs::remove(x.path, e)) total -= x.bytes;
  }
}

XlsCache XlsCache::user(std::string reader) {
  fs::path base;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/')
    base = xdg;
  else if (const char* home = std::getenv("HOME"); home && *home == '/')
    base = fs::path(home) / ".cache";
  // Without a reader to name (minsheng-xls not found), no entry can be told to be its.
  bool none = base.empty() || reader.empty();
  return XlsCache(none ? fs::path() : base / "minsheng" / "xls", std::move(reader));
}

}  // namespace minsheng
