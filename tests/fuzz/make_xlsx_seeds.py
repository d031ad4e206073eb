#!/usr/bin/env python3
"""Writes the seeds of the xlsx fuzz harness (tests/fuzz/corpus/xlsx/) from the workbooks that
real programs saved (tests/data/workbooks/, the demo's): each one's XML parts, in the order
fuzz_xlsx.cpp's kParts lists them, separated by NUL bytes. Usage: tests/fuzz/make_xlsx_seeds.py"""
import pathlib
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
PARTS = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml",
         "xl/sharedStrings.xml", "xl/styles.xml", "xl/worksheets/sheet2.xml"]
BOOKS = sorted((ROOT / "tests/data/workbooks").glob("*.xlsx")) + \
    sorted((ROOT / "tests/data/unit_forms").glob("*.xlsx")) + \
    sorted((ROOT / "demo/reports").glob("*/submissions/*.xlsx"))

out = ROOT / "tests/fuzz/corpus/xlsx"
out.mkdir(parents=True, exist_ok=True)
for book in BOOKS:
    with zipfile.ZipFile(book) as z:
        names = set(z.namelist())
        seed = b"\0".join(z.read(p) if p in names else b"" for p in PARTS)
    (out / (book.stem + ".seed")).write_bytes(seed)
    print(out / (book.stem + ".seed"))
