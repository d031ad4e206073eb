#!/usr/bin/env bash
# Proves that ctest runs every Catch2 test case exactly once: the set of names CTest registered
# under each prefix must equal the set the binary lists. A name CMake splits (a ';' in it) or
# one Catch2 cannot match would otherwise pass as "No test cases matched".
# Usage: registration.sh BUILD_DIR PREFIX=BINARY...
set -euo pipefail
build=$1; shift
ctest --test-dir "$build" --show-only=json-v1 >"$build/registered-tests.json"
status=0
for pair in "$@"; do
  prefix=${pair%%=*}; bin=${pair#*=}
  python3 - "$build/registered-tests.json" "$prefix" "$bin" <<'PY' || status=1
import json, subprocess, sys
registered_file, prefix, binary = sys.argv[1:]
tests = json.load(open(registered_file, encoding="utf-8"))["tests"]
registered = [t["name"][len(prefix):].lstrip() for t in tests if t["name"].startswith(prefix)]
out = subprocess.run([binary, "--list-test-names-only"], capture_output=True, text=True).stdout
listed = [l for l in out.splitlines() if l.strip()]
extra = sorted(set(registered) - set(listed))
lost = sorted(set(listed) - set(registered))
dups = sorted({n for n in registered if registered.count(n) > 1})
for n in extra: print(f"{prefix}registered but no such test case: {n!r}")
for n in lost: print(f"{prefix}test case never registered with ctest: {n!r}")
for n in dups: print(f"{prefix}registered twice: {n!r}")
print(f"{prefix}{len(listed)} test cases, {len(registered)} registered")
sys.exit(1 if extra or lost or dups or not listed else 0)
PY
done
exit $status
