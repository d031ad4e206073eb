#include "io/fs.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

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
    default:
      return std::string("系统错误：") + std::strerror(err);
  }
}

std::string read_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw IoError(path.string(), "是一个目录，不是文件");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(path.string(), "无法读取文件: " + io_reason(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw IoError(path.string(), "读取文件出错");
  return ss.str();
}

std::string read_input(const std::filesystem::path& path) {
  std::error_code ec;
  std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (!ec && size > kMaxInputBytes)
    throw DataError(path.string(), 0, 0,
                    "文件过大（" + std::to_string(size >> 20) + " MB），超过输入文件 " +
                        std::to_string(kMaxInputBytes >> 20) + " MB 的上限，未读取");
  return read_file(path);
}

namespace {

// Writes `content` to a new temporary file beside `path` and returns its name.
std::string write_temp(const std::filesystem::path& path, std::string_view content) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  if (ec) throw IoError(path.parent_path().string(), "无法创建目录: " + io_reason(ec.value()));

  std::string tmpl =
      (path.parent_path() / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  int fd = mkstemp(tmpl.data());
  if (fd < 0) throw IoError(path.string(), "无法创建临时文件: " + io_reason(errno));
  auto fail = [&](const std::string& what) {
    int err = errno;
    close(fd);
    unlink(tmpl.c_str());
    throw IoError(path.string(), what + ": " + io_reason(err));
  };
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t n = write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("写入失败");
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (fchmod(fd, 0644) != 0 || fsync(fd) != 0) fail("写入失败");
  if (close(fd) != 0) {
    unlink(tmpl.c_str());
    throw IoError(path.string(), "写入失败: " + io_reason(errno));
  }
  return tmpl;
}

void commit(const std::string& tmp, const std::filesystem::path& path) {
  if (rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    unlink(tmp.c_str());
    throw IoError(path.string(), "无法替换文件: " + io_reason(err));
  }
}

}  // namespace

// Only a regular file (or nothing) is ever replaced: renaming over a symlink, a device or a FIFO
// would destroy something that is not minsheng's output.
static void require_replaceable(const std::filesystem::path& path) {
  std::error_code ec;
  auto st = std::filesystem::symlink_status(path, ec);
  if (ec || st.type() == std::filesystem::file_type::not_found) return;
  if (st.type() == std::filesystem::file_type::directory)
    throw IoError(path.string(), "是一个目录，无法写入文件");
  if (st.type() != std::filesystem::file_type::regular)
    throw IoError(path.string(), "不是普通文件，不会覆盖");
}

void write_file_atomic(const std::filesystem::path& path, std::string_view content) {
  require_replaceable(path);
  commit(write_temp(path, content), path);
}

void write_file_atomic_pair(const std::filesystem::path& a, std::string_view a_content,
                            const std::filesystem::path& b, std::string_view b_content) {
  // Refuse before anything is replaced when a target cannot be replaced at all.
  for (const auto* p : {&a, &b}) require_replaceable(*p);
  std::string ta = write_temp(a, a_content);
  std::string tb;
  try {
    tb = write_temp(b, b_content);
  } catch (...) {
    unlink(ta.c_str());
    throw;
  }
  // Keep the old `a` under a second name until `b` is in place, so that a failed second rename
  // puts the old `a` back and the pair stays the old pair.
  std::string backup = ta + ".old";
  bool had_a = link(a.c_str(), backup.c_str()) == 0;
  try {
    commit(ta, a);
  } catch (...) {
    unlink(tb.c_str());
    if (had_a) unlink(backup.c_str());
    throw;
  }
  try {
    commit(tb, b);
  } catch (...) {
    if (had_a)
      rename(backup.c_str(), a.c_str());
    else
      unlink(a.c_str());
    throw;
  }
  if (had_a) unlink(backup.c_str());
}

}  // namespace minsheng
