#include "report/explain.hpp"

#include <catch2/catch.hpp>

#include "assess/month.hpp"
#include "fixtures.hpp"
#include "io/progress_reader.hpp"

using namespace minsheng;

namespace {

// The fixture plan (2024-01..2024-10) with one month of files, explained for task `task`.
std::string explain(YearMonth m, std::vector<std::pair<std::string, std::string>> files, int task,
                    bool keep_going = false) {
  static AllRows d;  // the report points into it; one explanation at a time
  d = AllRows{};
  for (auto& [name, text] : files)
    d.submissions.push_back(parse_submission(text, "r/" + name, test::plan(), m, d.diagnostics));
  d.months = {m};
  return explain_task(assess_data(test::plan(), d, m, keep_going), task);
}

bool has(const std::string& text, const std::string& part) {
  INFO(text);
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("explain: a 左右 figure within the tolerance, with the arithmetic the right way round") {
  // May, 50% time. Task 2: about 50%; 46 ≥ 50 × (1 − 0.1) = 45.
  std::string e = explain({2024, 5}, {{"市民政局.csv", "任务编号,累计完成\n2,46%\n"}}, 2);
  CHECK(has(e, "  判定      46 ≥ 50 × (1 − 0.1) = 45，“左右”类指标在容差内 → 基本完成 (done)\n"));
  CHECK(has(e, "任务状态：已完成 (done)"));
  // Below the tolerance the same arithmetic says why it is not reached.
  std::string below = explain({2024, 5}, {{"市民政局.csv", "任务编号,累计完成\n2,44%\n"}}, 2);
  CHECK(has(below, "未达到目标（44 < 45（目标的 90%））"));
}

TEST_CASE("explain: an exact figure reached, and one overdue after the deadline") {
  std::string done = explain({2024, 5}, {{"市民政局.csv", "任务编号,累计完成\n1,100\n"}}, 1);
  CHECK(has(done, "  判定      100 ≥ 100 → 已完成 (done)\n"));
  // November is after the October deadline: 90 of 100 is overdue.
  std::string late = explain({2024, 11}, {{"市民政局.csv", "任务编号,累计完成\n1,90\n"}}, 1);
  CHECK(has(late, "未达到目标，且报告月份已到截止月份 2024-10 → 逾期未完成 (overdue)"));
  CHECK(has(late, "，已无剩余月份"));
  // October is the deadline month itself: the same shortfall reads 未完成.
  std::string oct = explain({2024, 10}, {{"市民政局.csv", "任务编号,累计完成\n1,90\n"}}, 1);
  CHECK(has(oct, "未达到目标，且报告月份已到截止月份 2024-10 → 未完成 (overdue)"));
  CHECK(has(oct, "截止月份 2024-10 起只分完成与未完成"));
  // Reached only in November: when, and why that is late.
  std::string done_late = explain({2024, 11}, {{"市民政局.csv", "任务编号,累计完成\n1,100\n"}}, 1);
  CHECK(has(done_late, "100 ≥ 100，2024-11 起达到，晚于截止月份 2024-10 → 逾期完成 (done_late)"));
}

TEST_CASE("explain: pending, not reported, invalid and milestones by state") {
  std::string pending = explain({2024, 5}, {{"市民政局.csv", "任务编号,累计完成\n5,10\n"}}, 5);
  CHECK(has(pending, "  判定      目标值未知 → 目标待定 (pending)\n"));
  std::string supplied =
      explain({2024, 5}, {{"市民政局.csv", "任务编号,累计完成,目标值\n5,10,200\n"}}, 5);
  CHECK(has(supplied, "  目标来源  进度文件填写的目标值（r/市民政局.csv:2）\n"));
  std::string nothing = explain({2024, 5}, {}, 4);
  CHECK(has(nothing, "  累计完成  无（本月及此前月份均未填报）\n"));
  CHECK(has(nothing, "  判定      没有任何月份的数据 → 未填报 (not_reported)\n"));
  std::string invalid =
      explain({2024, 5}, {{"市民政局.csv", "任务编号,累计完成\n1,abc\n"}}, 1, true);
  CHECK(has(invalid, "  判定      本月该指标的报送行有误（见数据问题），标记为“数据有误”\n"));
  std::string going =
      explain({2024, 5}, {{"市住建局.csv", "任务编号,累计完成,状态\n3,,推进中\n"}}, 3);
  CHECK(has(going, "  判定      推进中 → 序时推进 (on_track)\n"));
  // 未启动 at 50% time: on track below 25%, behind below 50%, then seriously behind.
  std::string idle =
      explain({2024, 5}, {{"市住建局.csv", "任务编号,累计完成,状态\n3,,未启动\n"}}, 3);
  CHECK(has(idle, "当前 50.0% → 严重滞后 (seriously_behind)"));
  std::string finished =
      explain({2024, 5}, {{"市住建局.csv", "任务编号,累计完成,状态\n3,,已完成\n"}}, 3);
  CHECK(has(finished, "  判定      已完成 → 已完成 (done)\n"));
  std::string after =
      explain({2024, 11}, {{"市住建局.csv", "任务编号,累计完成,状态\n3,,推进中\n"}}, 3);
  CHECK(has(after, "报告月份已到截止月份 2024-10 且未完成 → 逾期未完成 (overdue)"));
}

TEST_CASE("explain one target of a task with several") {
  static AllRows d;
  d = AllRows{};
  d.submissions.push_back(parse_submission("任务编号,指标,累计完成\n4,1,1500\n",
                                           "r/市农业农村局.csv", test::plan(), {2024, 5},
                                           d.diagnostics));
  d.months = {{2024, 5}};
  MonthReport rep = assess_data(test::plan(), d, {2024, 5}, false);
  std::string one = explain_task(rep, 4, 2);
  CHECK(has(one, "指标2 村干部"));
  CHECK_FALSE(has(one, "指标1 农民"));
  CHECK(has(explain_task(rep, 4), "指标1 农民"));
}
