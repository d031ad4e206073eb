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

}  // namespace minsheng
