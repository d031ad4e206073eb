#include "util/memory.hpp"

#include <cstdlib>  // defines __GLIBC__ on glibc, which the test below needs first

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace minsheng {

void give_back_free_memory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

void tune_allocator() {
#if defined(__GLIBC__)
  // Blocks from 1 MB up (a province's rows, reports, CSV) go back to the system when freed.
  // glibc would otherwise raise this threshold at the first large free and keep tens of MB the
  // run no longer uses. Not lower: a page being rendered (a unit's page at province scale is
  // up to half a MB) then had a mapping of its own, faulted in afresh for every page; at 128
  // cities the site faulted 200,000 pages, five times those of 64, and grew 2.2x a doubling.
  mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
  mallopt(M_TRIM_THRESHOLD, 128 * 1024);
  // But a heap grown and trimmed a page at a time faults every page of a page it renders: the
  // site of 128 cities spent most of its time there. Grown 32 MB at a time, it ran 14.5 s →
  // 8.5 s, for 25 MB more peak in the summary.
  mallopt(M_TOP_PAD, 32 * 1024 * 1024);
#endif
}

}  // namespace minsheng
