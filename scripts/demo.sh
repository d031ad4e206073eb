#!/usr/bin/env bash
# Sets up, builds, and runs the monthly summary on the bundled (fictional) demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh build
./build/minsheng --data demo/reports summary --month 2024-06 "$@"
