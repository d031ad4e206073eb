#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <cstdlib>

int main(int argc, char* argv[]) {
  // Tests never read or fill the user's cache of .xls cells (io/xls_cache): FreeXL reads every
  // .xls, and a test of the cache names its own folder. /dev/null can hold no cache.
  setenv("XDG_CACHE_HOME", "/dev/null", 1);
  return Catch::Session().run(argc, argv);
}
