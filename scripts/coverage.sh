#!/usr/bin/env bash
# Line coverage of src/ by the whole test suite, per file (gcovr from Debian).
# Usage: scripts/coverage.sh [BUILD_DIR]   (default build-coverage)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build-coverage}
command -v gcovr >/dev/null || { echo "coverage: installing gcovr" >&2; apt-get install -y -qq gcovr >/dev/null; }
BUILD_TYPE=Debug scripts/build.sh "$dir" -DCMAKE_CXX_FLAGS=--coverage -DCMAKE_EXE_LINKER_FLAGS=--coverage
find "$dir" -name '*.gcda' -delete
(cd "$dir" && ctest -j"$(nproc)" -LE browser >/dev/null) || echo "coverage: some tests failed in the instrumented build; the figures still stand" >&2
gcovr -r . --filter 'src/' --object-directory "$dir" --print-summary -s
