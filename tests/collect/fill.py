#!/usr/bin/python3
"""Fills danvan's workbooks the way a unit's clerk does, with openpyxl (another program than danvan's).

Usage: fill.py IN.xlsx OUT.xlsx JSON
JSON: {"values": {"<figure path>": number | "text" | null | {"formula": "=…", "cached": n|null}},
       "rename_sheet": "…", "sort_rows": true, "edit": {"E12": "…"}, "header": {"unit": "…", "period": "…", "template": "…"},
       "unprotect": true, "comments": {"D12": "…"}, "copy_sheet": true}
A value is written into the row whose hidden column B holds its path, wherever that row is.
"""
import json
import sys
import openpyxl

src, dst, spec = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
wb = openpyxl.load_workbook(src)
ws = wb.worksheets[0]
INPUT = 7  # column G

if spec.get("unprotect"):
    ws.protection.sheet = False

rows = {}
for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
    role, key = row[0].value, row[1].value
    if role == "figure":
        rows[key] = row[0].row
    elif role in ("unit", "period", "template") and role in spec.get("header", {}):
        row[1].value = spec["header"][role]

formulas = {}
for path, value in spec.get("values", {}).items():
    cell = ws.cell(row=rows[path], column=INPUT)
    if isinstance(value, dict):
        cell.value = value["formula"]
        formulas[cell.coordinate] = value.get("cached")
    else:
        cell.value = value

for coord, value in spec.get("edit", {}).items():
    ws[coord].value = value

if spec.get("sort_rows"):
    # Sorted by label, descending, as a clerk sorting the table would: whole rows move.
    first = min(rows.values())
    last = max(rows.values())
    data = [[c.value for c in ws[r]] for r in range(first, last + 1)]
    data.sort(key=lambda r: str(r[3]), reverse=True)
    for i, values in enumerate(data):
        for j, v in enumerate(values):
            ws.cell(row=first + i, column=j + 1).value = v

if "rename_sheet" in spec:
    ws.title = spec["rename_sheet"]

# A note a clerk leaves on a cell (comments, their VML drawing and the sheet's links to them).
if spec.get("comments"):
    from openpyxl.comments import Comment
    for coord, text in spec["comments"].items():
        ws[coord].comment = Comment(text, "Văn thư")

# The sheet copied (Excel's "Move or Copy…, Create a copy"), hidden columns and all.
if spec.get("copy_sheet"):
    wb.copy_worksheet(ws)

wb.save(dst)

# openpyxl saves formulas without a cached result; where one is wanted, it is put in as Excel would have.
if any(v is not None for v in formulas.values()):
    import zipfile, shutil, tempfile
    import xml.etree.ElementTree as ET
    NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    ET.register_namespace("", NS)
    tmp = tempfile.mktemp(suffix=".xlsx")
    shutil.move(dst, tmp)
    with zipfile.ZipFile(tmp) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                root = ET.fromstring(data)
                for c in root.iter("{%s}c" % NS):
                    if formulas.get(c.get("r")) is not None:
                        v = c.find("{%s}v" % NS)
                        if v is None:
                            v = ET.SubElement(c, "{%s}v" % NS)
                        v.text = str(formulas[c.get("r")])
                data = ET.tostring(root, xml_declaration=True, encoding="UTF-8")
            zout.writestr(item, data)
