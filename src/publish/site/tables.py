"""How a section's rows become a table of cells: its columns, its groups, each cell as the page shows it.

A column's ``kind`` says how a cell is shown: ``name`` (the row header, indented by depth),
``money`` (万元, two decimals, converted from the row's unit), ``change`` (↑/↓/持平 from change, change_word, change_rate),
``number`` (as published), ``target`` (value or qualitative text), ``rate`` (完成率: the amount over the adjusted
budget, else the initial budget) or ``text``. An ``optional`` column is shown only where a row of the table fills
it (the 年初预算 and 调整预算 of a 决算, and its 完成率).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from publish.core import FUND_NAMES
from publish.site import formatting
from publish.site.comparison import rate
from publish.site.model import Row
from publish.site.parts import Status


@dataclass(frozen=True)
class Column:
    field: str
    zh: str
    en: str
    kind: str = "text"
    optional: bool = False


@dataclass(frozen=True)
class Section:
    resource: str
    anchor: str
    zh: str
    en: str
    columns: tuple[Column, ...]
    group_by: str | None = None
    only: tuple[tuple[str, str], ...] = ()  # (field, value) a row must have to be shown (an empty field passes)
    arrange: Callable[[list[Row]], list[Row]] | None = None  # rows as the page lists them, where not as stored
    final_zh: str = ""  # the caption on a 决算 page, where it differs


@dataclass
class Cell:
    text: str
    kind: str
    css: str = ""
    depth: int = 0


@dataclass
class Table:
    section: Section
    groups: list[tuple[str, list[list[Cell]]]] = field(default_factory=list)
    columns: tuple[Column, ...] = ()
    status: Status | None = None  # the whole part is not published (or truncated, or not applicable)
    fund_statuses: list[tuple[str, Status]] = field(default_factory=list)  # a fund's part of the table is
    final: bool = False

    @property
    def empty(self) -> bool:
        return not any(rows for _, rows in self.groups)

    @property
    def zh(self) -> str:
        return (self.final and self.section.final_zh) or self.section.zh


INITIAL = Column("initial_budget", "年初预算（万元）", "Initial budget", "money", True)
ADJUSTED = Column("adjusted_budget", "调整预算（万元）", "Adjusted budget", "money", True)
RATE = Column("completion_rate", "完成率", "Completion rate", "rate", True)
BUDGETS = (INITIAL, ADJUSTED, RATE)


def build_table(section: Section, rows: list[Row]) -> Table:
    shown = [row for row in rows if all(row.get(name) in (None, "", value) for name, value in section.only)]
    table = Table(section, columns=tuple(c for c in section.columns if not c.optional or _filled(c, shown)))
    for row in shown:
        group = _group_label(section, row)
        if not table.groups or table.groups[-1][0] != group:
            table.groups.append((group, []))
        table.groups[-1][1].append([_cell(column, row) for column in table.columns])
    return table


def _filled(column: Column, rows: list[Row]) -> bool:
    """Whether a row fills an optional column (完成率: where a row has either budget)."""
    names = (INITIAL.field, ADJUSTED.field) if column.kind == "rate" else (column.field,)
    return any(row.get(name) for row in rows for name in names)


def fund_name(fund: str) -> str:
    """A fund key as the fund's official name (any other value as it is)."""
    return FUND_NAMES[fund][0] if fund in FUND_NAMES else fund


def _group_label(section: Section, row: Row) -> str:
    """The heading a row is listed under: its ``group_by`` value; a fund key reads as the fund's official name."""
    if not section.group_by:
        return ""
    value = row.get(section.group_by, "")
    return fund_name(value) if section.group_by == "fund" else value


def _cell(column: Column, row: Row) -> Cell:
    value = row.get(column.field) or ""
    depth = int(row.get("_depth") or 0)
    if column.kind == "money":
        return Cell(formatting.wan(value, row.get("unit")) if value else formatting.MISSING, "money", "num")
    if column.kind == "change":
        text = formatting.change_text(value, row.get("change_word"), row.get("change_rate"), row.get("unit"))
        return Cell(text, "change", f"num change-{formatting.change_class(value)}")
    if column.kind == "rate":
        return Cell(_completion(row), "rate", "num")
    if column.kind == "number":
        return Cell(formatting.plain_number(value), "number", "num")
    if column.kind == "target":
        shown = formatting.plain_number(value) if value else (row.get("target_text") or formatting.MISSING)
        return Cell(shown, "target", "num")
    if column.kind == "name":
        return Cell(value or formatting.MISSING, "name", f"depth-{min(depth, 3)}", depth)
    return Cell(value, column.kind)


def _completion(row: Row) -> str:
    """完成率: the amount over the adjusted budget, else over the initial budget (all in the row's unit)."""
    amount = formatting.to_decimal(row.get("amount"))
    base = formatting.to_decimal(row.get(ADJUSTED.field))
    if base is None:
        base = formatting.to_decimal(row.get(INITIAL.field))
    return rate(amount, base)
