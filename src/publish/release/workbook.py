"""The Excel workbook of a release: one sheet per resource, for people who open data in Excel.

Row 1 holds the Chinese field titles (the English field name and unit are in each header's
comment), data start on row 2. Numbers are numbers (amounts written from their exact decimal
text, format ``0.00`` for 万元 fields), integers and years integers, booleans booleans, and
everything else text — text that looks like a formula (= + - @) or an error code stays text.
A first sheet, 说明 README, names the package, version, licence and each sheet's resource.
The workbook is deterministic: fixed document dates and zip entry dates from the source date.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from publish.core import Package, read_rows
from publish.release.archive import repack

MONEY_FORMAT = "0.00"
FORMULA_START = ("=", "+", "-", "@")
FORBIDDEN_IN_SHEET_NAMES = str.maketrans({c: "_" for c in "[]:*?/\\"})


def workbook_bytes(package: Package, moment: datetime) -> bytes:
    """The .xlsx file of ``package``, dated ``moment``."""
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    book = Workbook()
    _readme_sheet(book.active, package)
    for resource in package.resources.values():
        sheet = book.create_sheet(_sheet_name(resource.descriptor.get("title") or resource.name, book.sheetnames))
        _fill(sheet, resource.fields, read_rows(package.file(resource)))
    naive = moment.replace(tzinfo=None)
    book.properties.creator = "publish"
    book.properties.created = naive
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        book.properties.modified = naive
        ExcelWriter(book, archive).save()
    return repack(buffer.getvalue(), moment)


def _readme_sheet(sheet, package: Package) -> None:
    descriptor = package.descriptor
    sheet.title = "说明 README"
    licences = ", ".join(item.get("name", "") for item in descriptor.get("licenses", []))
    sheet.append(["数据包 Package", descriptor.get("title") or descriptor.get("name")])
    sheet.append(["名称 Name", descriptor.get("name")])
    sheet.append(["版本 Version", descriptor.get("version")])
    sheet.append(["许可 Licence", licences])
    sheet.append([])
    sheet.append(["工作表 Sheet", "资源 Resource", "说明 Description"])
    for resource in package.resources.values():
        sheet.append(
            [
                resource.descriptor.get("title") or resource.name,
                resource.name,
                resource.descriptor.get("description", ""),
            ]
        )
    for row in sheet.iter_rows():
        for cell in row:
            _force_text(cell)
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 28


def _fill(sheet, fields: list[dict[str, Any]], rows: list[dict[str, str]]) -> None:
    from openpyxl.comments import Comment

    for column, spec in enumerate(fields, start=1):
        header = sheet.cell(row=1, column=column, value=spec.get("title") or spec["name"])
        _force_text(header)
        unit = f" ({spec['unit']})" if spec.get("unit") else ""
        header.comment = Comment(f"{spec['name']}{unit}", "publish", width=240, height=60)
    for number, row in enumerate(rows, start=2):
        for column, spec in enumerate(fields, start=1):
            _put(sheet.cell(row=number, column=column), spec, row.get(spec["name"]) or "")
    sheet.freeze_panes = "A2"
    if rows:
        sheet.auto_filter.ref = sheet.dimensions


def _put(cell, spec: dict[str, Any], text: str) -> None:
    """Write the published ``text`` of a field as the Excel value its type calls for."""
    if text == "":
        return
    kind = spec.get("type", "string")
    try:
        if kind in ("integer", "year"):
            cell.value = int(text)
            return
        if kind == "number":
            cell.value = Decimal(text)
            if spec.get("unit") == "万元":
                cell.number_format = MONEY_FORMAT
            return
    except (ValueError, InvalidOperation):
        pass
    if kind == "boolean" and text in ("true", "false"):
        cell.value = text == "true"
        return
    cell.value = _printable(text)
    _force_text(cell)


def _force_text(cell) -> None:
    """Keep a string a string: never a formula, never an error code, and text again after editing."""
    if isinstance(cell.value, str):
        cell.data_type = "s"
        if cell.value.startswith(FORMULA_START):
            cell.quotePrefix = True


def _printable(text: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)


def _sheet_name(title: str, taken: list[str]) -> str:
    name = title.translate(FORBIDDEN_IN_SHEET_NAMES)[:31] or "sheet"
    candidate, number = name, 2
    while candidate in taken:
        suffix = f" {number}"
        candidate, number = name[: 31 - len(suffix)] + suffix, number + 1
    return candidate
