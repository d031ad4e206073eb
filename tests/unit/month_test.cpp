#include "assess/month.hpp"

#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "io/data_dir.hpp"
#include "temp_dir.hpp"

using namespace minsheng;

TEST_CASE("check's warnings are the same taken a month at a time as from every row kept") {
  // Fixture plan, 2024-01 to 2024-10, reports due on the 3rd of the next month.
  test::TempDir t;
  auto f3 = t.write("2024-03/submissions/市民政局.csv",
                    "任务编号,累计完成,目标值\n1,30,\n2,40%,\n5,10,200\n")
                .string();
  auto f4 = t.write("2024-04/submissions/市民政局.csv", "任务编号,累计完成\n1,31\n").string();
  auto h4 =
      t.write("2024-04/submissions/市住建局.csv", "任务编号,累计完成,报送日期\n6,600,2024-05-06\n")
          .string();
  auto f5 = t.write("2024-05/submissions/市民政局.csv",
                    "任务编号,累计完成,目标值\n1,25,\n2,0.45,\n5,20,250\n")
                .string();
  const std::vector<std::string> expected = {
      // Task 6 is 250 (from a baseline of 50): 600 is over twice that.
      h4 + ": 警告: 逾期报送：报送日期 2024-05-06（据表内报送日期）晚于截止日期 2024-05-03（3 天）",
      h4 + ":2: 警告: 任务6的累计完成 600个 超过目标 250个 的两倍，请核对是否多填或误用“万”",
      f5 + ":2: 警告: 累计值较上月减少：任务1指标1 由 31（2024-04，" + f4 + ":2）降为 25",
      f5 + ":3: 警告: 任务2的累计完成为 0.45，疑似把百分数写成了小数（45%？）；百分数请带 % 填写",
      f5 + ":3: 警告: 累计值较上月减少：任务2指标1 由 40（2024-03，" + f3 + ":3）降为 0.45",
      f5 + ":4: 警告: 任务5的目标值由 200（" + f3 + ":4）改为 250，请确认目标是否调整",
  };

  AllRows whole = load_data(test::plan(), t.path());
  Diagnostics at_once;
  check_data(test::plan(), whole, at_once);
  at_once.sort();  // as check prints them
  CHECK(test::strs(at_once) == expected);

  DataChecker checker(test::plan());
  DataSet folded = fold_data(test::plan(), t.path(), std::nullopt,
                             [&](const auto& subs, YearMonth m) { checker.add_month(subs, m); });
  for (const auto& s : folded.submissions) CHECK(s.entries.capacity() == 0);  // let go
  Diagnostics by_month;
  checker.finish(folded, by_month);
  by_month.sort();
  CHECK(test::strs(by_month) == expected);
}

TEST_CASE("a later file's correction shows in every report made with it, and May does not fall") {
  test::TempDir t;
  t.write("2024-04/submissions/市民政局.csv", "任务编号,累计完成\n1,50\n");
  auto f5 = t.write("2024-05/submissions/市民政局.csv",
                    "月份,任务编号,累计完成\n2024-05,1,42\n2024-04,1,35\n")
                .string();
  AllRows d = load_data(test::plan(), t.path());
  // diff 2024-04 2024-05: April as May's file set it right, 35 (原 50); May 42 is progress.
  auto reps = assess_data(test::plan(), d, {{2024, 4}, {2024, 5}}, false);
  CHECK(reps[0].find({1, 1})->actual == 35);
  CHECK(reps[0].find({1, 1})->corrected_from == 50);
  CHECK(reps[1].find({1, 1})->actual == 42);
  CHECK_FALSE(reps[1].find({1, 1})->corrected_from);
  // May's check: the correction is said, and 42 is not a fall from 50.
  auto m = test::strs(month_problems(test::plan(), d, {2024, 5}));
  CHECK(std::find(m.begin(), m.end(),
                  f5 +
                      ":3: 警告: 更正 2024-04 的任务1指标1：由 50 改为 35；此后的报告按更正后的数值"
                      "计算") != m.end());
  for (const auto& s : m) CHECK(s.find("累计值较上月减少") == std::string::npos);
  // Only the files up to April (as April's summary was written): April stands as it was.
  AllRows upto_april = load_data(test::plan(), t.path(), YearMonth{2024, 4});
  CHECK(assess_data(test::plan(), upto_april, {2024, 4}, false).find({1, 1})->actual == 50);
}

TEST_CASE("check names a written summary that still shows a figure since set right") {
  DiffSide written;
  AssessedRow r;
  r.key = {1, 1};
  r.actual = 50;
  r.value_month = YearMonth{2024, 4};
  written.rows.push_back(r);
  r.key = {2, 1};
  r.actual = 30;
  written.rows.push_back(r);
  Corrections c;
  c[{{1, 1}, {2024, 4}}] = {50, 35, {"d/2024-05/submissions/市民政局.csv", 3}, {2024, 5}};
  Diagnostics out;
  check_written_summary(written, {2024, 4}, c, "d/2024-04/summary.csv", out);
  auto m = test::strs(out);
  REQUIRE(m.size() == 1);
  CHECK(m[0] ==
        "d/2024-04/summary.csv: 警告: "
        "本月汇总（summary.md、summary.csv）写于数据更正之前：任务1指标1 "
        "写的是 50，已由 d/2024-05/submissions/市民政局.csv:3 更正为 35。如需按更正后的数值重写，"
        "运行 minsheng summary --month 2024-04 --write");
  // Written after the correction: nothing to say.
  written.rows[0].actual = 35;
  Diagnostics none;
  check_written_summary(written, {2024, 4}, c, "d/2024-04/summary.csv", none);
  CHECK(none.items().empty());
}

TEST_CASE("a city value summed from 县市区 is checked as the reports show it, carried ones in") {
  // Task 1 aims at 100. April: 乙区 110. May: 甲县 100 only. The May city value the reports show
  // is 100 + 110 carried = 210, over twice the target: check and the summary both warn, on the
  // figure the merge formed (the reader used to sum May's rows alone, 100, and stay silent).
  test::TempDir t;
  t.write("2024-04/submissions/市民政局.csv", "任务编号,县市区,累计完成\n1,乙区,110\n");
  auto f5 = t.write("2024-05/submissions/市民政局.csv", "任务编号,县市区,累计完成\n1,甲县,100\n")
                .string();
  const std::string warned =
      f5 + ":2: 警告: 任务1的累计完成 210个 超过目标 100个 的两倍，请核对是否多填或误用“万”";
  AllRows data = load_data(test::county_plan(), t.path());
  Diagnostics checked;
  check_data(test::county_plan(), data, checked);
  CHECK(test::strs(checked) == std::vector<std::string>{warned});
  CHECK(test::strs(month_problems(test::county_plan(), data, {2024, 5})) ==
        std::vector<std::string>{warned});
  MonthReport may = assess_data(test::county_plan(), data, {2024, 5}, false);
  CHECK(test::strs(may.problems) == std::vector<std::string>{warned});
  CHECK(*may.find({1, 1})->actual == 210);
}

TEST_CASE("a typed city value over twice its target is warned as before") {
  test::TempDir t;
  auto f5 = t.write("2024-05/submissions/市民政局.csv", "任务编号,累计完成\n1,201\n").string();
  AllRows data = load_data(test::plan(), t.path());
  Diagnostics checked;
  check_data(test::plan(), data, checked);
  CHECK(
      test::strs(checked) ==
      std::vector<std::string>{
          f5 + ":2: 警告: 任务1的累计完成 201个 超过目标 100个 的两倍，请核对是否多填或误用“万”"});
  // Exactly twice is not over twice.
  t.write("2024-05/submissions/市民政局.csv", "任务编号,累计完成\n1,200\n");
  Diagnostics at_two;
  check_data(test::plan(), load_data(test::plan(), t.path()), at_two);
  CHECK(at_two.items().empty());
}

TEST_CASE("boundaries of the plausibility checks: a fall of exactly 1, a rate typed as 1") {
  // Task 1 goes 31 → 30: a fall of one is a fall. Task 2 (about 50%) typed as a bare 1 is 100%
  // written as a fraction (v ≤ 1 is the rule; 1.5 would be 1.5%).
  test::TempDir t;
  auto f4 =
      t.write("2024-04/submissions/市民政局.csv", "任务编号,累计完成\n1,31\n2,30%\n").string();
  auto f5 = t.write("2024-05/submissions/市民政局.csv", "任务编号,累计完成\n1,30\n2,1\n").string();
  Diagnostics d;
  check_data(test::plan(), load_data(test::plan(), t.path()), d);
  d.sort();
  CHECK(
      test::strs(d) ==
      std::vector<std::string>{
          f5 + ":2: 警告: 累计值较上月减少：任务1指标1 由 31（2024-04，" + f4 + ":2）降为 30",
          f5 + ":3: 警告: 任务2的累计完成为 1，疑似把百分数写成了小数（100%？）；百分数请带 % 填写",
          f5 + ":3: 警告: 累计值较上月减少：任务2指标1 由 30（2024-04，" + f4 + ":3）降为 1"});
}
