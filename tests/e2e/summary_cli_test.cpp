#include <catch2/catch.hpp>

#include "harness.hpp"

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
  CHECK(t.out.find("70项任务：已完成 13 项、超序时 16 项、序时推进 30 项、滞后 7 项、严重滞后 2 "
                   "项、未报送 1 项、目标待定 1 项") != std::string::npos);
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
        "  阈值      差距 < 0 超序时；0 ≤ 差距 < 10 序时推进；10 ≤ 差距 ≤ 30 滞后；> 30 严重滞后\n"
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
  s.write("demo/reports/2024-06/submissions/市乡村振兴局_6月.xlsx", "PK\x03\x04");
  Run sum = run("--data demo/reports summary --month 2024-06 --format md", s.dir());
  CHECK(sum.rc == 0);
  CHECK(sum.out.find("- 市乡村振兴局：已报送文件但无法读取（市乡村振兴局_6月.xlsx）\n") !=
        std::string::npos);
  CHECK(sum.out.find("市乡村振兴局：本月未报送进度文件") == std::string::npos);
  Run miss = run("--data demo/reports missing --month 2024-06 --as-of 2024-07-05", s.dir());
  CHECK(miss.rc == 0);  // nobody owes a file; the workbook still needs converting
  CHECK(miss.out.find("未报 0 家，文件无法读取 1 家") != std::string::npos);
  CHECK(miss.out.find("已报送文件但无法读取（市乡村振兴局_6月.xlsx）") != std::string::npos);
  Run chk = run("--data demo/reports check --month 2024-06", s.dir());
  CHECK(chk.err.find("demo/reports/2024-06/submissions/市乡村振兴局_6月.xlsx: 警告: 是工作簿") !=
        std::string::npos);
}

TEST_CASE("plausibility warnings reach check and the summary's 数据问题, with their place") {
  Sandbox s;
  // Task 22 (95%): 0.96 is a fraction typed without %; task 5 (1260个): 6500 a 万 or 0 slip.
  s.write("demo/reports/2024-06/submissions/市教育局.csv",
          "任务编号,累计完成\n5,650\n21,9\n22,0.96\n23,80000\n24,推进中\n25,\n");
  Run chk = run("--data demo/reports check --month 2024-06", s.dir());
  CHECK(chk.err.find("demo/reports/2024-06/submissions/市教育局.csv:4: 警告: 任务22的累计完成为 "
                     "0.96，疑似把百分数写成了小数（96%？）；百分数请带 % 填写\n") !=
        std::string::npos);
  s.write("demo/reports/2024-06/submissions/市教育局.csv",
          "任务编号,累计完成\n5,6500\n21,9\n22,96%\n23,80000\n");
  Run md = run("--data demo/reports summary --month 2024-06 --format md", s.dir());
  CHECK(md.out.find("- `demo/reports/2024-06/submissions/市教育局.csv:2: 警告: 任务5的累计完成 6500个 "
                    "超过目标 1260个 的两倍，请核对是否多填或误用“万”`\n") != std::string::npos);
}
