#!/usr/bin/env bash
# Sets up, builds and runs every test: the normal build, its coverage, then an ASan+UBSan build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
scripts/build.sh build
(cd build && ctest --output-on-failure -j"$(nproc)")
# Coverage of src/ by the same tests, in its own instrumented build: it prints what it measured,
# and fails below these floors.
MIN_LINES=95 MIN_BRANCHES=80 scripts/coverage.sh build-coverage
BUILD_TYPE=Debug scripts/build.sh build-asan -DMINSHENG_SANITIZE=ON
(cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  ctest --output-on-failure -j"$(nproc)" -LE 'browser|package')
