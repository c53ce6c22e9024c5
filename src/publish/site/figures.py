"""The headline figures of a department-year in 万元 (Decimal), and changes between two of them.

A figure a document did not publish is None, never zero. A change is computed from the same department's previous
year where the package holds it, else taken as the disclosure stated it (and marked so); a percentage is computed in
Decimal and is None where its base is missing or zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from publish.site.formatting import MISSING, in_wan, wan
from publish.site.model import DepartmentYear, Row

HUNDRED = Decimal(100)
TENTH = Decimal("0.1")
SORT_PRECISION = Decimal("0.000001")  # a computed percentage sorts well enough on six decimals


@dataclass(frozen=True)
class Change:
    """A change on last year in 万元 and in % of last year; ``stated``: as the disclosure said it, not computed."""

    amount: Decimal | None = None
    percent: Decimal | None = None
    stated: bool = False

    @property
    def sort_value(self) -> str:
        return "" if self.amount is None else f"{self.amount:f}"

    @property
    def direction(self) -> str:
        if self.amount is None:
            return "none"
        return "flat" if self.amount == 0 else ("up" if self.amount > 0 else "down")

    @property
    def text(self) -> str:
        """'↑ 12.34（+5.6%）', '→ 持平', '—'."""
        if self.amount is None:
            return MISSING
        if self.amount == 0:
            return "→ 持平"
        arrow = "↑" if self.amount > 0 else "↓"
        rate = "" if self.percent is None else f"（{percent_text(self.percent, signed=True)}）"
        return f"{arrow} {wan(abs(self.amount))}{rate}"


def expenditure_total(view: DepartmentYear) -> Decimal | None:
    """The expenditure total in 万元: the function table's total line, else the basic/project table's."""
    return amount_of(expenditure_row(view))


def expenditure_row(view: DepartmentYear) -> Row | None:
    """The published expenditure total line (function table, else basic/project table), or None."""
    return view.total("expenditure_by_function") or view.total("expenditure_by_type")


def sangong_total(view: DepartmentYear) -> Decimal | None:
    return amount_of(view.total("sangong"))


def amount_of(row: Row | None) -> Decimal | None:
    return None if row is None else in_wan(row.get("amount"), row.get("unit"))


def change_between(now: Decimal | None, before: Decimal | None) -> Change:
    """This year's figure against last year's, both in the package: difference and % of last year."""
    if now is None or before is None:
        return Change()
    return Change(now - before, percent_of(now - before, before))


def stated_change(row: Row | None) -> Change:
    """The change the disclosure states on a total line (prior year = this year − the change), marked stated."""
    now, change = amount_of(row), None if row is None else in_wan(row.get("change"), row.get("unit"))
    if now is None or change is None:
        return Change()
    return Change(change, percent_of(change, now - change), stated=True)


def percent_of(part: Decimal, base: Decimal | None) -> Decimal | None:
    """``part`` as a percentage of ``base`` (Decimal), None where the base is missing or zero."""
    if base is None or base == 0:
        return None
    return part * HUNDRED / base


def percent_text(value: Decimal | None, signed: bool = False) -> str:
    """One decimal and a %: '98.7%', with ``signed`` '+5.6%' / '−3.2%'; '—' for None."""
    if value is None:
        return MISSING
    rounded = value.quantize(TENTH, rounding=ROUND_HALF_UP)
    sign = ("+" if rounded > 0 else "−" if rounded < 0 else "") if signed else ("−" if rounded < 0 else "")
    return f"{sign}{abs(rounded):f}%"


def sort_text(value: Decimal | None) -> str:
    """A Decimal as plain text for a table's data-sort (empty for a figure not published: it sorts last)."""
    if value is None:
        return ""
    return f"{value.quantize(SORT_PRECISION) if value.as_tuple().exponent < -6 else value:f}"  # type: ignore[operator]
