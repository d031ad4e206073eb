#include <catch2/catch.hpp>

#include "harness.hpp"
#include "util/encoding.hpp"

using namespace minsheng::e2e;

TEST_CASE("the 2024Q2 bulletin of the demo data matches the reviewed expected document") {
  Run r = run("--data demo/reports bulletin --quarter 2024Q2 --date 2024-07-10");
  CHECK(r.rc == 0);
  CHECK(r.out == slurp(source("tests/expected/bulletin-2024Q2.md")));
  // 46% of about 50% is reached only within the tolerance, and the 通报 says so.
  CHECK(r.out.find("- 19\\. 市、县两级中心城区老年助餐服务覆盖率（市民政局，基本完成）\n") !=
        std::string::npos);
  // The same period chosen as "last" from a July date, which is also its issue date.
  Run last = run("--data demo/reports bulletin --quarter last --as-of 2024-07-10");
  CHECK(last.out == r.out);
}

TEST_CASE("the bulletin's overall counts are the summary's") {
  Run b = run("--data demo/reports bulletin --quarter 2024Q2");
  Run s = run("--data demo/reports summary --month 2024-06 --format table");
  // Task 5 is 超序时, 30 滞后 and 54 序时推进 on the nodes of their 分解方案 (summary_cli_test).
  CHECK(s.out.find("70项任务：已完成 13 项、超序时 17 项、序时推进 29 项、滞后 8 项、严重滞后 1 "
                   "项、未填报 1 项、目标待定 1 项") != std::string::npos);
  CHECK(b.out.find("70项任务中，已完成13项、超序时17项、序时推进29项、滞后8项、严重滞后1项、未填报1"
                   "项、目标待定1项。") != std::string::npos);
}

TEST_CASE("the half-year report goes to the leaders") {
  Run r = run("--data demo/reports bulletin --half 2024H1");
  CHECK(r.rc == 0);
  CHECK(
      r.out.rfind(
          "# 宜昌市2024年十大民生项目上半年推进情况专报\n\n2024年第1期\n\n市委、市政府主要领导：\n",
          0) == 0);
}

TEST_CASE("bulletin --write writes md and html atomically, byte-identical on re-run") {
  Sandbox s;
  Run w = run("--data demo/reports bulletin --quarter 2024Q2 --date 2024-07-10 --write", s.dir());
  REQUIRE(w.rc == 0);
  auto md = s.data() / "2024Q2/bulletin.md";
  auto html = s.data() / "2024Q2/bulletin.html";
  CHECK(slurp(md) == slurp(source("tests/expected/bulletin-2024Q2.md")));
  std::string first_html = slurp(html);
  CHECK(first_html.rfind("<!DOCTYPE html>", 0) == 0);
  REQUIRE(
      run("--data demo/reports bulletin --quarter 2024Q2 --date 2024-07-10 --write", s.dir()).rc ==
      0);
  CHECK(slurp(html) == first_html);
  CHECK(slurp(md) == slurp(source("tests/expected/bulletin-2024Q2.md")));
}

TEST_CASE("the HTML is one self-contained file") {
  Run r = run("--data demo/reports bulletin --quarter 2024Q2 --format html");
  REQUIRE(r.rc == 0);
  for (const char* external : {"<script", "<link", "src=", "url(", "@import", "https://"})
    CHECK(r.out.find(external) == std::string::npos);
  CHECK(r.out.find("<svg class=\"chart\" id=\"status-chart\"") != std::string::npos);
  CHECK(r.out.find("<svg class=\"chart\" id=\"category-chart\"") != std::string::npos);
  CHECK(r.out.find("@page { size: A4;") != std::string::npos);
  CHECK(r.out.find("name=\"viewport\"") != std::string::npos);
}

TEST_CASE("exit 3 when the period has no progress files, 1 on invalid data — nothing is written") {
  Sandbox s;
  s.drop_months_after("2024-06");  // the demo as it stood in June
  Run none = run("--data demo/reports bulletin --quarter 2024Q3 --write", s.dir());
  CHECK(none.rc == 3);
  CHECK(none.err ==
        "minsheng: 2024Q3（2024-07 至 2024-09）没有任何进度文件，无法生成通报；确需按此前数据"
        "（截至 2024-06）生成时加 --allow-stale\n");
  CHECK_FALSE(std::filesystem::exists(s.data() / "2024Q3"));
  // Asked for, it is written from June, and says so.
  Run stale = run("--data demo/reports bulletin --quarter 2024Q3 --allow-stale", s.dir());
  CHECK(stale.rc == 0);
  CHECK(stale.err.find("通报数据截至 2024-06") != std::string::npos);
  CHECK(stale.out.find("2024年6月") != std::string::npos);
  s.write("demo/reports/2024-06/submissions/市妇联.csv", "任务编号,累计完成\n30,十三万\n");
  Run bad = run("--data demo/reports bulletin --quarter 2024Q2 --date 2024-07-10 --write", s.dir());
  CHECK(bad.rc == 1);
  CHECK(bad.err.find(
            "demo/reports/2024-06/submissions/市妇联.csv:2:4: 错误: 任务30的累计完成值“十三万”"
            "不是数字") != std::string::npos);
  CHECK(bad.err.find("共 1 个错误") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(s.data() / "2024Q2"));
}

TEST_CASE("a custom template from docs/templates can be copied and edited") {
  Sandbox s;
  std::string tpl = slurp(source("docs/templates/bulletin.md.mustache"));
  auto pos = tpl.find("## 一、总体情况");
  REQUIRE(pos != std::string::npos);
  tpl.replace(pos, std::string("## 一、总体情况").size(), "## 一、全市总体进展");
  s.write("my.md.mustache", tpl);
  Run r = run("--data demo/reports bulletin --quarter 2024Q2 --template my.md.mustache", s.dir());
  CHECK(r.rc == 0);
  CHECK(r.out.find("## 一、全市总体进展") != std::string::npos);
  CHECK(r.out.find("## 一、总体情况") == std::string::npos);
}

TEST_CASE("bulletin usage errors") {
  CHECK(run("--data demo/reports bulletin").rc == 2);
  CHECK(run("--data demo/reports bulletin --quarter 2024Q2 --half 2024H1").rc == 2);
  CHECK(run("--data demo/reports bulletin --quarter 2024H1").rc == 2);
}

TEST_CASE("a bulletin never goes out on stale data with exit 0") {
  Sandbox s;
  s.drop_months_after("2024-06");  // the demo as it stood in June
  // Q3 on 2024-10-08 with only July's files: exit 3, nothing written, the missing months named.
  s.write("demo/reports/2024-07/submissions/市民政局.csv", "任务编号,累计完成\n14,1000\n");
  Run stale =
      run("--data demo/reports bulletin --quarter last --as-of 2024-10-08 --write", s.dir());
  CHECK(stale.rc == 3);
  CHECK(stale.err ==
        "minsheng: 2024Q3（2024-07 至 2024-09）的最后一个月尚无进度文件（缺 2024-08、2024-09），"
        "不生成通报；确需按已有数据（截至 2024-07）生成时加 --allow-stale\n");
  CHECK_FALSE(std::filesystem::exists(s.data() / "2024Q3"));
  Run allowed = run(
      "--data demo/reports bulletin --quarter 2024Q3 --as-of 2024-10-08 --allow-stale", s.dir());
  CHECK(allowed.rc == 0);
  CHECK(
      allowed.out.find("本通报数据截至2024年7月底（2024年9月数据尚未报送，以2024年7月数据为准）") !=
      std::string::npos);
  // Every due month without a file counts, also those after the data ends. The July file gives
  // no date: it is not called 按时报送.
  CHECK(allowed.out.find(
            "| 市民政局 | 7 | 2 | 2 | 70.4% | 7月报送日期未注明，8月未报送，9月未报送 |") !=
        std::string::npos);
  CHECK(allowed.out.find(" | 7月未报送，8月未报送，9月未报送 |") != std::string::npos);
}

TEST_CASE("a period that has not ended, or that precedes the plan, is a usage error") {
  Run running = run("--data demo/reports bulletin --quarter 2024Q3 --as-of 2024-09-30");
  CHECK(running.rc == 2);
  CHECK(running.err ==
        "minsheng: 2024Q3 到 2024-09-30 才结束（统计日期 2024-09-30），尚不能生成通报\n");
  Run before = run("--data demo/reports bulletin --quarter 2023Q4");
  CHECK(before.rc == 2);
  CHECK(before.err == "minsheng: 2023Q4 在计划开始之前：计划期为 2024-01 至 2024-11\n");
}

TEST_CASE("nothing was due before the plan was issued: no unit is called 未报送 for Q1") {
  Run h1 = run("--data demo/reports bulletin --half 2024H1");
  CHECK(h1.rc == 0);
  for (const char* month : {"1月未报送", "2月未报送", "3月未报送"})
    CHECK(h1.out.find(month) == std::string::npos);
  Run q1 = run("--data demo/reports bulletin --quarter 2024Q1");
  CHECK(q1.rc == 3);
  CHECK(q1.err ==
        "minsheng: 2024Q1（2024-01 至 2024-03）没有任何进度文件，无法生成通报（计划自 "
        "2024-04 起报送进度）\n");
}

TEST_CASE("reporting facts come from the files: a dated line, no date, and the due day itself") {
  Sandbox s;
  // 市妇联's June form says, above its table, that it was filled in on 7月8日: five days late.
  s.write("demo/reports/2024-06/submissions/市妇联.csv",
          "填报单位：宜昌市妇女联合会,填报日期：2024年7月8日\n任务编号,累计完成\n30,140000\n");
  // 市残联's June file gives no date at all.
  s.write("demo/reports/2024-06/submissions/市残联.csv", "任务编号,累计完成\n63,800\n64,110\n");
  Run late = run("--data demo/reports bulletin --quarter 2024Q2 --as-of 2024-07-10", s.dir());
  REQUIRE(late.rc == 0);
  CHECK(late.out.find("| 市妇联 |") != std::string::npos);
  CHECK(late.out.find("6月逾期5天") != std::string::npos);
  CHECK(late.out.find("6月报送日期未注明") != std::string::npos);
  // 市乡村振兴局 sent no June file: its figure is May's, and the table says so.
  CHECK(late.out.find("| 57 | 提档升级村级寄递物流服务站点 | 市乡村振兴局 | 45.0%（沿用5月） |") !=
        std::string::npos);
  Run check = run("--data demo/reports check --month 2024-06", s.dir());
  CHECK((check.out + check.err)
            .find("市妇联.csv: 警告: 逾期报送：报送日期 2024-07-08（据表上填报日期）晚于截止日期 "
                  "2024-07-03（5 天）") != std::string::npos);
  // On the due day (07-03) a unit without its June file is not yet 未报送; the day after it is.
  Run due_day = run("--data demo/reports bulletin --quarter 2024Q2 --as-of 2024-07-03", s.dir());
  REQUIRE(due_day.rc == 0);
  CHECK(due_day.out.find("6月未报送") == std::string::npos);
  CHECK(due_day.out.find("| 市乡村振兴局 | 1 | 0 | 0 | 45.0% | 6月尚未报送（截止7月3日） |") !=
        std::string::npos);
  Run day_after = run("--data demo/reports bulletin --quarter 2024Q2 --as-of 2024-07-04", s.dir());
  CHECK(day_after.out.find("| 市乡村振兴局 | 1 | 0 | 0 | 45.0% | 6月未报送 |") !=
        std::string::npos);
}

TEST_CASE(
    "the office log of arrivals (--received) overrides the files' dates in missing, check and the "
    "bulletin") {
  Sandbox s;
  s.write("demo/reports/2024-06/submissions/市妇联.csv",
          "填报单位：宜昌市妇女联合会,填报日期：2024年7月8日\n任务编号,累计完成\n30,140000\n");
  s.write("demo/reports/2024-06/submissions/市残联.csv", "任务编号,累计完成\n63,800\n64,110\n");
  // The log as Excel on Chinese Windows saves it: GBK. 市妇联's form says 7月8日 but the office
  // logged it on 7月2日; 市残联's undated file arrived on 7月6日; 市交通运输局's column says 7月5日
  // but it arrived on the due day itself.
  s.write("收文登记.csv", minsheng::iconv_convert(
                              "单位,月份,收文日期\r\n市妇联,2024-06,2024/7/2\r\n"
                              "市残联,2024年6月,2024-07-06\r\n市交通运输局,2024-06,2024-07-03\r\n",
                              "UTF-8", "GB18030"));
  Run missing =
      run("--data demo/reports --received 收文登记.csv missing --month 2024-06 --as-of 2024-07-10",
          s.dir());
  CHECK(missing.rc == 1);  // 市乡村振兴局 is still overdue
  CHECK(missing.out.find("已报 21 家，未报 1 家；逾期报送 1 家\n") != std::string::npos);
  CHECK(missing.out.find("市残联        2024-07-03  逾期 3 天报送（2024-07-06，据收文登记）") !=
        std::string::npos);
  CHECK(missing.out.find("市妇联") == std::string::npos);
  CHECK(missing.out.find("市交通运输局") == std::string::npos);
  Run check = run("--data demo/reports --received 收文登记.csv check --month 2024-06", s.dir());
  std::string said = check.out + check.err;
  CHECK(said.find("市残联.csv: 警告: 逾期报送：报送日期 2024-07-06（据收文登记）晚于截止日期 "
                  "2024-07-03（3 天）") != std::string::npos);
  CHECK(said.find("市妇联.csv: 警告: 逾期报送") == std::string::npos);
  CHECK(said.find("市交通运输局.csv: 警告: 逾期报送") == std::string::npos);
  Run b = run(
      "--data demo/reports --received 收文登记.csv bulletin --quarter 2024Q2 --as-of 2024-07-10",
      s.dir());
  REQUIRE(b.rc == 0);
  CHECK(b.out.find("本期未按时报送进展的单位：市乡村振兴局（6月未报送）；市残联（6月逾期3天）。") !=
        std::string::npos);
  // Without the log, the files' own dates decide: 市妇联 and 市交通运输局 late, 市残联 undated.
  Run files = run("--data demo/reports missing --month 2024-06 --as-of 2024-07-10", s.dir());
  CHECK(files.out.find("逾期报送 2 家；报送日期未注明 1 家\n") != std::string::npos);
  // The log is an input: -o never writes over it.
  Run over =
      run("--data demo/reports --received 收文登记.csv summary --month 2024-06 -o 收文登记.csv",
          s.dir());
  CHECK(over.rc == 2);
  CHECK(over.err.find("是收文登记（--received）") != std::string::npos);
}

TEST_CASE("a bad arrivals log lists every bad row at once, with the nearest unit name") {
  Sandbox s;
  s.write("log.csv",
          "单位,月份,收文日期\n市民证局,2024-06,2024-07-02\n市残联,2024-13,2024-07-06\n"
          "市妇联,2024-06,7月2日\n市妇联,2024-06,2024-06-30\n");
  Run r = run("--data demo/reports --received log.csv missing --month 2024-06", s.dir());
  CHECK(r.rc == 1);
  CHECK(r.err.find("log.csv:2:1: 错误: 计划中没有单位“市民证局”（是否应为“市民政局”？）\n") !=
        std::string::npos);
  CHECK(r.err.find("log.csv:3:5: 错误: 月份应写作 YYYY-MM，实际为“2024-13”\n") !=
        std::string::npos);
  CHECK(r.err.find("log.csv:4:13: 错误: 收文日期应写作 YYYY-MM-DD，实际为“7月2日”\n") !=
        std::string::npos);
  CHECK(r.err.find("log.csv:5:13: 错误: 收文日期 2024-06-30 不晚于 2024年6月") !=
        std::string::npos);
  CHECK(r.out.empty());
}

TEST_CASE(
    "the scheduled bulletin with --keep-going publishes: bad targets 数据有误, bad files named") {
  Sandbox s;
  s.write("demo/reports/2024-06/submissions/市妇联.csv", "任务编号,累计完成\n30,十三万\n");
  Run strict = run("--data demo/reports bulletin --quarter 2024Q2 --as-of 2024-07-10", s.dir());
  CHECK(strict.rc == 1);
  Run r =
      run("--data demo/reports bulletin --quarter 2024Q2 --as-of 2024-07-10 --keep-going --write",
          s.dir());
  REQUIRE(r.rc == 0);
  CHECK(r.err.find("市妇联.csv:2:4: 错误: 任务30的累计完成值“十三万”不是数字") !=
        std::string::npos);
  std::string md = slurp(s.data() / "2024Q2" / "bulletin.md");
  // Task 30 alone is 数据有误: the other 69 tasks keep their statuses.
  CHECK(md.find("未填报1项、目标待定1项、数据有误1项。") != std::string::npos);
  CHECK(md.find("以下报送文件有数据错误，涉及的指标按“数据有误”处理，请相关单位更正后重新报送：市妇"
                "联.csv；") != std::string::npos);
  std::string html = slurp(s.data() / "2024Q2" / "bulletin.html");
  CHECK(html.find("请相关单位更正后重新报送：市妇联.csv；") != std::string::npos);
}

TEST_CASE("the bulletin is signed with its issue date and numbered in its series") {
  // The scheduled run on 8 October: the issue date is that day; 2024Q3 is the second quarter
  // reported (the plan's reports start in April), so 第2期.
  Run q3 = run("--data demo/reports bulletin --quarter last --as-of 2024-10-08");
  REQUIRE(q3.rc == 0);
  CHECK(q3.out.find("\n\n2024年第2期\n\n") != std::string::npos);
  CHECK(q3.out.find("\n市政府政务督查室\n2024年10月8日\n") != std::string::npos);
  Run given = run("--data demo/reports bulletin --quarter 2024Q3 --date 2024-10-12 --number 7");
  CHECK(given.out.find("\n\n2024年第7期\n\n") != std::string::npos);
  CHECK(given.out.find("\n市政府政务督查室\n2024年10月12日\n") != std::string::npos);
  // The half-year series counts halves: 2024H2 is its second.
  Run h2 = run("--data demo/reports bulletin --half 2024H2 --as-of 2025-01-05");
  CHECK(h2.out.find("\n\n2024年第2期\n\n") != std::string::npos);
  Run html = run("--data demo/reports bulletin --quarter 2024Q3 --date 2024-10-12 --format html");
  CHECK(html.out.find("<div>2024年10月12日</div>") != std::string::npos);
  CHECK(html.out.find("2024年第2期 · 数据截至") != std::string::npos);
  CHECK(run("--data demo/reports bulletin --quarter 2024Q3 --number 0").rc == 2);
  CHECK(run("--data demo/reports bulletin --quarter 2024Q3 --date 2024-13-01").rc == 2);
}

TEST_CASE("the public edition of the demo bulletin carries nothing internal") {
  // June 2024: 70 tasks, 13 done; 8 滞后 and 1 严重滞后 (the summary's headline) read
  // 「正在加快推进」, the other 48 推进中. Category (一)'s mean is the summary's 58.5%.
  for (const char* fmt : {"md", "html"}) {
    INFO(fmt);
    Run r = run(std::string("--data demo/reports bulletin --quarter 2024Q2 --public --format ") +
                fmt + " --date 2024-07-10");
    REQUIRE(r.rc == 0);
    CHECK(r.out.find("确定的70项民生实事，截至2024年6月底，已完成13项，其余57项正在推进，数值指标"
                     "平均完成61.0%。") != std::string::npos);
    auto count = [&](const std::string& w) {
      std::size_t n = 0;
      for (auto at = r.out.find(w); at != std::string::npos; at = r.out.find(w, at + w.size())) ++n;
      return n;
    };
    CHECK(count("正在加快推进") == 9);
    // Each done task, the opening line, and in HTML the figure box's caption.
    CHECK(count("已完成") == 13 + 1 + (std::string(fmt) == "html" ? 1 : 0));
    CHECK(r.out.find("本类数值指标平均完成58.5%") != std::string::npos);
    CHECK(r.out.find("新改建农村公路：目标1000公里，累计完成200公里，完成20.0%") !=
          std::string::npos);
    // No problems, words of units, sources, file names, standings, nor the internal statuses.
    for (const char* internal :
         {"存在问题",        "下步计划", "问题清单", "限期解决",     "滞后",
          "预计逾期",        "逾期",     "序时",     "排名",         "未报送",
          "未填报",          "数据有误", "目标待定", "超序时",       "来源",
          "demo/reports",    ".csv",     ".yaml",    "牵头",         "报送",
          "县市区",          "市民政局", "市卫健委", "市交通运输局", "团市委",
          "汛期影响施工进度"}) {
      INFO(internal);
      CHECK(r.out.find(internal) == std::string::npos);
    }
  }
  // --write puts it beside the internal one, not over it.
  Sandbox s;
  REQUIRE(run("--data demo/reports bulletin --quarter 2024Q2 --public --write", s.dir()).rc == 0);
  CHECK(std::filesystem::exists(s.data() / "2024Q2/bulletin_public.md"));
  CHECK(std::filesystem::exists(s.data() / "2024Q2/bulletin_public.html"));
  CHECK_FALSE(std::filesystem::exists(s.data() / "2024Q2/bulletin.md"));
  CHECK(run("--data demo/reports bulletin --quarter 2024Q2 --public --template x.mustache").rc ==
        2);
}
