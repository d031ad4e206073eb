// Benchmark: where one summary's time and memory go, phase by phase, on a data set made by
// bench/gen_province.py. Run: ./build/minsheng_phases DIR [YYYY-MM]   (DIR has tasks.yaml,
// reports/)
#include <malloc.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "assess/month.hpp"
#include "io/data_dir.hpp"
#include "io/plan_loader.hpp"
#include "report/summary_report.hpp"
#include "util/parallel.hpp"

using namespace minsheng;
using Clock = std::chrono::steady_clock;

namespace {

Clock::time_point last = Clock::now();

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
  std::printf("%-10s %9.2f ms   peak %4ld MB   now %4ld MB   in use %4zu MB\n", phase,
              std::chrono::duration<double, std::milli>(now - last).count(), u.ru_maxrss / 1024,
              pages * 4096 >> 20, mallinfo2().uordblks >> 20);
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
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);  // as the CLI's main does
  mallopt(M_TRIM_THRESHOLD, 128 * 1024);
  {
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
