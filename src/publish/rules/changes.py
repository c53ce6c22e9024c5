"""Stated changes agree with the figures: with the prior year's published data, and with stated rates."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import polars as pl

from publish.core import CENTI, Finding
from publish.rules.base import Context, Rule, money, rows
from publish.rules.totals import GROUPS

CHANGED = ["income", "expenditure_by_function", "expenditure_by_type", "sangong", "operating_costs"]


def _line_key(frame: pl.DataFrame, resource: str) -> list[str]:
    extra = [c for c in ["fund", *GROUPS.get(resource, []), "item"] if c in frame.columns]
    return ["department_id", *dict.fromkeys(extra)]


def prior_year(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """Once both years are in the data: stated change = this year's amount − last year's amount."""
    for resource in CHANGED:
        if not ctx.has(resource):
            continue
        frame = ctx.frame(resource)
        key = _line_key(frame, resource)
        prior = frame.filter(pl.col("amount").is_not_null()).select(
            *key,
            (pl.col("fiscal_year") + 1).alias("fiscal_year"),
            pl.col("amount").alias("prior"),
            pl.col("_line").alias("prior_line"),
        )
        stated = frame.filter(pl.col("change").is_not_null() & pl.col("amount").is_not_null())
        joined = stated.join(prior, on=[*key, "fiscal_year"]).filter(
            pl.col("change").is_not_null()
            & pl.col("amount").is_not_null()
            & pl.col("prior").is_not_null()
            & (pl.col("change") != pl.col("amount") - pl.col("prior"))
        )
        for row in rows(joined.sort("_line")):
            yield _prior_finding(rule, ctx, resource, row)


def _prior_finding(rule: Rule, ctx: Context, resource: str, row: dict) -> Finding:
    actual = row["amount"] - row["prior"]
    name = row.get("item_name") or "机关运行经费"
    return rule.finding(
        ctx,
        resource,
        row,
        f"{name}较上年增减 {money(row['change'])} 万元，但本年 {money(row['amount'])} 减去上年公布的 {money(row['prior'])}"
        f"（第 {row['prior_line']} 行）为 {money(actual)} 万元。",
        f"{name}: the stated change is {money(row['change'])} but this year's {money(row['amount'])} minus the "
        f"published prior year's {money(row['prior'])} (line {row['prior_line']}) is {money(actual)}.",
        field="change",
        values={"stated": money(row["change"]), "actual": money(actual)},
        severity="warning" if abs(row["change"] - actual) <= 1 else None,
    )


def stated_rates(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """A stated rate (增长/下降 X%) equals change ÷ prior-year amount, to the published precision."""
    for resource in CHANGED:
        if not ctx.has(resource) or "change_rate" not in ctx.frame(resource).columns:
            continue
        stated = ctx.frame(resource).filter(
            pl.col("change_rate").is_not_null() & pl.col("change").is_not_null() & pl.col("amount").is_not_null()
        )
        for row in rows(stated):
            problem = _rate_problem(row["amount"], row["change"], row["change_rate"])
            if problem:
                yield rule.finding(
                    ctx,
                    resource,
                    row,
                    *problem,
                    field="change_rate",
                    values={"rate": money(row["change_rate"]), "change": money(row["change"])},
                )


def _rate_problem(amount: int, change: int, rate: int) -> tuple[str, str] | None:
    prior = amount - change
    if prior == 0:
        return ("上年为零，不能表述为增长或下降的百分比。", "the prior year is zero, so no growth rate can be stated.")
    expected = Decimal(change) / Decimal(prior) * 100
    step = Decimal(1) if rate % CENTI == 0 else Decimal("0.1") if rate % (CENTI // 10) == 0 else Decimal(1) / CENTI
    if (rate > 0) != (change > 0) or abs(expected - Decimal(rate) / CENTI) > step / 2:
        return (
            f"所述增减幅度 {money(rate)}% 与增减额计算的 {expected:.2f}% 不符。",
            f"the stated rate {money(rate)}% does not match {expected:.2f}% computed from the change.",
        )
    return None
