#!/usr/bin/env bash
# Makes 民政局8月进度.xlsx and 民政局9月进度.xlsx (no unit in the names: the forms' 填报单位 lines
# say who sent them): openpyxl (Debian python3-openpyxl, hence /usr/bin/python3) writes them,
# LibreOffice (libreoffice-calc-nogui) computes the formulas and saves them, as a unit's Excel or
# WPS would. Run from this folder; commit what it writes.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
/usr/bin/python3 make_unit_forms.py "$tmp"
for f in 民政局8月进度.xlsx 民政局9月进度.xlsx; do
  soffice --headless -env:UserInstallation=file://"$tmp/profile" \
    --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$tmp/lo" "$tmp/$f" >/dev/null
  mv "$tmp/lo/$f" "$f"
done
rm -rf "$tmp"
ls -l 民政局8月进度.xlsx 民政局9月进度.xlsx
