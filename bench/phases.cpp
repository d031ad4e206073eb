// Benchmark: where one summary's time and memory go, phase by phase, on a data set made by
// bench/gen_province.py. Run: ./build/minsheng_phases DIR [YYYY-MM] [site]   (DIR has
// tasks.yaml, reports/; with `site`, the dashboard's reading, report, history and pages, none
// written). PEAK=1 also samples the most malloc had in use between marks, every millisecond.
#include <malloc.h>
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "assess/history.hpp"
#include "assess/month.hpp"
#include "assess/problems.hpp"
#include "io/data_dir.hpp"
#include "io/plan_loader.hpp"
#include "report/site.hpp"
#include "report/summary_report.hpp"
#include "util/memory.hpp"
#include "util/parallel.hpp"

using namespace minsheng;
using Clock = std::chrono::steady_clock;

namespace {

Clock::time_point last = Clock::now();
std::atomic<std::size_t> in_use_peak{0};

// What malloc has in use, mapped blocks included (a province's large vectors are).
std::size_t in_use() {
  struct mallinfo2 mi = mallinfo2();
  return mi.uordblks + mi.hblkhd;
}

void mark(const char* phase) {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto now = Clock::now();
  long pages = 0;
  if (std::FILE* f = std::fopen("/proc/self/statm", "r")) {
    long size = 0;
    if (std::fscanf(f, "%ld %ld", &size, &pages) != 2) pages = 0;
    std::fclose(f);
  }
  std::printf("%-10s %9.2f ms   peak %4ld MB   now %4ld MB   in use %4zu MB (at most %4zu)\n",
              phase, std::chrono::duration<double, std::milli>(now - last).count(),
              u.ru_maxrss / 1024, pages * 4096 >> 20, in_use() >> 20,
              in_use_peak.exchange(0) >> 20);
  last = now;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: minsheng_phases DIR [YYYY-MM]\n");
    return 2;
  }
  std::string dir = argv[1];
  auto month = YearMonth::parse(argc > 2 ? argv[2] : "2024-12");
  if (!month) return 2;
  if (const char* j = std::getenv("JOBS")) set_threads(static_cast<unsigned>(std::atoi(j)));
  tune_allocator();  // as the CLI's main does
  if (std::getenv("PEAK"))
    std::thread([] {
      for (;;) {
        std::size_t now = in_use(), was = in_use_peak.load();
        while (now > was && !in_use_peak.compare_exchange_weak(was, now)) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
    }).detach();
  if (argc > 3 && std::string(argv[3]) == "site") {  // as `site` does
    Plan plan = load_plan(dir + "/tasks.yaml");
    mark("plan");
    YearMonth mo = *month;
    HistoryBuilder builder(plan);
    ProblemTracker tracker(plan);
    MonthFold fold = [&](const auto& subs, YearMonth m) {
      builder.add_month(subs, m);
      tracker.add_month(subs, m, builder.snapshot());
    };
    FoldedMonth data = load_folded_month(plan, dir + "/reports", mo, nullptr, fold);
    mark("read");
    std::optional<MonthReport> rep;
    builder.add_month(data.submissions, mo, [&](Snapshot& snap, std::size_t& next) {
      rep = assess_folded_month(plan, data, snap, next, true);
    });
    mark("assess");
    tracker.add_month(data.submissions, mo, builder.snapshot());
    data = {};
    History history = builder.finish(data.submissions, mo);
    std::vector<Problem> problems = tracker.finish();
    mark("history");
    std::size_t bytes = 0;
    std::size_t pages = render_site(*rep, history, problems,
                                    [&](std::size_t, SitePage&& p) { bytes += p.html.size(); });
    mark("render");
    std::printf("%zu pages, %zu MB of HTML\n", pages, bytes >> 20);
  } else {
    Plan plan = load_plan(dir + "/tasks.yaml");
    mark("plan");
    MonthRows data = load_months(plan, dir + "/reports", {*month}, *month);  // as summary does
    mark("load_data");
    MonthReport rep = std::move(assess_data(plan, std::move(data), true).front());
    mark("assess");
    std::string csv = summary_csv(rep);
    mark("csv");
    std::printf("%zu targets, %zu bytes of CSV\n", rep.targets.size(), csv.size());
  }
  mark("freeing");
}
