// One rule for a month due for reporting with no progress file, in every command that reports a
// month: exit 3 with the --allow-stale hint; with --allow-stale, the report says it is carried.
#include <catch2/catch.hpp>
#include <filesystem>

#include "harness.hpp"
#include "util/csv.hpp"

using namespace minsheng::e2e;

namespace {
const std::string kRefused =
    "minsheng: 2024-07 尚无进度文件（demo/reports/2024-07/submissions 中没有文件），不生成报告；"
    "确需沿用此前数据（截至 2024-06）生成时加 --allow-stale\n";
}

TEST_CASE("a month with an empty submissions folder: exit 3 and the same hint in every command") {
  Sandbox s;
  s.drop_months_after("2024-06");
  std::filesystem::create_directories(s.data() / "2024-07/submissions");
  for (const char* args :
       {"summary --month 2024-07 --format csv", "diff 2024-06 2024-07 --format csv",
        "site --month 2024-07 -o site", "projects --month 2024-07 --format csv"}) {
    INFO(args);
    Run r = run(std::string("--data demo/reports ") + args, s.dir());
    CHECK(r.rc == 3);
    CHECK(r.err == kRefused);
    CHECK(r.out.empty());
  }
  CHECK_FALSE(std::filesystem::exists(s.dir() / "site"));
}

TEST_CASE("a month with no folder at all is the same case, not a data error") {
  Sandbox s;
  s.drop_months_after("2024-06");
  Run r = run("--data demo/reports diff 2024-06 2024-07", s.dir());
  CHECK(r.rc == 3);
  CHECK(r.err == kRefused);
}

TEST_CASE("allowed stale, the report is made from the month before and says so") {
  Sandbox s;
  s.drop_months_after("2024-06");
  std::filesystem::create_directories(s.data() / "2024-07/submissions");
  Run md = run("--data demo/reports summary --month 2024-07 --format md --allow-stale", s.dir());
  REQUIRE(md.rc == 0);
  CHECK(md.out.find("数据截至 2024年7月底（本月尚无进度文件，全部沿用此前数据）") !=
        std::string::npos);
  CHECK(md.err.find("中没有进度文件，汇总全部沿用此前月份数据") != std::string::npos);
  // Every figure is June's: the same cumulative values as June's summary.
  Run jul = run("--data demo/reports summary --month 2024-07 --format csv --allow-stale", s.dir());
  Run jun = run("--data demo/reports summary --month 2024-06 --format csv", s.dir());
  REQUIRE(jul.rc == 0);
  auto a = minsheng::parse_csv(jul.out), b = minsheng::parse_csv(jun.out);
  REQUIRE(a.size() == b.size());
  REQUIRE(a.size() > 70);
  // Columns: 8 actual, 10 time_pct, 17 value_month, 22 report_month.
  for (std::size_t i = 1; i < a.size(); ++i) {
    CHECK(a[i].fields[8].value == b[i].fields[8].value);
    CHECK(a[i].fields[17].value <= "2024-06");
    CHECK(a[i].fields[22].value == "2024-07");
  }
  // 7 of the plan's 11 months (2024-01 to 2024-11) have passed: 63.6, against June's 54.5.
  CHECK(a[1].fields[10].value == "63.6");
  CHECK(b[1].fields[10].value == "54.5");

  Run d = run("--data demo/reports diff 2024-06 2024-07 --format csv --allow-stale", s.dir());
  CHECK(d.rc == 0);
  Run site = run("--data demo/reports site --month 2024-07 -o site --allow-stale", s.dir());
  CHECK(site.rc == 0);
  CHECK(slurp(s.dir() / "site/index.html").find("本月尚无进度文件，全部沿用此前数据") !=
        std::string::npos);
  CHECK(run("--data demo/reports projects --month 2024-07 --allow-stale", s.dir()).rc == 0);
}

TEST_CASE("a month not yet due and the month before the plan keep their own usage errors") {
  Sandbox s;
  for (const char* args : {"summary --month 2024-03", "diff 2024-03 2024-06",
                           "site --month 2024-03 -o site", "projects --month 2024-03"}) {
    INFO(args);
    Run early = run(std::string("--data demo/reports ") + args, s.dir());
    CHECK(early.rc == 2);
    CHECK(early.err == "minsheng: 2024-03 无需报送进度：计划自 2024-04 起按月报送\n");
  }
  Run before = run("--data demo/reports summary --month 2023-12", s.dir());
  CHECK(before.rc == 2);
}
