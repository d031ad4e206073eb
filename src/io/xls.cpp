// .xls and BIFF .et workbooks: read by FreeXL in the minsheng-xls program (io/xls_freexl), the
// cells sent back over a pipe and kept for the next run (io/xls_cache).
#include "io/xls.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "io/fs.hpp"
#include "io/workbook_cells.hpp"
#include "io/xls_cache.hpp"
#include "model/diagnostic.hpp"
#include "util/contained.hpp"

namespace minsheng {

namespace {

// Reads what pack_workbook (io/xls_freexl) wrote. The bytes come from a process that may have
// been damaged, so every count is checked against what is left.
class Unpacker {
 public:
  explicit Unpacker(std::string_view bytes) : in_(bytes) {}
  std::uint32_t count(std::size_t min_each) {
    std::uint32_t n = number();
    if (min_each > 0 && n > in_.size() / min_each) broken();
    return n;
  }
  int integer() { return static_cast<int>(number()); }
  std::string text() {
    std::uint32_t n = number();
    if (n > in_.size()) broken();
    std::string t(in_.substr(0, n));
    in_.remove_prefix(n);
    return t;
  }
  bool at_end() const { return in_.empty(); }

 private:
  std::uint32_t number() {
    std::uint32_t n;
    if (in_.size() < sizeof n) broken();
    std::memcpy(&n, in_.data(), sizeof n);
    in_.remove_prefix(sizeof n);
    return n;
  }
  [[noreturn]] static void broken() { throw WorkbookError("读取 .xls 的子进程返回的结果不完整"); }
  std::string_view in_;
};

}  // namespace

Workbook unpack_workbook(std::string_view bytes) {
  Unpacker in(bytes);
  Workbook wb;
  wb.sheets.resize(in.count(16));
  for (Sheet& s : wb.sheets) {
    s.name = in.text();
    s.hidden = in.integer() != 0;
    s.rows.resize(in.count(8));
    for (SheetRow& r : s.rows) {
      r.row = in.integer();
      r.cells.resize(in.count(8));
      for (SheetCell& c : r.cells) {
        c.col = in.integer();
        c.text = in.text();
      }
    }
    s.problems.resize(in.count(12));
    for (CellProblem& p : s.problems) {
      p.row = in.integer();
      p.col = in.integer();
      p.message = in.text();
    }
  }
  if (!in.at_end()) throw WorkbookError("读取 .xls 的子进程返回的结果不完整");
  return wb;
}

namespace {

// What made the cells: another build or installation of minsheng-xls makes another cache's
// entries.
std::string reader_of(const std::filesystem::path& helper) {
  struct stat st;
  if (::stat(helper.c_str(), &st) != 0) return {};
  return std::string(MINSHENG_VERSION) + "/" + std::to_string(st.st_size) + "/" +
         std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec) + "/" +
         std::to_string(st.st_ino);
}

}  // namespace

Workbook read_xls(std::string_view bytes, const std::string& file) {
  std::filesystem::path helper = xls_helper();
  XlsCache cache = XlsCache::user(reader_of(helper));
  if (auto packed = cache.find(bytes)) try {
      return unpack_workbook(*packed);
    } catch (const WorkbookError&) {  // not as stored: read afresh
    }
  // FreeXL has read out of bounds on hostile files: it runs in a program of its own, so a crash,
  // a runaway allocation or a hang costs this one file. It reads the bytes read here, not the
  // file again, which may have changed since.
  // FreeXL reads a legitimate 50 MB workbook in a few seconds; some hostile 7 KB ones keep it
  // busy for ever.
  ContainLimits limits;
  limits.cpu_seconds = 10;
  limits.wall_seconds = 60;
  limits.max_result_bytes = kMaxCellTextBytes * 2;
  try {
    std::string packed = run_contained(helper, {}, limits, bytes);
    Workbook wb = unpack_workbook(packed);
    cache.store(bytes, packed);
    return wb;
  } catch (const ContainedError& e) {
    if (e.kind() == ContainedError::Kind::failed) throw WorkbookError(e.what());
    // The program could not be started: the installation's problem or the machine's, not the
    // file's (exit 4).
    if (e.error_number() != 0) {
      std::string why = io_reason(e.error_number());
      if (e.error_number() == ENOENT) why += "（minsheng 安装不完整，请重新安装）";
      throw IoError(file, "无法启动读取 .xls 的程序 " + helper.string() + "：" + why);
    }
    throw WorkbookError(std::string("无法读取该 .xls 文件：读取程序") + e.what() +
                        "（文件可能已损坏，请在 Excel 或 WPS 中打开后另存为 .xlsx）");
  }
}

std::filesystem::path xls_helper() {
  namespace fs = std::filesystem;
  if (const char* named = std::getenv("MINSHENG_XLS_HELPER"); named && *named)
    return fs::path(named);
  std::error_code ec;
  fs::path dir = fs::read_symlink("/proc/self/exe", ec).parent_path();
  fs::path installed = dir.parent_path() / "libexec" / "minsheng" / "minsheng-xls";
  fs::path beside = dir / "minsheng-xls";  // a build tree
  return !exists(installed, ec) && exists(beside, ec) ? beside : installed;
}

}  // namespace minsheng
