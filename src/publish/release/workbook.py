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

from publish.core import Package, escape, read_rows
from publish.release.archive import repack

MONEY_FORMAT = "0.00"
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
    licences = ", ".join(str(item.get("name", "")) for item in descriptor.get("licenses", []))
    rows = [
        ["数据包 Package", descriptor.get("title") or descriptor.get("name")],
        ["名称 Name", descriptor.get("name")],
        ["版本 Version", descriptor.get("version")],
        ["许可 Licence", licences],
        [],
        ["工作表 Sheet", "资源 Resource", "说明 Description"],
    ]
    for resource in package.resources.values():
        rows.append(
            [
                resource.descriptor.get("title") or resource.name,
                resource.name,
                resource.descriptor.get("description", ""),
            ]
        )
    for line, values in enumerate(rows, start=1):
        for column, value in enumerate(values, start=1):
            if value is not None:
                escape.excel_text_cell(sheet.cell(line, column), str(value))
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 28


def _fill(sheet, fields: list[dict[str, Any]], rows: list[dict[str, str]]) -> None:
    from openpyxl.comments import Comment

    for column, spec in enumerate(fields, start=1):
        header = sheet.cell(row=1, column=column)
        escape.excel_text_cell(header, str(spec.get("title") or spec["name"]))
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
    escape.excel_text_cell(cell, text)


def _sheet_name(title: str, taken: list[str]) -> str:
    name = title.translate(FORBIDDEN_IN_SHEET_NAMES)[:31] or "sheet"
    candidate, number = name, 2
    while candidate in taken:
        suffix = f" {number}"
        candidate, number = name[: 31 - len(suffix)] + suffix, number + 1
    return candidate
