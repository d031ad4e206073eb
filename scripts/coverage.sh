#!/usr/bin/env bash
# Line and branch coverage of src/ by the normal build's tests (not the browser, client or
# package ones), per file (gcovr from Debian; setup.sh installs it).
# Usage: scripts/coverage.sh [BUILD_DIR]   (default build-coverage)
#   MIN_LINES=95 MIN_BRANCHES=80 scripts/coverage.sh   fails below those percentages
# The counters are updated atomically (-fprofile-update=atomic): the assessment runs on every
# core, and plain counters race, which gcov then reports as "branch taken -1" and gcovr rejects.
# Branches that only throw, and those the compiler proves unreachable, are not counted.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build-coverage}
command -v gcovr >/dev/null || { echo "coverage: gcovr is missing; run scripts/setup.sh" >&2; exit 2; }
flags="--coverage -fprofile-update=atomic"
BUILD_TYPE=Debug scripts/build.sh "$dir" -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_C_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS=--coverage -DCMAKE_SHARED_LINKER_FLAGS=--coverage
find "$dir" -name '*.gcda' -delete
# Some tests run the binary as nobody (as staff would); its counters must still be written, in
# folders and counter files the root-run tests made.
chmod -R a+rwX "$dir"
(umask 000 && cd "$dir" && ctest -j"$(nproc)" -LE 'browser|client|package' >"$PWD/ctest.log" 2>&1) || {
  echo "coverage: tests failed in the instrumented build (see $dir/ctest.log)" >&2
  exit 1
}
common=(-r . --filter 'src/' --object-directory "$dir" --exclude-directories '.*/CMakeFiles/[0-9.]+/.*'
        --exclude-throw-branches
        --exclude-unreachable-branches -j"$(nproc)")
gcovr "${common[@]}" --json "$dir/coverage.json" --print-summary | tail -3
echo "ten least-covered files (lines):"
python3 - "$dir/coverage.json" <<'PY'
import json, sys
files = json.load(open(sys.argv[1]))["files"]
rows = []
for f in files:
    lines = [l for l in f["lines"] if not l.get("gcovr/noncode")]
    if not lines:
        continue
    hit = sum(1 for l in lines if l["count"] > 0)
    rows.append((100.0 * hit / len(lines), len(lines), f["file"]))
for pct, n, name in sorted(rows)[:10]:
    print(f"  {pct:5.1f}%  of {n:4d} lines  {name}")
PY
args=()
[ -n "${MIN_LINES:-}" ] && args+=(--fail-under-line "$MIN_LINES")
[ -n "${MIN_BRANCHES:-}" ] && args+=(--fail-under-branch "$MIN_BRANCHES")
if [ ${#args[@]} -gt 0 ]; then
  # Its report goes to a file of the build: gcovr replaces the file it writes, and given
  # /dev/null (as root) it put a regular file in the device's place.
  gcovr "${common[@]}" "${args[@]}" -o "$dir/coverage-gate.txt" || {
    echo "coverage: below lines ${MIN_LINES:-–}% / branches ${MIN_BRANCHES:-–}%" >&2
    exit 1
  }
fi
