"""The county at a glance: one page per (fiscal year, document kind), departments ranked by expenditure.

Each row holds one department-year's figures in 万元 (Decimal; None where not published), its change on the same
department's previous year of the same kind and scope (computed where the package holds that year, else as the
disclosure stated it), its 三公 total and change, its final account as a share of its budget (完成率), and a
sparkline of its expenditure over every year of that kind. Templates only show what is here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from publish.core import DEFAULT_KIND, DEFAULT_SCOPE, identity_words
from publish.site import figures
from publish.site.figures import Change
from publish.site.model import DepartmentYear, Row, SiteData
from publish.site.sparkline import Sparkline, sparkline

COUNTY_FOLDER = "county"
KIND_WORDS = {"budget": ("预算", "budgets"), "final_account": ("决算", "final accounts")}
KIND_ORDER = ("budget", "final_account")
SHORT_LIST = 5

Identity = tuple[str, str, str]  # (department, kind, scope) of a history; (department, year, scope) of a budget


@dataclass(frozen=True)
class YearKind:
    """One county page: a fiscal year and a document kind (预算 or 决算)."""

    fiscal_year: str
    document_kind: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.fiscal_year, self.document_kind)

    @property
    def path(self) -> str:
        name = f"{self.fiscal_year}-{self.document_kind}"
        return f"{COUNTY_FOLDER}/{''.join(c if c.isascii() and (c.isalnum() or c in '-_') else '_' for c in name)}.html"

    @property
    def words(self) -> tuple[str, str]:
        return KIND_WORDS.get(self.document_kind, (self.document_kind, self.document_kind))


@dataclass
class CountyRow:
    view: DepartmentYear
    rank: int | None
    expenditure: Decimal | None
    change: Change
    sangong: Decimal | None
    sangong_change: Change
    completion: Decimal | None
    spark: Sparkline | None

    @property
    def scope_words(self) -> tuple[str, str]:
        """The scope where it is not the whole department ('本级', 'own level'), else empty."""
        if self.view.scope == DEFAULT_SCOPE:
            return ("", "")
        zh, en = identity_words(DEFAULT_KIND, self.view.scope)
        return (zh.removesuffix("预算"), en.removesuffix(" budget"))


@dataclass
class CountyPage:
    year_kind: YearKind
    rows: list[CountyRow]
    has_budgets: bool

    @property
    def published(self) -> list[CountyRow]:
        return [row for row in self.rows if row.expenditure is not None]

    @property
    def total(self) -> Decimal:
        """The listed departments' expenditure totals summed (those published), in 万元."""
        return sum((row.expenditure for row in self.published if row.expenditure is not None), Decimal(0))

    @property
    def largest(self) -> list[CountyRow]:
        return self.published[:SHORT_LIST]

    @property
    def sangong_rises(self) -> list[CountyRow]:
        rising = [r for r in self.rows if r.sangong_change.amount is not None and r.sangong_change.amount > 0]
        return sorted(rising, key=lambda r: (-(r.sangong_change.amount or 0), r.view.name))[:SHORT_LIST]


def year_kinds(site: SiteData) -> list[YearKind]:
    """Every (year, kind) in the package: newest year first, budgets before final accounts."""
    present = {(view.fiscal_year, view.document_kind) for view in site.department_years}
    order = {kind: index for index, kind in enumerate(KIND_ORDER)}
    ranked = sorted(present, key=lambda p: (-_year(p[0]), order.get(p[1], len(order)), p[1]))
    return [YearKind(year, kind) for year, kind in ranked]


def county_pages(site: SiteData) -> list[CountyPage]:
    """One page per (year, kind), in the order of ``year_kinds``."""
    histories: dict[Identity, list[DepartmentYear]] = defaultdict(list)
    for view in site.department_years:
        histories[(view.department_id, view.document_kind, view.scope)].append(view)
    for history in histories.values():
        history.sort(key=lambda v: _year(v.fiscal_year))
    budgets = {
        (v.department_id, v.fiscal_year, v.scope): v for v in site.department_years if v.document_kind == "budget"
    }
    pages = []
    for year_kind in year_kinds(site):
        views = [v for v in site.department_years if (v.fiscal_year, v.document_kind) == year_kind.key]
        rows = ranked([_row(view, histories, budgets) for view in views])
        has_budgets = year_kind.document_kind == "final_account" and any(r.completion is not None for r in rows)
        pages.append(CountyPage(year_kind, rows, has_budgets))
    return pages


def ranked(rows: list[CountyRow]) -> list[CountyRow]:
    """Rows by expenditure, largest first, ranks 1…n; a figure not published comes last, without a rank."""
    rows = sorted(rows, key=lambda r: (r.expenditure is None, -(r.expenditure or 0), r.view.name, r.view.scope))
    for index, row in enumerate(rows):
        row.rank = index + 1 if row.expenditure is not None else None
    return rows


def _row(
    view: DepartmentYear, histories: dict[Identity, list[DepartmentYear]], budgets: dict[Identity, Any]
) -> CountyRow:
    """One department-year's row (unranked): figures, changes, 完成率 against its budget, sparkline."""
    history = histories[(view.department_id, view.document_kind, view.scope)]
    previous = next((v for v in history if _year(v.fiscal_year) == _year(view.fiscal_year) - 1), None)
    expenditure, sangong = figures.expenditure_total(view), figures.sangong_total(view)
    budget = budgets.get((view.department_id, view.fiscal_year, view.scope)) if view.document_kind != "budget" else None
    budget_total = figures.expenditure_total(budget) if budget else None
    series = [(v.fiscal_year, figures.expenditure_total(v)) for v in history]
    return CountyRow(
        view=view,
        rank=None,
        expenditure=expenditure,
        change=_change(expenditure, previous and figures.expenditure_total(previous), figures.expenditure_row(view)),
        sangong=sangong,
        sangong_change=_change(sangong, previous and figures.sangong_total(previous), view.total("sangong")),
        completion=None if expenditure is None else figures.percent_of(expenditure, budget_total),
        spark=sparkline(series, view.fiscal_year),
    )


def _change(now: Decimal | None, before: Decimal | None, total_row: Row | None) -> Change:
    """Computed against the previous year where the package has its figure, else as stated, else none."""
    if now is not None and before is not None:
        return figures.change_between(now, before)
    return figures.stated_change(total_row)


def _year(text: str) -> int:
    return int(text) if text.isdigit() else 0
