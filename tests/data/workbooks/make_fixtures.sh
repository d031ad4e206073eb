#!/usr/bin/env bash
# Makes the workbook fixtures with the programs units use: openpyxl (Debian python3-openpyxl,
# hence /usr/bin/python3) writes
# form.xlsx as a person would fill the form (title rows, a two-row header with a merged group
# title, a percent-formatted cell, a date cell, formulas, footer rows, a hidden sheet first);
# LibreOffice (libreoffice-calc-nogui) opens it, computes the formulas and saves form-lo.xlsx
# and form-lo.xls, as Excel or WPS would. Run from this folder; commit what it writes.
set -euo pipefail
cd "$(dirname "$0")"
/usr/bin/python3 make_form.py form.xlsx
/usr/bin/python3 make_percent.py percent.xlsx
tmp=$(mktemp -d)
soffice --headless -env:UserInstallation=file://"$tmp" --convert-to xlsx:"Calc MS Excel 2007 XML" \
  --outdir "$tmp" form.xlsx >/dev/null
mv "$tmp/form.xlsx" form-lo.xlsx
soffice --headless -env:UserInstallation=file://"$tmp" --convert-to xls:"MS Excel 97" \
  --outdir "$tmp" form.xlsx >/dev/null
mv "$tmp/form.xls" form-lo.xls
rm -rf "$tmp"
ls -l form.xlsx form-lo.xlsx form-lo.xls percent.xlsx
# A hostile one: form-lo.xlsx with an entity declaration (the start of an XML bomb) in its
# shared strings, written by Python's zipfile.
/usr/bin/python3 - <<'PY'
import zipfile
with zipfile.ZipFile("form-lo.xlsx") as src, zipfile.ZipFile("entity.xlsx", "w", zipfile.ZIP_DEFLATED) as out:
    for item in src.infolist():
        data = src.read(item.filename)
        if item.filename == "xl/sharedStrings.xml":
            data = data.replace(b"?>", b'?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>', 1)
        out.writestr(item, data)
PY
