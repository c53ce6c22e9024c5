"""Rules of particular parts: 三公 funding, procurement parts, vehicles, KPI weights."""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from publish.core import CENTI, Finding
from publish.rules.base import KEY, Context, Rule, money, rows


def sangong_fund(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """三公 is funded only from 一般公共预算拨款."""
    if ctx.has("sangong"):
        for row in rows(ctx.frame("sangong").filter(pl.col("fund") != "general_budget")):
            yield rule.finding(
                ctx,
                "sangong",
                row,
                "“三公”经费只能由一般公共预算财政拨款安排，资金范围应为 general_budget。",
                "the 'three public' costs are funded only from the general budget: fund must be general_budget.",
                field="fund",
            )


def procurement_part(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """The general-budget part of each procurement line is at most the line's total over all funds."""
    if not ctx.has("procurement"):
        return
    frame = ctx.frame("procurement")
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
            f"{row['item_name']}中一般公共预算拨款部分 {money(row['amount'])} 万元，超过全部资金 {money(row['amount_all'])} 万元。",
            f"the general-budget part of {row['item_name']} ({money(row['amount'])}) exceeds the all-funds figure "
            f"({money(row['amount_all'])}).",
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
            f"公务用车运行维护费 {money(row['amount'])} 万元，但实有车辆为 0 辆，请说明或核对。",
            f"vehicle running costs of {money(row['amount'])} 万元 with no vehicles held; explain or check.",
            field="amount",
        )


def kpi_weights(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """The indicator weights of one goal add up to 100."""
    if not ctx.has("kpis"):
        return
    fields = {f["name"]: f for f in ctx.package.resources["kpis"].fields}
    scale = CENTI if fields.get("weight", {}).get("type", "number") == "number" else 1  # numbers are in hundredths
    sums = (
        ctx.frame("kpis")
        .group_by([*KEY, "goal"])
        .agg(pl.col("weight").sum().alias("total"), pl.col("_line").min(), pl.col("goal_name").first())
    )
    for row in rows(sums.filter(pl.col("total") != 100 * scale).sort("_line")):
        shown = money(row["total"] * CENTI // scale)
        yield rule.finding(
            ctx,
            "kpis",
            row,
            f"绩效目标“{row['goal_name']}”的指标权重之和为 {shown}，应为 100。",
            f"the weights of goal '{row['goal_name']}' add up to {shown}, not 100.",
            field="weight",
            values={"sum": shown},
        )
