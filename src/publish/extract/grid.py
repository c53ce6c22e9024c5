"""A table recognised in the lines of a document: its title, unit, page, column headers and rows of cells.

Tables reach the extractor as lines of TAB-separated cells (Word rows, PDF tables, text files that kept the
tabs). A table starts at a title line (a line naming a ``…表`` with no TAB), carries the unit its heading states
(``单位：元`` / ``单位：万元``), and runs over its TAB lines across page breaks (a header repeated on the next page
is dropped). Header rows are the rows before the first row holding a figure; each column is named by the path of
its header cells, a merged header cell spanning the columns to its right under the same parent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

PAGE = re.compile(r"^\[page (\d+)\]$")
TITLE = re.compile(r"^(?:\d{4}年度?)?[^\t]{2,40}?表$")
UNIT = re.compile(r"单位\s*[：:]\s*(万元|元|亿元)")
NUMBER = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^-?\d+(?:\.\d+)?$")
EMPTY_MARK = re.compile(r"^(?:无|本表为空表|-)$")
NOTE = re.compile(r"^注\s*[：:]")
FLAT_HEADER_LINES = 8  # header lines a table printed without TABs may have before its first row


@dataclass
class Row:
    cells: list[str]
    page: str

    @property
    def line(self) -> str:
        return "\t".join(self.cells)


@dataclass
class Table:
    title: str
    page: str
    unit: str = ""
    header: list[list[str]] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    preamble: int = 0  # text lines between the title and the first row (编制部门, a year, stray quotes)
    flat: list[Row] = field(default_factory=list)  # lines of a table flattened to text (cells split by spaces)

    def columns(self) -> list[str]:
        """Each column's name: the path of its header cells, merged cells filled to the right under one parent."""
        width = max([len(r) for r in self.header] + [len(r.cells) for r in self.rows] + [0])
        filled: list[list[str]] = []
        for depth, row in enumerate(self.header):
            cells = [clean(c) for c in row] + [""] * (width - len(row))
            for col in range(1, width):
                above_same = depth == 0 or filled[depth - 1][col] == filled[depth - 1][col - 1]
                if not cells[col] and above_same and not _is_code_header(cells[col - 1]):
                    cells[col] = cells[col - 1]
            filled.append(cells)
        return ["/".join(dict.fromkeys(r[col] for r in filled if r[col])) for col in range(width)]

    def aligned(self, row: Row) -> list[str] | None:
        """The row's cells under their columns. A row of a label and figures only, shorter than the table (its
        empty code cells dropped), is right-aligned when it has one figure per figure column of the table and its
        first figure is the sum of the others (合计 = 基本 + 项目, or the sources of income); None when it cannot
        be placed with certainty. Rows opening with a code, and rows with text beyond the label, stay as they are."""
        width = len(self.columns())
        cells = row.cells
        rest = [c for c in cells[1:] if clean(c)]
        if len(cells) >= width or not cells or number(cells[0]) is not None or not rest:
            return cells
        if any(number(c) is None for c in rest):
            return cells
        figure_columns = self.figure_columns()
        values = [Decimal(number(c)) for c in rest]
        fits = len(rest) == len(cells) - 1 == len(figure_columns) and figure_columns[-1] == width - 1
        if not fits or len(values) < 2 or values[0] != sum(values[1:]):
            return None
        return [cells[0]] + [""] * (width - len(cells)) + cells[1:]

    def figure_columns(self) -> list[int]:
        """The columns that hold a figure after the label in some row printed at the table's full width (the
        codes before the label are no figures)."""
        width = len(self.columns())
        found: set[int] = set()
        for cells in [r.cells for r in self.rows if len(r.cells) >= width]:
            label = next((i for i, c in enumerate(cells) if clean(c) and number(c) is None), len(cells))
            found |= {i for i, c in enumerate(cells) if i > label and number(c) is not None}
        return sorted(found)

    @property
    def empty(self) -> bool:
        """Printed without figures: no row holds a number (``无``, or only a 合计 row with blank cells)."""
        return not any(number(c) is not None for r in self.rows for c in r.cells)


def _is_code_header(cell: str) -> bool:
    return cell in {"类", "款", "项"}


def clean(cell: str) -> str:
    """A cell without the spaces a PDF puts between Chinese characters."""
    return re.sub(r"\s+", "", cell)


def number(cell: str) -> str | None:
    """The cell's figure as published without thousands separators, or None when it holds no figure."""
    text = cell.strip().replace("，", ",")
    if not NUMBER.match(text):
        return None
    return text.replace(",", "")


def without_pages(lines: list[str]) -> list[str]:
    """The lines without their ``[page N]`` markers (for readers of the narrative, which has no pages)."""
    return [line for line in lines if not PAGE.match(line.strip())]


def tables(lines: list[str]) -> list[Table]:
    """Every titled table of ``lines``, in order."""
    found: list[Table] = []
    current: Table | None = None
    page = ""
    for raw in lines:
        line = raw.rstrip("\n")
        marker = PAGE.match(line.strip())
        if marker:
            page = marker.group(1)
            continue
        if "\t" not in line:
            text = clean(line)
            if TITLE.match(text) and not NOTE.match(text):
                current = Table(title=text, page=page)
                found.append(current)
                continue
            if current is not None and UNIT.search(text) and not current.rows and not current.header:
                current.unit = UNIT.search(text).group(1)
                continue
            if current is not None and NOTE.match(text):
                current.notes.append(line.strip())
                continue
            if current is not None and text:
                current.preamble += 1
                if current.unit and not current.rows and not current.header and _flat_row(line):
                    current.flat.append(Row(line.split(), page))  # a table printed without TABs
                elif current.rows or current.header or (not current.flat and current.preamble > FLAT_HEADER_LINES):
                    current = None  # the table ended (or the title was a heading of the text)
            continue
        if current is None:
            continue
        _add_row(current, line.split("\t"), page)
    return [t for t in found if t.rows or t.header or t.flat or t.unit]


def _flat_row(line: str) -> bool:
    """A line of a table printed without TABs: several space-separated cells, a figure among them."""
    cells = line.split()
    contents_line = re.search(r"…|\.{3,}|·{3,}", line)  # a table of contents: a title, leaders, a page
    return not contents_line and len(cells) >= 2 and any(number(c) is not None for c in cells[1:])


def _add_row(table: Table, cells: list[str], page: str) -> None:
    if not table.rows:
        has_figure = any(number(c) is not None for c in cells) or any(EMPTY_MARK.match(clean(c)) for c in cells[:1])
        total_row = bool(cells) and clean(cells[0]) in {"合计", "总计"} and not any(clean(c) for c in cells[1:])
        if not has_figure and not total_row:
            table.header.append(cells)
            return
    elif [clean(c) for c in cells] in [[clean(c) for c in h] for h in table.header]:
        return  # the header repeated at the top of a continued page
    table.rows.append(Row(cells, page))
