"""Amounts (data model v2): every fund, the unit each row is published in, 决算 and comparison columns, the function
table per fund and cost type, the basic expenditure by economic classification, open vehicle and activity counts and
the procurement reservations for small firms.

v1 rows are all in 万元 and cover all funds in one total column: they take ``unit`` 万元, ``fund`` all and
``cost_type`` total; no figure changes.
"""

from __future__ import annotations

from typing import Any

from publish.core import DEFAULT_UNIT, FUND_NAMES, YUAN_PER_UNIT
from publish.migrate.economic import economic_resource
from publish.migrate.identity import identity_fields
from publish.migrate.step import AddField, AddResource, SetConstraints, Step

# The disclosure's identity fields the new table's key and foreign key start with, and after which the function
# table's fund goes (the identity steps run before these).
IDENTITY: tuple[dict[str, Any], ...] = tuple(identity_fields())
FUNDS = list(FUND_NAMES)
# tables with an ``amount`` column (disclosures has performance_managed_amount instead)
AMOUNT_TABLES = (
    "income",
    "expenditure_by_function",
    "expenditure_by_type",
    "sangong",
    "operating_costs",
    "procurement",
)
FUND_TABLES = ("expenditure_by_type", "sangong", "operating_costs", "procurement")
KEY_PATTERN = "[a-z0-9]+(_[a-z0-9]+)*"

UNIT = {
    "name": "unit",
    "type": "string",
    "title": "金额单位",
    "description": "The unit every amount of the row is published in (the table's 单位 line): 元, 万元 or 亿元. "
    "Rules convert to yuan before they add or compare figures across rows.",
    "constraints": {"required": True, "enum": list(YUAN_PER_UNIT)},
}
# On a disclosure the unit is that of performance_managed_amount, which a partial document or a 三公 note lacks.
DISCLOSURE_UNIT = {
    **UNIT,
    "description": "The unit performance_managed_amount is published in: 元, 万元 or 亿元; empty where that amount "
    "is not published.",
    "constraints": {"enum": list(YUAN_PER_UNIT)},
}
COMPARISONS = (
    (
        "prior_amount",
        "上年数",
        "The prior year's figure as published beside this one (上年预算, 上年决算 or 上年执行数: "
        "change_basis says which), in the row's unit.",
    ),
    (
        "initial_budget",
        "年初预算数",
        "年初预算数 (the budget passed at the start of the year), in a 决算 or an adjusted budget, in the row's unit.",
    ),
    (
        "adjusted_budget",
        "调整预算数",
        "调整预算数 or 全年预算数 (the budget after adjustments), in a 决算, in the row's unit.",
    ),
)
FUND = {
    "name": "fund",
    "type": "string",
    "title": "资金范围代码",
    "description": "Which money the lines cover: "
    + ", ".join(f"{key} ({name})" for key, (name, _) in FUND_NAMES.items()),
    "constraints": {"required": True, "enum": FUNDS},
}
FUND_NAME = {"required": True}  # as published; the vocabulary knows the official name and aliases


def _money(name: str, title: str, description: str) -> dict[str, Any]:
    return {"name": name, "type": "number", "title": title, "description": description, "constraints": {"minimum": 0}}


def _units() -> list[Step]:
    steps: list[Step] = [AddField(table, UNIT, DEFAULT_UNIT, after="amount") for table in AMOUNT_TABLES]
    return [*steps, AddField("disclosures", DISCLOSURE_UNIT, DEFAULT_UNIT, after="performance_managed_amount")]


def _comparisons() -> list[Step]:
    """prior_amount, initial_budget, adjusted_budget after ``unit``, in that order, on every amount table."""
    steps: list[Step] = []
    for table in AMOUNT_TABLES:
        after = "unit"
        for name, title, description in COMPARISONS:
            steps.append(AddField(table, _money(name, title, description), "", after=after))
            after = name
    return steps


def _funds() -> list[Step]:
    widened = [SetConstraints(table, "fund", FUND["constraints"]) for table in FUND_TABLES]
    return [*widened, *(SetConstraints(table, "fund_name", FUND_NAME) for table in FUND_TABLES)]


COST_TYPE = {
    "name": "cost_type",
    "type": "string",
    "title": "支出类型",
    "description": "Which column of a cross-tab the figure is: total (合计), basic (基本支出) or project (项目支出).",
    "constraints": {"required": True, "enum": ["total", "basic", "project"]},
}


def _function_cross_tabs() -> list[Step]:
    """The function table per fund and cost type (Shanghai's code × 合计/基本/项目 tables, one per fund)."""
    return [
        AddField("expenditure_by_function", FUND, "all", after=IDENTITY[-1]["name"], key=True),
        AddField("expenditure_by_function", COST_TYPE, "total", after="item", key=True),
    ]


def _open_counts() -> list[Step]:
    """Assets count vehicles and activities under any measure and kind (known ones in the vocabulary); procurement
    adds the reservations for small and medium firms."""
    pattern = {"required": True, "pattern": KEY_PATTERN}
    procurement_items = ["goods", "works", "services", "total", "sme_reserved", "sme_small_micro"]
    return [
        SetConstraints("assets", "measure", pattern),
        SetConstraints("assets", "measure_name", {"required": True}),
        SetConstraints("assets", "item", pattern),
        SetConstraints("assets", "parent_item", {"pattern": KEY_PATTERN}),
        SetConstraints("procurement", "item", {"required": True, "enum": procurement_items}),
    ]


def _economic() -> AddResource:
    comparisons = [_money(name, title, description) for name, title, description in COMPARISONS]
    resource, schema = economic_resource(IDENTITY, FUND, comparisons)
    return AddResource(resource, schema, after="expenditure_by_type")


AMOUNTS: tuple[Step, ...] = (
    *_units(),
    *_comparisons(),
    *_funds(),
    *_function_cross_tabs(),
    *_open_counts(),
    _economic(),
)
