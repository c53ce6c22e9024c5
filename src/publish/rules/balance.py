"""The same total seen from two tables agrees: income = expenditure, and the general budget balances."""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from publish.core import Finding
from publish.rules.base import KEY, Context, Rule, figure, in_fen, rows, shown

FINAL = "final_account"  # the document_kind of a 决算


def _line(ctx: Context, resource: str, item: str, fund: str | None = None) -> pl.DataFrame:
    """The line ``item`` (of ``fund``; of all funds and the total column in the function table), amount in fen."""
    frame = ctx.frame(resource).filter(pl.col("item") == item)
    if resource == "expenditure_by_function":
        frame = frame.filter((pl.col("fund") == (fund or "all")) & (pl.col("cost_type") == "total"))
    elif fund is not None:
        frame = frame.filter(pl.col("fund") == fund)
    return in_fen(frame, "amount").select(*KEY, "_line", "item_name", "amount", "unit")


def _compare(rule, ctx, left, right, left_name, right_name, only=None, allowance=None) -> Iterable[Finding]:
    """Rows where the amount of ``left`` (resource, item, fund) differs from ``right``'s; with ``only``, just those
    department-years; with ``allowance`` (KEY and `allowance`), ``right`` may exceed ``left`` by up to it."""
    a, b = _line(ctx, *left), _line(ctx, *right)
    joined = a.join(b, on=KEY, suffix="_other").filter(
        pl.col("amount").is_not_null()
        & pl.col("amount_other").is_not_null()
        & (pl.col("amount") != pl.col("amount_other"))
    )
    if only is not None:
        joined = joined.join(only, on=KEY)
    if allowance is not None:
        gap = pl.col("amount_other") - pl.col("amount")
        joined = joined.join(allowance, on=KEY, how="left").filter(
            ~((gap > 0) & (gap <= pl.col("allowance").fill_null(0)))
        )
    zh_a, en_a = left_name
    zh_b, en_b = right_name
    for row in rows(joined):
        yield rule.finding(
            ctx,
            left[0],
            row,
            f"{zh_a} {shown(row['amount'], row['unit'])}，与{zh_b} {shown(row['amount_other'], row['unit_other'])}不相等"
            f"（{ctx.path(right[0])} 第 {row['_line_other']} 行）。两处应为同一数字。",
            f"{en_a} is {shown(row['amount'], row['unit'])} but {en_b} is {shown(row['amount_other'], row['unit_other'])} "
            f"({ctx.path(right[0])} line {row['_line_other']}); they must be the same figure.",
            field="amount",
            values={
                "left": figure(row["amount"], row["unit"]),
                "right": figure(row["amount_other"], row["unit_other"]),
            },
        )


def income_expenditure(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """收入合计 = 支出合计; where 上年结转 is published, the money available (收入总计 = 收入合计 + 上年结转) meets the
    expenditure instead: all of it in a budget, at least the expenditure in a 决算 (the rest is 年末结转和结余)."""
    if not ctx.has("income", "expenditure_by_function"):
        return
    carried = _carryover(ctx)
    plain = carried.filter(pl.col("carryover").is_null()).select(KEY)
    yield from _compare(
        rule,
        ctx,
        ("income", "total"),
        ("expenditure_by_function", "total"),
        ("收入合计", "income total"),
        ("支出合计", "the expenditure total"),
        only=plain,
    )
    spent = _line(ctx, "expenditure_by_function", "total").select(*KEY, pl.col("amount").alias("spent"))
    available = carried.filter(pl.col("carryover").is_not_null()).join(spent, on=KEY)
    short = (pl.col("spent") > pl.col("available")) | (
        (pl.col("kind") != FINAL) & (pl.col("spent") != pl.col("available"))
    )
    for row in rows(available.filter(short.fill_null(False)).sort("_line")):
        yield rule.finding(
            ctx,
            "income",
            row,
            f"收入合计加上年结转共 {shown(row['available'], row['unit'])}，与支出合计 {shown(row['spent'], row['unit'])}不符"
            + ("（决算中支出不能超过可用资金）。" if row["kind"] == FINAL else "（预算应收支平衡）。"),
            f"income plus carry-over is {shown(row['available'], row['unit'])} but expenditure is "
            f"{shown(row['spent'], row['unit'])}"
            + (
                " (a final account cannot spend more than it has)." if row["kind"] == FINAL else " (a budget balances)."
            ),
            field="amount",
            values={"left": figure(row["available"], row["unit"]), "right": figure(row["spent"], row["unit"])},
        )


def _carryover(ctx: Context) -> pl.DataFrame:
    """Per department-year: the income total's line, 上年结转 (null where not published), the money available
    (收入总计 where stated, else 收入合计 + 上年结转) and the document's kind."""
    income = in_fen(ctx.frame("income"), "amount")
    total = income.filter(pl.col("item") == "total").select(*KEY, "_line", "item_name", "amount", "unit")
    carry = income.filter(pl.col("item") == "carryover").select(*KEY, pl.col("amount").alias("carryover"))
    grand = income.filter(pl.col("item") == "grand_total").select(*KEY, pl.col("amount").alias("grand"))
    joined = total.join(carry, on=KEY, how="left").join(grand, on=KEY, how="left")
    joined = joined.with_columns(pl.col("document_kind").alias("kind"))
    return joined.with_columns(pl.coalesce("grand", pl.col("amount") + pl.col("carryover")).alias("available"))


def general_budget(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """一般公共预算拨款收入 = its expenditure; where 上年结转 is published, the expenditure may exceed the income by
    at most the carry-over (which of it is general budget the tables do not say)."""
    if ctx.has("income", "expenditure_by_type"):
        carry = _carryover(ctx).select(*KEY, pl.col("carryover").fill_null(0).alias("allowance"))
        yield from _compare(
            rule,
            ctx,
            ("income", "general_budget"),
            ("expenditure_by_type", "total", "general_budget"),
            ("一般公共预算拨款收入", "general-budget appropriation income"),
            ("一般公共预算财政拨款支出", "general-budget appropriation expenditure"),
            allowance=carry,
        )


def type_function(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """Basic + project (all funds; or the general budget where that is the only source) = function total."""
    if not ctx.has("expenditure_by_type", "expenditure_by_function", "income"):
        return
    income = in_fen(ctx.frame("income"), "amount")
    only_general = (
        income.filter(pl.col("item") == "total")
        .join(income.filter(pl.col("item") == "general_budget"), on=KEY, suffix="_gb")
        .filter(pl.col("amount") == pl.col("amount_gb"))
        .select(KEY)
    )
    by_type = in_fen(ctx.frame("expenditure_by_type"), "amount").filter(pl.col("item") == "total")
    has_all = by_type.filter(pl.col("fund") == "all").select(KEY)
    chosen = pl.concat(
        [
            by_type.filter(pl.col("fund") == "all"),
            by_type.filter(pl.col("fund") == "general_budget")
            .join(only_general, on=KEY)
            .join(has_all, on=KEY, how="anti"),
        ]
    ).select(*KEY, "_line", "item_name", "amount", "unit")
    function = _line(ctx, "expenditure_by_function", "total")
    joined = chosen.join(function, on=KEY, suffix="_other").filter(pl.col("amount") != pl.col("amount_other"))
    for row in rows(joined):
        yield rule.finding(
            ctx,
            "expenditure_by_type",
            row,
            f"基本支出与项目支出合计 {shown(row['amount'], row['unit'])}，与按功能分类的支出合计 "
            f"{shown(row['amount_other'], row['unit_other'])}不相等（{ctx.path('expenditure_by_function')} 第 {row['_line_other']} 行）。",
            f"basic + project expenditure is {shown(row['amount'], row['unit'])} but the expenditure total by function is "
            f"{shown(row['amount_other'], row['unit_other'])} ({ctx.path('expenditure_by_function')} line {row['_line_other']}).",
            field="amount",
            values={
                "by_type": figure(row["amount"], row["unit"]),
                "by_function": figure(row["amount_other"], row["unit_other"]),
            },
        )
