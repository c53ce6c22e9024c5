"""Cross-tabs agree across their columns: per code, the 合计 column is the sum of the other two (基本 + 项目 in the
function table, 人员经费 + 公用经费 in the economic table), and the economic table's column totals are the basic
expenditure, personnel and public operating lines of the expenditure by type, fund by fund, where both are published.

Figures are compared in fen (each row is in its own unit); a gap within the rounding of the published figures
(half a hundredth of each one's unit) is a warning.
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from publish.core import YUAN_PER_UNIT, YUAN_PER_WANYUAN, Finding
from publish.rules.base import KEY, Context, Rule, figure, in_fen, rows, shown, within_rounding
from publish.rules.totals import line_frame

# resource -> (the total column's cost_type, the two columns that add up to it, their names zh/en)
COLUMNS = {
    "expenditure_by_function": ("total", ("basic", "project"), ("基本支出 + 项目支出", "basic + project")),
    "expenditure_by_economic": ("total", ("personnel", "public"), ("人员经费 + 公用经费", "personnel + public")),
}
# economic column total (cost_type) -> the expenditure_by_type line it equals
TYPE_LINES = {"total": "basic", "personnel": "personnel", "public": "public_operating"}
TYPE_NAMES = {"basic": ("基本支出", "basic expenditure"), "personnel": ("人员经费", "personnel"),
              "public_operating": ("日常公用经费", "public operating")}  # fmt: skip


def column_mismatches(rule: Rule, ctx: Context, resource: str) -> Iterable[Finding]:
    """Per code (and fund), the total column = the sum of the two others, where all three are published."""
    if not ctx.has(resource):
        return
    total, parts, (zh, en) = COLUMNS[resource]
    frame = in_fen(line_frame(ctx, resource), "amount").filter(pl.col("amount").is_not_null())
    line = [*KEY, "fund", "item"]
    summed = (
        frame.filter(pl.col("cost_type").is_in(list(parts)))
        .group_by(line)
        .agg(pl.col("amount").sum().alias("parts_sum"), pl.len().alias("parts"), pl.col("_factor").sum().alias("tol"))
        .filter(pl.col("parts") == len(parts))
    )
    joined = frame.filter(pl.col("cost_type") == total).join(summed, on=line)
    for row in rows(joined.filter(pl.col("amount") != pl.col("parts_sum")).sort("_line")):
        gap, unit = row["amount"] - row["parts_sum"], row["unit"]
        yield rule.finding(
            ctx,
            resource,
            row,
            f"{row['item']} {row['item_name']} 合计 {shown(row['amount'], unit)}，但{zh}为 {shown(row['parts_sum'], unit)}，"
            f"相差 {shown(gap, unit)}。请核对该行各栏。",
            f"{row['item']} {row['item_name']}: the total is {shown(row['amount'], unit)} but {en} is "
            f"{shown(row['parts_sum'], unit)}, a gap of {shown(gap, unit)}. Check the row's columns.",
            field="amount",
            values={"stated": figure(row["amount"], unit), "sum": figure(row["parts_sum"], unit)},
            severity="warning" if within_rounding(gap, row["tol"]) else None,
        )


def economic_type(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """The economic table's column totals (合计, 人员经费, 公用经费) = expenditure by type's basic, personnel and public
    operating lines of the same fund, where both tables publish them."""
    if not ctx.has("expenditure_by_economic", "expenditure_by_type"):
        return
    economic = in_fen(ctx.frame("expenditure_by_economic"), "amount").filter(pl.col("code") == "total")
    economic = economic.with_columns(pl.col("cost_type").replace_strict(TYPE_LINES, default=None).alias("item"))
    by_type = in_fen(ctx.frame("expenditure_by_type"), "amount").select(
        *KEY, "fund", "item", pl.col("amount").alias("other"), pl.col("unit").alias("other_unit"),
        pl.col("_line").alias("other_line"),
    )  # fmt: skip
    joined = economic.join(by_type, on=[*KEY, "fund", "item"]).filter(
        pl.col("amount").is_not_null() & pl.col("other").is_not_null() & (pl.col("amount") != pl.col("other"))
    )
    for row in rows(joined.sort("_line")):
        yield _type_finding(rule, ctx, row)


def _type_finding(rule: Rule, ctx: Context, row: dict) -> Finding:
    zh, en = TYPE_NAMES[row["item"]]
    where = ctx.path("expenditure_by_type")
    stated, other = shown(row["amount"], row["unit"]), shown(row["other"], row["other_unit"])
    tolerance = row["_factor"] + YUAN_PER_UNIT.get(row["other_unit"], YUAN_PER_WANYUAN)
    return rule.finding(
        ctx,
        "expenditure_by_economic",
        row,
        f"经济分类表的{zh}合计 {stated}，与按类型的{zh} {other}不相等（{where} 第 {row['other_line']} 行）。两处应为同一数字。",
        f"the economic table's {en} total is {stated} but expenditure by type gives {other} "
        f"({where} line {row['other_line']}); they must be the same figure.",
        field="amount",
        values={"economic": figure(row["amount"], row["unit"]), "by_type": figure(row["other"], row["other_unit"])},
        severity="warning" if within_rounding(row["amount"] - row["other"], tolerance) else None,
    )
