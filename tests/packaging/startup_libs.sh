#!/usr/bin/env bash
# Start-up cost: what the binary makes the dynamic loader load at every run. The C++ libraries
# are linked in (unless STATIC_CXX is OFF, as in sanitizer builds); libxlsxwriter and the
# libcrypto it pulls in are opened only by a run that writes a workbook; FreeXL only by the
# minsheng-xls program, started for each .xls.
# Usage: startup_libs.sh BIN SOURCE_DIR STATIC_CXX(ON|OFF)
set -euo pipefail
bin=$1 src=$2 static=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
needed=$(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
echo "NEEDED: $needed"
banned="libxlsxwriter libcrypto libfreexl"
[[ $static == ON ]] && banned+=" libstdc++ libgcc_s libyaml-cpp libfmt"
for lib in $banned; do
  [[ " $needed" == *" $lib"* ]] && { echo "FAIL: $lib is loaded at every start"; exit 1; }
done
# Which libraries a run actually maps, as the loader reports them.
loaded() { LD_DEBUG=files "$bin" --plan "$src/tasks.yaml" --data "$src/demo/reports" summary --month 2024-06 "$@" 2>&1 >/dev/null |
  sed -n 's/.*file=\([^ ]*\).*/\1/p' | sort -u | tr '\n' ' '; }
csv=$(loaded --format csv)
echo "summary csv loads: $csv"
[[ $csv == *libxlsxwriter* || $csv == *libcrypto* ]] && { echo "FAIL: a CSV summary loaded the workbook writer"; exit 1; }
[[ $csv == *libutf8proc* ]] || { echo "FAIL: the loader's report was not read (no libutf8proc)"; exit 1; }
xlsx=$(loaded --format xlsx -o "$work/s.xlsx")
echo "summary xlsx loads: $xlsx"
[[ $xlsx == *libxlsxwriter* ]] || { echo "FAIL: writing a workbook did not open libxlsxwriter"; exit 1; }
[[ $(head -c 2 "$work/s.xlsx") == PK ]] || { echo "FAIL: no workbook written"; exit 1; }
# Without libxlsxwriter (hidden in a private mount namespace, where root may make one): a CSV
# summary still runs, and a workbook is a clear error naming the library, exit 4, nothing written.
lib=$(tr ' ' '\n' <<<"$xlsx" | grep -m1 '^/.*libxlsxwriter' || true)  # where the loader found it
if [[ -n $lib ]] && unshare -m true 2>/dev/null; then
  real=$(readlink -f "$lib")
  without_lib() {
    unshare -m sh -c 'mount --bind /dev/null "$1" && shift && exec "$@"' sh "$real" "$bin" \
      --plan "$src/tasks.yaml" --data "$src/demo/reports" summary --month 2024-06 "$@"
  }
  rc=0
  out=$(without_lib --format xlsx -o "$work/none.xlsx" 2>&1) || rc=$?
  echo "without libxlsxwriter: $out (exit $rc)"
  [[ $out == *libxlsxwriter*无法加载* && $rc == 4 && ! -e $work/none.xlsx ]] ||
    { echo "FAIL: a missing libxlsxwriter is not a clear error"; exit 1; }
  [[ $(without_lib --format csv | wc -l) -eq 74 ]] || { echo "FAIL: a CSV summary needed libxlsxwriter"; exit 1; }
else
  echo "no private mount namespace here: the missing-library case is not run"
fi
echo "ok: start-up loads only what every run needs"
