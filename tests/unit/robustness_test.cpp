// Corrupted inputs never crash a parser: each either reads or reports problems as DataError or
// diagnostics. Run under ASan/UBSan this is a small, repeatable fuzzing pass.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "fixtures.hpp"
#include "io/progress_reader.hpp"
#include "io/summary_reader.hpp"
#include "model/diagnostic.hpp"
#include "util/csv.hpp"

using namespace minsheng;

namespace {

// Flips, deletes, duplicates and inserts bytes, with a fixed seed so failures reproduce.
std::string mutate(std::string s, std::mt19937& rng) {
  static const std::string specials[] = {"\"", ",", "\n", "\r\n", "\xEF\xBB\xBF", "万", "%",
                                         "{",  "[", ":",  "\xFF", "\xC3",         "-",  "１",
                                         "\t", "#", "&"};
  int edits = 1 + static_cast<int>(rng() % 4);
  for (int i = 0; i < edits && !s.empty(); ++i) {
    std::size_t at = rng() % s.size();
    switch (rng() % 5) {
      case 0:
        s[at] = static_cast<char>(rng() % 256);
        break;
      case 1:
        s.erase(at, 1 + rng() % 8);
        break;
      case 2:
        s.insert(at, specials[rng() % std::size(specials)]);
        break;
      case 3:
        s = s.substr(0, at);
        break;
      case 4:
        s.insert(at, s.substr(at, 1 + rng() % 16));
        break;
    }
  }
  return s;
}

}  // namespace

TEST_CASE("mutated progress files are read or rejected, never a crash") {
  const std::string csv =
      "\xEF\xBB\xBF牵头单位,任务编号,指标,累计完成,状态,目标值,备注,报送日期\r\n"
      "市民政局,1,1,\"1,680\",,,\"说明,\"\"引号\"\"\",2024-06-02\r\n"
      "市民政局,2,,45%,,,,\r\n市民政局,5,,3.5万,,150,,\r\n";
  const std::string yaml =
      "unit: 市民政局\nmonth: 2024-05\nsubmitted: 2024-06-02\nprogress:\n"
      "  - {task: 1, value: 82}\n  - {task: 2, value: \"40%\", note: 说明}\n"
      "  - {task: 5, target_value: 150}\n";
  std::mt19937 rng(20240603);
  int accepted = 0, rejected = 0;
  for (int i = 0; i < 1500; ++i) {
    for (const auto& [text, name] :
         {std::pair{csv, "市民政局.csv"}, std::pair{yaml, "市民政局.yaml"}}) {
      Diagnostics d;
      std::string input = mutate(text, rng);
      Submission s = parse_submission(input, name, test::plan(), {2024, 5}, d);
      (d.has_errors() ? rejected : accepted) += 1;
      int lines = 1;  // LF, CRLF and a lone CR each end a line, as the CSV reader counts them
      for (std::size_t k = 0; k < input.size(); ++k)
        lines += input[k] == '\n' || (input[k] == '\r' && (k + 1 == input.size() || input[k + 1] != '\n'));
      // Whatever survives is a value the plan knows, finite and not negative; nothing rejected
      // is kept; every message names this file and a line inside it.
      for (const auto& e : s.entries) {
        const Task* task = test::plan().find_task(e.key.task);
        REQUIRE(task != nullptr);
        CHECK(e.key.target >= 1);
        CHECK(static_cast<std::size_t>(e.key.target) <= task->targets.size());
        if (e.value) CHECK((std::isfinite(*e.value) && *e.value >= 0));
        CHECK_FALSE(s.invalid.count(e.key));
      }
      if (s.rejected) CHECK(s.entries.empty());
      for (const auto& item : d.items()) {
        CHECK(item.file == name);
        INFO(item.str() << "\n" << input);
        CHECK(item.line <= lines);
        CHECK_FALSE(item.message.empty());
      }
    }
  }
  CHECK(accepted > 0);
  CHECK(rejected > 0);
}

TEST_CASE("mutated plans and summary files are loaded or rejected with DataError") {
  std::mt19937 rng(20241130);
  int plan_errors = 0, summary_errors = 0;
  const std::string summary =
      "\xEF\xBB\xBFtask,target,actual,completion_pct,time_pct,gap_pp,status\r\n"
      "4,1,900,53.6,45.5,-8.1,ahead\r\n48,2,50,50.0,45.5,-4.5,超序时\r\n";
  for (int i = 0; i < 400; ++i) {
    try {
      Plan p = parse_plan(mutate(test::kPlanYaml, rng), "p.yaml");
      // A plan that loads is one the assessment can use: every target has a lead unit the plan
      // lists, and a numeric figure above its baseline unless pending.
      for (const auto& t : p.tasks)
        for (const auto& g : t.targets) {
          CHECK(p.has_unit(g.lead));
          if (g.kind == TargetKind::numeric && !g.pending) CHECK((g.value && *g.value > g.baseline));
        }
    } catch (const DataError& e) {
      ++plan_errors;
      CHECK_FALSE(e.diagnostics().items().empty());
      for (const auto& item : e.diagnostics().items()) CHECK(item.file == "p.yaml");
    }
    try {
      DiffSide side = parse_summary_csv(mutate(summary, rng), "s.csv");
      for (const auto& row : side.rows) {
        CHECK(row.key.task >= 1);
        CHECK(row.status.has_value());
      }
    } catch (const DataError& e) {
      ++summary_errors;
      CHECK_FALSE(e.diagnostics().items().empty());
      for (const auto& item : e.diagnostics().items()) CHECK(item.file == "s.csv");
    }
  }
  CHECK(plan_errors > 0);
  CHECK(summary_errors > 0);
}
