#include "assess/problems.hpp"

#include <catch2/catch.hpp>

#include "assess/history.hpp"
#include "fixtures.hpp"
#include "io/data_dir.hpp"
#include "io/progress_reader.hpp"
#include "temp_dir.hpp"

using namespace minsheng;

namespace {

// A data set of 市民政局 files, month by month, as load_data would hold them.
AllRows data_of(const std::vector<std::tuple<YearMonth, std::string, std::string>>& files) {
  AllRows d;
  for (const auto& [m, name, csv] : files) {
    d.submissions.push_back(
        parse_submission(csv, m.str() + "/" + name, test::plan(), m, d.diagnostics));
    if (d.months.empty() || d.months.back() != m) d.months.push_back(m);
  }
  return d;
}

const std::string kHeader = "任务编号,累计完成,项目名称,项目状态,存在问题,问题状态\n";

}  // namespace

TEST_CASE("a 存在问题 stays one problem month after month until it is closed") {
  AllRows d = data_of({
      {{2024, 4},
       "市民政局.csv",
       kHeader + "1,40,,,用地紧张,\n2,20%,,,人手不足,\n1,,甲项目,在建,征地未完成,\n"},
      {{2024, 5},
       "市民政局.csv",
       kHeader + "1,60,,,用地紧张,\n2,30%,,,,已解决\n1,,甲项目,已完工,,\n"},
      {{2024, 6}, "市民政局.csv", kHeader + "1,100,,,\"用地\n紧张\",\n"},
  });
  REQUIRE(d.diagnostics.error_count() == 0);
  auto june = track_problems(test::plan(), d, {2024, 6});
  REQUIRE(june.size() == 3);
  // Ordered by first month, then target: task 1's two (city row, project), then task 2's.
  CHECK(june[0].id == "1-202404");
  CHECK(june[0].text == "用地紧张");
  CHECK(june[0].last_month == YearMonth{2024, 6});  // a line break is not another problem
  CHECK(june[0].closed_month == YearMonth{2024, 6});
  CHECK(june[0].closed_by == "指标已完成");  // 100 of 100
  CHECK(june[0].months_open({2024, 6}) == 2);
  CHECK(june[1].id == "1-202404-甲项目");
  CHECK(june[1].closed_month == YearMonth{2024, 5});
  CHECK(june[1].closed_by == "项目已完工");
  CHECK(june[2].id == "2-202404");
  CHECK(june[2].closed_month == YearMonth{2024, 5});
  CHECK(june[2].closed_by == "已解决");
  CHECK(june[2].months_open({2024, 6}) == 1);
  CHECK(june[2].unit == "市民政局");
  CHECK(june[2].source.str() == "2024-04/市民政局.csv:3");
  // As of May the first is open, two months old.
  auto may = track_problems(test::plan(), d, {2024, 5});
  CHECK(may[0].open());
  CHECK(may[0].months_open({2024, 5}) == 2);
}

TEST_CASE(
    "another text on the same row is another problem, and one row's two in a month differ by a "
    "hash") {
  AllRows d = data_of({
      {{2024, 4}, "市民政局.csv", kHeader + "1,10,,,资金未到位,\n"},
      {{2024, 5}, "市民政局.csv", kHeader + "1,20,,,设计变更,\n1,,乙项目,在建,甲,\n"},
      // A second file of the month speaks of the same project: its text is a second problem.
      {{2024, 5}, "市民政局_补报.csv", kHeader + "1,,乙项目,在建,乙,\n"},
  });
  auto list = track_problems(test::plan(), d, {2024, 5});
  REQUIRE(list.size() == 4);
  CHECK(list[0].id == "1-202404");
  CHECK(list[0].open());  // not reported in May, not closed: it stays on the list
  CHECK(list[1].id == "1-202405");
  CHECK(list[1].text == "设计变更");
  CHECK(list[2].id == "1-202405-乙项目");
  CHECK(list[3].id.starts_with("1-202405-乙项目-"));
  CHECK(list[3].id.size() == list[2].id.size() + 5);  // "-" and four hex digits
  // The same inputs give the same ids.
  CHECK(track_problems(test::plan(), d, {2024, 5})[3].id == list[3].id);
}

TEST_CASE("problems followed as the months are read close as they do from every row kept") {
  // The first case's files in a data folder, with an empty folder for July.
  test::TempDir t;
  t.write("2024-04/submissions/市民政局.csv",
          kHeader + "1,40,,,用地紧张,\n2,20%,,,人手不足,\n1,,甲项目,在建,征地未完成,\n");
  t.write("2024-05/submissions/市民政局.csv",
          kHeader + "1,60,,,用地紧张,\n2,30%,,,,已解决\n1,,甲项目,已完工,,\n");
  t.write("2024-06/submissions/市民政局.csv", kHeader + "1,100,,,\"用地\n紧张\",\n");
  std::filesystem::create_directories(t.path() / "2024-07/submissions");
  for (std::optional<YearMonth> upto :
       {std::optional<YearMonth>(), std::optional(YearMonth{2024, 5})}) {
    // Followed on figures of its own (problems, bulletin), and on a history's (site): the same.
    ProblemTracker tracker(test::plan()), on_history(test::plan());
    FollowedSnapshot at;
    HistoryBuilder builder(test::plan());
    DataSet d = fold_data(test::plan(), t.path(), upto, [&](const auto& subs, YearMonth m) {
      at.add_month(subs, m);
      tracker.add_month(subs, m, at.snap);
      builder.add_month(subs, m);
      on_history.add_month(subs, m, builder.snapshot());
    });
    for (const auto& s : d.submissions) CHECK(s.entries.capacity() == 0);  // let go
    auto list = tracker.finish();
    auto same = on_history.finish();
    REQUIRE(same.size() == list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
      CHECK(same[i].id == list[i].id);
      CHECK(same[i].closed_month == list[i].closed_month);
      CHECK(same[i].closed_by == list[i].closed_by);
    }
    REQUIRE(list.size() == 3);
    CHECK(list[0].id == "1-202404");
    CHECK(list[1].closed_by == "项目已完工");
    CHECK(list[2].closed_month == YearMonth{2024, 5});
    CHECK(list[2].closed_by == "已解决");
    if (upto) {  // as of May: still open
      CHECK(list[0].open());
      CHECK(list[0].last_month == YearMonth{2024, 5});
    } else {  // June's 100 of 100 closes it
      CHECK(list[0].closed_month == YearMonth{2024, 6});
      CHECK(list[0].closed_by == "指标已完成");
    }
  }
}
