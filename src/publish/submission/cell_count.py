"""A workbook's cells, counted in its XML before openpyxl opens it.

openpyxl builds every cell of every sheet in memory (and a submission is opened twice: values and
formulas), so a small file declaring millions of cells exhausts the machine before any check on the
loaded sheets could run. Two passes over the zip's parts, each streamed in chunks:

1. every part: its tags and its cells and shared strings, counted at byte speed (an upper bound: a
   ``<c …>`` in a comment counts too), refused past ``WORKBOOK_TAGS`` or ``SHEET_CELLS``;
2. each worksheet, through expat with no tree built: the used area its cells span (the last row × the
   last column, as openpyxl walks it, cells without a reference placed as openpyxl places them) and
   its largest merged range, refused past ``SHEET_CELLS``.

The first pass bounds the work of the second. DOCTYPEs and entities were refused before
(``publish.core.unsafe_office_file``), so expat expands nothing.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from xml.parsers import expat

from publish.core import ZIP_ERRORS, limits
from publish.submission.sheet_names import sheet_parts

MAIN = ("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")
REFERENCE = re.compile(r"^([A-Z]{1,3})([0-9]{1,7})$")
CELL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:c|si)[\s/>]")
CHUNK = 1 << 16

Refusal = tuple[str, str]


@dataclass
class Area:
    """What a worksheet's cells span: the last row and column, and the largest merged range."""

    rows: int = 0
    columns: int = 0
    row: int = 0  # the row being read, for cells that do not say where they are
    column: int = 0
    merged: tuple[int, int] = (0, 0)

    @property
    def cells(self) -> int:
        return max(self.rows * self.columns, self.merged[0] * self.merged[1])

    @property
    def shown(self) -> tuple[int, int]:
        return (self.rows, self.columns) if self.rows * self.columns >= self.cells else self.merged


class _Stop(Exception):
    """The area is past the limit: the scan ends."""


def oversized_cells(path) -> Refusal | None:
    """Why the workbook at ``path`` holds more cells than may be loaded, or None (also for an unreadable zip)."""
    try:
        with zipfile.ZipFile(path) as archive:
            if refusal := _too_many(archive):
                return refusal
            for name, part in sheet_parts(archive):
                area = _area(archive, part)
                if limits.SHEET_CELLS.exceeded(area.cells):
                    return _too_large(name, area)
    except ZIP_ERRORS:
        return None
    return None


def _too_many(archive: zipfile.ZipFile) -> Refusal | None:
    tags = cells = 0
    for info in archive.infolist():
        for chunk in _complete_tags(archive, info):
            tags, cells = tags + chunk.count(b"<"), cells + len(CELL_TAG.findall(chunk))
            if limits.WORKBOOK_TAGS.exceeded(tags):
                return _refusal("XML 标记", "XML tags", limits.WORKBOOK_TAGS)
            if limits.SHEET_CELLS.exceeded(cells):
                return _refusal("单元格与文字", "cells and texts", limits.SHEET_CELLS)
    return None


def _complete_tags(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """A part in chunks, each cut before its last ``<`` so that no tag is split between two."""
    carried = b""
    with archive.open(info) as part:
        while chunk := part.read(CHUNK):
            window = carried + chunk
            cut = window.rfind(b"<")
            cut = cut if cut > len(window) - 256 else len(window)
            yield window[:cut]
            carried = window[cut:]
    yield carried


def _area(archive: zipfile.ZipFile, part: str) -> Area:
    area = Area()
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = lambda tag, attributes: _start(area, tag, attributes)
    try:
        with archive.open(part) as stream:
            while chunk := stream.read(CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except (_Stop, expat.ExpatError):
        pass  # past the limit, or not XML after all: what was seen stands
    return area


def _start(area: Area, tag: str, attributes: dict[str, str]) -> None:
    namespace, _, name = tag.rpartition(" ")
    if namespace not in MAIN:
        return
    if name == "row":
        number = attributes.get("r", "")
        area.row, area.column = (int(number) if number.isdigit() else area.row + 1), 0
    elif name == "c":
        match = REFERENCE.match(attributes.get("r", ""))
        area.column, area.row = (_column(match.group(1)), int(match.group(2))) if match else (area.column + 1, area.row)
        area.rows, area.columns = max(area.rows, area.row), max(area.columns, area.column)
    elif name == "mergeCell":
        _merged(area, attributes.get("ref", ""))
    if limits.SHEET_CELLS.exceeded(area.cells):
        raise _Stop


def _merged(area: Area, reference: str) -> None:
    corners = [REFERENCE.match(corner) for corner in reference.split(":")]
    if len(corners) == 2 and all(corners):
        (c1, r1), (c2, r2) = ((_column(m.group(1)), int(m.group(2))) for m in corners)
        rows, columns = abs(r2 - r1) + 1, abs(c2 - c1) + 1
        if rows * columns > area.merged[0] * area.merged[1]:
            area.merged = (rows, columns)


def _column(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _too_large(name: str, area: Area) -> Refusal:
    rows, columns = area.shown
    hint_zh, hint_en = limits.SHEET_CELLS.hint()
    return (
        f"工作表“{name}”的使用区域至少达 {rows} 行 × {columns} 列，超出报送表格的合理范围，未读取；"
        f"请删除多余的行、列和合并单元格后重新保存（{hint_zh}）",
        f"the sheet '{name}' spans at least {rows} rows × {columns} columns, far more than a submission needs, "
        f"and was not read; delete the extra rows, columns and merged cells and save again ({hint_en})",
    )


def _refusal(zh: str, en: str, limit: limits.Limit) -> Refusal:
    hint_zh, hint_en = limit.hint()
    return (
        f"工作簿中的{zh}超过 {limit.value} 个，超出报送表格的合理范围，未读取；请只报送一个部门一个年度（{hint_zh}）",
        f"the workbook holds more than {limit.value} {en}, far more than a submission needs, and was not read; "
        f"submit one department-year only ({hint_en})",
    )
