#!/usr/bin/python3
"""Reads a DOCX's tables back with python-docx (another program than danvan's writer), as JSON.

Usage: docx-tables.py FILE.docx
Prints [{"rows": [[{"text", "style", "align", "span", "bold"} …] …], "header": [bool per row], "widths": [twips …]} …]
for every table whose first row is a heading row (TableHeading): not the borderless header and closing.
"""
import json
import sys
import docx
from docx.oxml.ns import qn

d = docx.Document(sys.argv[1])
out = []
for t in d.tables:
    rows, header = [], []
    for tr in t._tbl.tr_lst:
        trPr = tr.trPr
        header.append(trPr is not None and trPr.find(qn("w:tblHeader")) is not None)
        cells = []
        for tc in tr.tc_lst:
            p = tc.p_lst[0]
            pPr = p.pPr
            style = pPr.find(qn("w:pStyle")).get(qn("w:val")) if pPr is not None and pPr.find(qn("w:pStyle")) is not None else None
            jc = pPr.find(qn("w:jc")).get(qn("w:val")) if pPr is not None and pPr.find(qn("w:jc")) is not None else None
            span = tc.tcPr.find(qn("w:gridSpan"))
            text = "".join(x.text or "" for x in tc.iter(qn("w:t")))
            cells.append({"text": text, "style": style, "align": jc, "span": int(span.get(qn("w:val"))) if span is not None else 1})
        rows.append(cells)
    grid = t._tbl.tblGrid
    if not rows or rows[0][0]["style"] != "TableHeading":
        continue
    out.append({"rows": rows, "header": header, "widths": [int(c.get(qn("w:w"))) for c in grid.findall(qn("w:gridCol"))]})
print(json.dumps(out, ensure_ascii=False))
