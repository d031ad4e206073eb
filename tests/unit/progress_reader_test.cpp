#include "io/progress_reader.hpp"

#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "io/plan_loader.hpp"
#include "io/xlsx_writer.hpp"
#include "util/encoding.hpp"

using namespace minsheng;

namespace {

using test::plan;

struct Result {
  Submission sub;
  std::vector<std::string> messages;
};

Result read(const std::string& bytes,
            const std::string& file = "r/2024-05/submissions/市民政局.csv") {
  Diagnostics d;
  Result r{parse_submission(bytes, file, plan(), {2024, 5}, d), {}};
  d.sort();  // as every command prints them: by position
  for (const auto& item : d.items()) r.messages.push_back(item.str());
  return r;
}

}  // namespace

TEST_CASE("a repeated row is found whether the rows come in order or not") {
  // Forms list targets in order; a hand-edited file may not. Tasks 1, 2 and 5 are 市民政局's.
  auto r = read(
      "任务编号,累计完成\n"
      "1,10\n"    // 2
      "5,7\n"     // 3
      "2,20\n"    // 4: out of order
      "5,8\n"     // 5: repeats line 3
      "1,11\n"    // 6: repeats line 2
      "2,21\n");  // 7: repeats line 4
  const std::string f = "r/2024-05/submissions/市民政局.csv:";
  REQUIRE(r.messages.size() == 3);
  CHECK(r.messages[0] == f + "5:1: 错误: 重复的行：任务5指标1已在第 3 行填报");
  CHECK(r.messages[1] == f + "6:1: 错误: 重复的行：任务1指标1已在第 2 行填报");
  CHECK(r.messages[2] == f + "7:1: 错误: 重复的行：任务2指标1已在第 4 行填报");
  CHECK(r.sub.entries.empty());  // a repeated target keeps neither figure
  auto in_order = read("任务编号,累计完成\n1,10\n2,20\n5,7\n5,8\n");
  REQUIRE(in_order.messages.size() == 1);
  CHECK(in_order.messages[0] == f + "5:1: 错误: 重复的行：任务5指标1已在第 4 行填报");
  REQUIRE(in_order.sub.entries.size() == 2);
}

TEST_CASE("a UTF-8 CSV with Chinese headers, BOM and CRLF reads every row") {
  auto r = read(
      "\xEF\xBB\xBF任务编号,累计完成,状态,备注\r\n1,\"1,680\",,按季度统计\r\n2,45%,,\r\n5,,,\r\n");
  CHECK(r.messages.empty());
  CHECK(r.sub.unit == "市民政局");
  CHECK(r.sub.encoding == "UTF-8-BOM");
  REQUIRE(r.sub.entries.size() == 3);
  CHECK(r.sub.entries[0].key == TargetKey{1, 1});
  CHECK(r.sub.entries[0].value == 1680);
  CHECK(r.sub.entries[0].note == "按季度统计");
  CHECK(r.sub.entries[0].source.str() == "r/2024-05/submissions/市民政局.csv:2");
  CHECK(r.sub.entries[1].value == 45);
  CHECK(r.sub.entries[1].percent);
  CHECK_FALSE(r.sub.entries[2].value);  // blank: not reported this month
}

TEST_CASE("a GBK CSV saved by Excel is decoded and read") {
  std::string utf8 = "任务编号,累计完成\r\n1,3.5万\r\n";
  std::string gbk = iconv_convert(utf8, "UTF-8", "GB18030");
  REQUIRE(gbk != utf8);
  auto r = read(gbk);
  CHECK(r.messages.empty());
  CHECK(r.sub.encoding == "GB18030");
  REQUIRE(r.sub.entries.size() == 1);
  CHECK(r.sub.entries[0].value == 35000);
}

TEST_CASE("English headers, extra template columns and a title row above the header") {
  auto r = read("市民政局5月进展表,,,\n序号,task,任务内容,value\n1,1,新建综合体,１２\n");
  CHECK(r.messages.empty());
  REQUIRE(r.sub.entries.size() == 1);
  CHECK(r.sub.entries[0].value == 12);
  CHECK(r.sub.entries[0].source.line == 3);
}

TEST_CASE("task and target numbers as people type them, and what is not one") {
  // Full-width digits, a 任务 prefix, a trailing full stop and spaces all read (plain digits do
  // in every other test); zero, a negative, a decimal and an overflow do not.
  auto r = read(
      "任务编号,指标,累计完成\n"
      "１,１,10\n"
      "任务2,,45\n"
      " 5. ,,60\n"
      "0,,1\n"
      "-1,,1\n"
      "1.5,,1\n"
      "99999999999,,1\n");
  const std::string f = "r/2024-05/submissions/市民政局.csv:";
  std::string all;
  for (const auto& m : r.messages) all += m + "\n";
  INFO(all);
  REQUIRE(r.sub.entries.size() == 3);
  CHECK(r.sub.entries[0].key == TargetKey{1, 1});
  CHECK(r.sub.entries[1].key == TargetKey{2, 1});
  CHECK(r.sub.entries[2].key == TargetKey{5, 1});
  REQUIRE(r.messages.size() == 4);
  CHECK(r.messages[0] == f + "5:1: 错误: 任务编号应为正整数，实际为“0”");
  CHECK(r.messages[1] == f + "6:1: 错误: 任务编号应为正整数，实际为“-1”");
  // 1.5 reads as task 1's fifth target, as reports number targets: task 1 has one.
  CHECK(r.messages[2] == f + "7:1: 错误: 任务1没有第 5 个指标（共 1 个）");
  CHECK(r.messages[3] == f + "8:1: 错误: 任务编号应为正整数，实际为“99999999999”");
}

TEST_CASE("the unit comes from a 牵头单位 column before the file name") {
  auto r = read("牵头单位,任务编号,状态\n市住建局,3,推进中\n", "r/2024-05/submissions/进度.csv");
  CHECK(r.messages.empty());
  CHECK(r.sub.unit == "市住建局");
  REQUIRE(r.sub.entries.size() == 1);
  CHECK(r.sub.entries[0].state == MilestoneState::in_progress);
}

TEST_CASE("the unit is the leading unit name of the file name") {
  CHECK(unit_from_file_name("市民政局_2024年6月进度", plan()) == "市民政局");
  CHECK(unit_from_file_name("市民政局", plan()) == "市民政局");
  CHECK(unit_from_file_name("民政局", plan()).empty());
}

TEST_CASE("an unknown unit in the file name is an error with a suggestion") {
  // Tasks 1 (市民政局's) and 3 (市住建局's): the rows cannot say whose file it is.
  auto r =
      read("任务编号,累计完成,状态\n1,5,\n3,,推进中\n", "r/2024-05/submissions/民政局_5月.csv");
  REQUIRE(r.messages.size() == 1);
  CHECK(r.messages[0] ==
        "r/2024-05/submissions/民政局_5月.csv: 错误: "
        "无法确定牵头单位：文件名“民政局_5月.csv”不以计划中的牵头单位开头，"
        "文件内也没有“牵头单位”列（是否应为“市民政局”？）");
  // With no unit, rows cannot be checked against a lead unit; the file error says why.
  CHECK(r.sub.unit.empty());
}

TEST_CASE("an unknown unit named in the file suggests the closest") {
  auto r = read("牵头单位,任务编号,累计完成\n市民证局,1,5\n");
  REQUIRE_FALSE(r.messages.empty());
  CHECK(r.messages[0] ==
        "r/2024-05/submissions/市民政局.csv:2:1: 错误: "
        "“市民证局”不是计划中的牵头单位（是否应为“市民政局”？）");
}

TEST_CASE("each row problem is reported at its cell, and all of them at once") {
  auto r = read(
      "任务编号,指标,累计完成,状态\n"
      "99,,5,\n"      // 2: unknown task
      "1,2,5,\n"      // 3: unknown target
      "3,,,进行中\n"  // 4: status word outside the list; 市住建局 leads task 3
      "1,,-5,\n"      // 5: negative
      "1,,约50,\n"    // 6: not a number
      "2,,45,\n"      // 7: fine
      "2,,46,\n"      // 8: duplicate of line 7
      "5,,,\n"        // 9: fine (blank)
      "1,,50人,\n"    // 10: wrong unit of measure
      "4,,10,\n"      // 11: task 4 has two targets, neither led by 市民政局
      "x,,1,\n");     // 12: task id not a number
  const std::string f = "r/2024-05/submissions/市民政局.csv:";
  REQUIRE(r.messages.size() == 10);
  CHECK(r.messages[0] == f + "2:1: 错误: 未知任务编号 99（计划共 6 项任务）");
  CHECK(r.messages[1] == f + "3:3: 错误: 任务1没有第 2 个指标（共 1 个）");
  CHECK(r.messages[2] == f + "4:1: 错误: 任务3由市住建局牵头，不属于市民政局的报送范围");
  CHECK(r.messages[3] == f + "4:5: 错误: 状态应为 未启动、推进中 或 已完成，实际为“进行中”");
  CHECK(r.messages[4] == f + "5:4: 错误: 任务1的累计完成值不能为负数：“-5”");
  CHECK(r.messages[5] == f + "6:4: 错误: 任务1的累计完成值“约50”不是数字（可写 "
                             "1680、1,680、3.5万、95% 或带计量单位“个”）");
  CHECK(r.messages[6] == f + "8:1: 错误: 重复的行：任务2指标1已在第 7 行填报");
  CHECK(r.messages[7] == f + "10:4: 错误: 任务1的累计完成值“50人”不是数字（可写 "
                             "1680、1,680、3.5万、95% 或带计量单位“个”）");
  CHECK(r.messages[8] == f + "11:1: 错误: 任务4有 2 个指标，请在“指标”列填写序号（1–2）");
  CHECK(r.messages[9] == f + "12:1: 错误: 任务编号应为正整数，实际为“x”");
  // Nothing invalid survives; the duplicate drops both rows of task 2.
  REQUIRE(r.sub.entries.size() == 1);
  CHECK(r.sub.entries[0].key == TargetKey{5, 1});
  CHECK(r.sub.invalid.count({1, 1}));
  CHECK(r.sub.invalid.count({2, 1}));
  // Task 3 is 市住建局's: a row for it here is an error, never a mark on 市住建局's own value.
  CHECK_FALSE(r.sub.invalid.count({3, 1}));
}

TEST_CASE("a percentage for a count target is an error — for a milestone it is progress") {
  auto r = read("任务编号,累计完成\n1,50%\n");
  REQUIRE(r.messages.size() == 1);
  CHECK(r.messages[0] ==
        "r/2024-05/submissions/市民政局.csv:2:3: 错误: 任务1的计量单位为“个”，不能填写百分数“50%”");
  auto m = read("任务编号,累计完成\n3,60%\n", "r/2024-05/submissions/市住建局.csv");
  CHECK(m.messages.empty());
  REQUIRE(m.sub.entries.size() == 1);
  CHECK(m.sub.entries[0].value == 60);
  auto bad = read("任务编号,累计完成\n3,60\n", "r/2024-05/submissions/市住建局.csv");
  REQUIRE(bad.messages.size() == 1);
  CHECK(bad.messages[0] ==
        "r/2024-05/submissions/市住建局.csv:2:3: 错误: "
        "任务3为里程碑任务，请在“状态”列填写未启动/推进中/已完成，或以百分比填写完成进度");
}

TEST_CASE("a multi-target task resolves the target this unit leads") {
  auto r = read("任务编号,累计完成\n4,92\n", "r/2024-05/submissions/市委组织部.csv");
  CHECK(r.messages.empty());
  REQUIRE(r.sub.entries.size() == 1);
  CHECK(r.sub.entries[0].key == TargetKey{4, 2});
}

TEST_CASE("who leads a target is the same by position in units and by name") {
  // The plan as loaded (lead_unit set by index()) and a copy whose targets lack it, as a plan
  // built by hand would: the reader falls back to the names, with the same answers.
  Plan by_name = plan();
  for (auto& t : by_name.tasks)
    for (auto& target : t.targets) target.lead_unit = -1;
  const std::string rows = "任务编号,累计完成\n3,\n4,92\n1,50\n";  // 3 is a milestone
  for (const Plan* p : {&plan(), static_cast<const Plan*>(&by_name)}) {
    Diagnostics d;
    Submission sub =
        parse_submission(rows, "r/2024-05/submissions/市委组织部.csv", *p, {2024, 5}, d);
    d.sort();
    std::string all;
    for (const auto& item : d.items()) all += item.str() + "\n";
    INFO(all);
    REQUIRE(d.items().size() == 2);
    CHECK(d.items()[0].str() ==
          "r/2024-05/submissions/市委组织部.csv:2:1: 错误: "
          "任务3由市住建局牵头，不属于市委组织部的报送范围");
    CHECK(d.items()[1].str() ==
          "r/2024-05/submissions/市委组织部.csv:4:1: 错误: "
          "任务1由市民政局牵头，不属于市委组织部的报送范围");
    REQUIRE(sub.entries.size() == 1);
    CHECK(sub.entries[0].key == TargetKey{4, 2});  // task 4's second target: 村干部, 市委组织部's
  }
}

TEST_CASE("a pending target's value is supplied — on a fixed target it is ignored with a warning") {
  auto r = read("任务编号,累计完成,目标值\n5,120,150\n1,10,200\n");
  REQUIRE(r.messages.size() == 1);
  CHECK(r.messages[0] ==
        "r/2024-05/submissions/市民政局.csv:3:6: 警告: "
        "任务1的目标值已在计划中确定，此处填写的目标值已忽略");
  REQUIRE(r.sub.entries.size() == 2);
  CHECK(r.sub.entries[0].target_value == 150);
}

TEST_CASE("a month inside the file must match its folder — submitted dates are read") {
  auto r = read("任务编号,累计完成,月份,报送日期\n1,5,2024-04,2024/6/2\n");
  REQUIRE(r.messages.size() == 1);
  CHECK(r.messages[0] ==
        "r/2024-05/submissions/市民政局.csv:2:5: 错误: 文件中的月份 2024-04 与所在目录的月份 "
        "2024-05 不符，整个文件不予采用（如为更正 2024-04 的数据，请把更正后的文件放入 2024-04 "
        "目录，或在本月文件中加一行，月份写 2024-04）");
  CHECK(r.sub.submitted == Date{2024, 6, 2});
  // Rejected whole: its value never reaches a snapshot, and the target it names is 数据有误.
  CHECK(r.sub.rejected);
  CHECK(r.sub.entries.empty());
  CHECK(r.sub.invalid.count({1, 1}));
}

TEST_CASE("bytes in no supported encoding are an error with their position") {
  auto r = read("任务编号,累计完成\n1,\xFF\xFE\xFF\n");
  REQUIRE(r.messages.size() == 1);
  CHECK(r.messages[0] ==
        "r/2024-05/submissions/市民政局.csv:2:3: 错误: 文件编码无法识别（已尝试 UTF-8 和 "
        "GBK/GB18030）：按 UTF-8 读到这里出错");
  CHECK(r.sub.unit == "市民政局");  // the unit still counts as having sent a file
  CHECK(r.sub.entries.empty());
}

TEST_CASE("a header without a task column is an error") {
  auto r = read("编号,数量\n1,5\n");
  REQUIRE(r.messages.size() == 1);
  CHECK(r.messages[0] ==
        "r/2024-05/submissions/市民政局.csv:1: 错误: "
        "找不到表头：需要“任务编号”（task）列，以及“累计完成”（value）或“状态”（status）列");
}

TEST_CASE("YAML progress files read, with positions for their problems") {
  const std::string f = "r/2024-05/submissions/市民政局.yaml";
  auto ok = read(
      "unit: 市民政局\nmonth: 2024-05\nsubmitted: 2024-06-02\nprogress:\n"
      "  - {task: 1, value: 82}\n  - {task: 2, value: \"40%\", note: 市县两级}\n  - {task: 5, "
      "target_value: 150}\n",
      f);
  CHECK(ok.messages.empty());
  REQUIRE(ok.sub.entries.size() == 3);
  CHECK(ok.sub.entries[0].value == 82);
  CHECK(ok.sub.entries[0].source.line == 5);
  CHECK(ok.sub.entries[1].note == "市县两级");
  CHECK(ok.sub.submitted == Date{2024, 6, 2});

  auto bad = read(
      "unit: 市民政局\nmonth: 2024-06\nprogres: []\nprogress:\n"
      "  - {task: 1, valeu: 82}\n  - {task: 2, value: 很多}\n  - {task: 1, status: 已完}\n",
      f);
  REQUIRE(bad.messages.size() == 5);
  CHECK(bad.messages[0] ==
        f + ":2:8: 错误: 文件中的月份 2024-06 与所在目录的月份 2024-05 不符，整个文件不予采用");
  CHECK(bad.messages[1] == f + ":3:1: 错误: 未知字段“progres”（是否应为“progress”？）");
  CHECK(bad.messages[2] == f + ":5:15: 错误: 未知字段“valeu”（是否应为“value”？）");
  CHECK(bad.messages[3] == f + ":6:22: 错误: 任务2的累计完成值“很多”不是数字（可写 "
                               "1680、1,680、3.5万、95% 或带计量单位“%”）");
  CHECK(bad.messages[4] ==
        f + ":7:23: 错误: 状态应为 未启动、推进中 或 已完成，实际为“已完”（是否应为“已完成”？）");
}

TEST_CASE("a list where one value belongs, and a header-only file, are named clearly") {
  const std::string f = "r/2024-05/submissions/市民政局.yaml";
  auto r = read("unit: [市民政局, 市住建局]\nprogress:\n  - {task: 1, value: [1, 2]}\n", f);
  REQUIRE(r.messages.size() == 2);
  CHECK(r.messages[0] == f + ":1:7: 错误: unit 应为一个牵头单位的名称，不能是列表或映射");
  CHECK(r.messages[1] == f + ":3:22: 错误: value 应为单个值，不能是列表或映射");
  auto h = read("任务编号,累计完成\n");
  REQUIRE(h.messages.size() == 1);
  CHECK(h.messages[0] ==
        "r/2024-05/submissions/市民政局.csv:1: 警告: 文件只有表头，没有填报任何指标");
}

TEST_CASE("YAML positions count characters, like the CSV reader's") {
  const std::string f = "r/2024-05/submissions/市民政局.yaml";
  // 31 characters (35 bytes: 说明 is 6 of them) stand before 九百 on line 3: column 32, not 36.
  auto r = read("unit: 市民政局\nprogress:\n  - {task: 1, note: 说明, value: 九百}\n", f);
  REQUIRE(r.messages.size() == 1);
  CHECK(r.messages[0].rfind(f + ":3:32: 错误: 任务1的累计完成值“九百”不是数字", 0) == 0);
}

TEST_CASE("a unit may sign with a name the plan lists as an alias") {
  Plan p = test::plan();
  p.aliases["市民政"] = "市民政局";
  Diagnostics d;
  Submission sub =
      parse_submission("牵头单位,任务编号,累计完成\n市民政,1,5\n", "x.csv", p, {2024, 5}, d);
  CHECK(d.items().empty());
  CHECK(sub.unit == "市民政局");
  Submission by_name =
      parse_submission("任务编号,累计完成\n1,5\n", "r/市民政_5月.csv", p, {2024, 5}, d);
  CHECK(by_name.unit == "市民政局");
}

TEST_CASE("a supplied figure must exceed the baseline: zero is not a figure") {
  auto r = read("任务编号,累计完成,目标值\n5,,0\n");
  REQUIRE(r.messages.size() == 1);
  CHECK(r.messages[0] == "r/2024-05/submissions/市民政局.csv:2:4: 错误: 任务5的目标值应大于基数 0");
  CHECK(r.sub.invalid.count({5, 1}));
}

TEST_CASE("a file lists at most 100 problems, then counts the rest in one line") {
  std::string text = "任务编号,累计完成\n";
  for (int i = 0; i < 250; ++i) text += "99,1\n";  // 250 rows of an unknown task
  auto r = read(text);
  REQUIRE(r.messages.size() == 101);
  CHECK(r.messages[99] ==
        "r/2024-05/submissions/市民政局.csv:101:1: 错误: 未知任务编号 99（计划共 6 项任务）");
  CHECK(
      r.messages[100] ==
      "r/2024-05/submissions/市民政局.csv: 错误: 另有 150 个问题未列出（每个文件最多列出 100 个）");
}

TEST_CASE("an echoed value is cut to 60 characters and control characters are shown") {
  std::string huge(5000, 'x');
  auto r = read("任务编号,累计完成\n1," + huge + "\n");
  REQUIRE(r.messages.size() == 1);
  CHECK(r.messages[0].find("“" + std::string(60, 'x') + "…”不是数字") != std::string::npos);
  CHECK(r.messages[0].size() < 300);
  // The reader removes the ESC (with its warning); the value left is still not a number.
  auto esc = read("任务编号,累计完成\n1,\x1b[31m5\n");
  REQUIRE(esc.messages.size() == 2);
  for (const auto& m : esc.messages) CHECK(m.find("\x1b") == std::string::npos);
  CHECK(esc.messages[1].find("“[31m5”不是数字") != std::string::npos);
  // quote_value still shows a control character that reaches a message some other way.
  CHECK(quote_value("\x1b[31m5") == "“\\x1B[31m5”");
}

TEST_CASE("YAML anchors, aliases and deep nesting are refused with their place") {
  auto bomb = read("unit: 市民政局\nprogress:\n  - &row {task: 1, value: 5}\n  - *row\n",
                   "r/2024-05/submissions/市民政局.yaml");
  REQUIRE(bomb.messages.size() == 1);
  CHECK(
      bomb.messages[0] ==
      "r/2024-05/submissions/市民政局.yaml:3:5: 错误: 不支持 YAML 锚点（&）与别名（*）：计划文件和"
      "进度文件用不到它们，请把内容直接写出");
  std::string deep = "unit: 市民政局\nprogress:\n  - note: " + std::string(40, '[') + "\n";
  auto d = read(deep, "r/2024-05/submissions/市民政局.yaml");
  REQUIRE_FALSE(d.messages.empty());
  CHECK(d.messages[0].find("YAML 嵌套超过 32 层（从第 1 行开始嵌套）") != std::string::npos);
}

namespace {

Result read_county(const std::string& bytes,
                   const std::string& file = "r/2024-05/submissions/市民政局.csv") {
  Diagnostics d;
  Result r{parse_submission(bytes, file, test::county_plan(), {2024, 5}, d), {}};
  d.sort();
  for (const auto& item : d.items()) r.messages.push_back(item.str());
  return r;
}

}  // namespace

TEST_CASE("县市区 rows alone give a count target's city value as their sum") {
  auto r = read_county("任务编号,县市区,累计完成\n1,甲县,30\n1,乙区,12\n1,丙市,8\n");
  CHECK(r.messages.empty());
  REQUIRE(r.sub.counties.size() == 3);
  CHECK(r.sub.counties[1].county == 1);  // 乙区, by plan order
  CHECK(r.sub.counties[1].value == 12);
  REQUIRE(r.sub.entries.size() == 1);
  CHECK_FALSE(r.sub.entries[0].value);  // formed once, in the merge, with carried 县市区
  CHECK(r.sub.entries[0].derived_from == SumOf::counties);
  CHECK(r.sub.entries[0].source.line == 2);  // the first 县市区 row
  std::vector<Submission> subs = {r.sub};
  CHECK(merge_snapshot(subs, {2024, 5}, nullptr).values.at({1, 1}).value == 50);  // 30 + 12 + 8
}

TEST_CASE("a city row stands beside its 县市区 rows and is checked against their sum") {
  auto r = read_county("任务编号,县市区,累计完成\n1,全市,52\n1,甲县,30\n1,乙区,12\n");
  CHECK(r.messages.empty());  // the comparison needs carried values: it is made in the merge
  REQUIRE(r.sub.entries.size() == 1);
  CHECK(r.sub.entries[0].value == 52);
  CHECK(r.sub.entries[0].derived_from == SumOf::none);
  CHECK(r.sub.entries[0].checked_against == SumOf::counties);
  Diagnostics d;
  std::vector<Submission> subs = {r.sub};
  Snapshot snap = merge_snapshot(subs, {2024, 5}, &d);
  CHECK(snap.values.at({1, 1}).value == 52);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].str() ==
        "r/2024-05/submissions/市民政局.csv:2: 警告: 任务1指标1：县市区合计 42 与全市 52 "
        "不符（县市区行：第 3–4 行），以全市值为准");
}

TEST_CASE("a 县市区 missing this month keeps its last value in the city sum") {
  Diagnostics d;
  std::vector<Submission> subs;
  subs.push_back(parse_submission("任务编号,县市区,累计完成\n1,甲县,20\n1,乙区,10\n",
                                  "r/2024-04/submissions/市民政局.csv", test::county_plan(),
                                  {2024, 4}, d));
  subs.push_back(parse_submission("任务编号,县市区,累计完成\n1,甲县,30\n",
                                  "r/2024-05/submissions/市民政局.csv", test::county_plan(),
                                  {2024, 5}, d));
  Snapshot snap = merge_snapshot(subs, {2024, 5}, &d);
  CHECK(d.items().empty());
  CHECK(snap.values.at({1, 1}).value == 40);  // 30 this month + 乙区's 10 from April
  CHECK(snap.values.at({1, 1}).derived_from == SumOf::counties);
  CHECK(snap.county_values.at({{1, 1}, 1}).month == YearMonth{2024, 4});
  CHECK(snap.values.at({1, 1}).series.size() == 2);
}

TEST_CASE("a rate's 县市区 rows are never summed, and a missing city row is named") {
  auto r = read_county("任务编号,县市区,累计完成\n2,甲县,40%\n2,乙区,60%\n");
  CHECK(r.sub.entries.empty());
  REQUIRE(r.sub.counties.size() == 2);
  CHECK(r.messages ==
        std::vector<std::string>{
            "r/2024-05/submissions/市民政局.csv:2: 警告: 任务2是百分比指标，县市区的值不能"
            "加总；全市值请填在县市区为“全市”的一行"});
}

TEST_CASE(
    "an unknown 县市区 is an error with the nearest name, and so is any 县市区 in a plan without "
    "them") {
  auto r = read_county("任务编号,县市区,累计完成\n1,甲县,30\n1,乙区县,12\n1,乙区,12\n1,乙区,13\n");
  CHECK(r.messages == std::vector<std::string>{"r/2024-05/submissions/市民政局.csv:3:3: 错误: "
                                               "“乙区县”不是计划中的县市区（是否应为“乙区”？）",
                                               "r/2024-05/submissions/市民政局.csv:5:1: 错误: "
                                               "重复的行：任务1指标1的乙区已在第 4 行填报"});
  // 甲县 stands; 乙区's two rows fall; the city sum is unknown, so the target is 数据有误.
  REQUIRE(r.sub.counties.size() == 1);
  CHECK(r.sub.counties[0].county == 0);
  CHECK(r.sub.invalid_counties.count({{1, 1}, 1}) == 1);
  CHECK(r.sub.entries.empty());
  CHECK(r.sub.invalid.count({1, 1}) == 1);
  // A typed city row is not made uncertain by a bad 县市区 row.
  auto typed = read_county("任务编号,县市区,累计完成\n1,,45\n1,乙区县,12\n");
  REQUIRE(typed.sub.entries.size() == 1);
  CHECK(typed.sub.entries[0].value == 45);
  auto plain = read("任务编号,县市区,累计完成\n1,甲县,30\n");
  CHECK(plain.messages ==
        std::vector<std::string>{
            "r/2024-05/submissions/市民政局.csv:2:3: 错误: 计划未列出县市区（tasks.yaml "
            "的 counties），不能填写县市区“甲县”"});
}

namespace {

struct Breakdown {
  std::vector<std::pair<CountyKey, Allocation>> rows;
  std::vector<std::string> messages;
};

Breakdown breakdown(const std::string& bytes,
                    const std::string& file = "r/breakdown/市民政局.csv") {
  Diagnostics d;
  Breakdown b{parse_breakdown(bytes, file, test::county_plan(), d), {}};
  d.sort();
  for (const auto& item : d.items()) b.messages.push_back(item.str());
  return b;
}

}  // namespace

TEST_CASE(
    "headers are matched as folded: 县（市、区） in full-width brackets, full-width letters") {
  // The official column name has full-width brackets, which NFKC folds to ASCII ones; the names
  // we know are folded the same way, so the two still meet.
  auto r = read_county("ＴＡＳＫ,县（市、区）,累计完成\n1,甲县,30\n1,乙区,12\n");
  CHECK(r.messages.empty());
  REQUIRE(r.sub.counties.size() == 2);
  CHECK(r.sub.counties[0].county == 0);  // 甲县
  CHECK(r.sub.counties[1].value == 12);
  std::vector<Submission> subs = {r.sub};
  CHECK(merge_snapshot(subs, {2024, 5}, nullptr).values.at({1, 1}).value == 42);  // 30 + 12
  auto b = breakdown("任务编号,县(市、区),分解目标\n1,甲县,40\n");
  REQUIRE(b.rows.size() == 1);
  CHECK(b.rows[0].first == CountyKey{{1, 1}, 0});
  CHECK(b.rows[0].second.value == 40);
}

TEST_CASE("a 分解方案 gives each 县市区 its share, and says when the shares fall short") {
  auto b = breakdown("任务编号,县市区,分解目标\n1,甲县,40\n1,乙区,30\n1,丙市,20\n2,甲县,50%\n");
  REQUIRE(b.rows.size() == 4);
  CHECK(b.rows[0].first == CountyKey{{1, 1}, 0});
  CHECK(b.rows[0].second.value == 40);
  CHECK(b.rows[0].second.unit == "市民政局");
  CHECK(b.rows[2].second.source.str() == "r/breakdown/市民政局.csv:4");
  CHECK(b.rows[3].second.value == 50);  // a rate: the 县市区's own level
  // 40 + 30 + 20 = 90 of 100; a rate is never summed, so task 2 draws no warning.
  CHECK(b.messages ==
        std::vector<std::string>{
            "r/breakdown/市民政局.csv:2: 警告: 任务1：分解合计 90个 少于全市目标 100个"});
}

TEST_CASE("a 分解方案's bad rows are all named at once and left out") {
  auto b = breakdown(
      "任务编号,县市区,分解目标\n"
      "1,甲县,40\n"
      "1,乙区县,30\n"   // not a 县市区
      "1,甲县,45\n"     // the same 县市区 twice
      "3,甲县,1\n"      // 市住建局's target
      "99,甲县,60\n"    // no such task
      "1,,60\n"         // no 县市区
      "1,丙市,三十\n",  // not a number
      "r/breakdown/市民政局.csv");
  CHECK(b.messages ==
        std::vector<std::string>{
            "r/breakdown/市民政局.csv:2: 警告: 任务1：分解合计 40个 少于全市目标 100个",
            "r/breakdown/市民政局.csv:3:3: 错误: “乙区县”不是计划中的县市区（是否应为“乙区”？）",
            "r/breakdown/市民政局.csv:4:3: 错误: 重复的行：任务1在甲县的分解目标已在第 2 行填写",
            "r/breakdown/市民政局.csv:5:1: 错误: 任务3由市住建局牵头，不属于市民政局的分解范围",
            "r/breakdown/市民政局.csv:6:1: 错误: 未知任务编号“99”",
            "r/breakdown/市民政局.csv:7:3: 错误: 任务1：分解方案每行应填写一个县市区"
            "（全市行只用于填写节点月份、节点进度）",
            "r/breakdown/市民政局.csv:8:6: 错误: 任务1的分解目标“三十”不是数字（可写 1680、1,680、"
            "3.5万、95% 或带计量单位“个”）"});
  REQUIRE(b.rows.size() == 1);
}

TEST_CASE("a 分解方案 gives nodes for the whole city and for a 县市区, as forms write them") {
  // The fixture plan runs 2024-01 to 2024-10.
  auto b = breakdown(
      "任务编号,县市区,分解目标,节点月份,节点进度\n"
      "1,全市,,3月、6月、10月底,20%、50%、100%\n"  // the target's own nodes; no share
      "1,甲县,60,2024-04，2024-08,40，100\n"       // 甲县's own nodes with its share
      "1,乙区,40,,\n"                              // no nodes: the target's
      "2,,,6月、9月,50%、80%\n"                    // the last node is not 100
      "2,甲县,50%,6月,\n"                          // nodes without shares
      "2,乙区,50%,6月、11月,50%、100%\n",          // November is past the deadline
      "r/breakdown/市民政局.csv");
  CHECK(b.messages ==
        std::vector<std::string>{
            "r/breakdown/市民政局.csv:5:5: 错误: 任务2：最后一个节点（2024-09）的进度应为 "
            "100%，实际为 80%：节点计划须在截止时限前全部完成",
            "r/breakdown/市民政局.csv:6:10: 错误: 任务2：节点月份有 1 个，节点进度有 0 "
            "个，应一一对应",
            "r/breakdown/市民政局.csv:7:10: 错误: 任务2：节点 2024-11 不在计划期 2024-01 至 "
            "2024-10 内"});
  REQUIRE(b.rows.size() == 3);
  CHECK(b.rows[0].first == CountyKey{{1, 1}, -1});  // the whole city
  REQUIRE(b.rows[0].second.schedule);
  CHECK(b.rows[0].second.schedule->nodes ==
        std::vector<ScheduleNode>{{{2024, 3}, 20}, {{2024, 6}, 50}, {{2024, 10}, 100}});
  CHECK(b.rows[1].first == CountyKey{{1, 1}, 0});
  CHECK(b.rows[1].second.value == 60);
  CHECK(b.rows[1].second.schedule->nodes ==
        std::vector<ScheduleNode>{{{2024, 4}, 40}, {{2024, 8}, 100}});
  CHECK_FALSE(b.rows[2].second.schedule);
  // A row of the whole city twice is named like a 县市区 twice.
  auto twice = breakdown("任务编号,县市区,节点月份,节点进度\n1,全市,10月,100\n1,合计,10月,100\n");
  CHECK(twice.messages == std::vector<std::string>{"r/breakdown/市民政局.csv:3:3: 错误: "
                                                   "重复的行：任务1在全市的节点已在第 2 行填写"});
}

TEST_CASE("a 分解方案 reads from YAML and from a workbook alike") {
  auto y = breakdown(
      "unit: 市民政局\nallocations:\n  - {task: 1, county: 甲县, target_value: 60}\n"
      "  - {task: 1, county: 乙区, target_value: 40}\n",
      "r/breakdown/民政.yaml");
  CHECK(y.messages.empty());
  REQUIRE(y.rows.size() == 2);
  CHECK(y.rows[1].second.source.line == 4);
  OutWorkbook wb{"t", 0, {}};
  OutSheet s = out_sheet("分解", {"牵头单位", "任务编号", "县市区", "分解目标"}, {10, 8, 8, 8});
  s.rows.push_back({out_text("市民政局"), out_number(1), out_text("甲县"), out_number(60)});
  s.rows.push_back({out_text("市民政局"), out_number(1), out_text("乙区"), out_number(40)});
  wb.sheets.push_back(s);
  auto x = breakdown(xlsx_bytes(wb), "r/breakdown/民政.xlsx");
  CHECK(x.messages.empty());
  REQUIRE(x.rows.size() == 2);
  CHECK(x.rows[0].second.value == 60);
  CHECK(x.rows[1].first.county == 1);
}

TEST_CASE("project rows alone give a count target's city value as the sum of what they delivered") {
  auto r = read(
      "任务编号,项目名称,项目状态,完成量,计划完工\n"
      "1,甲项目,已完工,,2024-03\n"  // finished, no amount: counts once
      "1,乙项目,在建,3,2024-09\n"   // delivered 3 so far
      "1,丙项目,未开工,,2024-12\n"  // nothing yet
      "1,丁项目,,,\n");             // named, nothing said
  CHECK(r.messages.empty());
  REQUIRE(r.sub.projects.size() == 4);
  CHECK(r.sub.projects[0].value == 1);
  CHECK(r.sub.projects[0].project_state == ProjectState::finished);
  CHECK(r.sub.projects[1].planned_finish == YearMonth{2024, 9});
  CHECK_FALSE(r.sub.projects[2].value);
  REQUIRE(r.sub.entries.size() == 1);
  CHECK(r.sub.entries[0].derived_from == SumOf::projects);
  std::vector<Submission> subs = {r.sub};
  CHECK(merge_snapshot(subs, {2024, 5}, nullptr).values.at({1, 1}).value == 4);  // 1 + 3 + 0
}

TEST_CASE("a project's state may be typed in 状态, and a wrong one is named with a suggestion") {
  auto r = read(
      "任务编号,项目名称,状态,计划完工\n"
      "1,甲项目,已完成,\n"  // the milestone word for finished
      "1,乙项目,已开建,\n"
      "1,丙项目,在建,2024年9月\n"  // a month as people write it
      "1,丁项目,在建,九月\n");
  CHECK(r.messages ==
        std::vector<std::string>{
            "r/2024-05/submissions/市民政局.csv:3:7: 错误: 项目状态应为 未开工、在建 或 "
            "已完工，实际为“已开建”",
            "r/2024-05/submissions/市民政局.csv:5:10: 错误: 计划完工应写作 YYYY-MM，实际为“九月”"});
  REQUIRE(r.sub.projects.size() == 2);
  CHECK(r.sub.projects[0].project_state == ProjectState::finished);
  CHECK(r.sub.projects[1].planned_finish == YearMonth{2024, 9});
  // A bad project row makes the sum of projects unknown.
  CHECK(r.sub.entries.empty());
  CHECK(r.sub.invalid.count({1, 1}) == 1);
}

TEST_CASE("the units' own words: per row, per unit, and 已解决") {
  auto r = read(
      "任务编号,累计完成,进展情况,存在问题,下步计划,问题状态\n"
      "1,40,建成40个,\"用地紧张|审批慢\n第二行\",7月开工,\n"
      ",,全局推进顺利,,下月督导,\n"
      ",,,资金到位慢,,\n"
      "2,45%,,,,已解决\n"
      "5,100,,,,没解决\n");
  // The quoted cell spans lines 2–3, so the rows after it are on lines 4, 5, 6 and 7.
  CHECK(r.messages == std::vector<std::string>{
                          "r/2024-05/submissions/市民政局.csv:7:10: 错误: 问题状态应为 已解决 或 "
                          "未解决，实际为“没解决”"});
  REQUIRE(r.sub.entries.size() == 2);
  CHECK(r.sub.entries[0].words().progress == "建成40个");
  CHECK(r.sub.entries[0].words().issues == "用地紧张|审批慢\n第二行");
  CHECK(r.sub.entries[0].words().next_steps == "7月开工");
  CHECK(r.sub.entries[1].words().solved);
  CHECK(r.sub.unit_text.progress == "全局推进顺利");
  CHECK(r.sub.unit_text.issues == "资金到位慢");  // rows without a task gather into one
  CHECK(r.sub.unit_text.next_steps == "下月督导");
  CHECK(r.sub.unit_text.source.line == 4);
}

TEST_CASE("a 填报日期 line above or below a unit's own table says when the file was sent") {
  // Above, in a title block, with a full-width colon and the Chinese date form.
  auto above = read(
      "宜昌市2024年十大民生项目进展情况表（5月）\n"
      "填报单位：宜昌市民政局（盖章）,,填报日期：2024年6月8日\n"
      "任务编号,累计完成\n"
      "1,10\n");
  CHECK(above.messages.empty());
  CHECK(above.sub.submitted == Date{2024, 6, 8});
  REQUIRE(above.sub.entries.size() == 1);
  // Below, sharing its cell with 填表人, written with slashes.
  auto below = read(
      "任务编号,累计完成\n"
      "1,10\n"
      "填表人：张三　填报日期：2024/6/5,\n");
  CHECK(below.messages.empty());
  CHECK(below.sub.submitted == Date{2024, 6, 5});
  // The label in one cell and the date in the next.
  auto split = read("任务编号,累计完成\n1,10\n填报日期：,2024-06-04\n");
  CHECK(split.sub.submitted == Date{2024, 6, 4});
  // A blank form's line gives no date, and is no error.
  auto blank = read("填报日期：　　年　月　日\n任务编号,累计完成\n1,10\n");
  CHECK(blank.messages.empty());
  CHECK_FALSE(blank.sub.submitted);
  // A 报送日期 column wins over the line.
  auto both = read("填报日期：2024年6月9日\n任务编号,累计完成,报送日期\n1,10,2024-06-02\n");
  CHECK(both.sub.submitted == Date{2024, 6, 2});
  // A task row whose note mentions a date is a task row, not a date line.
  auto note = read("任务编号,累计完成,备注\n1,10,报送日期：2024年6月20日前补报\n");
  CHECK_FALSE(note.sub.submitted);
  REQUIRE(note.sub.entries.size() == 1);
  CHECK(note.sub.entries[0].value == 10);
}

TEST_CASE("a project name the form guarded with ' is the project, not a second one") {
  // The form wrote '=危旧房改造 so that Excel would not run it as a formula.
  auto r = read("任务编号,项目名称,项目状态,完成量\n1,'=危旧房改造,在建,1\n1,'-东山大道,在建,2\n");
  CHECK(r.messages.empty());
  REQUIRE(r.sub.projects.size() == 2);
  CHECK(r.sub.projects[0].project.str() == "=危旧房改造");
  CHECK(r.sub.projects[1].project.str() == "-东山大道");
}

TEST_CASE("a 任务编号 written as reports write it names the target too: 4.1, 4-1, 4（1）, 4之1") {
  // Task 4 has two targets; the first is 市农业农村局's.
  const std::string file = "r/2024-05/submissions/市农业农村局.csv";
  for (const char* ref : {"4.1", "4-1", "4（1）", "4(1)", "4之1", "４．１", "任务4.1"}) {
    INFO(ref);
    auto r = read(std::string("任务编号,累计完成\n") + ref + ",1500\n", file);
    CHECK(r.messages.empty());
    REQUIRE(r.sub.entries.size() == 1);
    CHECK(r.sub.entries[0].key == TargetKey{4, 1});
    CHECK(r.sub.entries[0].value == 1500);
  }
  // The second target is 市委组织部's: named by 4.2, it is not this unit's.
  auto other = read("任务编号,累计完成\n4.2,80\n", file);
  REQUIRE(other.messages.size() == 1);
  CHECK(other.messages[0] ==
        file + ":2:1: 错误: 任务4指标2由市委组织部牵头，不属于市农业农村局的报送范围");
  // The 指标 column, when there is one, must agree.
  auto clash = read("任务编号,指标,累计完成\n4.1,2,1500\n", file);
  REQUIRE(clash.messages.size() == 1);
  CHECK(clash.messages[0] ==
        file + ":2:5: 错误: 任务编号 4.1 已指明第 1 个指标，与“指标”列的“2”不符");
  auto none = read("任务编号,累计完成\n4.3,1\n", file);
  REQUIRE(none.messages.size() == 1);
  CHECK(none.messages[0] == file + ":2:1: 错误: 任务4没有第 3 个指标（共 2 个）");
}

TEST_CASE("the city total as forms write it: 合　计, 合 计, 总计, the city's own name") {
  for (const char* total : {"合　计", "合 计", "总计", "全市合计", "测试市", "测试市合计"}) {
    INFO(total);
    Diagnostics d;
    Submission s = parse_submission(
        std::string("任务编号,县市区,累计完成\n1,甲县,4\n1,乙区,6\n1,") + total + ",10\n",
        "r/2024-05/submissions/市民政局.csv", test::county_plan(), {2024, 5}, d);
    CHECK(d.items().empty());
    REQUIRE(s.entries.size() == 1);
    CHECK(s.entries[0].county == -1);
    CHECK(s.entries[0].value == 10);
    CHECK(s.counties.size() == 2);
  }
}

TEST_CASE("the unit from the form: a 填报单位 line, a file name with the city before the unit") {
  // A file name that names nobody; the form signs with the city's name before the unit's.
  auto signed_line = read(
      "民生项目进展情况表,,\n填报单位：测试市民政局（盖章）,,填报日期：2024年6月2日\n任务编号,"
      "累计完成\n1,10\n",
      "r/2024-05/submissions/5月进度表.csv");
  CHECK(signed_line.messages.empty());
  CHECK(signed_line.sub.unit == "市民政局");
  CHECK(signed_line.sub.submitted == Date{2024, 6, 2});
  auto prefixed =
      read("任务编号,累计完成\n1,10\n", "r/2024-05/submissions/测试市民政局5月进度.csv");
  CHECK(prefixed.messages.empty());
  CHECK(prefixed.sub.unit == "市民政局");
  // The form's line wins over a file name that says another unit, and says so.
  auto both =
      read("填报单位：市民政局,\n任务编号,累计完成\n1,10\n", "r/2024-05/submissions/市住建局.csv");
  CHECK(both.sub.unit == "市民政局");
  REQUIRE(both.messages.size() == 1);
  CHECK(both.messages[0] ==
        "r/2024-05/submissions/市住建局.csv:1: 警告: "
        "表上填报单位为市民政局，文件名却是市住建局；按填报单位采用");
  // A misspelt name, but every task in it is 市民政局's: taken, with a warning to check.
  auto misspelt = read("任务编号,累计完成\n1,10\n2,40%\n", "r/2024-05/submissions/市民证局.csv");
  CHECK(misspelt.sub.unit == "市民政局");
  REQUIRE(misspelt.messages.size() == 1);
  CHECK(misspelt.messages[0] ==
        "r/2024-05/submissions/市民证局.csv: 警告: 文件名“市民证局.csv”不以计划中的牵头单位开头"
        "（是否应为“市民政局”？）；表中任务均由市民政局牵头，按市民政局采用，请核对");
  // Tasks of two units: nobody can tell, and it is an error as before.
  auto mixed = read("任务编号,累计完成\n1,10\n6,100\n", "r/2024-05/submissions/市民证局.csv");
  CHECK(mixed.sub.unit.empty());
  CHECK(mixed.messages.at(0).find("无法确定牵头单位") != std::string::npos);
}

TEST_CASE("a 任务编号 with the words people put around it: 第5项, 5号, 任务5") {
  for (const char* ref : {"第5项", "5号", "任务5", "第 5 项"}) {
    INFO(ref);
    auto r = read(std::string("任务编号,累计完成,目标值\n") + ref + ",7,20\n");
    CHECK(r.messages.empty());
    REQUIRE(r.sub.entries.size() == 1);
    CHECK(r.sub.entries[0].key == TargetKey{5, 1});
  }
}

TEST_CASE("control and bidi characters in units' text are removed when read, with one warning") {
  auto r = read("任务编号,累计完成,备注,进展情况\n1,10,\x1b[2J清屏,\xe2\x80\xae反向文字\n");
  REQUIRE(r.sub.entries.size() == 1);
  CHECK(r.sub.entries[0].note.str() == "[2J清屏");
  CHECK(r.sub.entries[0].words().progress == "反向文字");
  REQUIRE(r.messages.size() == 1);
  CHECK(r.messages[0] ==
        "r/2024-05/submissions/市民政局.csv: 警告: 文件中有 2 "
        "个控制字符或双向文字控制符（如 ESC、NUL、U+202E），已删除；请检查复制来源");
  auto y = read("unit: 市民政局\nprogress:\n  - {task: 1, value: 10, note: \"响铃\\a结束\"}\n",
                "r/2024-05/submissions/市民政局.yaml");
  REQUIRE(y.sub.entries.size() == 1);
  CHECK(y.sub.entries[0].note.str() == "响铃结束");
  CHECK(y.messages.size() == 1);
}

TEST_CASE("a row whose 月份 is an earlier month corrects that month's city figure") {
  // In May's folder: May's rows, and April's figure for task 1 set right (written three ways).
  auto r = read(
      "月份,任务编号,累计完成,备注\n"
      "2024-05,1,60,\n"
      "5月,2,45%,\n"
      "2024年4月,1,40,4月误报50，实为40\n");
  CHECK(r.messages.empty());
  REQUIRE(r.sub.entries.size() == 2);  // May's own figures are as they were
  CHECK(r.sub.entries[0].value == 60);
  REQUIRE(r.sub.corrections.size() == 1);
  const Correction& c = r.sub.corrections[0];
  CHECK(c.key == TargetKey{1, 1});
  CHECK(c.month == YearMonth{2024, 4});
  CHECK(c.value == 40);
  CHECK(!c.was);  // the reader does not know April's figure; the snapshot does
  CHECK(c.source.line == 4);
  // A date typed in the 月份 column (a workbook's month cell often is one) names its month.
  auto dated = read("月份,任务编号,累计完成\n2024-05-01,1,60\n2024/4/1,1,40\n");
  CHECK(dated.messages.empty());
  REQUIRE(dated.sub.corrections.size() == 1);
  CHECK(dated.sub.corrections[0].month == YearMonth{2024, 4});
}

TEST_CASE(
    "correction rows: a later month, no figure, two rows or no task are errors of their own") {
  auto r = read(
      "月份,任务编号,累计完成\n"
      "2024-05,1,60\n"
      "2024-06,2,50%\n"  // later than the folder
      "2024-04,2,\n"     // no figure to correct with
      "2024-03,1,30\n"
      "2024-03,1,31\n"  // March corrected twice: neither is taken
      "2024-04,7,1\n"   // no such task
      "上月,1,1\n");    // no month named
  const std::string f = "r/2024-05/submissions/市民政局.csv:";
  REQUIRE(r.messages.size() == 5);
  CHECK(r.messages[0] ==
        f + "3:1: 错误: 本行月份 2024-06 晚于所在目录的月份 2024-05，本行不予采用");
  CHECK(r.messages[1] == f + "4:9: 错误: 更正 2024-04 的任务2指标1：应填写更正后的累计完成值");
  CHECK(r.messages[2] ==
        f + "6:9: 错误: 重复的更正：2024-03 的任务1指标1已在第 5 行更正，两行均不予采用");
  CHECK(r.messages[3] == f + "7:9: 错误: 未知任务编号 7（计划共 6 项任务）");
  CHECK(r.messages[4] == f + "8:1: 错误: 月份应写作 YYYY-MM（如 2024-05），实际为“上月”");
  // A correction's mistakes are its own: May's figure stands, and nothing is 数据有误.
  REQUIRE(r.sub.entries.size() == 1);
  CHECK(r.sub.entries[0].value == 60);
  CHECK(r.sub.invalid.empty());
  CHECK(r.sub.corrections.empty());
}

TEST_CASE("a file whose rows are all of another month is refused whole, with the way to correct") {
  auto r = read("月份,任务编号,累计完成\n2024-04,1,40\n2024-04,2,45%\n");
  REQUIRE(r.messages.size() == 1);
  CHECK(r.messages[0] ==
        "r/2024-05/submissions/市民政局.csv:2:1: 错误: 文件中的月份 2024-04 与所在目录的月份 "
        "2024-05 不符，整个文件不予采用（如为更正 2024-04 的数据，请把更正后的文件放入 2024-04 "
        "目录，或在本月文件中加一行，月份写 2024-04）");
  CHECK(r.sub.rejected);
  CHECK(r.sub.corrections.empty());
  CHECK(r.sub.invalid.count({1, 1}));
  CHECK(r.sub.invalid.count({2, 1}));
}

TEST_CASE("a correction row of a 县市区 is refused: the month's own file is the way") {
  Diagnostics d;
  Submission s = parse_submission(
      "月份,任务编号,县市区,累计完成\n2024-05,1,,60\n2024-04,1,甲县,10\n2024-04,1,全市,40\n",
      "r/2024-05/submissions/市民政局.csv", test::county_plan(), {2024, 5}, d);
  auto m = test::strs(d);
  REQUIRE(m.size() == 1);
  CHECK(m[0] ==
        "r/2024-05/submissions/市民政局.csv:3:9: 错误: 更正 2024-04 的任务1指标1：本月文件中只能"
        "更正全市数值；县市区、项目的数值请把 2024-04 更正后的文件放入 2024-04 目录");
  REQUIRE(s.corrections.size() == 1);  // the 全市 row is the city's figure
  CHECK(s.corrections[0].value == 40);
}

TEST_CASE("a figure under an unreadable task number puts the unit's targets in doubt") {
  // 市民政局 leads tasks 1, 2 and 5. The row 十四 has a figure for one of them, no one can say
  // which; the month's files settle it (settle_doubtful, in data_dir_test).
  auto r = read("任务编号,累计完成\n1,10\n十四,20\n");
  REQUIRE(r.messages.size() == 1);
  CHECK(r.messages[0] ==
        "r/2024-05/submissions/市民政局.csv:3:1: 错误: 任务编号应为正整数，实际为“十四”");
  CHECK(r.sub.unnamed_rows == 1);
  CHECK(r.sub.doubtful == std::set<TargetKey>{{1, 1}, {2, 1}, {5, 1}});
  REQUIRE(r.sub.entries.size() == 1);
  CHECK(r.sub.entries[0].value == 10);
  // A target the task does not have: only that task's targets are in doubt.
  auto target = read("任务编号,指标,累计完成\n1,3,5\n");
  CHECK(target.sub.doubtful == std::set<TargetKey>{{1, 1}});
  // An unknown number is as unreadable; a row of words with no number is the unit's text.
  auto unknown = read("任务编号,累计完成,进展情况\n99,3,\n,,总体推进顺利\n");
  CHECK(unknown.sub.doubtful.size() == 3);
  CHECK(unknown.sub.unit_text.progress == "总体推进顺利");
  auto words = read("任务编号,累计完成,进展情况\n,,总体推进顺利\n1,10,\n");
  CHECK(words.sub.doubtful.empty());
  CHECK(words.messages.empty());
}

TEST_CASE("every closing word closes a problem and every open word leaves it open") {
  // 已解决 and 已销号 (the 督查室's word) close, as do the English codes; blank, 未解决, 推进中
  // and open leave the problem open. One file per word, so a dropped word shows alone.
  auto solved = [](const std::string& word) {
    auto r = read("任务编号,累计完成,存在问题,问题状态\n1,40,用地紧张," + word + "\n");
    INFO(word);
    CHECK(r.messages.empty());
    REQUIRE(r.sub.entries.size() == 1);
    return r.sub.entries[0].words().solved;
  };
  for (const char* w : {"已解决", "已销号", "solved", "closed"}) CHECK(solved(w));
  for (const char* w : {"", "未解决", "推进中", "open"}) CHECK_FALSE(solved(w));
}
