#!/usr/bin/env bash
# Packs the build into a .deb, unpacks it into a temporary root (dpkg -x) and uses what it
# installed: the binary on the demo data, --version, the man page, and bash completion driven
# through compgen. lintian, when installed, must report no errors.
# Usage: deb_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(realpath "$1")
src=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1) ||
  { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/out/minsheng_*_amd64.deb)
echo "package: $(basename "$deb")"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
# Computed from the binary (libfreexl), plus libxlsxwriter, which it opens only to write a workbook.
grep -q 'libfreexl' <<<"$depends" || { echo "FAIL: Depends not computed"; exit 1; }
grep -q 'libxlsxwriter' <<<"$depends" || { echo "FAIL: Depends lacks libxlsxwriter"; exit 1; }
dpkg-deb -f "$deb" Section | grep -qx utils || { echo "FAIL: section"; exit 1; }
dpkg -x "$deb" "$work/root"
bin=$work/root/usr/bin/minsheng
"$bin" --version | grep -q '^minsheng [0-9]' || { echo "FAIL: --version"; exit 1; }
# The .xls reader is installed where the installed binary looks for it, and June's 团市委.xls
# is read through it (no cache: XDG_CACHE_HOME=/dev/null).
[[ -x $work/root/usr/libexec/minsheng/minsheng-xls ]] || { echo "FAIL: minsheng-xls not installed"; exit 1; }
XDG_CACHE_HOME=/dev/null strace -f -qq -e trace=execve -o "$work/exec.trace" "$bin" \
  --plan "$work/root/usr/share/minsheng/tasks.yaml" --data "$src/demo/reports" check --month 2024-06 >/dev/null
grep -q "$work/root/usr/libexec/minsheng/minsheng-xls" "$work/exec.trace" ||
  { echo "FAIL: the installed binary did not start the installed minsheng-xls"; exit 1; }
"$bin" --plan "$work/root/usr/share/minsheng/tasks.yaml" --data "$src/demo/reports" summary \
  --month 2024-06 --format csv >"$work/summary.csv"
[[ $(wc -l <"$work/summary.csv") -eq 74 ]] || { echo "FAIL: installed binary's summary"; exit 1; }
"$bin" --plan "$work/root/usr/share/minsheng/tasks.yaml" --data "$src/demo/reports" summary \
  --month 2024-06 --format xlsx -o "$work/summary.xlsx"
[[ $(head -c 2 "$work/summary.xlsx") == PK ]] || { echo "FAIL: installed binary's workbook"; exit 1; }
for f in usr/share/man/man1/minsheng.1.gz usr/share/bash-completion/completions/minsheng \
  usr/share/zsh/vendor-completions/_minsheng usr/share/doc/minsheng/copyright \
  usr/share/doc/minsheng/changelog.gz usr/share/doc/minsheng/examples/minsheng-bulletin.timer \
  usr/share/doc/minsheng/examples/minsheng-missing.service usr/share/doc/minsheng/examples/minsheng-half.timer \
  usr/lib/sysusers.d/minsheng.conf usr/share/minsheng/templates/bulletin.md.mustache; do
  [[ -s $work/root/$f ]] || { echo "FAIL: $f not installed"; exit 1; }
done
# The man page as a reader sees it in an 80-column UTF-8 terminal: its sections, and no line
# that the terminal would have to wrap.
MANWIDTH=80 LANG=C.UTF-8 man -l "$work/root/usr/share/man/man1/minsheng.1.gz" 2>/dev/null >"$work/man.txt"
grep -q 'summary' "$work/man.txt" || { echo "FAIL: man page"; exit 1; }
for section in 名称 概要 描述 子命令 示例 文件 环境 退出状态; do
  grep -qx "$section" "$work/man.txt" || { echo "FAIL: man page has no section $section"; exit 1; }
done
python3 - "$work/man.txt" <<'PY' || exit 1
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
long = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if w(l) > 80]
for l in long[:5]:
    print("FAIL: man line wider than 80 columns:", l)
sys.exit(1 if long else 0)
PY
# The example units as systemd reads them (the binary's path pointed at the unpacked one):
# no unknown key, no missing unit, a valid calendar.
if command -v systemd-analyze >/dev/null; then
  mkdir "$work/units"
  for u in "$work"/root/usr/share/doc/minsheng/examples/*.service "$work"/root/usr/share/doc/minsheng/examples/*.timer; do
    sed "s|/usr/bin/minsheng|$bin|" "$u" >"$work/units/$(basename "$u")"
  done
  (cd "$work/units" && systemd-analyze verify ./*.service ./*.timer) >"$work/verify.log" 2>&1 ||
    { cat "$work/verify.log"; echo "FAIL: systemd-analyze verify"; exit 1; }
  [[ ! -s $work/verify.log ]] || { cat "$work/verify.log"; echo "FAIL: systemd-analyze verify warns"; exit 1; }
  grep -q '^Environment=TZ=Asia/Shanghai' "$work/units/minsheng-bulletin.service" || { echo "FAIL: TZ"; exit 1; }
fi
# Bash completion, as a shell calls it: `minsheng sum<TAB>` and `--unit 市民<TAB>`.
cd "$src"
out=$(PATH="$work/root/usr/bin:$PATH" bash -c '
  source "$0"
  COMP_WORDS=(minsheng sum); COMP_CWORD=1; _minsheng; echo "sub: ${COMPREPLY[*]}"
  COMP_WORDS=(minsheng template --unit 市民); COMP_CWORD=3; _minsheng; echo "unit: ${COMPREPLY[*]}"
  COMP_WORDS=(minsheng --data demo/reports summary --month 2024-0); COMP_CWORD=5; _minsheng
  echo "month: ${COMPREPLY[*]}"
  COMP_WORDS=(minsheng summary --kee); COMP_CWORD=2; _minsheng; echo "option: ${COMPREPLY[*]}"
  COMP_WORDS=(minsheng --data demo/reports summary --county 夷); COMP_CWORD=5; _minsheng
  echo "county: ${COMPREPLY[*]}"
  COMP_WORDS=(minsheng --data demo/reports bulletin --quarter ""); COMP_CWORD=5; _minsheng
  echo "quarter: ${COMPREPLY[*]}"
  COMP_WORDS=(minsheng -j 2 --data = demo/reports diff 2024-05 2024-1); COMP_CWORD=8; _minsheng
  echo "diff: ${COMPREPLY[*]}"
  COMP_WORDS=(minsheng diff --only wor); COMP_CWORD=3; _minsheng; echo "only: ${COMPREPLY[*]}"
  COMP_WORDS=(minsheng summary --format ""); COMP_CWORD=3; _minsheng; echo "format: ${COMPREPLY[*]}"
' "$work/root/usr/share/bash-completion/completions/minsheng")
echo "$out"
grep -qx 'sub: summary' <<<"$out" || { echo "FAIL: sum<TAB>"; exit 1; }
grep -qx 'unit: 市民政局' <<<"$out" || { echo "FAIL: --unit 市民<TAB>"; exit 1; }
grep -qx 'month: 2024-04 2024-05 2024-06 2024-07 2024-08 2024-09' <<<"$out" || { echo "FAIL: --month<TAB>"; exit 1; }
grep -qx 'option: --keep-going' <<<"$out" || { echo "FAIL: option<TAB>"; exit 1; }
grep -qx 'county: 夷陵区' <<<"$out" || { echo "FAIL: --county 夷<TAB>"; exit 1; }
grep -qx 'quarter: last 2024Q2 2024Q3 2024Q4' <<<"$out" || { echo "FAIL: --quarter <TAB>"; exit 1; }
grep -qx 'diff: 2024-10 2024-11 2024-12' <<<"$out" || { echo "FAIL: -j 2 --data=DIR diff month<TAB>"; exit 1; }
grep -qx 'only: worsened' <<<"$out" || { echo "FAIL: --only wor<TAB>"; exit 1; }
grep -qx 'format: table md csv json xlsx' <<<"$out" || { echo "FAIL: --format <TAB>"; exit 1; }
if command -v lintian >/dev/null; then
  lintian --tag-display-limit 0 "$deb" 2>&1 | grep -v 'root privileges' >"$work/lintian.log" || true
  sed 's/^/  lintian: /' "$work/lintian.log"
  if grep -q '^E:' "$work/lintian.log"; then echo "FAIL: lintian errors"; exit 1; fi
else
  echo "lintian is not installed: not run"
fi
echo "ok: the .deb installs, runs, has its man page and completes"
