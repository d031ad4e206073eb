#include "io/fs.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <limits>
#include <utility>
#include <vector>

#include "model/diagnostic.hpp"

namespace minsheng {
// The reasons staff meet, in Chinese; anything rarer keeps the system's words.
std::string io_reason(int err) {
  switch (err) {
    case ENOENT:
      return "文件或目录不存在";
    case EACCES:
    case EPERM:
      return "没有权限";
    case EISDIR:
      return "这是一个目录";
    case ENOTDIR:
      return "路径中有一部分不是目录";
    case ENOSPC:
      return "磁盘空间不足";
    case EROFS:
      return "文件系统只读";
    case EFBIG:
      return "文件超过允许的大小";
    case EIO:
      return "磁盘读写出错";
    case EAGAIN:
      return "系统资源暂时不足（进程数已达上限）";
    case ENOMEM:
      return "内存不足";
    default:
      return std::string("系统错误：") + std::strerror(err);
  }
}

std::vector<std::filesystem::directory_entry> list_dir(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::directory_entry> out;
  auto fail = [&] { throw IoError(dir.string(), "无法读取目录: " + io_reason(ec.value())); };
  fs::directory_iterator it(dir, ec);
  if (ec) fail();
  for (; it != fs::directory_iterator(); it.increment(ec)) out.push_back(*it);
  if (ec) fail();  // an error while reading ends the loop with the error kept
  return out;
}

bool is_dir(const std::filesystem::path& p) {
  namespace fs = std::filesystem;
  std::error_code ec;
  auto st = fs::status(p, ec);
  if (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory)
    throw IoError(p.string(), "无法访问: " + io_reason(ec.value()));
  return st.type() == fs::file_type::directory;
}

namespace {

// One open, one fstat, and reads straight into a string of the file's size: every input passes
// here (an ifstream through a stringstream copied each file three times). A pipe (as
// `diff <(git show …) b.csv` hands one over), or a file that grows while it is read, is read to
// its end all the same. Over `limit` bytes: refused unread. A device (/dev/zero) is never read;
// the open is O_NONBLOCK so that a FIFO no one writes to does not wait for a writer (a read of
// it then ends at once, empty).
std::string read_limited(const std::filesystem::path& path, std::uintmax_t limit) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) throw IoError(path.string(), "无法读取文件: " + io_reason(errno));
  struct Close {
    int fd;
    ~Close() { close(fd); }
  } closing{fd};
  struct stat st {};
  if (fstat(fd, &st) != 0) throw IoError(path.string(), "无法读取文件: " + io_reason(errno));
  if (S_ISDIR(st.st_mode)) throw IoError(path.string(), "是一个目录，不是文件");
  if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode))
    throw DataError(path.string(), 0, 0, "不是普通文件（设备、套接字等），未读取");
  if (S_ISFIFO(st.st_mode)) fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  auto too_large = [&](std::uintmax_t size) {
    return DataError(path.string(), 0, 0,
                     "文件过大（" + std::to_string(size >> 20) + " MB），超过输入文件 " +
                         std::to_string(limit >> 20) + " MB 的上限，未读取");
  };
  std::uintmax_t size = S_ISREG(st.st_mode) ? static_cast<std::uintmax_t>(st.st_size) : 0;
  if (size > limit) throw too_large(size);
  auto read_some = [&](char* to, std::size_t n) {
    for (;;) {
      ssize_t got = read(fd, to, n);
      if (got >= 0) return static_cast<std::size_t>(got);
      if (errno != EINTR) throw IoError(path.string(), "读取文件出错: " + io_reason(errno));
    }
  };
  std::string out(static_cast<std::size_t>(size), '\0');
  std::size_t got = 0;
  while (got < out.size()) {
    std::size_t n = read_some(out.data() + got, out.size() - got);
    if (n == 0) break;  // shorter than it was
    got += n;
  }
  out.resize(got);
  // Read on to the end: a pipe has no size, and a file may have grown.
  char chunk[1 << 16];
  while (std::size_t n = read_some(chunk, sizeof chunk)) {
    out.append(chunk, n);
    if (out.size() > limit) throw too_large(out.size());
  }
  return out;
}

}  // namespace

std::string read_file(const std::filesystem::path& path) {
  return read_limited(path, std::numeric_limits<std::uintmax_t>::max());
}

std::string lower_extension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

std::string read_input(const std::filesystem::path& path) {
  return read_limited(path, kMaxInputBytes);
}

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kTempMark = ".minsheng-tmp-";
constexpr std::string_view kJournalSuffix = ".minsheng-commit";

// A temporary file beside its target, locked while this process owns it: a later run can tell
// a stale one (lockable) from one being written now (locked) and removes only the former.
struct Temp {
  std::string path;
  int fd = -1;
  Temp() = default;
  Temp(const Temp&) = delete;
  Temp& operator=(const Temp&) = delete;
  Temp(Temp&& o) noexcept : path(std::move(o.path)), fd(std::exchange(o.fd, -1)) {}
  ~Temp() {
    if (fd >= 0) {
      close(fd);
      unlink(path.c_str());  // never renamed: not wanted
    }
  }
  // After the rename the name is the target's; only the descriptor is left to close.
  void committed() {
    close(fd);
    fd = -1;
  }
};

void sync_dir(const fs::path& dir) {
  int fd = open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  fsync(fd);
  close(fd);
}

// Writes all of `content`, across short writes and signals; false with errno set on failure.
bool write_fully(int fd, std::string_view content) {
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t n = write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  return true;
}

Temp write_temp(const fs::path& path, std::string_view content) {
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  if (ec) throw IoError(path.parent_path().string(), "无法创建目录: " + io_reason(ec.value()));

  Temp t;
  t.path =
      (path.parent_path() / ("." + path.filename().string() + std::string(kTempMark) + "XXXXXX"))
          .string();
  t.fd = mkstemp(t.path.data());
  if (t.fd < 0) throw IoError(path.string(), "无法创建临时文件: " + io_reason(errno));
  flock(t.fd, LOCK_EX);
  auto fail = [&](const std::string& what) {
    throw IoError(path.string(), what + ": " + io_reason(errno));
  };
  if (!write_fully(t.fd, content)) fail("写入失败");
  if (fchmod(t.fd, 0644) != 0 || fsync(t.fd) != 0) fail("写入失败");
  return t;
}

void commit(Temp& tmp, const fs::path& path) {
  if (rename(tmp.path.c_str(), path.c_str()) != 0)
    throw IoError(path.string(), "无法替换文件: " + io_reason(errno));
  tmp.committed();
}

// The journal of a pair: each line "TEMP\tTARGET". Written (atomically) before the first rename
// and removed after the last, so that a run killed in between leaves a record of what to finish.
fs::path journal_of(const fs::path& first) {
  return first.parent_path() / ("." + first.filename().string() + std::string(kJournalSuffix));
}

// A writer holds its folder locked (flock on the folder) from before it finishes a killed run's
// journal to after its own last rename; another run finishes journals only in a folder it can
// lock. So a live writer's journal and temporaries are never taken for a killed run's, and two
// writers of one folder take turns. The kernel drops a killed writer's lock.
class FolderLock {
 public:
  FolderLock(const fs::path& dir, bool wait)
      : fd_(open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {
    if (fd_ < 0) return;  // an unreadable folder fails later, with its own message
    int rc;
    do rc = flock(fd_, wait ? LOCK_EX : LOCK_EX | LOCK_NB);
    while (rc != 0 && errno == EINTR);
    held_ = rc == 0;
  }
  ~FolderLock() {
    if (fd_ >= 0) close(fd_);
  }
  FolderLock(FolderLock&& o) noexcept : fd_(std::exchange(o.fd_, -1)), held_(o.held_) {}
  FolderLock& operator=(const FolderLock&) = delete;
  // Held, or the folder could not be opened (nothing to contend for).
  bool ours() const { return held_ || fd_ < 0; }

 private:
  int fd_;
  bool held_ = false;
};

void recover_locked(const fs::path& dir);

// A writer's folder: made if need be, then locked for the writer's whole run.
FolderLock lock_for_writing(const fs::path& dir) {
  std::error_code ec;
  if (!dir.empty()) fs::create_directories(dir, ec);
  if (ec) throw IoError(dir.string(), "无法创建目录: " + io_reason(ec.value()));
  FolderLock lock(dir, true);
  recover_locked(dir.empty() ? fs::path(".") : dir);
  return lock;
}

}  // namespace

void recover_outputs(const fs::path& dir) {
  if (!is_dir(dir)) return;  // a folder not made yet has nothing to recover
  FolderLock lock(dir, false);
  if (lock.ours()) recover_locked(dir);  // else a writer is at work there: its files are its own
}

namespace {

void recover_locked(const fs::path& dir) {
  std::error_code ec;
  if (!is_dir(dir)) return;
  const auto entries = list_dir(dir);
  for (const auto& e : entries) {
    std::string name = e.path().filename().string();
    if (name.ends_with(kJournalSuffix) && e.is_regular_file(ec)) {
      // Finish what a killed run had committed to: every temporary still there is renamed.
      std::string text;
      try {
        text = read_file(e.path());
      } catch (const IoError&) {
        continue;
      } catch (const DataError&) {  // not a regular file after all (a symlink to a FIFO)
        continue;
      }
      std::size_t at = 0;
      while (at < text.size()) {
        std::size_t end = text.find('\n', at);
        std::string line = text.substr(at, end - at);
        at = end == std::string::npos ? text.size() : end + 1;
        auto tab = line.find('\t');
        if (tab == std::string::npos) continue;
        // Names only, resolved in this folder: only minsheng's own temporaries, only here.
        fs::path tmp = dir / fs::path(line.substr(0, tab)).filename();
        fs::path target = dir / fs::path(line.substr(tab + 1)).filename();
        if (tmp.filename().string().find(kTempMark) == std::string::npos) continue;
        if (fs::exists(tmp, ec)) rename(tmp.c_str(), target.c_str());
      }
      unlink(e.path().c_str());
      sync_dir(dir);
    }
  }
  for (const auto& e : list_dir(dir)) {  // again: the journals' temporaries are gone now
    std::string name = e.path().filename().string();
    if (!name.starts_with(".") || name.find(kTempMark) == std::string::npos) continue;
    // A temporary nobody holds locked is left over from a killed run. Only a regular file can
    // be one: a FIFO or a device named like it is not minsheng's (opening a FIFO would wait for
    // a writer), and neither is what a symlink points to.
    int fd = open(e.path().c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
    if (fd < 0) continue;
    struct stat st {};
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && flock(fd, LOCK_EX | LOCK_NB) == 0)
      unlink(e.path().c_str());
    close(fd);
  }
}

}  // namespace

// Only a regular file (or nothing) is ever replaced: renaming over a symlink, a device or a FIFO
// would destroy something that is not minsheng's output.
static void require_replaceable(const fs::path& path) {
  std::error_code ec;
  auto st = fs::symlink_status(path, ec);
  if (ec || st.type() == fs::file_type::not_found) return;
  if (st.type() == fs::file_type::directory)
    throw IoError(path.string(), "是一个目录，无法写入文件");
  if (st.type() != fs::file_type::regular) throw IoError(path.string(), "不是普通文件，不会覆盖");
}

void write_file_atomic(const fs::path& path, std::string_view content) {
  require_replaceable(path);
  FolderLock lock = lock_for_writing(path.parent_path());
  Temp t = write_temp(path, content);
  commit(t, path);
  sync_dir(path.parent_path());
}

void write_files_atomic(const std::vector<std::pair<fs::path, std::string>>& files) {
  if (files.empty()) return;
  // Refuse before anything is replaced when a target cannot be replaced at all.
  for (const auto& [path, content] : files) require_replaceable(path);
  const fs::path& first = files.front().first;
  FolderLock lock = lock_for_writing(first.parent_path());
  std::vector<Temp> temps;
  for (const auto& [path, content] : files) temps.push_back(write_temp(path, content));
  fs::path journal = journal_of(first);
  {
    std::string text;
    for (std::size_t i = 0; i < files.size(); ++i)
      text += fs::path(temps[i].path).filename().string() + "\t" +
              files[i].first.filename().string() + "\n";
    Temp tj = write_temp(journal, text);
    commit(tj, journal);
  }
  // Each old file is kept under a second name until the last new one is in place, so a failed
  // rename puts every file back and the set stays the old set.
  std::vector<std::pair<std::string, bool>> backups;  // name, had an old file
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::string backup = temps[i].path + ".old";
    backups.push_back({backup, link(files[i].first.c_str(), backup.c_str()) == 0});
  }
  auto drop = [&] {
    for (const auto& [backup, had] : backups)
      if (had) unlink(backup.c_str());
    unlink(journal.c_str());
    sync_dir(first.parent_path());
  };
  for (std::size_t i = 0; i < files.size(); ++i) {
    try {
      commit(temps[i], files[i].first);
    } catch (...) {
      for (std::size_t k = 0; k < i; ++k) {
        if (backups[k].second)
          rename(backups[k].first.c_str(), files[k].first.c_str());
        else
          unlink(files[k].first.c_str());
      }
      drop();
      throw;
    }
  }
  drop();
}

void write_file_atomic_pair(const fs::path& a, std::string_view a_content, const fs::path& b,
                            std::string_view b_content) {
  write_files_atomic({{a, std::string(a_content)}, {b, std::string(b_content)}});
}

}  // namespace minsheng

namespace minsheng {

namespace {

// A folder being written is locked (flock on the folder itself) for as long as its writer runs;
// one that can be locked was left by a run that died, and goes.
void remove_stale_dirs(const std::filesystem::path& parent, const std::string& prefix) {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (const auto& e : list_dir(parent)) {
    std::string name = e.path().filename().string();
    if (!name.starts_with(prefix) || e.is_symlink(ec) || !e.is_directory(ec)) continue;
    int fd = open(e.path().c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) continue;
    if (flock(fd, LOCK_EX | LOCK_NB) == 0) fs::remove_all(e.path(), ec);
    close(fd);
  }
}

}  // namespace

void require_own_dir(const std::filesystem::path& dir, const std::string& marker) {
  namespace fs = std::filesystem;
  std::error_code ec;
  auto st = fs::symlink_status(dir, ec);
  if (ec && ec != std::errc::no_such_file_or_directory)
    throw IoError(dir.string(), "无法访问: " + io_reason(ec.value()));
  if (st.type() == fs::file_type::not_found) return;
  if (st.type() == fs::file_type::symlink)
    throw IoError(dir.string(), "是符号链接，不会通过它写入；请改为普通目录");
  if (st.type() != fs::file_type::directory) throw IoError(dir.string(), "已存在且不是目录");
  if (fs::exists(fs::symlink_status(dir / marker, ec))) return;
  fs::directory_iterator it(dir, ec);
  if (ec) throw IoError(dir.string(), "无法读取目录: " + io_reason(ec.value()));
  if (it == fs::directory_iterator()) return;
  throw UsageError(dir.string() +
                   " 不是 minsheng 生成的看板目录，拒绝覆盖（整目录替换会删除其中所有文件）。"
                   "请指定新目录或空目录；若它是旧版 minsheng 生成的看板，请先删除后重试");
}

DirSwap::DirSwap(const std::filesystem::path& dir, const std::string& marker)
    : dir_(dir), marker_(marker) {
  namespace fs = std::filesystem;
  std::error_code ec;
  require_own_dir(dir, marker);
  parent_ = dir.parent_path().empty() ? fs::path(".") : dir.parent_path();
  fs::create_directories(parent_, ec);
  if (ec) throw IoError(parent_.string(), "无法创建目录: " + io_reason(ec.value()));
  std::string prefix = "." + dir.filename().string() + std::string(kTempMark);
  remove_stale_dirs(parent_, prefix);
  std::string tmpl = (parent_ / (prefix + "XXXXXX")).string();
  if (!mkdtemp(tmpl.data())) throw IoError(dir.string(), "无法创建临时目录: " + io_reason(errno));
  tmp_ = tmpl;
  // Locked while it is built, so that another run does not take it for a killed run's.
  fd_ = open(tmp_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd_ >= 0) flock(fd_, LOCK_EX);
  fs::permissions(tmp_,
                  fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                      fs::perms::others_read | fs::perms::others_exec,
                  ec);
}

DirSwap::~DirSwap() {
  // Whatever happens before the swap, the temporary folder goes and the old one stays; after
  // it, `tmp_` holds the old folder.
  std::error_code e;
  if (!tmp_.empty()) std::filesystem::remove_all(tmp_, e);
  if (fd_ >= 0) close(fd_);
}

void DirSwap::add(const std::string& rel, std::string_view content) {
  // Nobody sees the private folder before the swap: no temporary per file, no fsync per file
  // (commit syncs the file system once), which a province's tens of thousands of pages need.
  std::filesystem::path p = tmp_ / rel;
  int fd = open(p.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw IoError((dir_ / rel).string(), "无法创建文件: " + io_reason(errno));
  if (!write_fully(fd, content)) {
    int err = errno;
    close(fd);
    throw IoError((dir_ / rel).string(), "写入失败: " + io_reason(err));
  }
  if (close(fd) != 0) throw IoError((dir_ / rel).string(), "写入失败: " + io_reason(errno));
}

void DirSwap::commit() {
  namespace fs = std::filesystem;
  add(marker_, "minsheng: 本目录由 minsheng 生成，每次生成时整目录替换\n");
  // Every file is on disk before the folder is swapped in: one syncfs for them all.
  if (fd_ >= 0 && syncfs(fd_) != 0) throw IoError(dir_.string(), "写入失败: " + io_reason(errno));
  sync_dir(tmp_);
  std::error_code ec;
  if (fs::exists(dir_, ec)) {
    if (renameat2(AT_FDCWD, tmp_.c_str(), AT_FDCWD, dir_.c_str(), RENAME_EXCHANGE) != 0)
      throw IoError(dir_.string(), "无法替换目录: " + io_reason(errno));
  } else {
    if (rename(tmp_.c_str(), dir_.c_str()) != 0)
      throw IoError(dir_.string(), "无法创建目录: " + io_reason(errno));
    tmp_.clear();
  }
  sync_dir(parent_);
}

void write_dir_atomic(const std::filesystem::path& dir,
                      const std::vector<std::pair<std::string, std::string>>& files,
                      const std::string& marker) {
  DirSwap swap(dir, marker);
  for (const auto& [rel, content] : files) swap.add(rel, content);
  swap.commit();
}

}  // namespace minsheng
