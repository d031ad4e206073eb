#!/usr/bin/env bash
# cmark-gfm, the GitHub-flavoured Markdown renderer, reads every Markdown document minsheng
# writes as the HTML pages show it: tables render as tables, and no line becomes a list nested in
# a list ("- 1. …" did, in the bulletin). Exits 77 (skipped) when cmark-gfm is not installed
# (scripts/setup.sh --browser installs it).
set -euo pipefail
bin=$1
src=$2
if ! command -v cmark-gfm >/dev/null; then
  echo "SKIP: cmark-gfm is not installed (scripts/setup.sh --browser installs it)"
  exit 77
fi
cd "$src"
fail=0
check() {  # name, minimum tables, command...
  local name=$1 tables=$2
  shift 2
  local html
  html=$("$bin" --data demo/reports "$@" --format md 2>/dev/null | cmark-gfm -e table)
  local flat=${html//$'\n'/}
  if [[ $flat =~ \<li\>(\<p\>)?\<(ol|ul) ]]; then
    echo "FAIL: $name: a list item that is itself a list"; fail=1
  fi
  local n
  n=$(grep -c '<table>' <<<"$html" || true)
  if ((n < tables)); then echo "FAIL: $name: $n tables, expected at least $tables"; fail=1; fi
  printf '%s\n' "$html" >"${TMPDIR:-/tmp}/minsheng-cmark-$name.html"
}
check summary 10 summary --month 2024-06
check county 10 summary --month 2024-09 --by county
check diff 1 diff 2024-05 2024-06
check history 1 history --to 2024-06
check bulletin 1 bulletin --quarter 2024Q2
check half 1 bulletin --half 2024H2
check final 1 final --as-of 2024-12-10
check projects 1 projects --month 2024-09
# A unit's words make no link in a rendered document, whatever GFM would autolink in them.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r demo/reports "$tmp/r"
printf '市妇联,,,,,,,,,,联系 zhang@yc.gov.cn、mailto:li@yc.cn、http://x.cn/a 和 www.x.cn,,下月,,2024-07-02\r\n' \
  >>"$tmp/r/2024-06/submissions/市妇联.csv"
html=$("$bin" --data "$tmp/r" summary --month 2024-06 --format md 2>/dev/null |
  cmark-gfm -e table -e autolink)
grep -q 'zhang<code>@</code>yc.gov.cn' <<<"$html" || { echo "FAIL: the note is not in the summary"; fail=1; }
if grep -q '<a ' <<<"$html"; then
  echo "FAIL: a unit's note became a link:"; grep -o '<a [^>]*>[^<]*' <<<"$html"; fail=1
fi
# The bulletin's numbered items are one list of plain items: "1. 免费开展…", not a nested <ol>.
grep -q '<li>1. 免费开展新生儿疾病筛查。（市卫健委）</li>' "${TMPDIR:-/tmp}/minsheng-cmark-bulletin.html" ||
  { echo "FAIL: bulletin: the completed task 1 is not a plain list item"; fail=1; }
exit $fail
