"""Rules of particular parts: 三公 funding, procurement parts, vehicles, KPI weights."""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from publish.core import CENTI, Finding
from publish.rules.base import KEY, Context, Rule, in_fen, money, rows, shown, unit_of

FINAL = "final_account"  # the document_kind of a 决算


def sangong_fund(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """One department-year states its 三公 lines under one fund (一般公共预算财政拨款, 财政拨款 or all funds, as its
    province defines 三公), or under several, each with its own total: a line alone under another fund is misfiled."""
    if not ctx.has("sangong"):
        return
    frame = ctx.frame("sangong")
    totalled = frame.filter(pl.col("item") == "total").select(*KEY, "fund").unique()
    stray = frame.join(totalled, on=[*KEY, "fund"], how="anti").join(totalled.select(KEY).unique(), on=KEY)
    for row in rows(stray.sort("_line")):
        yield rule.finding(
            ctx,
            "sangong",
            row,
            f"“三公”经费各行应属同一资金范围：本行为“{row['fund_name']}”，但该资金范围没有合计行，其余各行另有合计。"
            "请改为与合计行相同的资金范围，或补上本资金范围的合计。",
            f"the 'three public' lines belong to one fund: this line is under '{row['fund']}', which has no total "
            "while the other lines have one. Use the total's fund, or add this fund's total.",
            field="fund",
        )


def procurement_part(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """The general-budget part of each procurement line is at most the line's total over all funds."""
    if not ctx.has("procurement"):
        return
    frame = in_fen(ctx.frame("procurement"), "amount")
    joined = (
        frame.filter(pl.col("fund") == "general_budget")
        .join(frame.filter(pl.col("fund") == "all"), on=[*KEY, "item"], suffix="_all")
        .filter(pl.col("amount") > pl.col("amount_all"))
    )
    for row in rows(joined):
        yield rule.finding(
            ctx,
            "procurement",
            row,
            f"{row['item_name']}中一般公共预算拨款部分 {shown(row['amount'], row['unit'])}，超过全部资金 "
            f"{shown(row['amount_all'], row['unit_all'])}。",
            f"the general-budget part of {row['item_name']} ({shown(row['amount'], row['unit'])}) exceeds the all-funds "
            f"figure ({shown(row['amount_all'], row['unit_all'])}).",
            field="amount",
        )


def vehicle_costs(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """Running costs for vehicles where the department holds none."""
    if not ctx.has("sangong", "assets"):
        return
    held = ctx.frame("assets").filter((pl.col("measure") == "holding") & (pl.col("item") == "total"))
    running = ctx.frame("sangong").filter((pl.col("item") == "vehicle_operation") & (pl.col("amount") > 0))
    for row in rows(running.join(held.filter(pl.col("count") == 0).select(KEY), on=KEY)):
        yield rule.finding(
            ctx,
            "sangong",
            row,
            f"公务用车运行维护费 {money(row['amount'])} {unit_of(row)}，但实有车辆为 0 辆，请说明或核对。",
            f"vehicle running costs of {money(row['amount'])} {unit_of(row)} with no vehicles held; explain or check.",
            field="amount",
        )


def kpi_weights(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """The indicator weights of one goal add up to 100, or are not published at all (Shanghai project KPIs).

    A 决算 self-evaluation scores its indicators out of 90 and 预算执行率 out of the other 10, so a 部门决算's goal
    may add up to 90 where the document leaves 预算执行率 out of the indicator list."""
    if not ctx.has("kpis"):
        return
    fields = {f["name"]: f for f in ctx.package.resources["kpis"].fields}
    scale = CENTI if fields.get("weight", {}).get("type", "number") == "number" else 1  # numbers are in hundredths
    sums = _goal_weights(ctx).filter(pl.col("weighted") > 0)
    total = pl.col("total")
    allowed = (total == 100 * scale) | ((pl.col("document_kind") == FINAL) & (total == 90 * scale))
    wrong = sums.filter((pl.col("weighted") < pl.col("indicators")) | ~allowed.fill_null(False))
    for row in rows(wrong.sort("_line")):
        summed = money(row["total"] * CENTI // scale)
        partial = row["weighted"] < row["indicators"]
        yield rule.finding(
            ctx,
            "kpis",
            row,
            f"绩效目标“{row['goal_name']}”"
            + ("只有部分指标填了权重。" if partial else f"的指标权重之和为 {summed}，应为 100。"),
            f"goal '{row['goal_name']}' "
            + ("gives weights to some indicators only." if partial else f"has weights adding up to {summed}, not 100."),
            field="weight",
            values={"sum": summed},
        )


def _goal_weights(ctx: Context) -> pl.DataFrame:
    """Per goal: the weights' sum, how many indicators carry a weight and how many there are (the key holds the
    document's kind)."""
    return (
        ctx.frame("kpis")
        .group_by([*KEY, "goal"])
        .agg(
            pl.col("weight").sum().alias("total"),
            pl.col("weight").count().alias("weighted"),
            pl.len().alias("indicators"),
            pl.col("_line").min(),
            pl.col("goal_name").first(),
        )
    )
