#!/usr/bin/env bash
# The bulletin as a leader's office prints it: Chromium prints bulletin.html to A4 PDF, and
# poppler reads it back. Every page carries 「第 N 页 共 M 页」, no page but the last is nearly
# empty (a whole table pushed to the next page once left three such pages), and the signature
# carries the issue date and 期号 asked for. Exits 77 (skipped) without Chromium or poppler-utils.
set -euo pipefail
bin=$1
src=$2
chrome=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $chrome ]] || ! command -v pdftotext >/dev/null; then
  echo "SKIP: chromium or poppler-utils is not installed (scripts/setup.sh --browser installs them)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$src"
"$bin" --data demo/reports bulletin --quarter 2024Q2 --format html --date 2024-07-10 --number 3 \
  -o "$work/bulletin.html"
timeout 120 "$chrome" --headless --no-sandbox --disable-gpu --no-first-run --no-pdf-header-footer \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$work/profile" --print-to-pdf="$work/bulletin.pdf" "file://$work/bulletin.html" \
  >"$work/chromium.log" 2>&1 || { cat "$work/chromium.log"; exit 1; }
pages=$(pdfinfo "$work/bulletin.pdf" | awk '/^Pages:/ {print $2}')
echo "bulletin.pdf: $pages A4 pages"
[[ $pages -ge 3 && $pages -le 12 ]] || { echo "FAIL: $pages pages"; exit 1; }
grep -q "Page size:.*(A4)" <(pdfinfo "$work/bulletin.pdf") || { echo "FAIL: not A4"; pdfinfo "$work/bulletin.pdf"; exit 1; }
fail=0
for ((p = 1; p <= pages; p++)); do
  text=$(pdftotext -layout -f $p -l $p "$work/bulletin.pdf" -)
  # pdftotext may drop the spaces of the footer's CJK run.
  if ! tr -d ' ' <<<"$text" | grep -q "第${p}页共${pages}页"; then
    echo "FAIL: page $p has no 第 $p 页 共 $pages 页 footer"; fail=1
  fi
  lines=$(grep -c '[^[:space:]]' <<<"$text" || true)
  if [[ $p -lt $pages && $lines -lt 20 ]]; then
    echo "FAIL: page $p is nearly empty ($lines lines of text)"; fail=1
  fi
done
all=$(pdftotext "$work/bulletin.pdf" - | tr -d ' ')
for want in "2024年第3期" "2024年7月10日" "市政府政务督查室"; do
  grep -q "$want" <<<"$all" || { echo "FAIL: no $want in the printed bulletin"; fail=1; }
done
exit $fail
