#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "harness.hpp"
#include "io/workbook.hpp"
#include "util/csv.hpp"

using namespace minsheng::e2e;

TEST_CASE("diff of two demo months matches the reviewed expected output") {
  Run csv = run("--data demo/reports diff 2024-05 2024-06 --format csv");
  CHECK(csv.rc == 0);
  CHECK(csv.out == slurp(source("tests/expected/diff-2024-05-2024-06.csv")));
  Run md = run("--data demo/reports diff 2024-05 2024-06 --format md");
  CHECK(md.out == slurp(source("tests/expected/diff-2024-05-2024-06.md")));
  CHECK(md.out.find("与2024-05相比（2024-06）：新完成 11 项，状态改善 6 项，状态恶化 4 项，无进展 "
                    "2 项，数据下调 1 项") != std::string::npos);
}

TEST_CASE("a month diffed with itself has only unchanged rows") {
  Run r = run("--data demo/reports diff 2024-06 2024-06 --format json");
  CHECK(r.rc == 0);
  CHECK(r.out.find("\"unchanged\": 73") != std::string::npos);
  CHECK(r.out.find("\"change\": \"stalled\"") == std::string::npos);
}

TEST_CASE("a written summary CSV (BOM, CRLF) diffs like its month, and months and files mix") {
  Sandbox s;
  REQUIRE(run("--data demo/reports summary --month 2024-05 --write", s.dir()).rc == 0);
  Run r = run("--data demo/reports diff demo/reports/2024-05/summary.csv 2024-06 --format csv",
              s.dir());
  CHECK(r.rc == 0);
  // Same rows and kinds as diffing the months. Only delta_pp may differ, by at most 0.1: the
  // file keeps completion to one decimal, so the difference is taken of rounded numbers.
  auto from_file = minsheng::parse_csv(r.out);
  auto from_months = minsheng::parse_csv(slurp(source("tests/expected/diff-2024-05-2024-06.csv")));
  REQUIRE(from_file.size() == from_months.size());
  for (std::size_t i = 0; i < from_file.size(); ++i) {
    REQUIRE(from_file[i].fields.size() == 23);
    for (std::size_t c = 0; c < 23; ++c) {
      const std::string& a = from_file[i].fields[c].value;
      const std::string& b = from_months[i].fields[c].value;
      INFO("line " << i + 1 << " column " << c);
      if (c == 10 && i > 0 && !a.empty())
        CHECK(std::abs(std::stod(a) - std::stod(b)) <= 0.1 + 1e-9);
      else
        CHECK(a == b);
    }
  }
}

TEST_CASE("diff --only filters rows — --fail-on exits 1 only when such a change exists") {
  Run only =
      run("--data demo/reports diff 2024-05 2024-06 --format csv --only stalled,revised_down");
  CHECK(only.rc == 0);
  CHECK(only.out.find("\r\n33,1,5,市卫健委,") != std::string::npos);
  CHECK(only.out.find("\r\n57,1,8,市乡村振兴局,") != std::string::npos);
  CHECK(only.out.find("\r\n66,1,10,市城管委,") != std::string::npos);
  CHECK(std::count(only.out.begin(), only.out.end(), '\n') == 4);
  Run fail =
      run("--data demo/reports diff 2024-05 2024-06 --format csv --fail-on worsened,revised_down");
  CHECK(fail.rc == 1);
  Run pass =
      run("--data demo/reports diff 2024-06 2024-06 --format csv --fail-on worsened,revised_down");
  CHECK(pass.rc == 0);
  Run bad = run("--data demo/reports diff 2024-05 2024-06 --only slipped");
  CHECK(bad.rc == 2);
  CHECK(bad.err.find("--only 中的“slipped”不是变化类型") != std::string::npos);
  // The kinds' Chinese labels work as their codes do, separated by ",", "，" or "、".
  Run zh = run("--data demo/reports diff 2024-05 2024-06 --format csv --only 无进展，数据下调");
  CHECK(zh.rc == 0);
  CHECK(zh.out == only.out);
  CHECK(run("--data demo/reports diff 2024-05 2024-06 --format csv --fail-on 状态恶化、数据下调")
            .rc == 1);
  // A status is not a kind of change: the message lists every kind with its label.
  Run status = run("--data demo/reports diff 2024-05 2024-06 --only 滞后");
  CHECK(status.rc == 2);
  CHECK(status.err.find(
            "可用：completed（新完成）、worsened（状态恶化）、revised_down（数据下调）") !=
        std::string::npos);
}

TEST_CASE("garbled or missing inputs are errors naming the file, never an empty diff") {
  Sandbox s;
  s.write("garbled.csv", "task,status\n4,on_track\n5\n");
  Run g = run("--data demo/reports diff garbled.csv 2024-06", s.dir());
  CHECK(g.rc == 1);
  CHECK(g.err.find("garbled.csv:3: 错误: 这一行只有 1 列，表头有 2 列") != std::string::npos);
  Run none = run("--data demo/reports diff 2024-03 2024-06", s.dir());
  CHECK(none.rc == 2);  // nothing was due before April
  CHECK(none.err == "minsheng: 2024-03 无需报送进度：计划自 2024-04 起按月报送\n");
  Run missing = run("--data demo/reports diff nope.csv 2024-06", s.dir());
  CHECK(missing.rc == 4);  // the file system's problem, not the data's
  CHECK(missing.err == "minsheng: nope.csv: 无法读取文件: 文件或目录不存在\n");
}

TEST_CASE("diff says what it compares: value months, milestone states, target names, 基本完成") {
  Run csv = run("--data demo/reports diff 2024-05 2024-06 --format csv");
  REQUIRE(csv.rc == 0);
  // 57 was not reported in June: its June value is May's, and the row says so.
  // The last two columns, old_ and new_corrected_from, are empty: no figure was set right.
  CHECK(csv.out.find(",stalled,提档升级村级寄递物流服务站点,2024-05,2024-05,,,,\r\n") !=
        std::string::npos);
  // Task 1 is a milestone by state: the states stand in the value columns.
  CHECK(csv.out.find("\r\n1,1,1,市卫健委,免费开展新生儿疾病筛查。,,,,,,,,,on_track,done,completed,,"
                     "2024-05,2024-06,推进中,已完成,,\r\n") != std::string::npos);
  Run md = run("--data demo/reports diff 2024-05 2024-06 --format md");
  CHECK(
      md.out.find(
          "| 57 | 巩固提升农村寄递物流体系建设成果,提档升级村级服务站点1000个,优化村级服务站点服务"
          "功能。 | 市乡村振兴局 | 450个 → 450个（沿用2024-05） |") != std::string::npos);
  CHECK(md.out.find("| 1 | 免费开展新生儿疾病筛查。 | 市卫健委 | 推进中 → 已完成 |") !=
        std::string::npos);
  // A task with two targets shows the target's own name, not the whole task text.
  CHECK(md.out.find("| 48.2 | 村“两委”班子成员市级培训 | 市委组织部 | 50人 → 92人 |") !=
        std::string::npos);
  // 92 of about 100 is reached only within the tolerance: 基本完成, never 已完成.
  CHECK(md.out.find("| 超序时 → 基本完成 |") != std::string::npos);
  CHECK(md.out.find("-37.5 | 超序时 → 已完成 |\n| 58") == std::string::npos);
}

TEST_CASE("two summary files are headed by their months, and OLD after NEW is a usage error") {
  Sandbox s;
  REQUIRE(run("--data demo/reports summary --month 2024-05 --write", s.dir()).rc == 0);
  REQUIRE(run("--data demo/reports summary --month 2024-06 --write", s.dir()).rc == 0);
  std::filesystem::copy_file(s.data() / "2024-05/summary.csv", s.dir() / "a.csv");
  std::filesystem::copy_file(s.data() / "2024-06/summary.csv", s.dir() / "b.csv");
  Run r = run("--data demo/reports diff a.csv b.csv --format md", s.dir());
  CHECK(r.rc == 0);
  CHECK(r.out.rfind("# 2024-06 与 2024-05 进展对比\n", 0) == 0);
  Run back = run("--data demo/reports diff 2024-06 2024-05", s.dir());
  CHECK(back.rc == 2);
  CHECK(back.err ==
        "minsheng: OLD（2024-06）晚于 NEW（2024-05）：请把较早的一方写在前面，如 diff "
        "2024-05 2024-06\n");
  CHECK(run("--data demo/reports diff b.csv a.csv", s.dir()).rc == 2);
}

TEST_CASE("the terminal table is a table, not Markdown") {
  Run t = run("--data demo/reports diff 2024-05 2024-06 --format table");
  REQUIRE(t.rc == 0);
  CHECK(t.out.find("| --- |") == std::string::npos);
  CHECK(t.out.find("## ") == std::string::npos);
  CHECK(t.out.find("───") != std::string::npos);  // the table's rule
  CHECK(t.out.find("状态恶化（worsened）") != std::string::npos);
  CHECK(t.out.find("450个 → 450个（沿用2024-05）") != std::string::npos);
}

TEST_CASE("diff --format xlsx: 全部 and a sheet per kind of change, Chinese headers") {
  Sandbox s;
  Run r = run("--data demo/reports diff 2024-05 2024-06 --format xlsx -o d.xlsx", s.dir());
  REQUIRE(r.rc == 0);
  auto wb = minsheng::read_xlsx(slurp(s.dir() / "d.xlsx"));
  REQUIRE(wb.sheets.size() >= 2);
  CHECK(wb.sheets[0].name == "全部");
  CHECK(wb.sheets[0].rows[0].cells[0].text == "2024-05 至 2024-06 进展变化（全部）");
  CHECK(wb.sheets[0].rows[2].cells[0].text == "编号");
  // 全部 is every target, unchanged ones too: title, headline, header and 73 rows.
  CHECK(wb.sheets[0].rows.size() == 3 + 73);
  // 新完成 has its 11 (as the headline says) under its header.
  CHECK(wb.sheets[1].rows.size() == 3 + 11);
  std::vector<std::string> names;
  for (const auto& sh : wb.sheets) names.push_back(sh.name);
  CHECK(names == std::vector<std::string>{"全部", "新完成", "状态恶化", "数据下调", "无进展",
                                          "状态改善", "有进展", "首次报送"});
  CHECK(run("--data demo/reports diff 2024-05 2024-06 --format xlsx", s.dir()).rc == 2);
}
