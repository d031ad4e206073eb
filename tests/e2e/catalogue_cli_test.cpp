#include <algorithm>
#include <catch2/catch.hpp>

#include "harness.hpp"
#include "util/csv.hpp"

using namespace minsheng::e2e;

namespace {
int count_lines(const std::string& s) {
  int n = 0;
  for (char c : s) n += c == '\n';
  return n;
}
}  // namespace

TEST_CASE("tasks --format csv lists all 70 tasks, one row per target") {
  Run r = run("tasks --format csv");
  REQUIRE(r.rc == 0);
  CHECK(r.out.rfind("\xEF\xBB\xBFtask,target,category,lead,value,unit,comparator,text,", 0) == 0);
  CHECK(count_lines(r.out) == 1 + 73);
  CHECK(r.out.find("\r\n4,1,1,市卫健委,1680,个,exactly,新增3岁以下婴幼儿托位1680个。,") !=
        std::string::npos);
  CHECK(r.out.find("\r\n48,1,7,市农业农村局,3000,人,exactly,") != std::string::npos);
  CHECK(r.out.find("\r\n48,2,7,市委组织部,100,人,about,") != std::string::npos);
  CHECK(r.out.find("\r\n56,2,8,市住建局,16700,个,exactly,") != std::string::npos);
  // Milestones and pending targets have an empty value.
  CHECK(r.out.find("\r\n1,1,1,市卫健委,,,,免费开展新生儿疾病筛查。") != std::string::npos);
  CHECK(r.out.find("\r\n63,1,9,市残联,,人,at_least,") != std::string::npos);
}

TEST_CASE("tasks filters by unit and category — an unknown unit suggests the closest") {
  Run r = run("tasks --unit 市民政局 --format csv");
  REQUIRE(r.rc == 0);
  CHECK(count_lines(r.out) == 1 + 7);  // tasks 14, 17, 18, 19, 60, 61, 62
  Run c = run("tasks --category 1 --format csv");
  CHECK(count_lines(c.out) == 1 + 5);
  Run bad = run("tasks --unit 民政局");
  CHECK(bad.rc == 2);
  CHECK(bad.err == "minsheng: “民政局”不是计划中的牵头单位（是否应为“市民政局”？）\n");
}

TEST_CASE("the table aligns Chinese by display width and has no colour when piped") {
  Run r = run("tasks --unit 市委组织部");
  REQUIRE(r.rc == 0);
  CHECK(r.out.find("\x1b[") == std::string::npos);
  // 市委组织部 (10 columns) is padded to 市农业农村局's 12, then the 2-column gap.
  CHECK(r.out.find("\n48.2  切实推进就业创业  市委组织部    村“两委”班子成员市级培训  100人左右") !=
        std::string::npos);
  CHECK(r.out.find("\n48.1  切实推进就业创业  市农业农村局  培训高素质农民") != std::string::npos);
}

TEST_CASE("tasks --format json and md describe the same plan") {
  Run j = run("tasks --format json --category 7");
  REQUIRE(j.rc == 0);
  CHECK(j.out.find("\"task\": 48") != std::string::npos);
  CHECK(j.out.find("\"lead\": \"市委组织部\"") != std::string::npos);
  Run m = run("tasks --format md --unit 市残联");
  CHECK(m.out.find("64. 为不低于300户困难残疾人家庭实施无障碍改造。（牵头单位：市残联）") !=
        std::string::npos);
  // md, json and csv list the same tasks and targets for the same filter: every task id and
  // every "task.target" of the csv appears in the other two.
  Run mc = run("tasks --format md --category 7"), cc = run("tasks --format csv --category 7");
  auto rows = minsheng::parse_csv(cc.out);
  REQUIRE(rows.size() == 9);  // header + tasks 44–50, 48 with two targets
  for (std::size_t r = 1; r < rows.size(); ++r) {
    std::string task = rows[r].fields[0].value, target = rows[r].fields[1].value;
    INFO(task << "." << target);
    CHECK(j.out.find("\"task\": " + task + ",") != std::string::npos);
    CHECK(mc.out.find("\n" + task + ". ") != std::string::npos);
  }
  auto occurrences = [](const std::string& text, const std::string& word) {
    std::size_t n = 0;
    for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) ++n;
    return n;
  };
  CHECK(occurrences(j.out, "\"task\": ") == 7);
  CHECK(occurrences(j.out, "\"target\": ") == 8);
  // Both say where the plan comes from.
  CHECK(j.out.find("\"issuer\": \"宜昌市人民政府办公室\",\n  \"issued\": \"2024-04-02\"") !=
        std::string::npos);
  CHECK(mc.out.find("\n宜昌市人民政府办公室 宜府办发〔2024〕21号 （2024-04-02 印发）\n") !=
        std::string::npos);
}

TEST_CASE("usage errors exit 2 — help and version exit 0") {
  CHECK(run("--version").rc == 0);
  CHECK(run("--help").rc == 0);
  CHECK(run("").rc == 2);
  CHECK(run("nosuchcommand").rc == 2);
  CHECK(run("tasks --format xml").rc == 2);
  CHECK(run("summary --month 2024-13").rc == 2);
  Run missing = run("summary");
  CHECK(missing.rc == 2);
  CHECK(missing.err ==
        "minsheng: 命令行有误：缺少 --month\n用 minsheng summary --help 查看用法。\n");
  Run help = run("--help");
  CHECK(help.out.find("用法: minsheng [选项] 子命令") != std::string::npos);
}

TEST_CASE("a broken plan reports every problem as FILE:LINE:COL and exits 1") {
  Sandbox s;
  std::string plan = slurp(source("tasks.yaml"));
  auto replace = [&](const std::string& from, const std::string& to) {
    auto pos = plan.find(from);
    REQUIRE(pos != std::string::npos);
    plan.replace(pos, from.size(), to);
  };
  replace("  - id: 5\n", "  - id: 4\n");
  replace("value: 1260, measure: 个", "value: 1260, measure: 张");
  replace("    lead: 市委老干部局\n", "    lead: 市老干部局\n");
  s.write("broken.yaml", plan);
  Run r = run("--plan broken.yaml check", s.dir());
  CHECK(r.rc == 1);
  CHECK(r.err ==
        "broken.yaml:117:9: 错误: 任务编号 4 重复（第 111 行已定义）\n"
        "broken.yaml:122:49: 错误: 未知计量单位“张”；请先在 measures 中列出\n"
        "broken.yaml:187:11: 错误: 未知牵头单位“市老干部局”（是否应为“市委老干部局”？）；请先在 "
        "units 中列出\n"
        "共 3 个错误、0 个警告\n");
}

TEST_CASE("a missing plan names the folder and the way out — an unreadable one exits 4") {
  Sandbox s;
  std::filesystem::remove(s.dir() / "tasks.yaml");
  Run r = run("tasks", s.dir());
  CHECK(r.rc == 2);
  CHECK(r.err == "minsheng: 找不到计划文件 tasks.yaml（当前目录 " +
                     std::filesystem::canonical(s.dir()).string() +
                     "）：请用 --plan 或环境变量 MINSHENG_PLAN 指定计划文件，或在项目目录（含 "
                     "tasks.yaml）或含 minsheng.yaml 的数据目录中运行\n");
  std::filesystem::create_directories(s.dir() / "plan.d");
  Run dir = run("--plan plan.d tasks", s.dir());
  CHECK(dir.rc == 4);
  CHECK(dir.err == "minsheng: plan.d: 是一个目录，不是文件\n");
}

TEST_CASE("every command-line error is in Chinese, and a mistyped subcommand gets a suggestion") {
  auto err = [](const std::string& args) {
    Run r = run(args);
    CHECK(r.rc == 2);
    return r.err;
  };
  const std::string help = "\n用 minsheng --help 查看用法。\n";
  CHECK(err("") == "minsheng: 命令行有误：需要一个子命令" + help);
  CHECK(err("summery --month 2024-06") ==
        "minsheng: 未知子命令“summery”（是否应为“summary”？）" + help);
  CHECK(err("--data demo/reports sumary") ==
        "minsheng: 未知子命令“sumary”（是否应为“summary”？）" + help);
  CHECK(err("summary --month 2024-06 extra") ==
        "minsheng: 命令行有误：无法识别的参数：extra\n用 minsheng summary --help 查看用法。\n");
  CHECK(err("bulletin --quarter 2024Q2 --half 2024H1") ==
        "minsheng: 命令行有误：--quarter 不能与 --half 同时使用\n用 minsheng bulletin --help "
        "查看用法。\n");
  CHECK(err("tasks --category x") ==
        "minsheng: 命令行有误：--category 的值“x”格式不对\n用 minsheng tasks --help 查看用法。\n");
  CHECK(err("summary --month 2024-06 --format xx") ==
        "minsheng: 命令行有误：--format 的值“xx”不在可选范围内（table,md,csv,json,xlsx）\n用 "
        "minsheng "
        "summary --help 查看用法。\n");
  CHECK(err("-j 999 check") ==
        "minsheng: 命令行有误：--jobs 的值 999 超出范围（0–256）\n用 minsheng check --help "
        "查看用法。\n");
  // None of CLI11's English phrases reaches a person.
  for (const char* args : {"", "summary", "summary --month 2024-06 x", "tasks --category x",
                           "bulletin --quarter 2024Q2 --half 2024H1", "tasks --format xml",
                           "summary --month 2024-06 --month 2024-07", "-j 999 check",
                           "summary --month 2024-06 --by town"}) {
    std::string e = run(args).err;
    INFO(args << " → " << e);
    for (const char* en : {"required", "not expected", "excludes", "Could not convert", "not in",
                           "At Most", "Value"})
      CHECK(e.find(en) == std::string::npos);
  }
}

TEST_CASE("units are found by alias and by a name written short") {
  Run alias = run("tasks --unit 市卫生健康委员会 --format csv");
  CHECK(alias.rc == 0);
  CHECK(alias.out.find(",市卫健委,") != std::string::npos);
  Run shortname = run("tasks --unit 市林业局");
  CHECK(shortname.rc == 2);
  CHECK(shortname.err ==
        "minsheng: “市林业局”不是计划中的牵头单位（是否应为“市林业和园林局”？）\n");
  // The help for --category no longer assumes a plan of ten categories.
  CHECK(run("tasks --help").out.find("1–10") == std::string::npos);
}
