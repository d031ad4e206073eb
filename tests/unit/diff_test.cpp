#include "assess/diff.hpp"

#include <catch2/catch.hpp>

#include "io/summary_reader.hpp"

using namespace minsheng;

namespace {

AssessedRow row(int task, std::optional<double> actual, Status st, double time = 50) {
  AssessedRow r;
  r.key = {task, 1};
  r.actual = actual;
  r.status = st;
  r.time_pct = time;
  if (actual) r.completion_pct = *actual;  // target 100 in these tests
  return r;
}

DiffSide side(std::string label, std::vector<AssessedRow> rows, std::optional<YearMonth> m = {}) {
  return {std::move(label), m, std::move(rows), {}};
}

}  // namespace

TEST_CASE("one case per kind of change") {
  using S = Status;
  using K = ChangeKind;
  CHECK(classify(row(1, 80, S::ahead), row(1, 100, S::done), true) == K::completed);
  CHECK(classify(row(1, 40, S::behind), row(1, 60, S::on_track), true) == K::improved);
  CHECK(classify(row(1, 50, S::on_track), row(1, 52, S::behind), true) == K::worsened);
  CHECK(classify(row(1, 50, S::on_track), row(1, 50, S::on_track), true) == K::stalled);
  CHECK(classify(row(1, 50, S::on_track), row(1, 45, S::on_track), true) == K::revised_down);
  CHECK(classify(row(1, 50, S::on_track), row(1, 55, S::on_track), true) == K::progressed);
  CHECK(classify(row(1, 50, S::on_track), row(1, 50, S::on_track), false) == K::unchanged);
  CHECK(classify(row(1, std::nullopt, S::not_reported), row(1, 10, S::behind), true) ==
        K::newly_reported);
  CHECK(classify(row(1, 10, S::behind), row(1, std::nullopt, S::not_reported), true) ==
        K::no_longer_reported);
}

TEST_CASE("precedence: a fall in value beats a change of status — a done target never stalls") {
  using S = Status;
  CHECK(classify(row(1, 50, S::on_track), row(1, 40, S::behind), true) == ChangeKind::revised_down);
  CHECK(classify(row(1, 100, S::done), row(1, 100, S::done), true) == ChangeKind::unchanged);
  // 序时推进 → 滞后 with the value standing still is the slip that matters: worsened.
  CHECK(classify(row(1, 40, S::on_track), row(1, 40, S::behind), true) == ChangeKind::worsened);
}

TEST_CASE("milestones with the same state are unchanged, not stalled") {
  AssessedRow a = row(1, std::nullopt, Status::on_track);
  a.value_month = YearMonth{2024, 5};
  AssessedRow b = a;
  b.value_month = YearMonth{2024, 6};
  CHECK(classify(a, b, true) == ChangeKind::unchanged);
}

TEST_CASE("rows are matched on (task, target) whatever their order — added and removed are found") {
  DiffReport rep = diff_sides(
      side("2024-05",
           {row(3, 30, Status::behind), row(1, 10, Status::behind), row(2, 20, Status::behind)},
           YearMonth{2024, 5}),
      side("2024-06",
           {row(4, 5, Status::behind), row(2, 25, Status::behind), row(1, 10, Status::behind)},
           YearMonth{2024, 6}));
  REQUIRE(rep.rows.size() == 4);
  CHECK(rep.later);
  CHECK(rep.rows[0].key.task == 1);
  CHECK(rep.rows[0].kind == ChangeKind::stalled);
  CHECK(rep.rows[1].kind == ChangeKind::progressed);
  CHECK(*rep.rows[1].delta == 5);
  CHECK(rep.rows[2].kind == ChangeKind::removed);
  CHECK(rep.rows[3].kind == ChangeKind::added);
  CHECK(rep.count(ChangeKind::stalled) == 1);
  CHECK(rep.count(ChangeKind::added) == 1);
  CHECK(rep.count(ChangeKind::worsened) == 0);
}

TEST_CASE("without months, time progress tells which side is later") {
  DiffReport rep = diff_sides(side("a.csv", {row(1, 10, Status::behind, 45.5)}),
                              side("b.csv", {row(1, 10, Status::behind, 54.5)}));
  CHECK(rep.later);
  CHECK(rep.rows[0].kind == ChangeKind::stalled);
  DiffReport same = diff_sides(side("a.csv", {row(1, 10, Status::behind)}),
                               side("a.csv", {row(1, 10, Status::behind)}));
  CHECK_FALSE(same.later);
  CHECK(same.rows[0].kind == ChangeKind::unchanged);
}

TEST_CASE("summary CSVs parse with a BOM and CRLF, and older column sets") {
  DiffSide s = parse_summary_csv(
      "\xEF\xBB\xBFtask,target,category,lead,text,unit,target_value,baseline,actual,completion_pct,"
      "time_pct,gap_pp,status\r\n"
      "4,1,1,市卫健委,托位,个,1680,0,900,53.6,45.5,-8.1,ahead\r\n"
      "48,2,7,市委组织部,培训,人,100,0,50,50.0,45.5,-4.5,超序时\r\n",
      "reports/2024-05/summary.csv");
  CHECK(s.month == YearMonth{2024, 5});
  // Without a report_month column the month comes from the folder, and names the side.
  CHECK(s.label == "2024-05");
  REQUIRE(s.rows.size() == 2);
  CHECK(s.rows[0].actual == 900);
  CHECK(s.rows[0].status == Status::ahead);
  CHECK(s.rows[1].key == TargetKey{48, 2});
  CHECK(s.rows[1].status == Status::ahead);  // a Chinese label is accepted too
  // An older export with only the essentials.
  DiffSide old = parse_summary_csv("task,actual,status\n4,700,on_track\n", "old-2024-04.csv");
  CHECK(old.month == YearMonth{2024, 4});
  CHECK(old.rows[0].key == TargetKey{4, 1});
}

TEST_CASE("bad summary files are errors naming the file and line") {
  auto message = [](const std::string& text) {
    try {
      parse_summary_csv(text, "s.csv");
    } catch (const DataError& e) {
      std::string out;
      for (const auto& d : e.diagnostics().items()) out += d.str() + "\n";
      return out;
    }
    return std::string("no error");
  };
  CHECK(message("任务,完成\n1,2\n") ==
        "s.csv:1: 错误: 表头缺少列 task、status：diff 需要 minsheng summary --format csv "
        "导出的文件（至少含 task 和 status 列）\n");
  CHECK(message("task,actual,status\n4,abc,on_track\n5,1\n6,1,great\n4,2,done\n") ==
        "s.csv:2:3: 错误: actual 列应为数字，实际为“abc”\n"
        "s.csv:3: 错误: 这一行只有 2 列，表头有 3 列\n"
        "s.csv:4:5: 错误: 未知状态“great”\n"
        "s.csv:5:1: 错误: 任务4指标1重复（第 2 行已出现）\n");
  CHECK(message("") == "s.csv: 错误: 文件为空，不是 minsheng summary 导出的 CSV\n");
  CHECK(message("task,status\n") == "s.csv: 错误: 文件没有数据行\n");
}

TEST_CASE("the month of a summary file comes from its folder or name") {
  CHECK(month_in_path("reports/2024-05/summary.csv") == YearMonth{2024, 5});
  CHECK(month_in_path("/tmp/summary-2024-04.csv") == YearMonth{2024, 4});
  CHECK_FALSE(month_in_path("/tmp/summary.csv"));
}

TEST_CASE("a task number past any plan is an error with its place, not an overflow") {
  try {
    parse_summary_csv("task,target,status\n6666666666,1,done\n4,1,1e400\n", "s.csv");
    FAIL("expected DataError");
  } catch (const DataError& e) {
    REQUIRE(e.diagnostics().items().size() >= 1);
    CHECK(e.diagnostics().items()[0].str() ==
          "s.csv:2:1: 错误: task 列应为正整数，实际为“6666666666”");
  }
}

TEST_CASE("any fall beyond the last bit is 数据下调: 50 to 49 and 50 to 49.5") {
  // Only a fall inside the last bit (kEps) is no fall: a unit setting 50 right to 49 is news.
  CHECK(classify(row(1, 50, Status::on_track), row(1, 49, Status::on_track), true) ==
        ChangeKind::revised_down);
  CHECK(classify(row(1, 50, Status::on_track), row(1, 49.5, Status::on_track), true) ==
        ChangeKind::revised_down);
  CHECK(classify(row(1, 50, Status::on_track), row(1, 50 - 1e-12, Status::on_track), true) ==
        ChangeKind::stalled);
}

TEST_CASE("a target given twice on one side is matched on its last row") {
  // The old side has task 1 at 10 then at 20 (a summary.csv edited by hand); the new at 20:
  // matched on 20, it stalled rather than progressed by 10. Task 2 is given twice on the new
  // side, 30 then 25: matched on 25, its figure fell from 30.
  DiffReport rep = diff_sides(
      side("2024-05",
           {row(1, 10, Status::behind), row(2, 30, Status::behind), row(1, 20, Status::behind)},
           YearMonth{2024, 5}),
      side("2024-06",
           {row(2, 30, Status::behind), row(1, 20, Status::behind), row(2, 25, Status::behind)},
           YearMonth{2024, 6}));
  REQUIRE(rep.rows.size() == 2);
  CHECK(rep.rows[0].key.task == 1);
  CHECK(*rep.rows[0].old_row->actual == 20);
  CHECK(rep.rows[0].kind == ChangeKind::stalled);
  CHECK(rep.rows[1].key.task == 2);
  CHECK(*rep.rows[1].new_row->actual == 25);
  CHECK(*rep.rows[1].delta == -5);
  CHECK(rep.rows[1].kind == ChangeKind::revised_down);
}
