#!/usr/bin/env bash
# Mutation check: each tests/mutants/*.patch breaks one rule on purpose and names, on its
# `Test:` line, the ctest regex that must catch it. The patches are applied one at a time to a
# copy of the tree (the working tree is never touched), built, and the named tests run. Exit 1
# when a mutant survives (its tests pass) or no longer applies.
#   scripts/mutants.sh            every mutant
#   scripts/mutants.sh 03 07      those whose file name starts so
#   MUTANT_TESTS=all scripts/mutants.sh 05   run every non-browser test instead (to find a killer)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${MUTANT_DIR:-/tmp/minsheng-mutants}
tree=$work/tree
mkdir -p "$work"
# A fresh copy of the sources as they are now (committed or not), built once; each mutant is
# an incremental build on top.
rm -rf "$tree"
mkdir -p "$tree"
(cd "$root" && tar --exclude='./build*' --exclude=./.git -cf - .) | tar -xf - -C "$tree"
cmake -S "$tree" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$work/build" -j"$(nproc)" >/dev/null

patches=()
if [ $# -eq 0 ]; then
  patches=("$root"/tests/mutants/*.patch)
else
  for p in "$@"; do patches+=("$root"/tests/mutants/"$p"*.patch); done
fi

survived=0
broken=0
for patch in "${patches[@]}"; do
  name=$(basename "$patch" .patch)
  regex=$(sed -n 's/^Test: //p' "$patch" | head -1)
  [ "${MUTANT_TESTS:-}" = all ] && regex=.
  if ! patch -d "$tree" -p1 --dry-run -s <"$patch" >/dev/null; then
    echo "BROKEN   $name: the patch no longer applies; update it to the code"
    broken=$((broken + 1))
    continue
  fi
  patch -d "$tree" -p1 -s <"$patch"
  if ! cmake --build "$work/build" -j"$(nproc)" >"$work/$name.build.log" 2>&1; then
    echo "BROKEN   $name: does not compile (see $work/$name.build.log)"
    broken=$((broken + 1))
  elif (cd "$work/build" && ctest -j"$(nproc)" -LE 'browser|client|package' -R "$regex" \
          --no-tests=error >"$work/$name.test.log" 2>&1); then
    echo "SURVIVED $name: '$regex' passes with the rule broken"
    survived=$((survived + 1))
  else
    echo "killed   $name by $(grep -c '\*\*\*Failed' "$work/$name.test.log") failing test(s)"
  fi
  patch -d "$tree" -p1 -R -s <"$patch"
done
# Back to the unmutated binaries, so a rerun starts clean.
cmake --build "$work/build" -j"$(nproc)" >/dev/null
echo "${#patches[@]} mutants: $survived survived, $broken broken"
[ "$survived" -eq 0 ] && [ "$broken" -eq 0 ]
