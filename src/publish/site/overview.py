"""The headline figures at the top of a department-year page: income, expenditure and 三公 totals, and the
expenditure of each fund the document states (一般公共预算, 政府性基金, 国有资本经营 …).

A headline whose part the document does not publish (`disclosure_parts`) reads 未公开 with the reason, never "—"
or a zero; a fund's total is taken from the function table, else from the basic/project table.
"""

from __future__ import annotations

from dataclasses import dataclass

from publish.core import FUND_NAMES
from publish.site.model import DepartmentYear, Row
from publish.site.parts import Status, statuses_for

EXPENDITURE = ("expenditure_by_function", "expenditure_by_type")
HEADLINES = (
    ("income", ("income",), "收入合计", "Income"),
    ("expenditure", EXPENDITURE, "支出合计", "Expenditure"),
    ("sangong", ("sangong",), "“三公”经费", "Three public costs"),
)
FUND_EN = {
    "all": "All funds",
    "appropriation": "Fiscal appropriations",
    "general_budget": "General public budget",
    "government_fund": "Government funds budget",
    "state_capital": "State capital operations budget",
    "special_account": "Special fiscal accounts",
    "business": "Business income",
    "carryover": "Carry-over",
    "other": "Other",
}


@dataclass(frozen=True)
class Figure:
    """One headline: its name, the published row (None: not stated) and the status of a part not published."""

    key: str
    zh: str
    en: str
    row: Row | None
    status: Status | None = None


@dataclass(frozen=True)
class Overview:
    headlines: list[Figure]
    funds: list[Figure]
    field_statuses: dict[str, Status]  # a field of the disclosure (overall_goal, contact_name …) not published


def overview_for(view: DepartmentYear) -> Overview:
    """The headlines of ``view`` and its funds' expenditure totals (listed where it states more than one fund or
    says a fund's table is not published)."""
    statuses = statuses_for(view)
    headlines = []
    for key, resources, zh, en in HEADLINES:
        row = next((r for r in (view.total(name) for name in resources) if r is not None), None)
        status = None if row else next(filter(None, (statuses.of_section(name) for name in resources)), None)
        headlines.append(Figure(key, zh, en, row, status))
    funds = []
    for fund, (name, _) in FUND_NAMES.items():
        row = next((r for r in (_fund_total(view, table, fund) for table in EXPENDITURE) if r is not None), None)
        status = None if row else statuses.funds_of(EXPENDITURE[0]).get(fund)
        if row or status:
            funds.append(Figure(fund, name, FUND_EN.get(fund, fund), row, status))
    stated = len(funds) > 1 or any(figure.status for figure in funds)
    return Overview(headlines, funds if stated else [], statuses.fields)


def _fund_total(view: DepartmentYear, resource: str, fund: str) -> Row | None:
    totals = [r for r in view.total_rows(resource) if r.get("fund") == fund]
    return totals[0] if totals else None
