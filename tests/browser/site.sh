#!/usr/bin/env bash
# The demo dashboard (and the bulletin, internal and public, and the public site) in headless Chromium (tests/browser/site_check.py): links, orphans, console
# errors, sideways scrolling at 390 px, chart marks; screenshots go to BUILD/site-shots/ for
# review. Exits 77 (skipped) when Chromium is not installed.
set -euo pipefail
bin=$1
src=$2
build=$3
if ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null; then
  echo "SKIP: chromium is not installed (scripts/setup.sh --browser installs it)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$src"
"$bin" --data demo/reports site --month 2024-06 -o "$work/site"
"$bin" --data demo/reports bulletin --quarter 2024Q2 --format html -o "$work/bulletin.html"
"$bin" --data demo/reports bulletin --quarter 2024Q2 --public --format html -o "$work/bulletin_public.html"
"$bin" --data demo/reports site --month 2024-06 --public -o "$work/public"
rm -rf "$build/site-shots"
python3 tests/browser/site_check.py "$work/site" "$build/site-shots" "$work/bulletin.html" \
  "$work/bulletin_public.html" "$work/public/index.html" "$work/public/category-5.html"
