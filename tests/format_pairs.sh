#!/usr/bin/env bash
# Every command × format that --help offers (and summary --by county × each format) has a test
# that runs it: a line in tests/ naming the command and `--format F`. A format added to a
# command without a test fails here. Usage: format_pairs.sh BINARY SOURCE_DIR
set -euo pipefail
bin=$1 src=$2
export COLUMNS=200
dirs=("$src/tests/e2e" "$src/tests/client" "$src/tests/browser" "$src/tests/packaging")
subs=$("$bin" --help | awk '/^子命令/{f=1; next} f && NF {print $1}' | grep -E '^[a-z]+$')
[ -n "$subs" ] || { echo "no subcommands found in --help"; exit 1; }
# A line that runs the binary: run("…") or --data … in C++, the binary's variable in a script;
# a test's name alone does not count.
runs='(run\("|--data [^"]*|\$\{?(bin|BIN|MINSHENG_BIN|minsheng)\b.*)'
pairs=0 missing=0
check() {  # PATTERN LABEL
  pairs=$((pairs + 1))
  if ! grep -rqE -e "$1" "${dirs[@]}"; then
    echo "no test runs: $2"
    missing=$((missing + 1))
  fi
}
for sub in $subs; do
  formats=$("$bin" "$sub" --help | grep -o '格式:{[a-z,]*}' | head -1 | sed 's/.*{//; s/}//; s/,/ /g' || true)
  for f in $formats; do
    check "$runs\\b$sub\\b[^\"]*--format $f\\b" "$sub --format $f"
    if [ "$sub" = summary ]; then
      check "${runs}summary[^\"]*(--by county[^\"]*--format $f\\b|--format $f\\b[^\"]*--by county)" \
        "summary --by county --format $f"
    fi
  done
done
echo "$pairs command × format pairs, $missing without a test"
[ "$pairs" -gt 30 ] && [ "$missing" -eq 0 ]
