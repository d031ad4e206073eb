#!/usr/bin/env bash
# Keeps docs/ARCHITECTURE.md true: each folder under src/ includes only the folders it may use.
set -euo pipefail
cd "$1/src"
declare -A allowed=(
  [util]="util"
  [model]="model util"
  [io]="io model util"
  [assess]="assess model util"
  [report]="report assess model util"
  [cli]="cli report assess io model util"
  [helper]="io util"
)
status=0
for layer in "${!allowed[@]}"; do
  while IFS=: read -r file line inc; do
    dep=${inc#*\"}; dep=${dep%%/*}
    if [[ " ${allowed[$layer]} " != *" $dep "* ]]; then
      echo "$file:$line: $layer may not include $dep/ ($inc)"
      status=1
    fi
  done < <(grep -Hn '^#include "[a-z_]*/' "$layer"/*.{hpp,cpp} 2>/dev/null || true)
done
# The command line formats nothing itself: tables, CSV and JSON are built in report/.
while IFS=: read -r file line text; do
  echo "$file:$line: cli/ builds output itself; render it in report/ ($text)"
  status=1
done < <(grep -HnE '\b(TextTable|csv_line|kUtf8Bom|JsonWriter|markdown\(\))' cli/*.cpp 2>/dev/null || true)
[[ $status -eq 0 ]] && echo "layering ok"
exit $status
