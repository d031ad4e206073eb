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
  CHECK(county.out.find("长阳土家族自治县,14,1,市民政局,特殊困难老年人家庭适老化改造,200,110,55.0,") !=
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
  CHECK(c.err.find(f + ": 错误: 工作表“7月”是7月的报表，与所在目录 2024-09 不符，整个文件不予采用") !=
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
