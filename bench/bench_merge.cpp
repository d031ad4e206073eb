// Benchmark: parse, validate and merge a province-sized set of progress files, at doubling
// sizes, to show the cost per row stays flat (linear). Run: ./build/minsheng_bench [tasks.yaml]
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "assess/assessment.hpp"
#include "io/plan_loader.hpp"
#include "io/progress_reader.hpp"

using namespace minsheng;
using Clock = std::chrono::steady_clock;

namespace {

struct File {
  YearMonth month;
  std::string name;
  std::string text;
};

// "12,345": numbers as Excel shows them.
std::string grouped(long v) {
  std::string s = std::to_string(v);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3)
    s.insert(static_cast<std::size_t>(i), ",");
  return s;
}

// One CSV per unit per month, each listing all of that unit's targets, as units really send them.
std::vector<File> make_files(const Plan& plan, int months, int copies, std::size_t* rows) {
  std::vector<File> files;
  for (int c = 0; c < copies; ++c)
    for (int m = 0; m < months; ++m)
      for (const auto& unit : plan.lead_units()) {
        std::string text = "\xEF\xBB\xBF任务编号,指标,累计完成,状态,备注\r\n";
        for (const Target* t : plan.targets_of(unit)) {
          ++*rows;
          if (t->kind == TargetKind::milestone)
            text += fmt::format("{},{},,推进中,\r\n", t->task, t->index);
          else
            text += fmt::format("{},{},\"{}\",,第{}批\r\n", t->task, t->index,
                                grouped((m + 1) * 370 + c), c);
        }
        files.push_back({plan.start.plus(m), fmt::format("{}_{}.csv", unit, c), std::move(text)});
      }
  return files;
}

double ms(Clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

}  // namespace

int main(int argc, char** argv) {
  Plan plan = load_plan(argc > 1 ? argv[1] : "tasks.yaml");
  std::printf("%8s %8s %10s %10s %10s %10s\n", "files", "rows", "parse ms", "merge ms", "assess ms",
              "ns/row");
  for (int copies : {4, 8, 16, 32, 64}) {
    std::size_t rows = 0;
    auto files = make_files(plan, 11, copies, &rows);
    Diagnostics diags;
    std::vector<Submission> subs;
    subs.reserve(files.size());
    auto t0 = Clock::now();
    for (std::size_t i = 0; i < files.size(); ++i)
      subs.push_back(
          parse_submission(files[i].text, "bench/" + files[i].name, plan, files[i].month, diags));
    std::stable_sort(subs.begin(), subs.end(),
                     [](const Submission& a, const Submission& b) { return a.month < b.month; });
    auto t1 = Clock::now();
    Snapshot snap = merge_snapshot(subs, plan.deadline_month(), &diags);
    auto t2 = Clock::now();
    MonthReport rep = assess_month(plan, snap, {});
    auto t3 = Clock::now();
    if (diags.has_errors() || rep.targets.size() != plan.target_count()) {
      for (std::size_t i = 0; i < diags.items().size() && i < 5; ++i)
        std::fprintf(stderr, "%s\n", diags.items()[i].str().c_str());
      std::fprintf(stderr, "bench data did not validate\n");
      return 1;
    }
    std::printf("%8zu %8zu %10.1f %10.1f %10.1f %10.0f\n", files.size(), rows, ms(t1 - t0),
                ms(t2 - t1), ms(t3 - t2), ms(t3 - t0) * 1e6 / static_cast<double>(rows));
  }
  return 0;
}
