#!/usr/bin/python3
"""Reads an XLSX workbook with openpyxl, independently of the writer, and prints it as JSON.

Values are read with data_only=True: the cached results of formulas, as a reader that does not
recalculate (openpyxl, procurement tools) sees them. Formulas are read from a second load.

Output: {"sheets": [names in order], "properties": {title, subject, creator, company},
         "data": {sheet: {"rows": [[values]], "formulas": {"B3": "=SUM(..)"},
                          "hyperlinks": {"L2": target}, "freeze_panes": "A2", "auto_filter": "A1:M9",
                          and for a table sheet (first cell "Catalog id"):
                          "header": [..], "lines": [[..]], "totals": [..] (the row starting "Total")}}}
Run with the system interpreter (/usr/bin/python3, Debian's python3-openpyxl).
"""
import json
import re
import sys
import zipfile

import openpyxl


def company(path):
    with zipfile.ZipFile(path) as z:
        if "docProps/app.xml" not in z.namelist():
            return None
        m = re.search(r"<Company>(.*?)</Company>", z.read("docProps/app.xml").decode("utf-8"))
        return m.group(1) if m else None


def read(path):
    values = openpyxl.load_workbook(path, data_only=True)
    formulas = openpyxl.load_workbook(path, data_only=False)
    props = values.properties
    out = {
        "sheets": values.sheetnames,
        "properties": {"title": props.title, "subject": props.subject, "creator": props.creator,
                       "company": company(path)},
        "data": {},
    }
    for ws in values.worksheets:
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        sheet = {
            "rows": rows,
            "formulas": {c.coordinate: c.value for row in formulas[ws.title].iter_rows() for c in row
                         if isinstance(c.value, str) and c.value.startswith("=")},
            "hyperlinks": {c.coordinate: c.hyperlink.target or c.hyperlink.location
                           for row in ws.iter_rows() for c in row if c.hyperlink},
            "freeze_panes": ws.freeze_panes,
            "auto_filter": ws.auto_filter.ref,
        }
        if rows and rows[0] and rows[0][0] == "Catalog id":
            total = next(i for i, r in enumerate(rows) if r and r[0] == "Total")
            sheet.update(header=rows[0], lines=rows[1:total], totals=rows[total])
        out["data"][ws.title] = sheet
    return out


if __name__ == "__main__":
    json.dump(read(sys.argv[1]), sys.stdout)
