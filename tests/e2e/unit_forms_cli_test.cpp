// Units' own forms read with no hand fix: tests/data/unit_forms/民政局8月进度.xlsx, written by
// openpyxl and saved by LibreOffice (make_unit_forms.sh). Figures checked against that script.
#include <catch2/catch.hpp>
#include <filesystem>

#include "harness.hpp"

using namespace minsheng::e2e;

namespace {

const char* kForm = "tests/data/unit_forms/民政局8月进度.xlsx";

bool has_line(const std::string& out, const std::string& prefix) {
  return out.find("\n" + prefix) != std::string::npos || out.rfind(prefix, 0) == 0;
}

}  // namespace

TEST_CASE("an own-layout workbook with a sheet per month reads with zero errors") {
  Sandbox s;
  s.drop_months_after("2024-07");  // August is this file alone
  s.write("demo/reports/2024-08/submissions/民政局8月进度.xlsx", slurp(source(kForm)));
  Run c = run("--data demo/reports check --month 2024-08", s.dir());
  CHECK(c.rc == 0);
  // No error; the one warning is the demo 分解方案's (task 20), which every month's check lists.
  CHECK(c.out == "计划 70 项任务、73 个指标；2024-08 共 1 个进度文件：0 个错误、1 个警告\n");
  CHECK(c.err.find("错误") == std::string::npos);
  CHECK(c.err.find("市人社局_分解方案.csv:2: 警告: 任务20：分解合计") != std::string::npos);
  Run sum = run("--data demo/reports summary --month 2024-08 --format csv --keep-going", s.dir());
  REQUIRE(sum.rc == 0);
  // The 8月 sheet, not the first (7月: 1000): 14's city total 合　计 1200 of 1673 = 71.7%.
  CHECK(has_line(sum.out, "14,1,3,市民政局,"));
  CHECK(sum.out.find(",户,1673,0,1200,71.7,72.7,") != std::string::npos);
  // 17 on its own row: 8 of 12; 62（1）: 5.6% against the 5.2% supplied in June.
  CHECK(sum.out.find("新建社区养老服务综合体12个。,个,12,0,8,66.7,") != std::string::npos);
  CHECK(sum.out.find(",%,5.2,0,5.6,107.7,") != std::string::npos);
  // 任务编号 merged down: each 县市区 row is task 14's. 远安县 60 of its 193: 31.1%.
  Run county = run(
      "--data demo/reports summary --month 2024-08 --by county --format csv --keep-going", s.dir());
  CHECK(county.out.find("远安县,14,1,市民政局,特殊困难老年人家庭适老化改造,193,60,31.1,") !=
        std::string::npos);
  CHECK(county.out.find(
            "长阳土家族自治县,14,1,市民政局,特殊困难老年人家庭适老化改造,200,110,55.0,") !=
        std::string::npos);
  // The 填报单位 line names the unit, the 填报日期 line the day: 9月2日, on time.
  Run m = run("--data demo/reports missing --month 2024-08 --as-of 2024-09-05", s.dir());
  CHECK(m.out.find("已报 1 家") != std::string::npos);
  CHECK(m.out.find("市民政局") == std::string::npos);
  CHECK(m.out.find("报送日期未注明") == std::string::npos);
}

TEST_CASE("last month's workbook put in this month's folder is refused whole") {
  Sandbox s;
  s.drop_months_after("2024-08");
  // The same workbook in September: it has a 7月 and an 8月 sheet, none for September.
  s.write("demo/reports/2024-09/submissions/市民政局.xlsx", slurp(source(kForm)));
  Run c = run("--data demo/reports check --month 2024-09", s.dir());
  CHECK(c.rc == 1);
  const std::string f = "demo/reports/2024-09/submissions/市民政局.xlsx";
  CHECK(c.err.find(f + ": 警告: 工作簿有 2 个报送表，没有一个以“9月”命名；采用第一个“7月”\n") !=
        std::string::npos);
  CHECK(
      c.err.find(f + ": 错误: 工作表“7月”是7月的报表，与所在目录 2024-09 不符，整个文件不予采用") !=
      std::string::npos);
  // A CSV whose title says July, in August's folder, likewise.
  Sandbox t;
  t.drop_months_after("2024-07");
  t.write("demo/reports/2024-08/submissions/市妇联.csv",
          "市妇联2024年7月民生项目进展情况表\n任务编号,累计完成\n30,150000\n");
  Run csv = run("--data demo/reports check --month 2024-08", t.dir());
  CHECK(csv.rc == 1);
  CHECK(csv.err.find("市妇联.csv:1: 错误: 表头上方写的是7月，与所在目录 2024-08 不符") !=
        std::string::npos);
}

TEST_CASE(
    "September's form sets August's figure right, and history, diff, summary and check follow") {
  const char* september = "tests/data/unit_forms/民政局9月进度.xlsx";
  Sandbox s;
  s.drop_months_after("2024-07");
  s.write("demo/reports/2024-08/submissions/民政局8月进度.xlsx", slurp(source(kForm)));
  // August's summary is written before the correction comes: task 14 at 1200.
  REQUIRE(run("--data demo/reports summary --month 2024-08 --write --keep-going", s.dir()).rc == 0);
  const std::string written = slurp(s.dir() / "demo/reports/2024-08/summary.csv");
  CHECK(written.find(",户,1673,0,1200,71.7,") != std::string::npos);
  // September's form: 月份 9月 merged down over its rows, and a row of 2024年8月 giving 1100.
  s.write("demo/reports/2024-09/submissions/民政局9月进度.xlsx", slurp(source(september)));
  const std::string form = "demo/reports/2024-09/submissions/民政局9月进度.xlsx";

  // History: August 1100 of 1673 = 65.8% at 8/11 of the time (72.7%), 7.0 points behind:
  // 序时推进, with the 1200 it replaced. September 1150: 68.7% at 81.8%, 13.1 behind: 滞后.
  Run h = run("--data demo/reports history --task 14 --to 2024-09 --format csv", s.dir());
  REQUIRE(h.rc == 0);
  CHECK(h.out.find("\r\n2024-08,14,1,市民政局,特殊困难老年人家庭适老化改造,1100,2024-08,65.8,72.7,"
                   "7.0,on_track,1200,linear\r\n") != std::string::npos);
  CHECK(h.out.find("\r\n2024-09,14,1,市民政局,特殊困难老年人家庭适老化改造,1150,2024-09,68.7,81.8,"
                   "13.1,behind,,linear\r\n") != std::string::npos);
  Run hm = run("--data demo/reports history --task 14 --to 2024-09 --format md", s.dir());
  CHECK(hm.out.find("## 数据更正\n") != std::string::npos);
  CHECK(hm.out.find("| 2024-08 | 14 | 特殊困难老年人家庭适老化改造 | 市民政局 | 1100户（已更正，原 "
                    "1200户） | " +
                    form + ":14 |") != std::string::npos);
  Run hc =
      run("--data demo/reports history --task 14 --to 2024-09 --changes --format csv", s.dir());
  CHECK(hc.out.find("\r\n2024-08,14,1,市民政局,1200,1100,corrected,\r\n") != std::string::npos);

  // Diff: from August's true 1100 to 1150 is 50 more (worse by time: 序时推进 → 滞后), not a fall
  // of 50 from 1200.
  Run d = run("--data demo/reports diff 2024-08 2024-09 --format csv", s.dir());
  REQUIRE(d.rc == 0);
  CHECK(d.out.find(",1100,1150,50,65.8,68.7,3.0,7.0,13.1,on_track,behind,worsened,"
                   "特殊困难老年人家庭适老化改造,2024-08,2024-09,,,1200,\r\n") !=
        std::string::npos);
  Run dm = run("--data demo/reports diff 2024-08 2024-09 --format md", s.dir());
  CHECK(dm.out.find("| 1100户（已更正，原 1200户） → 1150户 |") != std::string::npos);

  // Check: the correction is said, September is no fall, and the written August summary is named.
  Run c = run("--data demo/reports check", s.dir());
  CHECK(c.rc == 0);
  CHECK(c.err.find(form +
                   ":14: 警告: 更正 2024-08 的任务14指标1：由 1200 改为 1100；此后的报告按更正"
                   "后的数值计算\n") != std::string::npos);
  CHECK(c.err.find("demo/reports/2024-08/summary.csv: 警告: 本月汇总（summary.md、summary.csv）写于"
                   "数据更正之前：任务14指标1 写的是 1200，已由 " +
                   form + ":14 更正为 1100。") != std::string::npos);
  CHECK(c.err.find("累计值较上月减少：任务14") == std::string::npos);  // 66 fell in June
  CHECK(c.err.find("错误") == std::string::npos);

  // August's summary made now shows the corrected figure; the one written stays as it was.
  Run s8 = run("--data demo/reports summary --month 2024-08 --format md --keep-going", s.dir());
  CHECK(s8.out.find("| 1100户（已更正，原 1200户） |") != std::string::npos);
  CHECK(slurp(s.dir() / "demo/reports/2024-08/summary.csv") == written);
  // September's own figure is its own; its 县市区 rows add up to 1150.
  Run s9 = run("--data demo/reports summary --month 2024-09 --format csv --keep-going", s.dir());
  CHECK(s9.out.find(",户,1673,0,1150,68.7,81.8,13.1,behind,") != std::string::npos);
}

TEST_CASE("with --keep-going, a figure under an unreadable task number is 数据有误, not 未填报") {
  Sandbox s;
  s.drop_months_after("2024-07");
  // 市残联 leads 63 and 64; its July file writes 64 as 六十四 (148 households).
  const std::string f = "demo/reports/2024-07/submissions/市残联.csv";
  std::string text = slurp(s.dir() / f);
  auto at = text.find("市残联,2024-07,64,1,");
  REQUIRE(at != std::string::npos);
  text.replace(at, std::string("市残联,2024-07,64,").size(), "市残联,2024-07,六十四,");
  s.write(f, text);
  Run strict = run("--data demo/reports summary --month 2024-07 --format csv", s.dir());
  CHECK(strict.rc == 1);
  CHECK(strict.err.find(f + ":3:13: 错误: 任务编号应为正整数，实际为“六十四”") !=
        std::string::npos);
  Run csv = run("--data demo/reports summary --month 2024-07 --format csv --keep-going", s.dir());
  CHECK(csv.rc == 0);
  // 64 is 数据有误 (June's 110 is shown as the last figure, not assessed); 63 is as reported.
  CHECK(csv.out.find(
            "\r\n64,1,9,市残联,为不低于300户困难残疾人家庭实施无障碍改造。,户,300,0,110,,63.6,,"
            "invalid,数据有误,") != std::string::npos);
  CHECK(csv.out.find("\r\n63,1,9,市残联,") != std::string::npos);
  CHECK(csv.out.find(",人,800,0,800,100.0,63.6,-36.4,done,已完成,") != std::string::npos);
  Run md = run("--data demo/reports summary --month 2024-07 --format md --keep-going", s.dir());
  CHECK(md.out.find(f +
                    ": 警告: 1 行有数值但无法确定是哪个指标；本单位本月未给出数值的指标（64）记为"
                    "数据有误，请核对任务编号后重报") != std::string::npos);
  CHECK(md.out.find("市残联：本月未填报") == std::string::npos);
  CHECK(md.out.find(
            "| 64 | 困难残疾人家庭无障碍改造 | 市残联 | 300户以上 | 110户（沿用6月） | — | — | "
            "数据有误 |") != std::string::npos);
}
