#!/usr/bin/env bash
# Makes demo/reports/2024-06/submissions/市教育局.xlsx and 团市委.xls: forms written by openpyxl
# (Debian python3-openpyxl), then opened and saved by LibreOffice as Excel would save them.
# They replace those units' June CSVs; the CSVs they were made from stay in this folder, so a
# test can check that both give the same summary.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
/usr/bin/python3 make_demo_workbooks.py "$tmp"
sub=../reports/2024-06/submissions
soffice --headless -env:UserInstallation=file://"$tmp/lo" --convert-to xlsx:"Calc MS Excel 2007 XML" \
  --outdir "$tmp/out" "$tmp/市教育局.xlsx" >/dev/null
soffice --headless -env:UserInstallation=file://"$tmp/lo" --convert-to xls:"MS Excel 97" \
  --outdir "$tmp/out" "$tmp/团市委.xlsx" >/dev/null
cp "$tmp/out/市教育局.xlsx" "$tmp/out/团市委.xls" "$sub/"
rm -rf "$tmp"
