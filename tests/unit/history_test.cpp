#include "assess/history.hpp"

#include <catch2/catch.hpp>

#include "assess/month.hpp"
#include "fixtures.hpp"
#include "io/data_dir.hpp"
#include "io/plan_loader.hpp"
#include "report/history_report.hpp"
#include "report/summary_report.hpp"
#include "temp_dir.hpp"

using namespace minsheng;

namespace {

// The fixture plan, with reports due from March: February's file is merged, never assessed.
const Plan& march_plan() {
  static const Plan p = [] {
    std::string yaml = test::kPlanYaml;
    std::string from = "reporting: {to: 市发改委, due_day: 3}";
    yaml.replace(yaml.find(from), from.size(),
                 "reporting: {to: 市发改委, due_day: 3, from: 2024-03}");
    return parse_plan(yaml, "tasks.yaml");
  }();
  return p;
}

// February before the first month; April without a folder; June with only a file that cannot
// be read; July an empty folder.
void write_months(const test::TempDir& t) {
  t.write("2024-02/submissions/市民政局.csv", "任务编号,累计完成\n1,10\n2,20%\n");
  t.write("2024-03/submissions/市民政局.csv", "任务编号,累计完成\n1,30\n");
  t.write("2024-05/submissions/市民政局.csv", "任务编号,累计完成\n1,50\n2,40%\n");
  t.write("2024-05/submissions/市住建局.csv", "任务编号,累计完成\n6,150\n");
  t.write("2024-06/submissions/市民政局.docx", "not a progress file");
  std::filesystem::create_directories(t.path() / "2024-07/submissions");
}

struct Folded {
  DataSet data;
  History history;
};

Folded folded(const test::TempDir& t, std::optional<YearMonth> upto, YearMonth to) {
  HistoryBuilder b(march_plan());
  DataSet d = fold_data(march_plan(), t.path(), upto,
                        [&](const auto& subs, YearMonth m) { b.add_month(subs, m); });
  History h = b.finish(d.submissions, to);
  return {std::move(d), std::move(h)};
}

// As `site` makes them: the months before `m` folded into a history as they are read, then m's
// report made from the history's snapshot, which then takes m in.
struct SiteWay {
  FoldedMonth data;
  MonthReport report;
  History history;
};

SiteWay site_way(const test::TempDir& t, YearMonth m) {
  const Plan& plan = march_plan();
  HistoryBuilder b(plan);
  MonthFold fold = [&](const auto& subs, YearMonth month) { b.add_month(subs, month); };
  SiteWay s{load_folded_month(plan, t.path(), m, nullptr, fold), {}, {}};
  int made = 0;
  b.add_month(s.data.submissions, m, [&](Snapshot& snap, std::size_t& next) {
    s.report = assess_folded_month(plan, s.data, snap, next, true);
    ++made;
  });
  CHECK(made == 1);
  s.history = b.finish(s.data.submissions, m);
  return s;
}

// The same month's report read and assessed on its own, as `summary` makes it.
MonthReport apart(const test::TempDir& t, YearMonth m) {
  return std::move(
      assess_data(march_plan(), load_months(march_plan(), t.path(), {m}, m), true).front());
}

}  // namespace

TEST_CASE(
    "a month's report made from its history's snapshot is the report and history made apart") {
  test::TempDir t;
  write_months(t);
  AllRows whole = load_data(march_plan(), t.path());
  // February before the first month assessed, March the first, April without a folder, May
  // with two files, June with none that can be read, August past the folders.
  for (YearMonth m : {YearMonth{2024, 2}, YearMonth{2024, 3}, YearMonth{2024, 4},
                      YearMonth{2024, 5}, YearMonth{2024, 6}, YearMonth{2024, 8}}) {
    INFO("month " << m.str());
    SiteWay s = site_way(t, m);
    CHECK(summary_json(s.report) == summary_json(apart(t, m)));
    History h = build_history(march_plan(), whole, m);
    CHECK(history_csv(s.history, {}) == history_csv(h, {}));
    CHECK(changes_csv(s.history, {}) == changes_csv(h, {}));
    // Only m's rows were kept; the months before it are in the history alone.
    for (const auto& sub : s.data.submissions) CHECK(sub.entries.empty() == (sub.month != m));
  }
  // May by hand: task 1 at 50 of 100 after five of the plan's ten months (January to October):
  // 50% at 50% of the time, on time; its history runs from March, the first month due.
  SiteWay may = site_way(t, {2024, 5});
  const TargetResult* r = may.report.find({1, 1});
  REQUIRE(r);
  CHECK(r->actual == 50);
  CHECK(r->completion_pct.value_or(-1) == Approx(50));
  CHECK(r->time_pct == Approx(50));
  CHECK(r->status == Status::on_track);
  CHECK(may.history.months.size() == 3);
  CHECK(may.history.find({1, 1})->points.back().actual == 50);
}

TEST_CASE("a history built as the months are read lets their rows go and keeps every value") {
  test::TempDir t;
  write_months(t);
  Folded f = folded(t, std::nullopt, {2024, 5});
  CHECK(f.data.months_with_files() == std::vector<YearMonth>{{2024, 2}, {2024, 3}, {2024, 5}});
  for (const auto& s : f.data.submissions) CHECK(s.entries.capacity() == 0);

  const History& h = f.history;
  REQUIRE(h.months == std::vector<YearMonth>{{2024, 3}, {2024, 4}, {2024, 5}});
  const TargetHistory* t1 = h.find({1, 1});
  REQUIRE(t1);
  REQUIRE(t1->points.size() == 3);
  // February's 10 is replaced by March's 30, carried through April, then May's 50.
  CHECK(t1->points[0].actual == 30);
  CHECK(t1->value_month(t1->points[0]) == YearMonth{2024, 3});
  CHECK_FALSE(t1->points[0].carried);
  CHECK(t1->points[1].actual == 30);
  CHECK(t1->points[1].carried);
  CHECK(t1->value_month(t1->points[1]) == YearMonth{2024, 3});  // a month before the point's
  CHECK(t1->points[2].actual == 50);
  CHECK(t1->value_month(t1->points[2]) == YearMonth{2024, 5});
  // Task 2's 20% of February, never assessed itself, is carried into March and April.
  const TargetHistory* t2 = h.find({2, 1});
  REQUIRE(t2);
  CHECK(t2->points[0].actual == 20);
  CHECK(t2->value_month(t2->points[0]) == YearMonth{2024, 2});
  CHECK(t2->points[0].carried);
  CHECK(t2->points[2].actual == 40);
  // Task 6 counts from a baseline of 50: (150 − 50) ÷ (250 − 50) = 50% in May, nothing before.
  const TargetHistory* t6 = h.find({6, 1});
  REQUIRE(t6);
  CHECK_FALSE(t6->points[1].actual);
  CHECK(t6->points[2].completion_pct.value_or(-1) == Approx(50));
}

TEST_CASE("a history built as the months are read is the history of every row kept") {
  test::TempDir t;
  write_months(t);
  AllRows whole = load_data(march_plan(), t.path());
  // To the last month with a file (read to the end, as without --to), to each month (read up
  // to it, as with --to), and past the folders: the months without files are filled in.
  std::vector<std::pair<std::optional<YearMonth>, YearMonth>> cases = {
      {std::nullopt, {2024, 5}},       {YearMonth{2024, 3}, {2024, 3}},
      {YearMonth{2024, 4}, {2024, 4}}, {YearMonth{2024, 6}, {2024, 6}},
      {YearMonth{2024, 8}, {2024, 8}}, {YearMonth{2024, 2}, {2024, 2}}};
  for (auto [upto, to] : cases) {
    INFO("to " << to.str());
    Folded f = folded(t, upto, to);
    History expected = build_history(march_plan(), whole, to);
    CHECK(f.history.months.size() == expected.months.size());
    CHECK(history_csv(f.history, {}) == history_csv(expected, {}));
    CHECK(changes_csv(f.history, {}) == changes_csv(expected, {}));
  }
  CHECK(build_history(march_plan(), whole, {2024, 8}).months.size() == 6);  // March to August
  CHECK(build_history(march_plan(), whole, {2024, 2}).months.empty());      // before reports
}

TEST_CASE("a row of May's file that sets April's figure right reassesses April in the history") {
  // Fixture plan: 2024-01 to 2024-10, ten months; task 1 is 100 or more. April said 50 (50% of
  // the target at 40% of the time: 超序时); May's file says April was 35 (5 points behind time:
  // 序时推进) and May is 42 (50% of the time, 8 behind: 序时推进).
  test::TempDir t;
  t.write("2024-03/submissions/市民政局.csv", "任务编号,累计完成\n1,30\n");
  t.write("2024-04/submissions/市民政局.csv", "任务编号,累计完成\n1,50\n");
  t.write("2024-05/submissions/市民政局.csv",
          "月份,任务编号,累计完成,备注\n2024-05,1,42,\n2024-04,1,35,4月误报50，实为35\n");
  Folded f = folded(t, std::nullopt, {2024, 5});
  const TargetHistory* t1 = f.history.find({1, 1});
  REQUIRE(t1);
  REQUIRE(t1->points.size() == 3);
  const HistoryPoint& april = t1->points[1];
  CHECK(april.actual == 35);
  CHECK(t1->month_of(april) == YearMonth{2024, 4});
  CHECK(t1->corrected_from(april) == 50);
  CHECK(april.corrected_here());
  CHECK(t1->corrections.size() == 1);  // April's, held once by the target, not by every point
  CHECK(april.completion_pct.value_or(-1) == Approx(35));
  CHECK(f.history.time_pct(*t1, april) == Approx(40));  // four months of the ten
  CHECK(f.history.gap_pp(*t1, april).value_or(-1) == Approx(5));
  CHECK(april.status == Status::on_track);
  CHECK(april.source().line == 3);  // the correcting row
  CHECK(t1->points[2].actual == 42);
  CHECK_FALSE(t1->corrected_from(t1->points[2]));
  CHECK_FALSE(t1->corrected_from(t1->points[0]));
  // On April's true figure the status never changed: no 序时推进→超序时→序时推进.
  CHECK(t1->changes.empty());
  CHECK(f.history.changes.empty());
  CHECK(changes_csv(f.history, {}).find("\n2024-04,1,1,市民政局,50,35,corrected,\r\n") !=
        std::string::npos);
  CHECK(history_csv(f.history, {})
            .find("\n2024-04,1,1,市民政局,综合体,35,2024-04,35.0,40.0,5.0,"
                  "on_track,50,linear\r\n") != std::string::npos);
  // From every row kept, the same; and so as the site makes it, May's report from the history's
  // snapshot: 42 of 100 at 50% of the time, 8 points behind, on time still.
  AllRows whole = load_data(march_plan(), t.path());
  CHECK(history_csv(build_history(march_plan(), whole, {2024, 5}), {}) ==
        history_csv(f.history, {}));
  SiteWay s = site_way(t, {2024, 5});
  CHECK(history_csv(s.history, {}) == history_csv(f.history, {}));
  CHECK(summary_json(s.report) == summary_json(apart(t, {2024, 5})));
  const TargetResult* may = s.report.find({1, 1});
  REQUIRE(may);
  CHECK(may->actual == 42);
  CHECK(may->gap_pp.value_or(-1) == Approx(8));
  CHECK(may->status == Status::on_track);
}

TEST_CASE("a milestone's state and each month survive a history point's packing") {
  // Task 3 is a milestone of 市住建局: 未启动 in March, 推进中 in April, 已完成 in May, nothing
  // said in June (May's state carried).
  test::TempDir t;
  t.write("2024-03/submissions/市住建局.csv", "任务编号,状态\n3,未启动\n");
  t.write("2024-04/submissions/市住建局.csv", "任务编号,状态\n3,推进中\n");
  t.write("2024-05/submissions/市住建局.csv", "任务编号,状态\n3,已完成\n");
  t.write("2024-06/submissions/市住建局.csv", "任务编号,累计完成\n6,150\n");
  Folded f = folded(t, std::nullopt, {2024, 6});
  const TargetHistory* t3 = f.history.find({3, 1});
  REQUIRE(t3);
  REQUIRE(t3->points.size() == 4);
  CHECK(t3->points[0].state() == MilestoneState::not_started);
  CHECK(t3->points[1].state() == MilestoneState::in_progress);
  CHECK(t3->points[2].state() == MilestoneState::completed);
  CHECK(t3->points[3].state() == MilestoneState::completed);
  CHECK(t3->points[3].carried);
  CHECK(t3->value_month(t3->points[3]) == YearMonth{2024, 5});
  for (std::size_t i = 0; i < 4; ++i)
    CHECK(t3->month_of(t3->points[i]) == YearMonth{2024, 3}.plus(i));
  // A target no file spoke of has no state, no value and no month for one.
  const TargetHistory* t1 = f.history.find({1, 1});
  REQUIRE(t1);
  CHECK_FALSE(t1->points[0].state());
  CHECK_FALSE(t1->value_month(t1->points[0]));
  CHECK_FALSE(f.history.find({99, 1}));
}
