#!/usr/bin/env bash
# Runs every libFuzzer harness in tests/fuzz/ for SECONDS each (default 60), clang with ASan and
# UBSan. New inputs go to build-fuzz/corpus/NAME (the committed seeds are read, never changed);
# a crash stops with its input in build-fuzz/crashes/ — copy it into tests/fuzz/corpus/NAME/ with
# the fix, so the replay test keeps it fixed. Usage: scripts/fuzz.sh [SECONDS [HARNESS...]]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
need=()
command -v clang++ >/dev/null || need+=(clang)
dpkg-query -W -f='${Status}' libclang-rt-14-dev 2>/dev/null | grep -q "install ok installed" || need+=(libclang-rt-14-dev)
if [[ ${#need[@]} -gt 0 ]]; then
  scripts/setup.sh
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
harnesses=(plan progress_csv progress_yaml summary number date encoding csv yaml_lite xlsx received
  xls breakdown renderers)
[[ $# -gt 1 ]] && harnesses=("${@:2}")
CXX=clang++ CC=clang cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DMINSHENG_FUZZ=ON >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${harnesses[@]/#/fuzz_}" minsheng-xls
export MINSHENG_XLS_HELPER=$PWD/build-fuzz/minsheng-xls XDG_CACHE_HOME=/dev/null  # fuzz_xls: FreeXL, every input
mkdir -p build-fuzz/crashes
status=0
for h in "${harnesses[@]}"; do
  mkdir -p "build-fuzz/corpus/$h"
  timeout=30  # a loaded machine stalls ASan's allocator for seconds (madvise): not a hang
  [[ $h == xls ]] && timeout=90  # minsheng-xls may spin up to 10 s of CPU, 60 s of wall time
  echo "fuzz: $h for ${seconds}s" >&2
  if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      "build-fuzz/tests/fuzz/fuzz_$h" -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2048 \
      -artifact_prefix="build-fuzz/crashes/$h-" -print_final_stats=1 \
      "build-fuzz/corpus/$h" "tests/fuzz/corpus/$h" 2>"build-fuzz/fuzz-$h.log"; then
    echo "fuzz: $h found a problem; see build-fuzz/fuzz-$h.log and build-fuzz/crashes/" >&2
    status=1
  fi
  grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' "build-fuzz/fuzz-$h.log" | sed "s/^/  $h /" >&2 || true
done
exit $status
