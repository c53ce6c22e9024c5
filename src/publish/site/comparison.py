"""A budget beside its final account: the same department, fiscal year and scope, 预算 and 决算 line by line.

The headline lines are those both documents state: income and expenditure totals, basic and project
expenditure, the 三公 total and items, 机关运行经费 and the function classes (类). Every figure is taken in 万元
(converted from its row's unit) as a Decimal; the difference is final − budget and 完成率 final ÷ budget. A line
only one document states shows "—" for the other, never a zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from publish.site import figures, formatting
from publish.site.model import DepartmentYear, Row

BUDGET, FINAL = "budget", "final_account"
# (resource, item, Chinese, English): the fixed headline lines, in reading order; item None: the table's one line
HEADLINES = (
    ("income", "total", "收入合计", "Income total"),
    ("expenditure_by_function", "total", "支出合计", "Expenditure total"),
    ("expenditure_by_type", "basic", "基本支出", "Basic expenditure"),
    ("expenditure_by_type", "project", "项目支出", "Project expenditure"),
    ("sangong", "total", "“三公”经费合计", "Three public costs, total"),
    ("sangong", "outbound_travel", "因公出国（境）费", "Official travel abroad"),
    ("sangong", "reception", "公务接待费", "Official receptions"),
    ("sangong", "vehicle", "公务用车购置及运行维护费", "Official vehicles"),
    ("sangong", "vehicle_purchase", "公务用车购置费", "Vehicle purchase"),
    ("sangong", "vehicle_operation", "公务用车运行维护费", "Vehicle running costs"),
    ("operating_costs", None, "机关运行经费", "Office operating costs"),
)


@dataclass(frozen=True)
class Line:
    """One headline line: its name and the two figures in 万元 (None where a document does not state it)."""

    zh: str
    en: str
    budget: Decimal | None
    final: Decimal | None

    @property
    def difference(self) -> Decimal | None:
        return None if self.budget is None or self.final is None else self.final - self.budget

    @property
    def budget_text(self) -> str:
        return formatting.wan(self.budget)

    @property
    def final_text(self) -> str:
        return formatting.wan(self.final)

    @property
    def difference_text(self) -> str:
        difference = self.difference
        if difference is None:
            return formatting.MISSING
        return ("+" if difference > 0 else "") + formatting.wan(difference)

    @property
    def rate_text(self) -> str:
        return rate(self.final, self.budget)


@dataclass(frozen=True)
class Comparison:
    """The budget and final account of one department-year, and the page this one is compared with."""

    budget: DepartmentYear
    final: DepartmentYear
    other: DepartmentYear
    lines: list[Line]


def rate(amount: Decimal | None, base: Decimal | None) -> str:
    """``amount`` as a percentage of ``base``, one decimal: '98.3%'; '—' where either is missing or the base is 0."""
    return formatting.MISSING if amount is None else figures.percent_text(figures.percent_of(amount, base))


def counterpart(view: DepartmentYear, views: list[DepartmentYear]) -> DepartmentYear | None:
    """The other document of ``view``'s department, year and scope: its final account for a budget and the
    other way round (None where the package holds only one)."""
    wanted = {BUDGET: FINAL, FINAL: BUDGET}.get(view.document_kind)
    same = (view.department_id, view.fiscal_year, view.scope)
    return next(
        (v for v in views if v.document_kind == wanted and (v.department_id, v.fiscal_year, v.scope) == same), None
    )


def comparison_for(view: DepartmentYear, views: list[DepartmentYear]) -> Comparison | None:
    """The side-by-side of ``view`` and its counterpart, or None where it has none."""
    other = counterpart(view, views)
    if other is None:
        return None
    budget, final = (view, other) if view.document_kind == BUDGET else (other, view)
    lines = [_line(zh, en, budget, final, resource, item) for resource, item, zh, en in HEADLINES]
    lines += _class_lines(budget, final)
    return Comparison(budget, final, other, [line for line in lines if (line.budget, line.final) != (None, None)])


def _line(zh: str, en: str, budget: DepartmentYear, final: DepartmentYear, resource: str, item: str | None) -> Line:
    def figure(view: DepartmentYear) -> Decimal | None:
        row = view.line(resource, item)
        if row is None and resource == "expenditure_by_function":
            row = view.line("expenditure_by_type", item)
        return _amount(row)

    return Line(zh, en, figure(budget), figure(final))


def _class_lines(budget: DepartmentYear, final: DepartmentYear) -> list[Line]:
    """One line per function class (类) either document lists, by code."""
    classes = {view.document_kind: _classes(view) for view in (budget, final)}
    codes = sorted(set(classes[BUDGET]) | set(classes[FINAL]))
    lines = []
    for code in codes:
        rows = [classes[kind].get(code) for kind in (BUDGET, FINAL)]
        name = next(row.get("item_name", "") for row in rows if row is not None)
        lines.append(Line(f"{code} {name}", f"Function class {code}", *(_amount(row) for row in rows)))
    return lines


def _classes(view: DepartmentYear) -> dict[str, Row]:
    codes = {r.get("item", "") for r in view.rows("expenditure_by_function") if r.get("parent_item") == "total"}
    found = {code: view.line("expenditure_by_function", code) for code in codes}
    return {code: row for code, row in found.items() if row is not None}


def _amount(row: Row | None) -> Decimal | None:
    return None if row is None else formatting.in_wan(row.get("amount"), row.get("unit"))
