"""The Shanghai district family: a budget or 决算 of nine tables (元 or 万元) and the narrative around them.

Recognised by its identity's family (identity.py) or by 上海市 in its opening lines and at least three of the
nine table titles. Its figures come from the tables
(``shanghai_tables``) first, then the narrative (``shanghai_text``), which fills what the tables do not state
and is checked against them where both do.
"""

from __future__ import annotations

from publish.extract import grid, shanghai_tables, shanghai_text
from publish.extract.model import Extraction
from publish.extract.reference import Reference

SHANGHAI_WITHIN = 60  # lines (not table rows) in which 上海市 must appear: the cover, the contents, 编制部门
MIN_TITLES = 3


def is_shanghai(lines: list[str]) -> bool:
    text_lines = [line for line in lines if "\t" not in line][:SHANGHAI_WITHIN]
    if not any("上海市" in line for line in text_lines):
        return False
    titles = [grid.clean(line) for line in lines if "\t" not in line and grid.TITLE.match(grid.clean(line))]
    kinds = {shanghai_tables.kind_of(grid.Table(title=title, page="")) for title in titles} - {""}
    return len(kinds) >= MIN_TITLES


def department_row(ext: Extraction, name: str, division_name: str) -> None:
    """The department as the document names it, in the division its id gives."""
    values = {"name": name, "division_code": ext.department_id[:6], "division_name": division_name}
    ext.put("departments", {}, {**values, "profile_year": ext.fiscal_year}, name, "title")


def read(lines: list[str], ext: Extraction, reference: Reference) -> None:
    """The whole document's figures into ``ext`` (its identity already settled): the tables, then the narrative."""
    kind = ext.document_kind
    shanghai_tables.read_tables(grid.tables(lines), ext, reference, kind)
    shanghai_text.read_text(shanghai_text.narrative(lines), ext, kind, reference)
