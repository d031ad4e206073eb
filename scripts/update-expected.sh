#!/usr/bin/env bash
# Regenerates tests/expected/ from the current build. A refreshed golden is a claim about every
# number in it: read `git diff tests/expected` line by line before committing, and check each
# changed number against the rules (README 判定规则). Hand-derived assertions in the unit and
# e2e tests back every column, so a refresh alone cannot change a number unnoticed.
# Usage: scripts/update-expected.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build}/minsheng
run() { "$bin" --data demo/reports "$@"; }
run summary --month 2024-06 --format md >tests/expected/summary-2024-06.md
run summary --month 2024-06 --format csv >tests/expected/summary-2024-06.csv
run diff 2024-05 2024-06 --format csv >tests/expected/diff-2024-05-2024-06.csv
run diff 2024-05 2024-06 --format md >tests/expected/diff-2024-05-2024-06.md
run bulletin --quarter 2024Q2 --date 2024-07-10 >tests/expected/bulletin-2024Q2.md
git --no-pager diff --stat tests/expected
