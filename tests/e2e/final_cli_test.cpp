// minsheng final: the 完成情况 report, at the deadline (as of 12-03, from November) and again in
// January (from December, when a late target finished). Figures worked out by hand.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "harness.hpp"
#include "io/workbook.hpp"
#include "util/csv.hpp"

using namespace minsheng::e2e;
using nlohmann::json;

namespace {

void november_and_december(const Sandbox& s) {
  // 市住建局: 290 of 300 lifts (task 36) in November, 300 in December; with its general words.
  s.write(
      "demo/reports/2024-11/submissions/市住建局.csv",
      "任务编号,累计完成,存在问题,下步计划\n36,290,,\n,,部分小区意见不一,12月底前完成剩余10台\n");
  s.write("demo/reports/2024-12/submissions/市住建局.csv", "任务编号,累计完成\n36,300\n");
}

const json* row_of(const json& rows, int task, int target) {
  for (const auto& r : rows)
    if (r["task"] == task && r["target"] == target) return &r;
  return nullptr;
}

const json* named(const json& list, const std::string& name) {
  for (const auto& r : list)
    if (r["name"] == name) return &r;
  return nullptr;
}

}  // namespace

TEST_CASE(
    "final as of the deadline's report date: from November, the unfinished with their words") {
  Sandbox s;
  s.drop_months_after("2024-06");  // this test writes its own later months
  november_and_december(s);
  Run r = run("--data demo/reports final --as-of 2024-12-03 --format json", s.dir());
  REQUIRE(r.rc == 0);
  json j = json::parse(r.out);
  CHECK(j["month"] == "2024-11");  // December has not ended by 12-03
  CHECK(j["as_of"] == "2024-12-03");
  CHECK(j["total"]["targets"] == 73);
  const json* lifts = row_of(j["rows"], 36, 1);
  REQUIRE(lifts);
  CHECK((*lifts)["status"] == "overdue");
  CHECK((*lifts)["status_label"] == "未完成");
  CHECK((*lifts)["completion_pct"] == 96.7);  // 290 ÷ 300
  CHECK((*lifts)["remaining"] == 10);
  CHECK((*lifts)["done_month"].is_null());
  // Every June-done target is still done (its value carried); nothing else is, and nothing
  // finished late: the counts follow June's summary.
  auto june = minsheng::parse_csv(
      run("--data demo/reports summary --month 2024-06 --format csv", s.dir()).out);
  int june_done = 0, june_open = 0;
  for (std::size_t i = 1; i < june.size(); ++i) {
    const std::string& st = june[i].fields[12].value;
    june_done += st == "done";
    june_open += st == "ahead" || st == "on_track" || st == "behind" || st == "seriously_behind";
  }
  CHECK(j["total"]["done"] == june_done);
  CHECK(j["total"]["done_late"] == 0);
  CHECK(j["total"]["unfinished"] == june_open);
  CHECK(j["total"]["no_data"] == 73 - june_done - june_open);
  // 市住建局 leads nine targets, none reached.
  const json* unit = named(j["by_unit"], "市住建局");
  REQUIRE(unit);
  CHECK((*unit)["targets"] == 9);
  CHECK((*unit)["unfinished"] == 9);
  CHECK((*unit)["rate_pct"] == 0.0);
  // The target row left 存在问题 and 下步计划 empty: the unit's general row speaks for it.
  bool found = false;
  for (const auto& u : j["unfinished"])
    if (u["task"] == 36) {
      found = true;
      CHECK(u["issues"] == "部分小区意见不一");
      CHECK(u["next_steps"] == "12月底前完成剩余10台");
    }
  CHECK(found);
  Run md = run("--data demo/reports final --as-of 2024-12-03", s.dir());
  REQUIRE(md.rc == 0);
  CHECK(md.out.find("数据截至 2024年11月底；统计日期 2024年12月3日。") != std::string::npos);
  CHECK(md.out.find("| 36 | 既有住宅加装电梯 | 300台以上 | 290台 | 96.7% | 10台 | "
                    "部分小区意见不一 | 12月底前完成剩余10台 |") != std::string::npos);
  // Carried values say so.
  CHECK(md.out.find("| 38 | 新增保障性租赁住房 | 4601套(间) | 2600套(间)（沿用6月） |") !=
        std::string::npos);
}

TEST_CASE("final in January: a target finished in December is 逾期完成, dated December") {
  Sandbox s;
  s.drop_months_after("2024-06");  // this test writes its own later months
  november_and_december(s);
  Run r = run("--data demo/reports final --as-of 2025-01-05 --format json", s.dir());
  REQUIRE(r.rc == 0);
  json j = json::parse(r.out);
  CHECK(j["month"] == "2024-12");
  const json* lifts = row_of(j["rows"], 36, 1);
  REQUIRE(lifts);
  CHECK((*lifts)["status"] == "done_late");
  CHECK((*lifts)["status_label"] == "逾期完成");
  CHECK((*lifts)["done_month"] == "2024-12");
  CHECK(j["total"]["done_late"] == 1);
  const json* unit = named(j["by_unit"], "市住建局");
  CHECK((*unit)["done_late"] == 1);
  CHECK((*unit)["unfinished"] == 8);
  CHECK((*unit)["rate_pct"] == 11.1);  // 1 of 9
  // The CSV says the same in its columns.
  auto csv = minsheng::parse_csv(
      run("--data demo/reports final --as-of 2025-01-05 --format csv", s.dir()).out);
  bool seen = false;
  for (const auto& rec : csv)
    if (rec.fields[0].value == "36") {
      seen = true;
      CHECK(rec.fields[9].value == "done_late");
      CHECK(rec.fields[11].value == "2024-12");
      CHECK(rec.fields[14].value == "2024-12");
    }
  CHECK(seen);
}

TEST_CASE(
    "final before the deadline month has ended is a usage error, and html and xlsx are written") {
  Sandbox s;
  s.drop_months_after("2024-06");  // this test writes its own later months
  november_and_december(s);
  Run early = run("--data demo/reports final --as-of 2024-11-30", s.dir());
  CHECK(early.rc == 2);
  CHECK(early.err.find("截止月份 2024-11 结束后才能生成完成情况报告") != std::string::npos);
  Run html = run("--data demo/reports final --as-of 2024-12-03 --format html", s.dir());
  REQUIRE(html.rc == 0);
  CHECK(html.out.find("<h1>宜昌市落实湖北省2024年十大民生项目工作方案完成情况</h1>") !=
        std::string::npos);
  CHECK(html.out.find("<h3>市住建局</h3>") != std::string::npos);
  CHECK(html.out.find("<td class=\"num\" data-h=\"完成率\">96.7%</td>") != std::string::npos);
  CHECK(html.out.find("@page") != std::string::npos);
  Run x =
      run("--data demo/reports final --as-of 2024-12-03 --format xlsx -o 完成情况.xlsx", s.dir());
  REQUIRE(x.rc == 0);
  minsheng::Workbook wb = minsheng::read_xlsx(slurp(s.dir() / "完成情况.xlsx"));
  std::vector<std::string> names;
  for (const auto& sh : wb.sheets) names.push_back(sh.name);
  CHECK(names == std::vector<std::string>{"完成情况", "未完成", "分单位", "分类", "县市区"});
  CHECK(wb.sheets[0].rows.size() == 1 + 73);
  CHECK(run("--data demo/reports final --as-of 2024-12-03 --format xlsx", s.dir()).rc == 2);
}

TEST_CASE("final when the deadline month has no files: November's report from June's figures") {
  Sandbox s;
  s.drop_months_after("2024-06");  // July to December sent nothing
  Run r = run("--data demo/reports final --as-of 2024-12-03 --format json", s.dir());
  REQUIRE(r.rc == 0);
  CHECK(r.err.find("2024-11 没有进度文件，完成情况沿用此前月份数据") != std::string::npos);
  json j = json::parse(r.out);
  CHECK(j["month"] == "2024-11");
  const json* lifts = row_of(j["rows"], 36, 1);
  REQUIRE(lifts);
  CHECK((*lifts)["actual"] == 180);  // June's, carried
  CHECK((*lifts)["value_month"] == "2024-06");
  CHECK((*lifts)["completion_pct"] == 60.0);  // 180 ÷ 300
  CHECK((*lifts)["status"] == "overdue");
  CHECK((*lifts)["remaining"] == 120);
}
