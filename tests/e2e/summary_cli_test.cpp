#include <catch2/catch.hpp>
#include <map>

#include "harness.hpp"
#include "io/workbook.hpp"
#include "util/csv.hpp"

using namespace minsheng::e2e;

TEST_CASE("summary md and csv of the demo month match the reviewed expected files") {
  Run md = run("--data demo/reports summary --month 2024-06 --format md");
  CHECK(md.rc == 0);
  CHECK(md.out == slurp(source("tests/expected/summary-2024-06.md")));
  Run csv = run("--data demo/reports summary --month 2024-06 --format csv");
  CHECK(csv.rc == 0);
  CHECK(csv.out == slurp(source("tests/expected/summary-2024-06.csv")));
}

TEST_CASE("the default format off a terminal is the Markdown document, without colour codes") {
  Run r = run("--data demo/reports summary --month 2024-06");
  CHECK(r.out == slurp(source("tests/expected/summary-2024-06.md")));
  Run t = run("--data demo/reports summary --month 2024-06 --format table");
  CHECK(t.out.find("\x1b[") == std::string::npos);
  CHECK(t.out.find("70项任务：已完成 13 项、超序时 17 项、序时推进 29 项、滞后 8 项、严重滞后 1 "
                   "项、未填报 1 项、目标待定 1 项") != std::string::npos);
  CHECK(t.out.find("市乡村振兴局：本月未报送进度文件（沿用2024-05数据）") != std::string::npos);
}

TEST_CASE("summary --write writes both files atomically and byte-identically on re-run") {
  Sandbox s;
  Run w = run("--data demo/reports summary --month 2024-06 --write", s.dir());
  REQUIRE(w.rc == 0);
  auto md = s.data() / "2024-06/summary.md";
  auto csv = s.data() / "2024-06/summary.csv";
  CHECK(slurp(md) == slurp(source("tests/expected/summary-2024-06.md")));
  CHECK(slurp(csv) == slurp(source("tests/expected/summary-2024-06.csv")));
  REQUIRE(run("--data demo/reports summary --month 2024-06 --write", s.dir()).rc == 0);
  CHECK(slurp(md) == slurp(source("tests/expected/summary-2024-06.md")));

  // A run that fails on bad data leaves the earlier outputs intact.
  s.write("demo/reports/2024-06/submissions/市妇联.csv", "任务编号,累计完成\n30,十三万\n");
  Run bad = run("--data demo/reports summary --month 2024-06 --write", s.dir());
  CHECK(bad.rc == 1);
  CHECK(bad.err.find("demo/reports/2024-06/submissions/市妇联.csv:2:4: 错误: "
                     "任务30的累计完成值“十三万”不是数字") != std::string::npos);
  CHECK(slurp(md) == slurp(source("tests/expected/summary-2024-06.md")));
  CHECK(slurp(csv) == slurp(source("tests/expected/summary-2024-06.csv")));

  // A run that dies while writing (the file size limit kills it mid-write, as a full disk or a
  // kill would stop it) also leaves the earlier pair whole: nothing is written in place.
  s.write("demo/reports/2024-06/submissions/市妇联.csv", "任务编号,累计完成\n30,140000\n");
  Run killed =
      run("--data demo/reports summary --month 2024-06 --write", s.dir(), "prlimit --fsize=4096");
  CHECK(killed.rc != 0);
  CHECK(slurp(md) == slurp(source("tests/expected/summary-2024-06.md")));
  CHECK(slurp(csv) == slurp(source("tests/expected/summary-2024-06.csv")));
}

TEST_CASE("summary --keep-going writes the report with the problem and marks the target 数据有误") {
  Sandbox s;
  s.write("demo/reports/2024-06/submissions/市妇联.csv", "任务编号,累计完成\n30,十三万\n");
  Run r = run("--data demo/reports summary --month 2024-06 --format csv --keep-going", s.dir());
  CHECK(r.rc == 0);
  CHECK(r.out.find("\r\n30,1,5,市妇联,") != std::string::npos);
  CHECK(r.out.find(",invalid,数据有误,") != std::string::npos);
  Run md = run("--data demo/reports summary --month 2024-06 --format md --keep-going", s.dir());
  CHECK(md.out.find("## 数据问题") != std::string::npos);
  CHECK(md.out.find("市妇联.csv:2:4: 错误: 任务30的累计完成值“十三万”不是数字") !=
        std::string::npos);
}

TEST_CASE(
    "summary --explain shows inputs with sources, the formulas with numbers, and the thresholds") {
  Run r = run("--data demo/reports summary --month 2024-06 --explain 36");
  REQUIRE(r.rc == 0);
  CHECK(r.out ==
        "任务36：推动老旧小区既有住宅加装电梯“愿装尽装”,完成加装电梯300台以上。\n"
        "牵头单位：市住建局；报告月份：2024-06\n\n"
        "指标1 既有住宅加装电梯（牵头：市住建局）\n"
        "  目标      300台（不少于目标值）\n"
        "  累计完成  180台（2024-06，来源 "
        "demo/reports/2024-06/submissions/市住建局_2024年6月进度.csv:5）\n"
        "  序时进度  (2024-06 − 2024-01 + 1) ÷ (2024-11 − 2024-01 + 1) = 6/11 = 54.5%\n"
        "  基数      0\n"
        "  完成率    (180 − 0) ÷ (300 − 0) × 100 = 60.0%\n"
        "  差距      54.5 − 60.0 = -5.5 个百分点\n"
        "  判定      未达到目标（180 < 300）；差距 -5.5 → 超序时 (ahead)\n"
        "  阈值      差距 < 0 超序时；0 ≤ 差距 < 10 序时推进；10 ≤ 差距 ≤ 30 滞后；> 30 "
        "严重滞后（差距按显示的一位小数判定）；截止月份 2024-11 起只分完成与未完成\n"
        "  剩余      120台，距截止还有 5 个月，每月需完成 24台\n"
        // April 120, June 180: (180 − 120) ÷ 2 = 30 a month; 180 + 30 × 5 = 330 = 110% of 300;
        // 120 left ÷ 30 = 4 months after June.
        "  近期进度  自 2024-04 以来平均每月 30台\n"
        "  预计完成  预计 2024-10 达到目标；按此进度到截止月份完成率约 110.0%\n"
        "  预计逾期  否（近期进度为零，或到截止月份完成率低于 95% 时为预计逾期）\n\n"
        "任务状态：超序时 (ahead)\n");
  CHECK(run("--data demo/reports summary --month 2024-06 --explain 71").rc == 2);
}

TEST_CASE("summary json holds the rows and the roll-ups") {
  Run r = run("--data demo/reports summary --month 2024-06 --format json");
  REQUIRE(r.rc == 0);
  CHECK(r.out.find("\"month\": \"2024-06\"") != std::string::npos);
  CHECK(r.out.find("\"time_pct\": 54.5") != std::string::npos);
  CHECK(r.out.find("\"done\": 13") != std::string::npos);
  CHECK(r.out.find("\"by_category\": [") != std::string::npos);
  CHECK(r.out.find("\"by_unit\": [") != std::string::npos);
}

TEST_CASE("a wrong --data is a usage error naming the absolute path, and --write creates nothing") {
  Sandbox s;
  Run r = run("--data nowhere summary --month 2024-06 --write", s.dir());
  CHECK(r.rc == 2);
  CHECK(r.err == "minsheng: 数据目录不存在：" +
                     (std::filesystem::canonical(s.dir()) / "nowhere").string() +
                     "；请用 --data 指定存放月度文件夹（如 2024-06/submissions/）的目录\n");
  CHECK_FALSE(std::filesystem::exists(s.dir() / "nowhere"));
  // Inside an existing data folder, --write creates only the month folder.
  std::filesystem::create_directories(s.dir() / "empty");
  std::filesystem::copy(s.data() / "2024-06", s.dir() / "empty/2024-06",
                        std::filesystem::copy_options::recursive);
  std::filesystem::remove_all(s.dir() / "empty/2024-06/summary.md");
  REQUIRE(run("--data empty summary --month 2024-06 --write --keep-going", s.dir()).rc == 0);
  CHECK(std::filesystem::exists(s.dir() / "empty/2024-06/summary.csv"));
}

TEST_CASE("months outside the plan, or before reporting starts, are usage errors") {
  Run before = run("--data demo/reports summary --month 2023-12");
  CHECK(before.rc == 2);
  CHECK(before.err == "minsheng: --month 2023-12 早于计划开始月份：计划期为 2024-01 至 2024-11\n");
  Run march = run("--data demo/reports summary --month 2024-03");
  CHECK(march.rc == 2);
  CHECK(march.err == "minsheng: 2024-03 无需报送进度：计划自 2024-04 起按月报送\n");
  CHECK(run("--data demo/reports missing --month 2023-12").rc == 2);
  CHECK(run("--data demo/reports diff 2023-12 2024-06").rc == 2);
  Run not_due = run("--data demo/reports missing --month 2024-03 --as-of 2024-07-01");
  CHECK(not_due.rc == 0);
  CHECK(not_due.out == "2024年3月不需报送进度（计划规定的首个报送月份之前）\n");
}

TEST_CASE("a unit that sent an unreadable file is not called 未报送") {
  Sandbox s;
  std::filesystem::path sub = s.data() / "2024-06/submissions";
  s.write("demo/reports/2024-06/submissions/市乡村振兴局_6月.ods", "PK\x03\x04");
  Run sum = run("--data demo/reports summary --month 2024-06 --format md", s.dir());
  CHECK(sum.rc == 0);
  CHECK(sum.out.find("- 市乡村振兴局：已报送文件但未能采用（市乡村振兴局_6月.ods）\n") !=
        std::string::npos);
  CHECK(sum.out.find("市乡村振兴局：本月未报送进度文件") == std::string::npos);
  Run miss = run("--data demo/reports missing --month 2024-06 --as-of 2024-07-05", s.dir());
  CHECK(miss.rc == 0);  // nobody owes a file; the workbook still needs converting
  CHECK(miss.out.find("未报 0 家，文件未能采用 1 家") != std::string::npos);
  CHECK(miss.out.find("已报送文件但未能采用（市乡村振兴局_6月.ods）") != std::string::npos);
  Run chk = run("--data demo/reports check --month 2024-06", s.dir());
  CHECK(chk.err.find(
            "demo/reports/2024-06/submissions/市乡村振兴局_6月.ods: 警告: 是 OpenDocument 表格") !=
        std::string::npos);
}

TEST_CASE("plausibility warnings reach check and the summary's 数据问题, with their place") {
  Sandbox s;
  // Task 22 (95%): 0.96 is a fraction typed without %; task 5 (1260个): 6500 a 万 or 0 slip.
  std::filesystem::remove(s.data() / "2024-06/submissions/市教育局.xlsx");
  s.write("demo/reports/2024-06/submissions/市教育局.csv",
          "任务编号,累计完成\n5,650\n21,9\n22,0.96\n23,80000\n24,推进中\n25,\n");
  Run chk = run("--data demo/reports check --month 2024-06", s.dir());
  CHECK(chk.err.find("demo/reports/2024-06/submissions/市教育局.csv:4: 警告: 任务22的累计完成为 "
                     "0.96，疑似把百分数写成了小数（96%？）；百分数请带 % 填写\n") !=
        std::string::npos);
  s.write("demo/reports/2024-06/submissions/市教育局.csv",
          "任务编号,累计完成\n5,6500\n21,9\n22,96%\n23,80000\n");
  Run md = run("--data demo/reports summary --month 2024-06 --format md", s.dir());
  CHECK(
      md.out.find("- demo/reports/2024-06/submissions/市教育局.csv:2: 警告: 任务5的累计完成 6500个 "
                  "超过目标 1260个 的两倍，请核对是否多填或误用“万”\n") != std::string::npos);
}

namespace {

// The demo's summary.csv (or diff.csv) as column name → cell, for one row.
std::map<std::string, std::string> csv_row(const std::string& csv, const std::string& prefix) {
  auto records = minsheng::parse_csv(csv);
  std::map<std::string, std::string> out;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const auto& f = records[r].fields;
    if ((f[0].value + "," + f[1].value + ",") != prefix) continue;
    for (std::size_t c = 0; c < f.size(); ++c) out[records[0].fields[c].value] = f[c].value;
  }
  return out;
}

}  // namespace

TEST_CASE("every summary.csv column, derived by hand for three demo targets") {
  std::string csv = run("--data demo/reports summary --month 2024-06 --format csv").out;
  // Task 66, 4000 manhole covers: April 1200, May 1500, June 1450. June is month 6 of 11.
  auto r = csv_row(csv, "66,1,");
  REQUIRE_FALSE(r.empty());
  CHECK(r["category"] == "10");
  CHECK(r["lead"] == "市城管委");
  CHECK(r["text"] == "更换改造存在安全隐患的井盖4000个。");
  CHECK(r["unit"] == "个");
  CHECK(r["target_value"] == "4000");
  CHECK(r["baseline"] == "0");
  CHECK(r["actual"] == "1450");
  CHECK(r["completion_pct"] == "36.3");  // 1450 ÷ 4000 = 36.25%, 四舍五入
  CHECK(r["time_pct"] == "54.5");        // 6 ÷ 11
  CHECK(r["gap_pp"] == "18.3");          // 54.545 − 36.25 = 18.295
  CHECK(r["status"] == "behind");        // 10 ≤ 18.3 ≤ 30
  CHECK(r["status_label"] == "滞后");
  CHECK(r["remaining"] == "2550");
  CHECK(r["needed_per_month"] == "510");  // 2550 over July–November
  // Pace from April (no value by March): (1450 − 1200) ÷ 2 = 125 a month; 2550 ÷ 125 = 20.4 →
  // 21 months after June; by November 1450 + 625 = 2075, 51.9% < 95%: 预计逾期.
  CHECK(r["projected_month"] == "2026-03");
  CHECK(r["projected_late"] == "1");
  CHECK(r["value_month"] == "2024-06");
  CHECK(r["source"] == "demo/reports/2024-06/submissions/市城管委.csv:3");
  CHECK(r["name"] == "更换改造存在安全隐患的井盖");
  CHECK(r["milestone_state"] == "");
  CHECK(r["report_month"] == "2024-06");
  // Task 57: April 300, May 450, nothing in June: May's value carried, with May's source.
  auto c = csv_row(csv, "57,1,");
  CHECK(c["actual"] == "450");
  CHECK(c["value_month"] == "2024-05");
  CHECK(c["source"] == "demo/reports/2024-05/submissions/市乡村振兴局.csv:2");
  CHECK(c["gap_pp"] == "9.5");  // 54.545 − 45
  CHECK(c["status"] == "on_track");
  CHECK(c["needed_per_month"] == "110");     // 550 ÷ 5
  CHECK(c["projected_month"] == "2025-02");  // (450 − 300) ÷ 2 = 75 a month; 550 ÷ 75 → 8 months
  CHECK(c["projected_late"] == "1");         // 450 + 375 = 825, 82.5%
  // Task 3, a milestone reported by state: no numbers, its state word.
  auto m = csv_row(csv, "3,1,");
  CHECK(m["unit"] == "");
  CHECK(m["target_value"] == "");
  CHECK(m["baseline"] == "");
  CHECK(m["actual"] == "");
  CHECK(m["milestone_state"] == "推进中");
  CHECK(m["status"] == "on_track");
  CHECK(m["projected_late"] == "0");
}

TEST_CASE("every diff.csv column, derived by hand for task 66") {
  std::string csv = run("--data demo/reports diff 2024-05 2024-06 --format csv").out;
  auto r = csv_row(csv, "66,1,");
  REQUIRE_FALSE(r.empty());
  CHECK(r["category"] == "10");
  CHECK(r["lead"] == "市城管委");
  CHECK(r["text"] == "更换改造存在安全隐患的井盖4000个。");
  CHECK(r["old_actual"] == "1500");
  CHECK(r["new_actual"] == "1450");
  CHECK(r["delta"] == "-50");
  CHECK(r["old_completion_pct"] == "37.5");
  CHECK(r["new_completion_pct"] == "36.3");
  CHECK(r["delta_pp"] == "-1.3");   // 36.25 − 37.5 = −1.25, half away from zero
  CHECK(r["old_gap_pp"] == "8.0");  // May: 5 ÷ 11 = 45.45 − 37.5
  CHECK(r["new_gap_pp"] == "18.3");
  CHECK(r["old_status"] == "on_track");
  CHECK(r["new_status"] == "behind");
  CHECK(r["change"] == "revised_down");  // a fall in value is named before the status change
  CHECK(r["name"] == "更换改造存在安全隐患的井盖");
  CHECK(r["old_value_month"] == "2024-05");
  CHECK(r["new_value_month"] == "2024-06");
  CHECK(r["old_state"] == "");
  CHECK(r["new_state"] == "");
}

TEST_CASE("summary --write under injected faults: exit 4, the old pair whole, no temporary left") {
  // setup.sh installs strace: without it these faults would go untested, so it is required.
  REQUIRE(std::system("command -v strace >/dev/null 2>&1") == 0);
  Sandbox s;
  REQUIRE(run("--data demo/reports summary --month 2024-06 --write", s.dir()).rc == 0);
  auto dir = s.data() / "2024-06";
  std::string md = slurp(dir / "summary.md"), csv = slurp(dir / "summary.csv");
  std::string xlsx = slurp(dir / "summary.xlsx");
  // New data, so that a successful write would change every file.
  s.write("demo/reports/2024-06/submissions/市妇联.csv", "任务编号,累计完成\n30,140000\n");
  struct Fault {
    const char* inject;
    const char* message;
  };
  // Renames: 1 the pair's journal, 2 summary.md, 3 summary.csv.
  for (Fault f : {Fault{"rename:error=EROFS:when=1", "minsheng-commit: 无法替换文件: 文件系统只读"},
                  Fault{"rename:error=EROFS:when=2", "summary.md: 无法替换文件: 文件系统只读"},
                  Fault{"rename:error=EROFS:when=3", "summary.csv: 无法替换文件: 文件系统只读"},
                  Fault{"fsync:error=EIO:when=2", "summary.csv: 写入失败: 磁盘读写出错"},
                  Fault{"fsync:error=ENOSPC:when=1", "summary.md: 写入失败: 磁盘空间不足"}}) {
    INFO(f.inject);
    Run r = run("--data demo/reports summary --month 2024-06 --write", s.dir(),
                std::string("ASAN_OPTIONS=detect_leaks=0 strace -f -qq -o /dev/null -e inject=") +
                    f.inject);
    CHECK(r.rc == 4);
    CHECK(r.err.find(f.message) != std::string::npos);
    CHECK(slurp(dir / "summary.md") == md);
    CHECK(slurp(dir / "summary.csv") == csv);
    CHECK(slurp(dir / "summary.xlsx") == xlsx);
    std::size_t files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) files += e.is_regular_file();
    CHECK(files == 3);  // summary.md, .csv and .xlsx
  }
}

TEST_CASE("a --write killed between the two renames is finished by the next run") {
  // setup.sh installs strace: without it these faults would go untested, so it is required.
  REQUIRE(std::system("command -v strace >/dev/null 2>&1") == 0);
  Sandbox s;
  REQUIRE(run("--data demo/reports summary --month 2024-06 --write", s.dir()).rc == 0);
  auto dir = s.data() / "2024-06";
  s.write("demo/reports/2024-06/submissions/市妇联.csv", "任务编号,累计完成\n30,140000\n");
  std::string new_md = run("--data demo/reports summary --month 2024-06 --format md", s.dir()).out;
  std::string new_csv =
      run("--data demo/reports summary --month 2024-06 --format csv", s.dir()).out;
  // Killed at the third rename: summary.md is new, summary.csv still old, the journal says so.
  Run killed = run("--data demo/reports summary --month 2024-06 --write", s.dir(),
                   "ASAN_OPTIONS=detect_leaks=0 strace -f -qq -o /dev/null -e "
                   "inject=rename:signal=KILL:when=3");
  CHECK(killed.rc != 0);
  CHECK(slurp(dir / "summary.md") == new_md);
  CHECK(std::filesystem::exists(dir / ".summary.md.minsheng-commit"));
  // Any next run finishes the pair before it reads the folder, and leaves no temporary.
  REQUIRE(run("--data demo/reports check --month 2024-06", s.dir()).rc == 0);
  CHECK(slurp(dir / "summary.md") == new_md);
  CHECK(slurp(dir / "summary.csv") == new_csv);
  std::size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) files += e.is_regular_file();
  CHECK(files == 3);
}

TEST_CASE("a writer at work keeps its journal: another run leaves a locked folder alone") {
  REQUIRE(std::system("command -v strace >/dev/null 2>&1") == 0);
  Sandbox s;
  REQUIRE(run("--data demo/reports summary --month 2024-06 --write", s.dir()).rc == 0);
  auto dir = s.data() / "2024-06";
  std::string old_csv = slurp(dir / "summary.csv");
  s.write("demo/reports/2024-06/submissions/市妇联.csv", "任务编号,累计完成\n30,140000\n");
  Run killed = run("--data demo/reports summary --month 2024-06 --write", s.dir(),
                   "ASAN_OPTIONS=detect_leaks=0 strace -f -qq -o /dev/null -e "
                   "inject=rename:signal=KILL:when=3");
  REQUIRE(std::filesystem::exists(dir / ".summary.md.minsheng-commit"));
  // While the folder is locked, as a live writer holds it (util-linux flock stands in for the
  // writer), a check reads and finishes nothing there: the pair is the writer's to finish.
  Run during = run_shell("cd " + shell_quote(s.dir().string()) + " && flock " +
                         shell_quote(dir.string()) + " env ASAN_OPTIONS=detect_leaks=0 " +
                         shell_quote(MINSHENG_BIN) + " --data demo/reports check --month 2024-06");
  CHECK(during.rc == 0);
  CHECK(std::filesystem::exists(dir / ".summary.md.minsheng-commit"));
  CHECK(slurp(dir / "summary.csv") == old_csv);
  // Once no writer holds it, the next run finishes the pair.
  REQUIRE(run("--data demo/reports check --month 2024-06", s.dir()).rc == 0);
  CHECK_FALSE(std::filesystem::exists(dir / ".summary.md.minsheng-commit"));
  CHECK(slurp(dir / "summary.csv") != old_csv);
}

TEST_CASE("temporaries a killed run left are removed by the next write, and nothing else is") {
  Sandbox s;
  auto dir = s.data() / "2024-06";
  s.write("demo/reports/2024-06/.summary.md.minsheng-tmp-AbC123", "half");
  s.write("demo/reports/2024-06/.summary.md.tmp-notours", "someone else's");
  s.write("demo/reports/2024-06/notes.txt", "staff notes");
  REQUIRE(run("--data demo/reports summary --month 2024-06 --write", s.dir()).rc == 0);
  CHECK_FALSE(std::filesystem::exists(dir / ".summary.md.minsheng-tmp-AbC123"));
  CHECK(slurp(dir / ".summary.md.tmp-notours") == "someone else's");
  CHECK(slurp(dir / "notes.txt") == "staff notes");
}

TEST_CASE("a month with workbooks gives the same summary as the same content in CSV") {
  // June's 市教育局.xlsx and 团市委.xls were made from demo/workbooks/*-2024-06.csv.
  Sandbox s;
  Run books = run("--data demo/reports summary --month 2024-06 --format csv", s.dir());
  REQUIRE(books.rc == 0);
  auto sub = s.data() / "2024-06/submissions";
  std::filesystem::remove(sub / "市教育局.xlsx");
  std::filesystem::remove(sub / "团市委.xls");
  std::filesystem::copy_file(source("demo/workbooks/市教育局-2024-06.csv"), sub / "市教育局.csv");
  std::filesystem::copy_file(source("demo/workbooks/团市委-2024-06.csv"), sub / "团市委.csv");
  Run csv = run("--data demo/reports summary --month 2024-06 --format csv", s.dir());
  REQUIRE(csv.rc == 0);
  auto a = minsheng::parse_csv(books.out), b = minsheng::parse_csv(csv.out);
  REQUIRE(a.size() == b.size());
  std::size_t source_col = 18;
  REQUIRE(a[0].fields[source_col].value == "source");
  for (std::size_t r = 0; r < a.size(); ++r)
    for (std::size_t c = 0; c < a[r].fields.size(); ++c) {
      if (c == source_col) continue;  // the file's name and row differ, nothing else
      INFO("row " << r << " column " << a[0].fields[c].value);
      CHECK(a[r].fields[c].value == b[r].fields[c].value);
    }
}

TEST_CASE("summary --write writes summary.xlsx beside the others, byte-identical on re-run") {
  Sandbox s;
  REQUIRE(run("--data demo/reports summary --month 2024-06 --write", s.dir()).rc == 0);
  auto xlsx = s.data() / "2024-06/summary.xlsx";
  std::string first = slurp(xlsx);
  CHECK(first.rfind("PK\x03\x04", 0) == 0);
  REQUIRE(run("--data demo/reports summary --month 2024-06 --write", s.dir()).rc == 0);
  CHECK(slurp(xlsx) == first);
  Run o = run("--data demo/reports summary --month 2024-06 --format xlsx -o x.xlsx", s.dir());
  CHECK(o.rc == 0);
  CHECK(slurp(s.dir() / "x.xlsx") == first);
  // The workbook reads back through minsheng's own reader: its 总表 has every target.
  auto wb = minsheng::read_xlsx(first);
  REQUIRE(wb.sheets.size() == 7);
  CHECK(wb.sheets[0].name == "总表");
  // The title, the 数据截至 line, the header, 10 category rows and 73 targets.
  REQUIRE(wb.sheets[0].rows.size() == 86);
  CHECK(wb.sheets[0].rows[0].cells.at(0).text ==
        "宜昌市2024年十大民生项目 2024年6月进展汇总（总表）");
  CHECK(wb.sheets[0].rows[1].cells.at(0).text.rfind("数据截至 2024年6月底；序时进度 54.5%", 0) ==
        0);
  CHECK(wb.sheets[0].rows[2].cells.at(0).text == "序号");
  CHECK(wb.sheets[0].rows[3].cells.at(0).text == "（一）着力实现幼有善育");
  CHECK(wb.sheets[0].rows[4].cells.at(0).text == "1");
  CHECK(wb.sheets[6].name == "数据来源");
  // 投资情况 after 分单位: the title, the 数据截至 line, the header, then the total (worked out in
  // investment_cli_test): 42980, 13175 and 20400万元.
  const auto& money = wb.sheets[3];
  CHECK(money.name == "投资情况");
  REQUIRE(money.rows.size() > 4);
  CHECK(money.rows[2].cells.at(1).text == "计划投资（万元）");
  CHECK(money.rows[3].cells.at(0).text == "合计（5 项任务）");
  CHECK(money.rows[3].cells.at(1).text == "42980");
  CHECK(money.rows[3].cells.at(2).text == "13175");
  CHECK(money.rows[3].cells.at(3).text == "20400");
  CHECK(money.rows[4].cells.at(0).text == "按类别");
  Run stdout_xlsx = run("--data demo/reports summary --month 2024-06 --format xlsx", s.dir());
  CHECK(stdout_xlsx.rc == 2);
  CHECK(stdout_xlsx.err ==
        "minsheng: --format xlsx 需要用 -o 指定文件，如 -o 2024年6月汇总.xlsx\n");
}

TEST_CASE("output with -j 8 is byte for byte the output with -j 1") {
  // Outputs that read every month: the summary, the 县市区 sheet, the diff, the history. The
  // demo's months are small enough to be read on one thread either way; a month read on every
  // core is compared in data_dir_test.
  for (const char* args :
       {"summary --month 2024-06 --format csv", "summary --month 2024-06 --format md",
        "summary --month 2024-06 --by county --format csv", "diff 2024-04 2024-06 --format csv",
        "history --format csv", "check"}) {
    INFO(args);
    Run one = run(std::string("-j 1 --data demo/reports ") + args);
    Run many = run(std::string("-j 8 --data demo/reports ") + args);
    CHECK(one.rc == many.rc);
    CHECK(one.out == many.out);
    CHECK(one.err == many.err);
    CHECK(!one.out.empty());
  }
}

TEST_CASE("a carried figure says so beside the value in the terminal table and the Markdown") {
  // 市乡村振兴局 sent no June file: task 57's 450 is May's.
  Run t = run("--data demo/reports summary --month 2024-06 --format table");
  REQUIRE(t.rc == 0);
  CHECK(t.out.find("450个（沿用5月）") != std::string::npos);
  CHECK(t.out.find("（沿用M月）：本月未填报，沿用该月数据") != std::string::npos);
  Run md = run("--data demo/reports summary --month 2024-06 --format md");
  CHECK(md.out.find("| 市乡村振兴局 | 1000个 | 450个（沿用5月） | 45.0% |") != std::string::npos);
}

TEST_CASE(
    "a figure typed without its 万 is an error, and with --keep-going the target is 数据有误") {
  Sandbox s;
  s.drop_months_after("2024-06");
  // Task 29: June 78万 (780000). July's form says 79: under 1% of June's, as 79万 typed as 79.
  s.write("demo/reports/2024-07/submissions/市卫健委.csv", "任务编号,累计完成\n29,79\n");
  const std::string msg =
      "demo/reports/2024-07/submissions/市卫健委.csv:2: 错误: 任务29指标1的累计完成 79 不到 "
      "2024-06 "
      "的 780000（demo/reports/2024-06/submissions/市卫健委.csv:14）的 1%：是否以“万”为单位填写？"
      "如是请写 79万\n";
  Run c = run("--data demo/reports check --month 2024-07", s.dir());
  CHECK(c.rc == 1);
  CHECK(c.err.find(msg) != std::string::npos);
  CHECK(run("--data demo/reports summary --month 2024-07 --format csv", s.dir()).rc == 1);
  Run k = run("--data demo/reports summary --month 2024-07 --format csv --keep-going", s.dir());
  REQUIRE(k.rc == 0);
  auto at = k.out.find("\r\n29,1,5,");
  REQUIRE(at != std::string::npos);
  std::string row = k.out.substr(at + 2, k.out.find("\r\n", at + 2) - at - 2);
  CHECK(row.find(",invalid,数据有误,") != std::string::npos);
  CHECK(row.find(",0,780000,") != std::string::npos);  // June's figure stands, never 79
  // 79万 is what the unit meant: accepted.
  s.write("demo/reports/2024-07/submissions/市卫健委.csv", "任务编号,累计完成\n29,79万\n");
  CHECK(run("--data demo/reports check --month 2024-07", s.dir()).rc == 0);
}

TEST_CASE("a file rejected whole: missing, the summary and the bulletin tell the same story") {
  // One rule (assess/reporting month_sends): the unit sent a file, none of it can be used, so
  // it is neither 已报 nor 未报送 anywhere. Before, `missing` counted it 已报.
  Sandbox s;
  s.write("demo/reports/2024-06/submissions/市交通运输局.csv",
          "牵头单位,月份,任务编号,累计完成,报送日期\n市交通运输局,2024-05,54,100,2024-07-02\n");
  const std::string said = "已报送文件但未能采用（市交通运输局.csv）";
  Run miss = run("--data demo/reports missing --month 2024-06 --as-of 2024-07-10", s.dir());
  CHECK(miss.rc == 1);  // 市乡村振兴局 still owes June's file
  CHECK(miss.out.find("应报 22 家，已报 20 家，未报 1 家，文件未能采用 1 家") != std::string::npos);
  CHECK(miss.out.find(said) != std::string::npos);
  Run sum = run("--data demo/reports summary --month 2024-06 --format md --keep-going", s.dir());
  CHECK(sum.rc == 0);
  CHECK(sum.out.find("- 市交通运输局：" + said + "\n") != std::string::npos);
  Run bul =
      run("--data demo/reports bulletin --quarter 2024Q2 --format md --keep-going "
          "--as-of 2024-07-10",
          s.dir());
  CHECK(bul.rc == 0);
  CHECK(bul.out.find("6月报送文件未能采用") != std::string::npos);
}

TEST_CASE("targets on their 分解方案's nodes: June against the straight line, by hand") {
  // June is 6 of 11 months, 54.5% on the line. The 分解方案s give the whole city's nodes:
  //  5 (市教育局) 6月20%、9月100%: 序时 20.0; 650 of 1260 = 51.6%, gap −31.6 → 超序时 (3.0 on
  //    the line). Since April (500) 150 were done of the 84 asked (13.3% → 20% of 1260), so the
  //    rest goes at 150/84 of the schedule: 1260 is reached when 序时 passes 47.1, in August.
  // 30 (市妇联) 3月20%、6月70%、8月70%、11月100%: 序时 70.0; 54.0%, gap 16.0 → 滞后 (0.5 on the
  //    line). Since April (80000, 序时 36.7) 55000 done of 83333 asked, 0.66; the rest (30% of
  //    250000) at 0.66: 135000 + 49500 = 184500, 73.8% → 预计逾期.
  // 54 (市交通运输局) 3月5%、6月20%、9月65%、11月底100%: 序时 20.0; 20.0%, gap 0.0 → 序时推进
  //    (34.5, 严重滞后, on the line). Since April (100, 序时 10) 100 done of 100 asked: the rest
  //    at 1.0 reaches 1000 in November.
  Run r = run("--data demo/reports summary --month 2024-06 --format csv");
  REQUIRE(r.rc == 0);
  auto five = csv_row(r.out, "5,1,"), thirty = csv_row(r.out, "30,1,"),
       roads = csv_row(r.out, "54,1,");
  CHECK((five["time_pct"] == "20.0" && five["gap_pp"] == "-31.6" && five["status"] == "ahead"));
  CHECK((five["time_basis"] == "nodes" && five["projected_month"] == "2024-08"));
  CHECK(five["projected_late"] == "0");
  CHECK((thirty["time_pct"] == "70.0" && thirty["gap_pp"] == "16.0"));
  CHECK((thirty["status"] == "behind" && thirty["projected_late"] == "1"));
  CHECK((roads["time_pct"] == "20.0" && roads["gap_pp"] == "0.0" && roads["status"] == "on_track"));
  CHECK((roads["projected_month"] == "2024-11" && roads["projected_late"] == "0"));
  CHECK(csv_row(r.out, "4,1,")["time_basis"] == "linear");
  CHECK(csv_row(r.out, "4,1,")["time_pct"] == "54.5");

  Run e = run("--data demo/reports summary --month 2024-06 --explain 30");
  CHECK(e.out.find("序时进度  按节点计划（2024年3月20%、2024年6月70%、2024年8月70%、2024年11月"
                   "100%）；2024-06 底介于 2024-03 底 20.0% 与 2024-06 底 70.0% 之间：20.0 + (70.0 "
                   "− 20.0) × 3/3 = 70.0%") != std::string::npos);
  CHECK(e.out.find("到截止月份完成率约 73.8%") != std::string::npos);
  Run may = run("--data demo/reports summary --month 2024-05 --explain 30");
  CHECK(may.out.find("20.0 + (70.0 − 20.0) × 2/3 = 53.3%") != std::string::npos);
  // May: 序时 53.3, 110000 = 44.0%, gap 9.3 → 序时推进. April to May did 30000 of the 41667 the
  // nodes asked (36.7 → 53.3 of 250000), 0.72; the rest, 46.7% of 250000, at 0.72: 194000, 77.6%
  // → 预计逾期, and the list says how a target on nodes is projected.
  Run may_md = run("--data demo/reports summary --month 2024-05 --format md");
  CHECK(
      may_md.out.find("按近三个月的平均进度推算（按节点计划的指标按近期完成节点计划的比例推算）") !=
      std::string::npos);
  CHECK(may_md.out.find("| 30 | 适龄妇女“两癌”免费筛查 | 市妇联 | 44.0% |") != std::string::npos);
  CHECK(may.out.find("到截止月份完成率约 77.6%") != std::string::npos);
  Run j = run("--data demo/reports summary --month 2024-06 --format json");
  CHECK(j.out.find("\"time_basis\": \"nodes\"") != std::string::npos);
  Run md = run("--data demo/reports summary --month 2024-06 --format md");
  CHECK(md.out.find("序时进度 54.5%（6/11 个月；3 个指标按节点计划）") != std::string::npos);
  CHECK(md.out.find(
            "| 30 | 适龄妇女“两癌”免费筛查 | 市妇联 | 54.0% | 70.0%（按节点计划） | 16.0 |") !=
        std::string::npos);
}
