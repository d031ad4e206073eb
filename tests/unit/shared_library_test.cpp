#include "util/shared_library.hpp"

#include <catch2/catch.hpp>
#include <cstring>

using minsheng::SharedLibrary;
using minsheng::SharedLibraryError;

TEST_CASE("shared library: a function found by name is the one its declaration names") {
  SharedLibrary libc("libc.so.6");
  auto* len = libc.get<decltype(::strlen)>("strlen");
  REQUIRE(len != nullptr);
  CHECK(len("民生") == 6);  // two CJK characters, three bytes each
  CHECK(len("") == 0);
}

TEST_CASE("shared library: a library that is not installed is a typed error naming it") {
  try {
    SharedLibrary missing("libminsheng-not-installed.so.9");
    FAIL("opened a library that does not exist");
  } catch (const SharedLibraryError& e) {
    CHECK_THAT(e.what(), Catch::Contains("libminsheng-not-installed.so.9"));
  }
}

TEST_CASE("shared library: a missing symbol is a typed error naming library and symbol") {
  SharedLibrary libc("libc.so.6");
  try {
    (void)libc.get<void()>("minsheng_no_such_function");
    FAIL("found a symbol that does not exist");
  } catch (const SharedLibraryError& e) {
    CHECK_THAT(e.what(),
               Catch::Contains("libc.so.6") && Catch::Contains("minsheng_no_such_function"));
  }
}
