"""Planted errors: each changes one department-year so that exactly one known finding follows.

A plant edits the rows of one department-year in place and returns the resource and the row
object the finding will point at (its line is known once the block is written).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from corpus_rows import money, word

Rows = dict[str, list[dict]]


def _row(rows: Rows, resource: str, **match) -> dict:
    return next(r for r in rows[resource] if all(r.get(k) == v for k, v in match.items()))


def _centi(text: str) -> int:
    return int(Decimal(text) * 100)


def type_error(rows: Rows) -> tuple[str, dict]:
    row = rows["operating_costs"][0]
    row["amount"] = "三十八"
    return "operating_costs", row


def primary_key(rows: Rows) -> tuple[str, dict]:
    copy = dict(rows["glossary"][2])
    rows["glossary"].append(copy)
    return "glossary", copy


def foreign_key(rows: Rows) -> tuple[str, dict]:
    row = rows["glossary"][4]
    row["fiscal_year"] = "2000"
    return "glossary", row


def income_total(rows: Rows) -> tuple[str, dict]:
    _row(rows, "income", item="other")["amount"] = "5"
    return "income", _row(rows, "income", item="total")


def change_word(rows: Rows) -> tuple[str, dict]:
    row = rows["operating_costs"][0]
    row["change_word"] = {"增加": "减少", "减少": "增加", "持平": "增加"}[row["change_word"]]
    return "operating_costs", row


def kpi_weights(rows: Rows) -> tuple[str, dict]:
    row = _row(rows, "kpis", indicator_no="1")
    row["weight"] = str(int(row["weight"]) + 5)
    return "kpis", row


def required_part(rows: Rows) -> tuple[str, dict]:
    rows["operating_costs"].clear()
    return "disclosures", rows["disclosures"][0]


def formula(rows: Rows) -> tuple[str, dict]:
    row = rows["glossary"][0]
    row["definition"] = '=HYPERLINK("http://example.com","财政拨款收入")'
    return "glossary", row


def placeholder(rows: Rows) -> tuple[str, dict]:
    row = rows["glossary"][1]
    row["definition"] = "指单位取得的XX收入。"
    return "glossary", row


def prior_year(rows: Rows) -> tuple[str, dict]:
    row = rows["operating_costs"][0]
    change = _centi(row["change"])
    change += 100 if change >= 0 else -100
    row["change"], row["change_word"] = money(change), word(change)
    return "operating_costs", row


def procurement_total(rows: Rows) -> tuple[str, dict]:
    goods = _row(rows, "procurement", fund="all", item="goods")
    goods["amount"] = money(_centi(goods["amount"]) + 100)
    return "procurement", _row(rows, "procurement", fund="all", item="total")


def vehicle_total(rows: Rows) -> tuple[str, dict]:
    held = _row(rows, "assets", measure="holding", item="general_official")
    held["count"] = str(int(held["count"]) + 1)
    return "assets", _row(rows, "assets", measure="holding", item="total")


def function_name(rows: Rows) -> tuple[str, dict]:
    row = _row(rows, "expenditure_by_function", item="2010601")
    row["item_name"] = "行政运行经费"
    return "expenditure_by_function", row


# rule id -> (the plant, whether it needs the department's prior year in the corpus)
PLANTS: dict[str, tuple[Callable[[Rows], tuple[str, dict]], bool]] = {
    "type-error": (type_error, False),
    "primary-key": (primary_key, False),
    "foreign-key": (foreign_key, False),
    "income-total-mismatch": (income_total, False),
    "change-word-mismatch": (change_word, False),
    "kpi-weights-sum": (kpi_weights, False),
    "required-part-missing": (required_part, False),
    "formula-injection": (formula, False),
    "template-placeholder": (placeholder, False),
    "prior-year-mismatch": (prior_year, True),
    "procurement-total-mismatch": (procurement_total, False),
    "vehicle-total-mismatch": (vehicle_total, False),
    "function-code-name-mismatch": (function_name, False),
}
