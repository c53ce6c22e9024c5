"""The same total seen from two tables agrees: income = expenditure, and the general budget balances."""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from publish.core import Finding
from publish.rules.base import KEY, Context, Rule, money, rows


def _line(ctx: Context, resource: str, item: str, fund: str | None = None) -> pl.DataFrame:
    frame = ctx.frame(resource).filter(pl.col("item") == item)
    if fund is not None:
        frame = frame.filter(pl.col("fund") == fund)
    return frame.select(*KEY, "_line", "item_name", "amount")


def _compare(rule, ctx, left, right, left_name, right_name) -> Iterable[Finding]:
    """Rows where the amount of ``left`` (resource, item, fund) differs from ``right``'s."""
    a, b = _line(ctx, *left), _line(ctx, *right)
    joined = a.join(b, on=KEY, suffix="_other").filter(
        pl.col("amount").is_not_null()
        & pl.col("amount_other").is_not_null()
        & (pl.col("amount") != pl.col("amount_other"))
    )
    zh_a, en_a = left_name
    zh_b, en_b = right_name
    for row in rows(joined):
        yield rule.finding(
            ctx,
            left[0],
            row,
            f"{zh_a} {money(row['amount'])} 万元，与{zh_b} {money(row['amount_other'])} 万元不相等"
            f"（{ctx.path(right[0])} 第 {row['_line_other']} 行）。两处应为同一数字。",
            f"{en_a} is {money(row['amount'])} 万元 but {en_b} is {money(row['amount_other'])} "
            f"({ctx.path(right[0])} line {row['_line_other']}); they must be the same figure.",
            field="amount",
            values={"left": money(row["amount"]), "right": money(row["amount_other"])},
        )


def income_expenditure(rule: Rule, ctx: Context) -> Iterable[Finding]:
    if ctx.has("income", "expenditure_by_function"):
        yield from _compare(
            rule,
            ctx,
            ("income", "total"),
            ("expenditure_by_function", "total"),
            ("收入合计", "income total"),
            ("支出合计", "the expenditure total"),
        )


def general_budget(rule: Rule, ctx: Context) -> Iterable[Finding]:
    if ctx.has("income", "expenditure_by_type"):
        yield from _compare(
            rule,
            ctx,
            ("income", "general_budget"),
            ("expenditure_by_type", "total", "general_budget"),
            ("一般公共预算拨款收入", "general-budget appropriation income"),
            ("一般公共预算财政拨款支出", "general-budget appropriation expenditure"),
        )


def type_function(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """Basic + project (all funds; or the general budget where that is the only source) = function total."""
    if not ctx.has("expenditure_by_type", "expenditure_by_function", "income"):
        return
    income = ctx.frame("income")
    only_general = (
        income.filter(pl.col("item") == "total")
        .join(income.filter(pl.col("item") == "general_budget"), on=KEY, suffix="_gb")
        .filter(pl.col("amount") == pl.col("amount_gb"))
        .select(KEY)
    )
    by_type = ctx.frame("expenditure_by_type").filter(pl.col("item") == "total")
    has_all = by_type.filter(pl.col("fund") == "all").select(KEY)
    chosen = pl.concat(
        [
            by_type.filter(pl.col("fund") == "all"),
            by_type.filter(pl.col("fund") == "general_budget")
            .join(only_general, on=KEY)
            .join(has_all, on=KEY, how="anti"),
        ]
    ).select(*KEY, "_line", "item_name", "amount")
    function = _line(ctx, "expenditure_by_function", "total")
    joined = chosen.join(function, on=KEY, suffix="_other").filter(pl.col("amount") != pl.col("amount_other"))
    for row in rows(joined):
        yield rule.finding(
            ctx,
            "expenditure_by_type",
            row,
            f"基本支出与项目支出合计 {money(row['amount'])} 万元，与按功能分类的支出合计 {money(row['amount_other'])} 万元不相等"
            f"（{ctx.path('expenditure_by_function')} 第 {row['_line_other']} 行）。",
            f"basic + project expenditure is {money(row['amount'])} 万元 but the expenditure total by function is "
            f"{money(row['amount_other'])} ({ctx.path('expenditure_by_function')} line {row['_line_other']}).",
            field="amount",
            values={"by_type": money(row["amount"]), "by_function": money(row["amount_other"])},
        )
