#!/usr/bin/env bash
# Makes 民政局8月进度.xlsx (no unit in the name: the form's 填报单位 line says who sent it):
# openpyxl (Debian python3-openpyxl, hence /usr/bin/python3) writes it, LibreOffice
# (libreoffice-calc-nogui) computes the formulas and saves it, as a unit's Excel or WPS would.
# Run from this folder; commit what it writes.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
/usr/bin/python3 make_unit_forms.py "$tmp/民政局8月进度.xlsx"
soffice --headless -env:UserInstallation=file://"$tmp/profile" \
  --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$tmp/lo" "$tmp/民政局8月进度.xlsx" >/dev/null
mv "$tmp/lo/民政局8月进度.xlsx" 民政局8月进度.xlsx
rm -rf "$tmp"
ls -l 民政局8月进度.xlsx
