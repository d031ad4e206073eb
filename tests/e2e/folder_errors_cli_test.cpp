// Faults of the machine and of the libraries it lends us. A folder that cannot be read is an
// error naming it (exit 4), never an empty folder: read as empty, a month's submissions/ made every
// unit 未报送 and carried every figure forward, exit 0. A library that crashes costs one file.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "harness.hpp"
#include "util/encoding.hpp"

using namespace minsheng::e2e;
namespace fs = std::filesystem;

namespace {

bool have(const char* tool) {
  return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0;
}

}  // namespace

TEST_CASE(
    "an unreadable submissions or breakdown folder is exit 4 naming it, for a non-root user") {
  REQUIRE(have("setpriv"));
  Sandbox s;
  // The tests run as root, who reads any folder: the commands run as nobody, as staff would.
  fs::permissions(s.dir(), fs::perms::all);
  for (const auto& e : fs::recursive_directory_iterator(s.dir()))
    fs::permissions(e.path(), fs::perms::others_read | fs::perms::others_exec,
                    fs::perm_options::add);
  const std::string nobody = "setpriv --reuid=nobody --regid=nogroup --clear-groups";
  for (const char* folder : {"demo/reports/2024-06/submissions", "demo/reports/2024-05/submissions",
                             "demo/reports/breakdown"}) {
    fs::permissions(s.dir() / folder, fs::perms::none);
    for (const char* cmd : {"check", "summary --month 2024-06 --format csv",
                            "missing --month 2024-06 --as-of 2024-07-10", "history --format csv",
                            "problems --format csv"}) {
      INFO(folder << ": " << cmd);
      Run r = run(std::string("--data demo/reports ") + cmd, s.dir(), nobody);
      // missing reads only the month asked about.
      bool reads = !(std::string(cmd).starts_with("missing") &&
                     std::string(folder).find("2024-05") != std::string::npos);
      if (!reads) continue;
      CHECK(r.rc == 4);
      CHECK(r.err == "minsheng: " + std::string(folder) + ": 无法读取目录: 没有权限\n");
      CHECK(r.out.empty());
    }
    fs::permissions(s.dir() / folder, fs::perms::owner_all | fs::perms::group_read |
                                          fs::perms::group_exec | fs::perms::others_read |
                                          fs::perms::others_exec);
  }
  // With every folder readable again, nobody reads the same summary as root.
  Run as_nobody = run("--data demo/reports summary --month 2024-06 --format csv", s.dir(), nobody);
  Run as_root = run("--data demo/reports summary --month 2024-06 --format csv", s.dir());
  CHECK(as_nobody.rc == 0);
  CHECK(as_nobody.out == as_root.out);
}

TEST_CASE("EIO on any folder listing gives exit 4 or the right summary, never a wrong one") {
  REQUIRE(have("strace"));
  Sandbox s;
  const std::string cmd = "--data demo/reports summary --month 2024-06 --format csv";
  Run clean = run(cmd, s.dir());
  REQUIRE(clean.rc == 0);
  // The n-th getdents64 of the run fails: every folder read, in turn (past the last one, the
  // run is clean).
  int failed = 0;
  for (int n = 1; n <= 40; ++n) {
    Run r = run(cmd, s.dir(),
                "ASAN_OPTIONS=detect_leaks=0 strace -f -qq -o /dev/null -e trace=getdents64 "
                "-e inject=getdents64:error=EIO:when=" +
                    std::to_string(n));
    INFO("getdents64 #" << n << "\n" << r.err);
    if (r.rc == 4) {
      ++failed;
      CHECK(r.err.find(": 无法读取目录: 磁盘读写出错\n") != std::string::npos);
      CHECK(r.out.empty());
    } else {
      CHECK(r.rc == 0);
      CHECK(r.out == clean.out);
    }
  }
  CHECK(failed >= 8);  // the data folder, three months (and their submissions), breakdown
  // Opening the submissions folder fails: the same.
  Run r = run(cmd, s.dir(),
              "ASAN_OPTIONS=detect_leaks=0 strace -f -qq -o /dev/null "
              "-P demo/reports/2024-06/submissions -e trace=openat -e inject=openat:error=EIO");
  CHECK(r.rc == 4);
  CHECK(r.err.find("minsheng: demo/reports/2024-06/submissions: 无法读取目录: 磁盘读写出错\n") !=
        std::string::npos);
}

TEST_CASE("glibc's GBK converter that cannot be loaded is the machine's problem: exit 4") {
  REQUIRE(have("strace"));
  Sandbox s;
  // A GBK file, as Excel on Chinese Windows saves one.
  s.write("demo/reports/2024-06/submissions/市妇联.csv",
          minsheng::iconv_convert("任务编号,累计完成\n30,140000\n", "UTF-8", "GB18030"));
  const std::string cmd = "--data demo/reports check --month 2024-06";
  REQUIRE(run(cmd, s.dir()).rc == 0);
  // Every gconv module the converter would load is refused.
  Run r = run(cmd, s.dir(),
              "ASAN_OPTIONS=detect_leaks=0 strace -f -qq -o /dev/null -e trace=openat "
              "-P /usr/lib/x86_64-linux-gnu/gconv/GB18030.so -e inject=openat:error=EACCES");
  CHECK(r.rc == 4);
  CHECK(r.err.find("minsheng: 无法进行 GB18030 → UTF-8 编码转换：系统的 glibc gconv 模块缺失或无法"
                   "读取") != std::string::npos);
  CHECK(r.err.find("市妇联.csv") == std::string::npos);  // not blamed on the unit's file
}

TEST_CASE("a crash while FreeXL reads an .xls costs that file only, and the others are read") {
  REQUIRE(have("strace"));
  Sandbox s;
  const std::string cmd = "--data demo/reports check --month 2024-06";
  // No cache of the cells (io/xls_cache): minsheng-xls reads the file at every run.
  Run clean = run(cmd, s.dir(), "XDG_CACHE_HOME=/dev/null");
  REQUIRE(clean.rc == 0);
  // getppid is called by minsheng-xls as it starts, and by nothing else: it is killed there by
  // SIGSEGV, as a library's overread would kill it (under ASan too).
  Run r = run(cmd, s.dir(),
              "XDG_CACHE_HOME=/dev/null ASAN_OPTIONS=detect_leaks=0:handle_segv=0 strace -f -qq -o "
              "/dev/null -e trace=getppid -e inject=getppid:signal=SEGV");
  CHECK(r.rc == 1);
  CHECK(r.err.find("demo/reports/2024-06/submissions/团市委.xls: 错误: 无法读取该 .xls 文件："
                   "读取程序异常终止（信号 11）（文件可能已损坏，请在 Excel 或 WPS 中打开后另存为 "
                   ".xlsx）\n") != std::string::npos);
  // Every other file was read as in the clean run: its warnings are all there.
  CHECK(r.err.find(clean.err) != std::string::npos);
  CHECK(r.out.find("2024-06 共 21 个进度文件：1 个错误、6 个警告") != std::string::npos);
}

TEST_CASE("a FIFO or a device given as an input, or named like a temporary, never hangs a run") {
  Sandbox s;
  REQUIRE(mkfifo((s.dir() / "管道").c_str(), 0644) == 0);
  // `timeout`: before, each of these waited for a writer, or read /dev/zero, for ever. A FIFO
  // no one writes to reads as empty at once; a device is refused unread.
  for (const auto& [args, message] : std::vector<std::pair<std::string, std::string>>{
           {"--plan 管道 --data demo/reports check",
            "管道: 错误: 计划文件的顶层应为键值映射（plan、categories、units、tasks …）\n"},
           {"--data demo/reports diff 管道 2024-06",
            "管道: 错误: 文件为空，不是 minsheng summary 导出的 CSV\n"},
           {"--data demo/reports bulletin --quarter 2024Q2 --template 管道",
            "管道: 错误: 模板文件为空，未生成通报\n"},
           {"--data demo/reports bulletin --quarter 2024Q2 --template /dev/zero",
            "/dev/zero: 错误: 不是普通文件（设备、套接字等），未读取\n"},
           {"--data demo/reports summary --month 2024-06 --received /dev/zero",
            "/dev/zero: 错误: 不是普通文件（设备、套接字等），未读取\n"}}) {
    INFO(args);
    Run r = run(args, s.dir(), "timeout 20");
    CHECK(r.rc == 1);
    CHECK(r.err.find(message) != std::string::npos);
  }
  // A pipe with a writer is read to its end: an analyst's diff against May's summary made on
  // the fly (bash's process substitution hands over /dev/fd/63).
  const std::string bin = shell_quote(MINSHENG_BIN);
  Run piped = run_shell("bash -c " +
                        shell_quote("cd " + shell_quote(s.dir().string()) + " && timeout 20 " +
                                    bin + " --data demo/reports diff <(" + bin +
                                    " --data demo/reports summary --month 2024-05 --format csv "
                                    "2>/dev/null) 2024-06"));
  CHECK(piped.rc == 0);
  CHECK(piped.out.find("# 2024-06 与 2024-05 进展对比") != std::string::npos);
  // A FIFO named like minsheng's temporary (and a journal that is one) is not minsheng's: a
  // writer neither waits on it nor removes it.
  for (const char* f : {"demo/reports/.summary.md.minsheng-tmp-ABCDEF",
                        "demo/reports/2024-06/.summary.md.minsheng-tmp-ABCDEF",
                        "demo/reports/2024-06/.summary.md.minsheng-commit"})
    REQUIRE(mkfifo((s.dir() / f).c_str(), 0644) == 0);
  Run w = run("--data demo/reports summary --month 2024-06 --write", s.dir(), "timeout 20");
  CHECK(w.rc == 0);
  CHECK(fs::exists(s.dir() / "demo/reports/2024-06/summary.xlsx"));
  CHECK(fs::is_fifo(s.dir() / "demo/reports/2024-06/.summary.md.minsheng-tmp-ABCDEF"));
  CHECK(fs::is_fifo(s.dir() / "demo/reports/.summary.md.minsheng-tmp-ABCDEF"));
}

TEST_CASE("a workbook libxlsxwriter wrote broken never replaces the good one") {
  REQUIRE(have("strace"));
  Sandbox s;
  const std::string cmd = "--data demo/reports summary --month 2024-06 --format xlsx -o 汇总.xlsx";
  REQUIRE(run(cmd, s.dir()).rc == 0);
  const std::string good = slurp(s.dir() / "汇总.xlsx");
  // The n-th write of the run fails. libxlsxwriter does not check the writes of its parts: a
  // failed one left a sheet's XML cut short inside a zip it reported as written.
  int read_back = 0;
  // (About 70 writes in a run; under ASan about 140.)
  for (int n = 1; n <= 150; n += 3) {
    // In a coverage build the run's last writes are its counters: they go to the sandbox, so
    // that a failed one cannot corrupt the build's (GCOV_PREFIX; nothing else reads it).
    Run r = run(cmd, s.dir(),
                "GCOV_PREFIX=" + (s.dir() / "gcov").string() +
                    " ASAN_OPTIONS=detect_leaks=0 strace -f -qq -o /dev/null -e trace=write "
                    "-e inject=write:error=EIO:when=" +
                    std::to_string(n));
    INFO("write #" << n << "\n" << r.err);
    CHECK(slurp(s.dir() / "汇总.xlsx") == good);  // replaced by the same bytes, or kept
    if (r.rc == 0) continue;
    CHECK((r.rc == 4 || r.rc == 1));  // 1: the write that failed was the .xls child's
    if (r.err.find("写出的工作簿读回检查未通过（工作簿中的 xl/") != std::string::npos) {
      ++read_back;
      // Cut short (not well-formed XML), or a chunk lost inside a sheet (rows missing).
      CHECK(r.err.find("），原有文件未被替换\n") != std::string::npos);
    }
  }
  CHECK(read_back >= 3);
}

TEST_CASE(
    "no program started for an .xls is the machine's problem: exit 4, in Chinese, naming it") {
  REQUIRE(have("strace"));
  Sandbox s;
  std::string helper =
      (std::filesystem::path(MINSHENG_BIN).parent_path() / "minsheng-xls").string();
  // A demo month is parsed on one thread, so the only clone is posix_spawn's for 团市委.xls.
  Run r = run("--data demo/reports check --month 2024-06", s.dir(),
              "XDG_CACHE_HOME=/dev/null ASAN_OPTIONS=detect_leaks=0 strace -f -qq -o /dev/null -e "
              "trace=clone,clone3 -e inject=clone:error=EAGAIN -e inject=clone3:error=EAGAIN");
  CHECK(r.rc == 4);
  CHECK(r.err ==
        "minsheng: demo/reports/2024-06/submissions/团市委.xls: 无法启动读取 .xls 的程序 " +
            helper + "：系统资源暂时不足（进程数已达上限）\n");
  // An installation without the program: the same exit, and what to do.
  Run missing = run("--data demo/reports check --month 2024-06", s.dir(),
                    "XDG_CACHE_HOME=/dev/null MINSHENG_XLS_HELPER=/nonexistent/minsheng-xls");
  CHECK(missing.rc == 4);
  CHECK(missing.err ==
        "minsheng: demo/reports/2024-06/submissions/团市委.xls: 无法启动读取 .xls 的程序 "
        "/nonexistent/minsheng-xls：文件或目录不存在（minsheng 安装不完整，请重新安装）\n");
  CHECK(missing.out.empty());
}

TEST_CASE("an .xls read by one run is read from the user's cache by the next, the same") {
  REQUIRE(have("strace"));
  Sandbox s;
  std::string cache = "XDG_CACHE_HOME=" + shell_quote((s.dir() / "cache").string());
  // The programs each run starts, as strace sees them (LeakSanitizer cannot run under it).
  auto started = [&](const char* name) {
    return "ASAN_OPTIONS=detect_leaks=0 strace -f -qq -e trace=execve -o " +
           shell_quote((s.dir() / name).string());
  };
  const std::string cmd = "--data demo/reports summary --month 2024-06 --format csv";
  Run first = run(cmd, s.dir(), cache + " " + started("first.trace"));
  REQUIRE(first.rc == 0);
  CHECK(first.out.find("团市委") != std::string::npos);
  CHECK(slurp(s.dir() / "first.trace").find("minsheng-xls") != std::string::npos);
  Run again = run(cmd, s.dir(), cache + " " + started("again.trace"));
  CHECK(again.rc == 0);
  CHECK(again.out == first.out);
  CHECK(again.err == first.err);
  CHECK(slurp(s.dir() / "again.trace").find("minsheng-xls") == std::string::npos);
}
