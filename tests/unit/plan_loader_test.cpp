#include "io/plan_loader.hpp"

#include <catch2/catch.hpp>
#include <fstream>

#include "fixtures.hpp"
#include "model/diagnostic.hpp"

using namespace minsheng;

namespace {

// Every diagnostic of a broken plan, as the user sees them.
std::vector<std::string> errors_of(const std::string& yaml) {
  try {
    parse_plan(yaml, "p.yaml");
  } catch (const DataError& e) {
    std::vector<std::string> out;
    for (const auto& d : e.diagnostics().items()) out.push_back(d.str());
    return out;
  }
  return {};
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
  auto pos = s.find(from);
  REQUIRE(pos != std::string::npos);
  return s.replace(pos, from.size(), to);
}

}  // namespace

TEST_CASE("a valid plan loads with its metadata, settings and targets") {
  Plan p = parse_plan(test::kPlanYaml, "p.yaml");
  CHECK(p.title == "测试计划");
  CHECK(p.start == YearMonth{2024, 1});
  CHECK(p.deadline == Date{2024, 10, 31});
  CHECK(p.report_to == "市发改委");
  CHECK(p.settings.about_tolerance == Approx(0.10));
  CHECK(p.settings.behind_pp == 10);
  REQUIRE(p.tasks.size() == 6);
  const Task& t3 = p.tasks[2];
  REQUIRE(t3.targets.size() == 1);  // no figure: one milestone
  CHECK(t3.targets[0].kind == TargetKind::milestone);
  CHECK(t3.targets[0].lead == "市住建局");
  const Task& t4 = p.tasks[3];
  REQUIRE(t4.targets.size() == 2);
  CHECK(t4.targets[0].lead == "市农业农村局");
  CHECK(t4.targets[0].comparator == Comparator::exactly);  // the default
  CHECK(t4.targets[1].lead == "市委组织部");
  CHECK(t4.targets[1].comparator == Comparator::about);
  CHECK(t4.targets[1].index == 2);
  // Each target knows its lead's place in units: [市民政局, 市住建局, 市农业农村局, 市委组织部].
  CHECK(t3.targets[0].lead_unit == 1);
  CHECK(t4.targets[0].lead_unit == 2);
  CHECK(t4.targets[1].lead_unit == 3);
  CHECK(p.tasks[0].targets[0].lead_unit == 0);
  CHECK(p.tasks[4].targets[0].pending);
  CHECK_FALSE(p.tasks[4].targets[0].value);
  CHECK(p.tasks[5].targets[0].baseline == 50);
  CHECK(p.lead_units() ==
        std::vector<std::string>{"市民政局", "市住建局", "市农业农村局", "市委组织部"});
  CHECK(p.due_date({2024, 6}) == Date{2024, 7, 3});
  CHECK(p.due_date({2024, 12}) == Date{2025, 1, 3});
}

TEST_CASE("a YAML syntax error names its position, without yaml-cpp's raw text") {
  auto e = errors_of("plan:\n  title: [unclosed\n");
  REQUIRE(e.size() == 1);
  CHECK(e[0].rfind("p.yaml:3:1: 错误: YAML 语法错误: ", 0) == 0);
}

TEST_CASE("a duplicate task id points at the second id and names the first") {
  auto e = errors_of(replace(test::kPlanYaml, "  - id: 2\n", "  - id: 1\n"));
  REQUIRE(e.size() == 1);
  CHECK(e[0] == "p.yaml:19:9: 错误: 任务编号 1 重复（第 13 行已定义）");
}

TEST_CASE("an unknown category, unit and measure are each reported with a suggestion") {
  std::string y = replace(test::kPlanYaml, "    category: 2\n    lead: 市住建局\n    text: 推进",
                          "    category: 7\n    lead: 市住建委\n    text: 推进");
  y = replace(y, "value: 250, baseline: 50, measure: 个}",
              "value: 250, baseline: 50, measure: 间}");
  auto e = errors_of(y);
  REQUIRE(e.size() == 3);
  CHECK(e[0] == "p.yaml:26:15: 错误: 任务3：类别 7 不在 categories 中");
  CHECK(e[1] ==
        "p.yaml:27:11: 错误: 未知牵头单位“市住建委”（是否应为“市住建局”？）；请先在 units 中列出");
  CHECK(e[2] == "p.yaml:47:55: 错误: 未知计量单位“间”；请先在 measures 中列出");
}

TEST_CASE("missing fields are reported at the mapping that lacks them") {
  auto e = errors_of(replace(test::kPlanYaml, "    text: 推进物业服务提质。\n", ""));
  REQUIRE(e.size() == 1);
  CHECK(e[0] == "p.yaml:25:5: 错误: 任务3：缺少字段“text”");
  auto m = errors_of(replace(test::kPlanYaml,
                             "{name: 综合体, value: 100, measure: 个, comparator: at_least}",
                             "{name: 综合体, value: 100, comparator: at_least}"));
  REQUIRE(m.size() == 1);
  CHECK(m[0] == "p.yaml:18:9: 错误: 任务1指标1：缺少字段“measure”");
}

TEST_CASE("a non-numeric value and an unknown comparator are reported at the value") {
  std::string y = replace(test::kPlanYaml, "value: 100, measure: 个, comparator: at_least",
                          "value: 一百, measure: 个, comparator: atleast");
  auto e = errors_of(y);
  REQUIRE(e.size() == 2);
  CHECK(e[0] == "p.yaml:18:28: 错误: 任务1指标1：value 应为数字，实际为“一百”");
  CHECK(e[1] ==
        "p.yaml:18:56: 错误: 未知比较方式“atleast”，应为 at_least、about 或 "
        "exactly（是否应为“at_least”？）");
}

TEST_CASE("a target's lead unit must be one of its task's lead units") {
  auto e = errors_of(
      replace(test::kPlanYaml, "{name: 村干部, lead: 市委组织部", "{name: 村干部, lead: 市民政局"));
  REQUIRE(e.size() == 1);
  CHECK(e[0] ==
        "p.yaml:35:27: 错误: "
        "任务4指标2：牵头单位“市民政局”不是任务4的牵头单位（市农业农村局、市委组织部）");
}

TEST_CASE("a misspelt field is flagged with the field it probably meant") {
  auto e = errors_of(replace(test::kPlanYaml, "measure: 人, comparator: at_least}",
                             "measrue: 人, comparator: at_least}"));
  REQUIRE(e.size() == 2);
  CHECK(e[0] == "p.yaml:41:9: 错误: 任务5指标1：缺少字段“measure”");
  CHECK(e[1] == "p.yaml:41:37: 错误: 任务5指标1：未知字段“measrue”（是否应为“measure”？）");
}

TEST_CASE("all problems in a file are reported at once, in file order") {
  std::string y = replace(test::kPlanYaml, "  - id: 2\n", "  - id: 1\n");
  y = replace(y, "comparator: about}", "comparator: roughly}");
  y = replace(y, "deadline: 2024-10-31", "deadline: 2024-10-32");
  y = replace(y, "value: 3000", "value: 三千");
  auto e = errors_of(y);
  REQUIRE(e.size() == 4);
  CHECK(e[0] == "p.yaml:5:13: 错误: deadline 应为日期（YYYY-MM-DD），实际为“2024-10-32”");
  CHECK(e[1] == "p.yaml:19:9: 错误: 任务编号 1 重复（第 13 行已定义）");
  CHECK(e[2] == "p.yaml:24:58: 错误: 未知比较方式“roughly”，应为 at_least、about 或 exactly");
  CHECK(e[3] == "p.yaml:34:41: 错误: 任务4指标1：value 应为数字，实际为“三千”");
}

TEST_CASE("the real tasks.yaml loads: 70 tasks, 73 targets, figures as in the seed") {
  Plan p = load_plan(std::string(MINSHENG_SOURCE_DIR) + "/tasks.yaml");
  CHECK(p.tasks.size() == 70);
  CHECK(p.target_count() == 73);
  CHECK(p.lead_units().size() == 22);
  CHECK(p.document_number == "宜府办发〔2024〕21号");
  CHECK(p.deadline == Date{2024, 11, 30});
  auto value = [&](int task, int target) {
    return *p.find_task(task)->targets.at(target - 1).value;
  };
  CHECK(value(4, 1) == 1680);
  CHECK(value(20, 1) == 20000);    // 2万人
  CHECK(value(23, 1) == 150000);   // 15万平方米
  CHECK(value(26, 2) == 15000);    // 1.5万人次
  CHECK(value(29, 1) == 1400000);  // 140万人次
  CHECK(value(45, 1) == 35000);    // 3.5万人以上
  CHECK(value(56, 2) == 16700);    // 1.67万个
  const Task* t48 = p.find_task(48);
  CHECK(t48->targets[0].lead == "市农业农村局");
  CHECK(t48->targets[1].lead == "市委组织部");
  CHECK(t48->targets[1].comparator == Comparator::about);
  CHECK(p.find_task(62)->targets[0].pending);
  CHECK(p.find_task(63)->targets[0].pending);
  CHECK(p.find_task(38)->targets[0].measure == "套(间)");
  CHECK(p.find_task(1)->targets[0].kind == TargetKind::milestone);
}

TEST_CASE("a plan file that cannot be read is an IoError") {
  CHECK_THROWS_AS(load_plan("/nonexistent/tasks.yaml"), IoError);
}

TEST_CASE("reporting.from: the first month a file is due, by default the month of issue") {
  // The fixture has no issued date and no from: reporting starts with the plan.
  CHECK(parse_plan(test::kPlanYaml, "p.yaml").reporting_from == YearMonth{2024, 1});
  std::string issued =
      replace(test::kPlanYaml, "  start: 2024-01\n", "  issued: 2024-04-02\n  start: 2024-01\n");
  Plan p = parse_plan(issued, "p.yaml");
  CHECK(p.reporting_from == YearMonth{2024, 4});
  CHECK_FALSE(p.reporting_due({2024, 3}));
  CHECK(p.reporting_due({2024, 4}));
  std::string explicit_from = replace(test::kPlanYaml, "reporting: {to: 市发改委, due_day: 3}",
                                      "reporting: {to: 市发改委, due_day: 3, from: 2024-05}");
  CHECK(parse_plan(explicit_from, "p.yaml").reporting_from == YearMonth{2024, 5});
  auto errs = errors_of(replace(test::kPlanYaml, "reporting: {to: 市发改委, due_day: 3}",
                                "reporting: {to: 市发改委, due_day: 3, from: 2023-12}"));
  REQUIRE(errs.size() == 1);
  CHECK(errs[0] == "p.yaml:6:43: 错误: reporting.from（2023-12）早于计划开始月份 start（2024-01）");
  // The real plan was issued on 2024-04-02 and says so.
  Plan real = load_plan(std::string(MINSHENG_SOURCE_DIR) + "/tasks.yaml");
  CHECK(real.reporting_from == YearMonth{2024, 4});
}

TEST_CASE("wording, aliases and the projection threshold come from the plan") {
  std::string yaml =
      replace(test::kPlanYaml, "  reporting: {to: 市发改委, due_day: 3}\n",
              "  reporting: {to: 市发改委, due_day: 3}\n"
              "  wording: {bulletin_to: 各区县：, report_to: 市长：, issuer: 督查室}\n");
  yaml = replace(yaml, "categories:\n", "aliases: {市民政: 市民政局}\ncategories:\n");
  yaml = replace(yaml, "measures:", "settings: {projection_flag_pct: 90}\nmeasures:");
  Plan p = parse_plan(yaml, "p.yaml");
  CHECK(p.wording.bulletin_to == "各区县：");
  CHECK(p.wording.report_to == "市长：");
  CHECK(p.wording.issuer == "督查室");
  CHECK(p.canonical_unit("市民政") == "市民政局");
  CHECK(p.canonical_unit("市民政局") == "市民政局");
  CHECK(p.canonical_unit("民政") == "");
  CHECK(p.settings.projection_flag_pct == 90);
  // None given: empty, so renderers use neutral wording.
  Plan bare = parse_plan(test::kPlanYaml, "p.yaml");
  CHECK(bare.wording.bulletin_to.empty());
  CHECK(bare.aliases.empty());
  auto errs = errors_of(
      replace(test::kPlanYaml, "categories:\n", "aliases: {卫健委: 市卫健委}\ncategories:\n"));
  REQUIRE(errs.size() == 1);
  CHECK(errs[0] == "p.yaml:9:16: 错误: 别名“卫健委”指向的“市卫健委”不是计划中的牵头单位");
}

TEST_CASE("every plan setting is checked, each at its place") {
  auto one = [](const std::string& from, const std::string& to) {
    auto errs = errors_of(replace(test::kPlanYaml, from, to));
    REQUIRE(errs.size() == 1);
    return errs[0];
  };
  CHECK(one("due_day: 3}", "due_day: 29}") == "p.yaml:6:34: 错误: due_day 应在 1 到 28 之间");
  CHECK(one("due_day: 3}", "due_day: 0}") == "p.yaml:6:34: 错误: due_day 应在 1 到 28 之间");
  CHECK(one("measures:", "settings: {behind_pp: 40, seriously_behind_pp: 30}\nmeasures:") ==
        "p.yaml:7:11: 错误: behind_pp 不能大于 seriously_behind_pp");
  CHECK(one("deadline: 2024-10-31", "deadline: 2023-10-31") ==
        "p.yaml:5:13: 错误: deadline 早于 start");
  CHECK(one("      - {name: 村干部, lead: 市委组织部, value: 100, measure: 人, comparator: about}",
            "      - {name: 村干部, value: 100, measure: 人, comparator: about}") ==
        "p.yaml:35:9: 错误: "
        "任务4指标2：缺少字段“lead”：任务有多个牵头单位时，每个指标须写明牵头单位");
  CHECK(one("measures:", "settings: {about_tolerance: 1.5}\nmeasures:") ==
        "p.yaml:7:29: 错误: about_tolerance 应在 0 到 1 之间");
  CHECK(one("measures:", "settings: {projection_flag_pct: 0}\nmeasures:") ==
        "p.yaml:7:33: 错误: projection_flag_pct 应大于 0 且不超过 100");
  CHECK(one("measures:", "settings: {form_project_rows: 2.5}\nmeasures:") ==
        "p.yaml:7:31: 错误: form_project_rows 应为 0 到 50 的整数（行数）");
  CHECK(one("measures:", "settings: {pace_window_months: 0}\nmeasures:") ==
        "p.yaml:7:32: 错误: pace_window_months 应为 1 到 12 的整数（月数）");
  CHECK(one("measures:", "settings: {long_open_months: 25}\nmeasures:") ==
        "p.yaml:7:30: 错误: long_open_months 应为 1 到 24 的整数（月数）");
  CHECK(one("measures:", "settings: {project_not_started_pct: 101}\nmeasures:") ==
        "p.yaml:7:37: 错误: project_not_started_pct 应在 0 到 100 之间");
  CHECK(one("measures:", "settings: {bulletin_list_limit: 0}\nmeasures:") ==
        "p.yaml:7:33: 错误: bulletin_list_limit 应为 1 到 100000 的整数（条数）");
}

TEST_CASE("a bulletin's list limit is the plan's setting, 100 without one") {
  CHECK(test::plan().settings.bulletin_list_limit == 100);
  std::string y = test::kPlanYaml;
  y.replace(y.find("measures:"), 0, "settings: {bulletin_list_limit: 20}\n");
  CHECK(parse_plan(y, "p.yaml").settings.bulletin_list_limit == 20);
}

TEST_CASE("a target's position counts the plan's targets in order, indexed or not") {
  // The fixture: tasks 1, 2, 3 with one target each, 4 with two, 5 and 6 with one: seven.
  const Plan& indexed = test::plan();
  Plan by_hand;  // the same tasks, never indexed: positions are counted by scanning
  by_hand.tasks = indexed.tasks;
  REQUIRE(indexed.target_count() == 7);
  for (const Plan* p : {&indexed, static_cast<const Plan*>(&by_hand)}) {
    CHECK(p->target_position(p->tasks[0], 1) == 0);
    CHECK(p->target_position(p->tasks[3], 1) == 3);  // task 4's 农民
    CHECK(p->target_position(p->tasks[3], 2) == 4);  // task 4's 村干部
    CHECK(p->target_position(p->tasks[5], 1) == 6);  // the last
  }
}

TEST_CASE("a task is found by a target key only when it has that target") {
  const Plan& p = test::plan();  // task 4 has two targets, the others one
  REQUIRE(p.find_task(4, 2) == p.find_task(4));
  CHECK(p.find_task(4, 2)->id == 4);
  CHECK(p.find_task(4, 3) == nullptr);
  CHECK(p.find_task(4, 0) == nullptr);
  CHECK(p.find_task(1, 2) == nullptr);
  CHECK(p.find_task(99, 1) == nullptr);
}

TEST_CASE("a target whose value is not above its baseline is an error, the boundary included") {
  // Completion is (actual − baseline) ÷ (value − baseline): value == baseline would divide by
  // zero, so it is refused like a value below the baseline.
  for (const char* v : {"50", "49"}) {
    INFO(v);
    auto e = errors_of(replace(test::kPlanYaml, "value: 250, baseline: 50",
                               std::string("value: ") + v + ", baseline: 50"));
    REQUIRE(e.size() == 1);
    CHECK(e[0] == "p.yaml:47:27: 错误: 任务6指标1：目标值应大于基数 baseline（50）");
  }
  CHECK(errors_of(replace(test::kPlanYaml, "value: 250, baseline: 50", "value: 51, baseline: 50"))
            .empty());
}
