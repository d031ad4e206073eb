#include "io/data_dir.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <catch2/catch.hpp>

#include "assess/bulletin.hpp"
#include "assess/history.hpp"
#include "assess/month.hpp"
#include "assess/problems.hpp"
#include "assess/reporting.hpp"
#include "fixtures.hpp"
#include "io/fs.hpp"
#include "io/plan_loader.hpp"
#include "report/bulletin_render.hpp"
#include "report/county_report.hpp"
#include "report/summary_report.hpp"
#include "temp_dir.hpp"
#include "util/parallel.hpp"

using namespace minsheng;

namespace {
using test::plan;
using test::strs;
}  // namespace

TEST_CASE("months are the canonical YYYY-MM folders that have submissions/") {
  test::TempDir t;
  t.write("2024-05/submissions/市民政局.csv", "任务编号,累计完成\n1,10\n");
  t.write("2024-04/submissions/.keep", "");
  t.write("2024-6/submissions/市民政局.csv", "");  // not canonical: ignored
  t.write("2024-07/summary.md", "");               // no submissions/: ignored
  CHECK(list_months(t.path()) == std::vector<YearMonth>{{2024, 4}, {2024, 5}});
}

TEST_CASE("the snapshot carries values forward and warns when a cumulative value falls") {
  test::TempDir t;
  t.write("2024-03/submissions/市民政局.csv", "任务编号,累计完成\n1,30\n2,20%\n");
  t.write("2024-04/submissions/市民政局.csv", "任务编号,累计完成\n1,28\n2,\n");
  t.write("2024-04/submissions/~$市民政局.csv", "lock file");  // Excel's lock file is skipped
  AllRows d = load_data(plan(), t.path());
  CHECK(d.diagnostics.items().empty());
  REQUIRE(d.submissions.size() == 2);
  Diagnostics w;
  Snapshot s = merge_snapshot(d.submissions, {2024, 4}, &w);
  CHECK(s.values.at({1, 1}).value == 28);
  CHECK(s.values.at({1, 1}).month == YearMonth{2024, 4});
  CHECK(s.values.at({2, 1}).value == 20);  // blank in April: March's value carried
  CHECK(s.values.at({2, 1}).month == YearMonth{2024, 3});
  auto m = strs(w);
  REQUIRE(m.size() == 1);
  std::string f3 = (t.path() / "2024-03/submissions/市民政局.csv").string();
  std::string f4 = (t.path() / "2024-04/submissions/市民政局.csv").string();
  CHECK(m[0] ==
        f4 + ":2: 警告: 累计值较上月减少：任务1指标1 由 30（2024-03，" + f3 + ":2）降为 28");
  // A snapshot of March ignores April.
  CHECK(merge_snapshot(d.submissions, {2024, 3}, nullptr).values.at({1, 1}).value == 30);
}

TEST_CASE("a unit's re-sent file supersedes its earlier one for the month, and says so") {
  test::TempDir t;
  t.write("2024-05/submissions/市民政局.csv", "任务编号,累计完成\n1,10\n2,30%\n");
  t.write("2024-05/submissions/市民政局_更正.csv", "任务编号,累计完成\n1,12\n");
  AllRows d = load_data(plan(), t.path());
  auto m = strs(d.diagnostics);
  REQUIRE(m.size() == 1);
  std::string dir = (t.path() / "2024-05/submissions/").string();
  CHECK(m[0] ==
        dir + "市民政局.csv: 警告: 市民政局本月另有 " + dir +
            "市民政局_更正.csv（文件名表明是更正或更新的版本），采用该文件；本文件视为被更正"
            "的旧版，不予采用");
  // The 更正 file is the report, whole: task 1 is 12, and task 2 (only in the old file) has
  // no figure this month.
  MonthReport rep = assess_data(plan(), d, {2024, 5}, false);
  CHECK(rep.find({1, 1})->actual == 12);
  CHECK(rep.find({2, 1})->status == Status::not_reported);
  // The figure it set right is said: 12, 已更正（原 10）.
  CHECK(rep.find({1, 1})->corrected_from == 10);
  CHECK_FALSE(rep.find({2, 1})->corrected_from);
  // Without a name that says so, the later 填报日期 decides.
  test::TempDir u;
  u.write("2024-05/submissions/市民政局.csv", "任务编号,累计完成,报送日期\n1,15,2024-06-05\n");
  u.write("2024-05/submissions/市民政局.xlsx.csv", "任务编号,累计完成,报送日期\n1,14,2024-06-02\n");
  AllRows e = load_data(plan(), u.path());
  CHECK(assess_data(plan(), e, {2024, 5}, true).find({1, 1})->actual == 15);
  CHECK(strs(e.diagnostics).at(0).find("市民政局.xlsx.csv: 警告: 市民政局本月另有") !=
        std::string::npos);
  CHECK(strs(e.diagnostics).at(0).find("（填报日期较晚）") != std::string::npos);
  // Two files of one unit that give different targets are both its report.
  test::TempDir v;
  v.write("2024-05/submissions/市民政局_一.csv", "任务编号,累计完成\n1,10\n");
  v.write("2024-05/submissions/市民政局_二.csv", "任务编号,累计完成\n2,30%\n");
  AllRows f = load_data(plan(), v.path());
  CHECK(f.diagnostics.items().empty());
  MonthReport both = assess_data(plan(), f, {2024, 5}, false);
  CHECK(both.find({1, 1})->actual == 10);
  CHECK(both.find({2, 1})->actual == 30);
}

TEST_CASE("a rejected file contributes nothing: its rows never replace the lead unit's value") {
  test::TempDir t;
  // 市民政局 reports task 1 = 40. A stray file names no unit and claims task 1 = 9999 (and
  // task 3, 市住建局's, so that its rows cannot name its unit either).
  t.write("2024-05/submissions/市民政局.csv", "任务编号,累计完成\n1,40\n");
  t.write("2024-05/submissions/某某局.csv", "任务编号,累计完成,状态\n1,9999,\n3,,推进中\n");
  AllRows d = load_data(plan(), t.path());
  CHECK_THROWS_AS(assess_data(plan(), d, {2024, 5}, false), DataError);
  MonthReport rep = assess_data(plan(), d, {2024, 5}, true);
  const TargetResult* r = rep.find({1, 1});
  CHECK(r->status == Status::invalid);
  // The value is still 市民政局's 40, never 9999, and the report never says 已完成.
  REQUIRE(r->actual);
  CHECK(*r->actual == 40);
  CHECK(r->source.file.str().find("某某局") == std::string::npos);
  // A file of another unit naming 市民政局's target: an error there, 市民政局's value stands.
  test::TempDir u;
  u.write("2024-05/submissions/市民政局.csv", "任务编号,累计完成\n1,40\n");
  u.write("2024-05/submissions/市住建局.csv", "任务编号,累计完成,状态\n3,,推进中\n1,9999,\n");
  AllRows e = load_data(plan(), u.path());
  MonthReport rep2 = assess_data(plan(), e, {2024, 5}, true);
  CHECK(rep2.find({1, 1})->status == Status::behind);  // 40 of 100 at 50% time: 10 points behind
  CHECK(*rep2.find({1, 1})->actual == 40);
  CHECK(rep2.problems.error_count() == 1);
}

TEST_CASE("an undecodable file is rejected: its unit's targets are 数据有误, not an old value") {
  test::TempDir t;
  t.write("2024-04/submissions/市民政局.csv", "任务编号,累计完成\n1,30\n");
  t.write("2024-05/submissions/市民政局.csv", std::string("\xEF\xBB\xBF\xFF\xFE"
                                                          "bad"));
  AllRows d = load_data(plan(), t.path());
  MonthReport rep = assess_data(plan(), d, {2024, 5}, true);
  CHECK(rep.find({1, 1})->status == Status::invalid);
  CHECK(rep.find({2, 1})->status == Status::invalid);
}

TEST_CASE("a late file is a warning — errors block the report unless keep_going") {
  test::TempDir t;
  t.write("2024-05/submissions/市民政局.csv",
          "任务编号,累计完成,报送日期\n1,10,2024-06-05\n2,abc,\n");
  AllRows d = load_data(plan(), t.path());
  Diagnostics p = month_problems(plan(), d, {2024, 5});
  auto m = strs(p);
  REQUIRE(m.size() == 2);
  std::string f = (t.path() / "2024-05/submissions/市民政局.csv").string();
  CHECK(
      m[0] ==
      f + ": 警告: 逾期报送：报送日期 2024-06-05（据表内报送日期）晚于截止日期 2024-06-03（2 天）");
  CHECK(m[1].rfind(f + ":3:3: 错误: ", 0) == 0);
  CHECK_THROWS_AS(assess_data(plan(), d, {2024, 5}, false), DataError);
  MonthReport rep = assess_data(plan(), d, {2024, 5}, true);
  CHECK(rep.find({2, 1})->status == Status::invalid);
  CHECK(rep.find({1, 1})->status == Status::seriously_behind);  // 10% done at 50% time: 40 behind
}

TEST_CASE("input files are never changed by reading them") {
  test::TempDir t;
  std::string bytes = "\xEF\xBB\xBF任务编号,累计完成\r\n1,\"1,680\"\r\n";
  auto p = t.write("2024-05/submissions/市民政局.csv", bytes);
  auto before = std::filesystem::last_write_time(p);
  load_data(plan(), t.path());
  CHECK(read_file(p) == bytes);
  CHECK(std::filesystem::last_write_time(p) == before);
}

TEST_CASE("files sent but not readable are warnings, and their unit is not called 未报送") {
  test::TempDir t;
  t.write("2024-05/submissions/市民政局.ods", "PK\x03\x04");
  t.write("2024-05/submissions/说明.docx", "PK\x03\x04");
  t.write("2024-05/submissions/市住建局/进度.csv", "任务编号,累计完成\n6,100\n");
  AllRows d = load_data(plan(), t.path());
  auto m = strs(d.diagnostics);
  std::string dir = (t.path() / "2024-05/submissions/").string();
  REQUIRE(m.size() == 3);
  CHECK(m[0] == dir +
                    "市住建局: 警告: 是文件夹，不会读取其中的文件：请把进度文件直接放在 "
                    "submissions/ 中");
  CHECK(m[1] == dir +
                    "市民政局.ods: 警告: 是 OpenDocument 表格，不能直接读取：请另存为 .xlsx 或 CSV "
                    "后放入本目录");
  CHECK(m[2] == dir + "说明.docx: 警告: 不是进度文件（应为 .csv 或 .yaml），未读取");
  MonthReport rep = assess_data(plan(), d, {2024, 5}, false);
  std::map<std::string, std::vector<std::string>> unread;
  for (const auto& g : rep.gaps) unread[g.unit] = g.unread_files;
  CHECK(unread.at("市民政局") == std::vector<std::string>{"市民政局.ods"});
  CHECK(unread.at("市住建局") == std::vector<std::string>{"市住建局"});
  CHECK(unread.at("市农业农村局").empty());  // sent nothing at all: 未报送
}

TEST_CASE("plausibility: a 万 slip, a fraction for a percentage, a pending figure that changes") {
  test::TempDir t;
  t.write("2024-04/submissions/市民政局.csv",
          "任务编号,累计完成,目标值\n1,30,\n2,40%,\n5,10,200\n");
  t.write("2024-05/submissions/市民政局.csv",
          "任务编号,累计完成,目标值\n1,201,\n2,0.45,\n5,20,250\n");
  AllRows d = load_data(plan(), t.path());
  auto m = strs(month_problems(plan(), d, {2024, 5}));
  std::string f = (t.path() / "2024-05/submissions/市民政局.csv").string();
  std::string f4 = (t.path() / "2024-04/submissions/市民政局.csv").string();
  REQUIRE(m.size() == 4);
  // 201 is over twice the figure 100.
  CHECK(m[0] ==
        f + ":2: 警告: 任务1的累计完成 201个 超过目标 100个 的两倍，请核对是否多填或误用“万”");
  // 0.45 where April said 40%: a fraction typed without %. It also reads as a fall from 40.
  CHECK(m[1] ==
        f + ":3: 警告: 任务2的累计完成为 0.45，疑似把百分数写成了小数（45%？）；百分数请带 % 填写");
  CHECK(m[2] ==
        f + ":3: 警告: 累计值较上月减少：任务2指标1 由 40（2024-04，" + f4 + ":3）降为 0.45");
  CHECK(m[3] == f + ":4: 警告: 任务5的目标值由 200（" + f4 + ":4）改为 250，请确认目标是否调整");
  // April alone raises none of them.
  CHECK(month_problems(plan(), d, {2024, 4}).items().empty());
}

TEST_CASE("a month's report shows that month's warnings, not earlier months'") {
  test::TempDir t;
  t.write("2024-04/submissions/市民政局.csv", "任务编号,累计完成,报送日期\n1,10,2024-05-09\n");
  t.write("2024-05/submissions/市民政局.csv", "任务编号,累计完成,报送日期\n1,20,2024-06-02\n");
  AllRows d = load_data(plan(), t.path());
  CHECK(month_problems(plan(), d, {2024, 4}).warning_count() == 1);  // April's file was late
  MonthReport may = assess_data(plan(), d, {2024, 5}, false);
  CHECK(may.problems.items().empty());
}

TEST_CASE("an input file over 50 MB is refused before it is read") {
  test::TempDir t;
  auto p = t.write("2024-05/submissions/市民政局.csv", "任务编号,累计完成\n1,10\n");
  std::filesystem::resize_file(p, kMaxInputBytes + 1);
  AllRows d = load_data(plan(), t.path());
  auto m = strs(d.diagnostics);
  REQUIRE(m.size() == 1);
  CHECK(m[0] == p.string() + ": 错误: 文件过大（50 MB），超过输入文件 50 MB 的上限，未读取");
}

TEST_CASE("problems copied from one list to another keep what their closing line counts") {
  Diagnostics all;
  for (int i = 0; i < 130; ++i) all.error("f.csv", i + 1, 1, "x");
  all.warning("g.csv", 1, 1, "w");
  CHECK(all.items().size() == 102);
  CHECK(all.error_count() == 130);
  Diagnostics copy;
  for (const auto& d : all.items()) copy.add(d);
  CHECK(copy.error_count() == 130);
  CHECK(copy.warning_count() == 1);
  copy.sort();
  CHECK(copy.items()[100].str() == "f.csv: 错误: 另有 30 个问题未列出（每个文件最多列出 100 个）");
  CHECK(copy.items()[101].file == "g.csv");
}

TEST_CASE(
    "symlinks out of the data folder, loops, dangling links and FIFOs are named and skipped") {
  test::TempDir t, outside;
  namespace fs = std::filesystem;
  auto secret = outside.write("secret.csv", "任务编号,累计完成\n1,9999\n");
  auto sub = t.path() / "2024-05/submissions";
  t.write("2024-05/submissions/市民政局.csv", "任务编号,累计完成\n1,40\n");
  fs::create_symlink(secret, sub / "市住建局.csv");            // leads outside
  fs::create_symlink(sub / "loop-b.csv", sub / "loop-a.csv");  // a loop
  fs::create_symlink(sub / "loop-a.csv", sub / "loop-b.csv");
  fs::create_symlink(sub / "gone.csv", sub / "dangling.csv");      // leads nowhere
  REQUIRE(mkfifo((sub / "市农业农村局.csv").c_str(), 0600) == 0);  // would block a read
  t.write("shared/市委组织部.csv", "任务编号,指标,累计完成\n4,2,50\n");
  fs::create_symlink(t.path() / "shared/市委组织部.csv", sub / "市委组织部.csv");  // inside: read
  fs::create_directories(outside.path() / "2024-06/submissions");
  fs::create_symlink(outside.path() / "2024-06", t.path() / "2024-06");  // a month outside
  AllRows d = load_data(plan(), t.path());
  auto m = strs(d.diagnostics);
  std::string dir = sub.string() + "/";
  CHECK(
      std::find(
          m.begin(), m.end(),
          dir +
              "市住建局.csv: 警告: 是指向数据目录之外（或无法解析、形成循环）的符号链接，已跳过") !=
      m.end());
  CHECK(
      std::find(
          m.begin(), m.end(),
          dir + "loop-a.csv: 警告: 是指向数据目录之外（或无法解析、形成循环）的符号链接，已跳过") !=
      m.end());
  CHECK(
      std::find(
          m.begin(), m.end(),
          dir +
              "dangling.csv: 警告: 是指向数据目录之外（或无法解析、形成循环）的符号链接，已跳过") !=
      m.end());
  CHECK(std::find(m.begin(), m.end(),
                  dir + "市农业农村局.csv: 警告: 不是普通文件或目录（管道、设备等），已跳过") !=
        m.end());
  CHECK(std::find(m.begin(), m.end(),
                  (t.path() / "2024-06").string() +
                      ": 警告: 月份目录或其 submissions "
                      "是指向数据目录之外（或无法解析）的符号链接，已跳过") != m.end());
  CHECK_FALSE(d.diagnostics.has_errors());
  // Nothing from outside was read; the inside link was.
  CHECK(d.months == std::vector<YearMonth>{{2024, 5}});
  for (const auto& s : d.submissions)
    for (const auto& e : s.entries) CHECK(e.value != 9999);
  CHECK(std::any_of(d.submissions.begin(), d.submissions.end(),
                    [](const Submission& s) { return s.unit == "市委组织部"; }));
}

TEST_CASE("an output folder that is a symlink is never written through") {
  test::TempDir t, outside;
  std::filesystem::create_symlink(outside.path(), t.path() / "2024-06");
  CHECK_THROWS_AS(output_dir(t.path(), "2024-06"), IoError);
  CHECK(output_dir(t.path(), "2024-07") == t.path() / "2024-07");
}

TEST_CASE("a snapshot moved on month by month equals one merged at once") {
  test::TempDir t;
  t.write("2024-03/submissions/市民政局.csv", "任务编号,累计完成\n1,30\n2,20%\n");
  t.write("2024-04/submissions/市民政局.csv", "任务编号,累计完成\n1,28\n");
  t.write("2024-06/submissions/市住建局.csv", "任务编号,累计完成,状态\n3,,推进中\n6,90,\n");
  AllRows d = load_data(plan(), t.path());
  Snapshot moving;
  std::size_t next = 0;
  for (YearMonth m{2024, 3}; m <= YearMonth{2024, 6}; m = m.plus(1)) {
    advance_snapshot(moving, d.submissions, next, m, nullptr);
    Snapshot once = merge_snapshot(d.submissions, m, nullptr);
    INFO(m.str());
    CHECK(moving.values.size() == once.values.size());
    for (const auto& [k, o] : once.values) {
      CHECK(moving.values.at(k).value == o.value);
      CHECK(moving.values.at(k).month == o.month);
    }
    CHECK(moving.reported.size() == once.reported.size());
  }
  CHECK(next == d.submissions.size());
}

TEST_CASE(
    "rows merged as they are read warn of a fraction, a fall and a changed figure as before") {
  // The evidence is in March, which is merged and dropped when rows are kept from April.
  test::TempDir t;
  t.write("2024-03/submissions/市民政局.csv",
          "任务编号,累计完成,目标值\n1,30,\n2,40%,\n5,10,200\n");
  t.write("2024-04/submissions/市民政局.csv", "任务编号,累计完成\n1,31\n");
  t.write("2024-05/submissions/市民政局.csv",
          "任务编号,累计完成,目标值\n1,25,\n2,0.45,\n5,20,250\n");
  // Read for April and May: March is merged and dropped.
  MonthRows d = load_months(plan(), t.path(), {{2024, 4}, {2024, 5}}, YearMonth{2024, 5});
  REQUIRE(d.submissions.size() == 3);
  CHECK(d.submissions[0].entries.capacity() == 0);  // March's rows are let go
  CHECK(d.submissions[1].entries.size() == 1);
  CHECK(d.carried_until == 1);
  CHECK(d.carried.month == YearMonth{2024, 3});
  CHECK(d.carried.values.at({1, 1}).value == 30);
  std::string f = (t.path() / "2024-05/submissions/市民政局.csv").string();
  std::string f3 = (t.path() / "2024-03/submissions/市民政局.csv").string();
  std::string f4 = (t.path() / "2024-04/submissions/市民政局.csv").string();
  MonthReport may = std::move(assess_data(plan(), std::move(d), false).at(1));
  auto m = strs(may.problems);
  REQUIRE(m.size() == 4);
  CHECK(m[0] == f + ":2: 警告: 累计值较上月减少：任务1指标1 由 31（2024-04，" + f4 + ":2）降为 25");
  CHECK(m[1] ==
        f + ":3: 警告: 任务2的累计完成为 0.45，疑似把百分数写成了小数（45%？）；百分数请带 % 填写");
  CHECK(m[2] ==
        f + ":3: 警告: 累计值较上月减少：任务2指标1 由 40（2024-03，" + f3 + ":3）降为 0.45");
  CHECK(m[3] == f + ":4: 警告: 任务5的目标值由 200（" + f3 + ":4）改为 250，请确认目标是否调整");
}

TEST_CASE("a report from rows merged as they were read is the report from every row kept") {
  // The demo's months, each summarised (with its 县市区) from a data set that kept every row
  // and from one that kept only that month's rows (the month before is then the carried
  // snapshot, from which the status changes are found); and the diff's pair.
  Plan p = load_plan(std::string(MINSHENG_SOURCE_DIR) + "/tasks.yaml");
  std::string demo = std::string(MINSHENG_SOURCE_DIR) + "/demo/reports";
  for (YearMonth m{2024, 5}; m <= YearMonth{2024, 7}; m = m.plus(1)) {  // the demo has 04–06
    INFO(m.str());
    MonthReport all = assess_data(p, load_data(p, demo, m), m, true);
    MonthRows folded_data = load_months(p, demo, {m}, m);
    CHECK(folded_data.carried_until > 0);  // April at least is merged and dropped
    CHECK(folded_data.carried.month == std::min(m.plus(-1), YearMonth{2024, 6}));
    MonthReport folded = std::move(assess_data(p, std::move(folded_data), true).front());
    CHECK(summary_csv(folded) == summary_csv(all));
    CHECK(summary_markdown(folded) == summary_markdown(all));
    CHECK(county_csv(folded, -1) == county_csv(all, -1));
    CHECK(folded.problems.items().size() == all.problems.items().size());
  }
  YearMonth a{2024, 6}, b{2024, 7};
  auto all = assess_data(p, load_data(p, demo, b), std::vector<YearMonth>{a, b}, true);
  auto folded = assess_data(p, load_months(p, demo, {a, b}, b), true);
  CHECK(summary_markdown(folded[0]) == summary_markdown(all[0]));
  CHECK(summary_markdown(folded[1]) == summary_markdown(all[1]));
}

TEST_CASE("reports of three months read alone take later files' corrections as every row kept") {
  // May's file sets April right (50 → 35) and June's sets May right (42 → 40): the reports of
  // April, May and June, from their rows alone, see both as the reports from every row do.
  // May's rows, corrections and all, are let go once May is assessed, and June's report must
  // not read them again.
  test::TempDir t;
  t.write("2024-03/submissions/市民政局.csv", "任务编号,累计完成\n1,30\n");
  t.write("2024-04/submissions/市民政局.csv", "任务编号,累计完成\n1,50\n");
  t.write("2024-05/submissions/市民政局.csv",
          "月份,任务编号,累计完成\n2024-05,1,42\n2024-04,1,35\n");
  t.write("2024-06/submissions/市民政局.csv",
          "月份,任务编号,累计完成\n2024-06,1,60\n2024-05,1,40\n");
  std::vector<YearMonth> months{{2024, 4}, {2024, 5}, {2024, 6}};
  auto kept = assess_data(plan(), load_data(plan(), t.path(), YearMonth{2024, 6}), months, false);
  auto read_alone =
      assess_data(plan(), load_months(plan(), t.path(), months, YearMonth{2024, 6}), false);
  REQUIRE(read_alone.size() == 3);
  std::vector<std::pair<double, OptNum>> expected{{35, 50}, {40, 42}, {60, {}}};
  for (std::size_t i = 0; i < 3; ++i) {
    INFO(months[i].str());
    const TargetResult* r = read_alone[i].find({1, 1});
    REQUIRE(r);
    CHECK(r->actual == expected[i].first);
    CHECK(r->corrected_from.has_value() == expected[i].second.has_value());
    if (expected[i].second) CHECK(*r->corrected_from == *expected[i].second);
    CHECK(summary_csv(read_alone[i]) == summary_csv(kept[i]));
  }
}

TEST_CASE(
    "a reading that picks its months from the listing keeps their rows alone and folds every "
    "month") {
  Plan p = load_plan(std::string(MINSHENG_SOURCE_DIR) + "/tasks.yaml");
  std::string demo = std::string(MINSHENG_SOURCE_DIR) + "/demo/reports";
  YearMonth april{2024, 4}, may{2024, 5}, june{2024, 6};
  std::vector<YearMonth> listed, folded;
  std::vector<std::size_t> rows_when_folded;
  MonthFold fold = [&](const std::vector<Submission>& subs, YearMonth m) {
    folded.push_back(m);
    std::size_t rows = 0;
    for (const auto& s : subs)
      if (s.month == m) rows += s.entries.size();
    rows_when_folded.push_back(rows);
  };
  MonthRows d = load_months(
      p, demo,
      [&](const std::vector<YearMonth>& months) {
        listed = months;
        return std::vector{june};
      },
      june, nullptr, &fold);
  CHECK(listed == std::vector{april, may, june});             // before any file is read
  CHECK(folded == std::vector{april, may, june});             // the kept month is folded too
  for (std::size_t rows : rows_when_folded) CHECK(rows > 0);  // each month whole when folded
  CHECK(d.report_months == std::vector{june});
  CHECK(d.carried.month == may);
  for (const auto& s : d.submissions) {
    INFO(s.file);
    CHECK(s.entries.empty() == (s.month < june));  // April and May let go, June kept
  }
}

TEST_CASE("a bulletin from the rows of its months alone is the bulletin from every row") {
  // The demo's quarters and halves, each built as `bulletin` builds it (the months chosen from
  // the listing, the 问题清单 followed as the months are read) and from a data set of every row.
  Plan p = load_plan(std::string(MINSHENG_SOURCE_DIR) + "/tasks.yaml");
  std::string demo = std::string(MINSHENG_SOURCE_DIR) + "/demo/reports";
  Date as_of{2025, 1, 10};
  for (const char* code : {"2024Q2", "2024Q3", "2024Q4", "2024H1", "2024H2", "2025Q1"}) {
    INFO(code);
    Period period = *Period::parse(code);
    bool stale = period.first_month() > YearMonth{2024, 12};  // allowed: told from December
    Bulletin all =
        build_bulletin(p, load_data(p, demo, period.last_month()), period, stale, as_of, true);
    std::optional<BulletinMonths> months;
    ProblemTracker tracker(p);
    FollowedSnapshot at;
    MonthFold follow = [&](const auto& subs, YearMonth m) {
      at.add_month(subs, m);
      tracker.add_month(subs, m, at.snap);
    };
    MonthRows rows = load_months(
        p, demo,
        [&](const std::vector<YearMonth>& listed) {
          months = bulletin_months(p, period, listed, stale);
          return months->report_months();
        },
        period.last_month(), nullptr, &follow);
    // The months before the first the bulletin reports were let go.
    YearMonth first = std::min(months->month, months->previous.value_or(months->month));
    CHECK((rows.carried_until > 0) == (first > YearMonth{2024, 4}));
    Bulletin lean =
        build_bulletin(p, std::move(rows), *months, tracker.finish(), period, as_of, true);
    CHECK(lean.month == all.month);
    CHECK(lean.stale == all.stale);
    CHECK(lean.problems.size() == all.problems.size());
    CHECK(render_bulletin(lean, "md") == render_bulletin(all, "md"));
    CHECK(render_bulletin(lean, "html") == render_bulletin(all, "html"));
  }
}

// What needs every row takes AllRows, and the assessment of a reading for some months takes
// MonthRows whole: a data set that let rows go cannot be handed to them. Checked by the
// compiler; a test case, so that ctest reports it.
template <class D>
concept assessable_any_month = requires(const Plan& p, const D& d) {
  assess_data(p, d, YearMonth{2024, 5}, true);
};
template <class D>
concept checkable = requires(const Plan& p, const D& d, Diagnostics& g) {
  check_data(p, d, g);
};
template <class D>
concept followable = requires(const Plan& p, const D& d) {
  track_problems(p, d, YearMonth{2024, 5});
  build_history(p, d, YearMonth{2024, 5});
  month_problems(p, d, YearMonth{2024, 5});
};
template <class D>
concept assessable_as_read = requires(const Plan& p, D d) {
  assess_data(p, std::move(d), true);
};

TEST_CASE("what needs every row cannot be handed a data set whose rows were dropped") {
  STATIC_REQUIRE(assessable_any_month<AllRows>);
  STATIC_REQUIRE_FALSE(assessable_any_month<DataSet>);    // who sent what, or months folded
  STATIC_REQUIRE_FALSE(assessable_any_month<MonthRows>);  // early rows dropped
  STATIC_REQUIRE(checkable<AllRows>);
  STATIC_REQUIRE_FALSE(checkable<MonthRows>);
  STATIC_REQUIRE_FALSE(checkable<DataSet>);
  STATIC_REQUIRE(followable<AllRows>);
  STATIC_REQUIRE_FALSE(followable<MonthRows>);
  STATIC_REQUIRE_FALSE(followable<DataSet>);
  STATIC_REQUIRE(assessable_as_read<MonthRows>);
  STATIC_REQUIRE_FALSE(assessable_as_read<DataSet>);
  // A reading for June keeps June's rows and assesses June, in the order asked.
  Plan p = load_plan(std::string(MINSHENG_SOURCE_DIR) + "/tasks.yaml");
  std::string demo = std::string(MINSHENG_SOURCE_DIR) + "/demo/reports";
  auto reps =
      assess_data(p, load_months(p, demo, {{2024, 6}, {2024, 5}}, YearMonth{2024, 6}), true);
  REQUIRE(reps.size() == 2);
  CHECK(reps[0].month == YearMonth{2024, 6});
  CHECK(reps[1].month == YearMonth{2024, 5});
}

TEST_CASE("a change from a row rejected the month before is found when that month was merged") {
  // April's figure for task 1 is unreadable (数据有误); May gives 30 of 100 where May is 50% of
  // the fixture's 10 months: 20 points behind, 滞后.
  test::TempDir t;
  t.write("2024-04/submissions/市民政局.csv", "任务编号,累计完成\n1,三十\n");
  t.write("2024-05/submissions/市民政局.csv", "任务编号,累计完成\n1,30\n");
  MonthReport all = assess_data(plan(), load_data(plan(), t.path()), {2024, 5}, true);
  MonthRows d = load_months(plan(), t.path(), {{2024, 5}}, YearMonth{2024, 5});
  CHECK(d.carried.month == YearMonth{2024, 4});
  CHECK(d.carried.invalid.count({1, 1}) == 1);
  MonthReport folded = std::move(assess_data(plan(), std::move(d), true).front());
  for (const MonthReport* rep : {&all, &folded}) {
    auto it = std::find_if(rep->changes.begin(), rep->changes.end(), [](const StatusChange& c) {
      return c.key == TargetKey{1, 1};
    });
    REQUIRE(it != rep->changes.end());
    CHECK(it->from == Status::invalid);
    CHECK(it->to == Status::behind);
  }
  CHECK(summary_markdown(folded) == summary_markdown(all));
}

TEST_CASE("who sent what is read from that month's files alone and cannot be assessed") {
  Plan p = load_plan(std::string(MINSHENG_SOURCE_DIR) + "/tasks.yaml");
  std::string demo = std::string(MINSHENG_SOURCE_DIR) + "/demo/reports";
  for (YearMonth m{2024, 4}; m <= YearMonth{2024, 7}; m = m.plus(1)) {
    INFO(m.str());
    DataSet one = load_month_files(p, demo, m);
    for (const auto& s : one.submissions) {
      CHECK(s.month == m);
      CHECK(s.entries.empty());  // its rows are let go once read
    }
    AllRows all = load_data(p, demo, m);
    MissingReport a = assess_missing(p, all, m, Date{2024, 12, 31});
    MissingReport b = assess_missing(p, one, m, Date{2024, 12, 31});
    REQUIRE(a.units.size() == b.units.size());
    for (std::size_t i = 0; i < a.units.size(); ++i) {
      CHECK(a.units[i].unit == b.units[i].unit);
      CHECK(a.units[i].state == b.units[i].state);
      CHECK(a.units[i].files == b.units[i].files);
    }
  }
}

TEST_CASE("a month of many files read on every core reads as it does on one thread") {
  // Small months are read on the caller's thread; a month of kSpreadFiles files or more goes to
  // every core (and May is merged in the background while June is parsed). The copies of each
  // unit's file clash, so the errors name files in the listing's order: any other order would show.
  Plan p = load_plan(std::string(MINSHENG_SOURCE_DIR) + "/tasks.yaml");
  std::filesystem::path demo = std::filesystem::path(MINSHENG_SOURCE_DIR) / "demo/reports";
  test::TempDir t;
  for (const char* m : {"2024-05", "2024-06"}) {
    std::size_t files = 0;
    for (const auto& e : std::filesystem::directory_iterator(demo / m / "submissions"))
      for (std::size_t copy = 0; copy <= kSpreadFiles / 20; ++copy, ++files) {
        auto name =
            e.path().stem().string() + "_" + std::to_string(copy) + e.path().extension().string();
        t.write(std::string(m) + "/submissions/" + name, read_input(e.path()));
      }
    REQUIRE(files >= kSpreadFiles);  // the demo's months have 22 and 21 files
  }
  auto read = [&](unsigned threads, bool fold) {
    set_threads(threads);
    YearMonth june{2024, 6};
    MonthReport rep;
    std::vector<std::string> out;
    if (fold) {
      MonthRows d = load_months(p, t.path(), {june}, june);
      set_threads(0);
      out = strs(d.diagnostics);
      rep = std::move(assess_data(p, std::move(d), true).front());
    } else {
      AllRows d = load_data(p, t.path(), june);
      set_threads(0);
      out = strs(d.diagnostics);
      rep = assess_data(p, d, june, true);
    }
    out.push_back(summary_csv(rep));
    return out;
  };
  // June's 团市委.xls copies are read by minsheng-xls, started by the worker threads.
  for (bool fold : {false, true}) {
    INFO((fold ? "May merged as read" : "every row kept"));
    auto one = read(1, fold);
    CHECK(one.size() > 100);  // the clashes: many errors, one a line
    CHECK(read(4, fold) == one);
  }
}

TEST_CASE(
    "targets a garbled row may have meant are 数据有误 unless another file of the unit gives "
    "them") {
  // 市民政局 leads 1, 2 and 5. Its CSV gives 1 and a figure under 十四; its workbook (here a
  // second CSV of other targets) gives 2. Only 5 is in doubt: 数据有误, not 未填报.
  test::TempDir t;
  auto f =
      t.write("2024-05/submissions/市民政局.csv", "任务编号,累计完成\n1,10\n十四,20\n").string();
  t.write("2024-05/submissions/市民政局_二.csv", "任务编号,累计完成\n2,30%\n");
  AllRows d = load_data(plan(), t.path());
  auto m = strs(d.diagnostics);
  CHECK(std::find(
            m.begin(), m.end(),
            f + ": 警告: 1 行有数值但无法确定是哪个指标；本单位本月未给出数值的指标（5）记为数据"
                "有误，请核对任务编号后重报") != m.end());
  MonthReport rep = assess_data(plan(), d, {2024, 5}, true);
  CHECK(rep.find({1, 1})->actual == 10);
  CHECK(rep.find({2, 1})->actual == 30);
  CHECK(rep.find({5, 1})->status == Status::invalid);
  // The unit is not said to have left 5 unreported: it sent a figure no one could place.
  for (const auto& g : rep.gaps) CHECK(g.unit != "市民政局");
}

TEST_CASE("a 分解方案's nodes for a whole target stand in for its category's, not the plan's own") {
  // Category 2 takes 前置; task 1 names its own nodes in the plan. 市民政局's 分解方案 gives
  // nodes for tasks 1 and 5 (a target of category 2): task 5 takes them, task 1 keeps the plan's.
  std::string y = test::kPlanYaml;
  y.replace(y.find("{id: 2, name: 类别二}"), std::string("{id: 2, name: 类别二}").size(),
            "{id: 2, name: 类别二, schedule: {2024-02: 40, 2024-08: 100}}");
  y.replace(y.find("comparator: at_least}"), 21, "comparator: at_least, schedule: {2024-10: 100}}");
  Plan p = parse_plan(y, "p.yaml");
  test::TempDir t;
  t.write("breakdown/市民政局_分解方案.csv",
          "任务编号,县市区,节点月份,节点进度\n1,全市,6月,100\n5,全市,5月、9月,30、100\n"
          "5,全市,5月,100\n");  // the same target again: the first row stands, as for a 县市区
  adopt_breakdown_schedules(p, t.path());
  CHECK(p.find_task(1)->targets[0].schedule->nodes ==
        std::vector<ScheduleNode>{{{2024, 10}, 100}});  // the plan's own
  CHECK(p.find_task(5)->targets[0].schedule->nodes ==
        std::vector<ScheduleNode>{{{2024, 5}, 30}, {{2024, 9}, 100}});
  // The reading reports the 分解方案's problems; nodes of the whole city are no 县市区's share.
  t.write("2024-05/submissions/市民政局.csv", "任务编号,累计完成\n1,10\n");
  MonthRows data = load_months(p, t.path(), {{2024, 5}}, std::nullopt, nullptr);
  CHECK(data.allocations.empty());
  INFO(strs(data.diagnostics).at(0));
  CHECK(strs(data.diagnostics)
            .at(0)
            .find("市民政局_分解方案.csv:4:3: 错误: 重复的行：任务5在全市的节点已在第 3 行填写") !=
        std::string::npos);
  // Two files giving the same target's nodes: neither is taken; the category's stand.
  Plan q = parse_plan(y, "p.yaml");
  t.write("breakdown/市民政局_补充.csv", "任务编号,县市区,节点月份,节点进度\n5,全市,7月,100\n");
  adopt_breakdown_schedules(q, t.path());
  CHECK(q.find_task(5)->targets[0].schedule->nodes ==
        std::vector<ScheduleNode>{{{2024, 2}, 40}, {{2024, 8}, 100}});
  CHECK(data.allocations.empty());
}
