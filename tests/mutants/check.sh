#!/usr/bin/env bash
# Every mutant still applies to the source, and its Test: regex names registered tests, so the
# list cannot rot unnoticed between runs of scripts/mutants.sh (which builds each one: too slow
# for every CI run). Usage: check.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src=$1 build=$2
fail=0
for p in "$src"/tests/mutants/*.patch; do
  name=$(basename "$p")
  regex=$(sed -n 's/^Test: //p' "$p" | head -1)
  if [ -z "$regex" ]; then echo "$name: no Test: line"; fail=1; continue; fi
  if ! patch -d "$src" -p1 --dry-run -s -f <"$p" >/dev/null; then
    echo "$name: no longer applies to the source"; fail=1
  fi
  n=$(cd "$build" && ctest -N -R "$regex" | sed -n 's/^Total Tests: //p')
  if [ "${n:-0}" -eq 0 ]; then echo "$name: Test: '$regex' names no registered test"; fail=1; fi
done
exit $fail
