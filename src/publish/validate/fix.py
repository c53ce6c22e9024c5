"""`publish validate --fix`: rewrite data files where the fix is certain and keeps every value's meaning.

Certain fixes: GBK/GB18030 bytes to UTF-8, a UTF-8 BOM removed, CRLF to LF, and in number and
integer cells full-width digits (１２３．４５), thousands separators (1,234.50) and a trailing
万元. Nothing else is touched; each fix is reported. Files are replaced atomically.
"""

from __future__ import annotations

import csv
import io

from publish.core import Package, atomic, decode_excel_csv, load, normalise_number

NUMERIC = ("number", "integer")


def fix_package(path: str) -> list[str]:
    """Fix every data file of the package in place; return one bilingual line per file changed."""
    package = load(path)
    notes = []
    for resource in package.resources.values():
        note = _fix_file(package, resource)
        if note:
            notes.append(f"{resource.path}: {note}")
    return notes


def _fix_file(package: Package, resource) -> str | None:
    file = package.file(resource)
    data = file.read_bytes()
    text, notes = _decode(data)
    if text is None:
        return None
    fixed, cells = _fix_cells(text, resource)
    if cells:
        notes.append(f"修正 {cells} 个数字单元格 fixed {cells} number cells")
    if fixed.encode("utf-8") == data:
        return None
    atomic.write_text(file, fixed)
    return "；".join(notes)


def _decode(data: bytes) -> tuple[str | None, list[str]]:
    text, steps = decode_excel_csv(data)
    notes = [STEP_NOTES[step] for step in steps]
    if text is not None and "\r\n" in text:
        text = text.replace("\r\n", "\n")
        notes.append("CRLF 改为 LF line endings to LF")
    return text, notes


STEP_NOTES = {"bom": "去掉 BOM removed the BOM", "gb18030": "GB18030 转为 UTF-8 transcoded from GB18030 to UTF-8"}


def _fix_cells(text: str, resource) -> tuple[str, int]:
    records = list(csv.reader(io.StringIO(text, newline="")))
    if not records:
        return text, 0
    numeric = {i: f["type"] for i, f in enumerate(resource.fields) if f.get("type") in NUMERIC}
    changed = 0
    for record in records[1:]:
        for i in numeric.keys() & set(range(len(record))):
            value = normalise_number(record[i], numeric[i])
            if value != record[i]:
                record[i], changed = value, changed + 1
    if not changed:
        return text, 0
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(records)
    return out.getvalue(), changed
