"""Totals equal the sum of their parts, for amounts, stated changes and vehicle counts.

Every amount table records, on each line, the line it is a part of (`parent_item`). One
group-by per table sums the parts of every parent, in fen (each row's figures are in its own
unit); a join puts the sum beside the parent's published figure. A gap within the rounding envelope
(half a hundredth of each part's unit) is a warning that says so; a larger gap is an error. A gap of
exactly 10,000 times is named as 元 written for 万元. The economic table names its lines by `code`. A table whose
part our copy of the document cut off (`disclosure_parts`: truncated) is not summed: its parts may be missing.
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from publish.core import PROFILES, YUAN_PER_WANYUAN, Finding
from publish.engine import LINE
from publish.rules.base import (
    INVOLVED,
    KEY,
    Context,
    FrameT,
    Rule,
    figure,
    in_fen,
    rows,
    shown,
    unit_of,
    within_rounding,
)

# resource -> extra grouping columns beside the department-year
GROUPS = {
    "income": [],
    "expenditure_by_function": ["fund", "cost_type"],
    "expenditure_by_economic": ["fund", "cost_type"],
    "expenditure_by_type": ["fund"],
    "sangong": ["fund"],
    "procurement": ["fund"],
    "assets": ["measure"],
}
QUERY_ROWS = 20_000  # a table of this many lines or more is checked as one lazy query (`query`)
GROUP_NUMBER = "_group"  # one number per department-year and extra grouping of a table (`grouped_lines`)


def grouped_lines(ctx: Context, resource: str) -> pl.DataFrame:
    """The table's lines (`line_frame`) with `_group`: the same number on the lines of one department-year and
    extra grouping (`GROUPS`), null where any of those cells is blank, as a blank never matches in a join. Lines
    are matched to their parents on it and the item, one integer instead of several text columns; numbered once
    per run for the rules that match them."""
    return ctx.shared(
        f"{GROUP_NUMBER}:{resource}", lambda: _numbered(line_frame(ctx, resource), [*KEY, *GROUPS[resource]])
    )


def _numbered(frame: pl.DataFrame, group: list[str]) -> pl.DataFrame:
    """``frame`` with `_group`: the position of the first line of its ``group`` (null where one of them is blank)."""
    first = pl.col(GROUP_NUMBER).first().over(group)  # the row's own position, then its group's first
    blank = pl.any_horizontal(pl.col(group).is_null())
    numbered = frame.with_columns(pl.int_range(pl.len(), dtype=pl.UInt32).alias(GROUP_NUMBER))
    return numbered.with_columns(pl.when(blank).then(None).otherwise(first).alias(GROUP_NUMBER))


def query(frame: pl.DataFrame) -> pl.DataFrame | pl.LazyFrame:
    """A big table as a query (polars then reads only the columns a check uses, in one collect outside the GIL); a
    small one as it is, where planning a query would cost more than it saves."""
    return frame.lazy() if frame.height >= QUERY_ROWS else frame


def like(query: pl.DataFrame | pl.LazyFrame, frame: pl.DataFrame) -> pl.DataFrame | pl.LazyFrame:
    """``frame`` as a query where ``query`` is one, to be joined with it."""
    return frame.lazy() if isinstance(query, pl.LazyFrame) else frame


def result(query: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    return query.collect() if isinstance(query, pl.LazyFrame) else query


def parts_beside_parents(frame: FrameT, value: str, parents: FrameT | None = None) -> FrameT:
    """Each parent line (of ``parents``, default all of ``frame``, with `_group`) with the sum, count and empty
    count of its parts: a query, so that polars reads only the columns the caller's check uses, in one collect
    outside the GIL."""
    group = [GROUP_NUMBER]
    children = frame.filter(pl.col("parent_item").is_not_null())
    if parents is not None:  # only the parts of these parents are summed
        named = parents.select(*group, pl.col("item").alias("parent_item"))
        children = children.join(named, on=[*group, "parent_item"], how="semi")
    parts = children.group_by([*group, "parent_item"]).agg(
        pl.col(value).sum().alias("parts_sum"),
        pl.len().alias("parts"),
        pl.col(value).null_count().alias("parts_empty"),
        (pl.col("_factor").sum() if "_factor" in frame.collect_schema() else pl.len()).alias("parts_tolerance"),
    )
    lines = frame if parents is None else parents
    named_parents = children.select(pl.col("parent_item").alias("item")).unique()
    lines = lines.join(named_parents, on="item", how="semi")
    return lines.join(parts, left_on=[*group, "item"], right_on=[*group, "parent_item"], how="inner")


def with_involved(found: pl.DataFrame, frame: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    """``found`` (parent lines beside their parts) with `_involved`, the lines of their parts: gathered for these
    parents only, after the check, never for every parent of the table."""
    group = [GROUP_NUMBER]
    keys = like(frame, found).select(*group, pl.col("item").alias("parent_item")).unique()
    parts = frame.join(keys, on=[*group, "parent_item"], how="semi").group_by([*group, "parent_item"])
    lines = parts.agg(pl.col(LINE).alias(INVOLVED))
    return result(
        like(frame, found).join(lines, left_on=[*group, "item"], right_on=[*group, "parent_item"], how="left")
    )


def cut_off(ctx: Context, resource: str) -> pl.DataFrame:
    """The disclosures (their KEY) whose copy of a part held in ``resource`` is truncated: its lines may be missing."""
    parts = {part.name for profile in PROFILES.values() for part in profile.parts if part.resource == resource}
    if not ctx.has("disclosure_parts"):
        return ctx.frame(resource).select(KEY).clear()
    listed = ctx.frame("disclosure_parts").filter((pl.col("status") == "truncated") & pl.col("part").is_in(parts))
    return listed.select(KEY).unique()


def line_frame(ctx: Context, resource: str) -> pl.DataFrame:
    """A table's rows with its line columns named item, item_name, parent_item (the economic table's are code…)."""
    frame = ctx.frame(resource)
    if resource == "expenditure_by_economic":
        return frame.rename({"code": "item", "code_name": "item_name", "parent_code": "parent_item"})
    return frame


def sum_mismatches(rule: Rule, ctx: Context, resource: str) -> Iterable[Finding]:
    if not ctx.has(resource):
        return
    value = "count" if resource == "assets" else "amount"
    frame = query(grouped_lines(ctx, resource))
    frame = frame if value == "count" else in_fen(frame, value)
    checked = parts_beside_parents(frame, value).filter(
        pl.col(value).is_not_null() & (pl.col("parts_empty") == 0) & (pl.col(value) != pl.col("parts_sum"))
    )
    checked = result(checked.join(like(frame, cut_off(ctx, resource)), on=KEY, how="anti"))
    for row in rows(with_involved(checked, frame).sort(LINE)):
        yield _sum_finding(rule, ctx, resource, row, value)


def _sum_finding(rule: Rule, ctx: Context, resource: str, row: dict, value: str) -> Finding:
    stated, summed, name = row[value], row["parts_sum"], row["item_name"]
    if value == "count":
        return rule.finding(
            ctx,
            resource,
            row,
            f"{name} {stated} 辆，但各类车辆之和为 {summed} 辆。请核对合计或各类数量。",
            f"{name} is {stated} vehicles but its kinds add up to {summed}. Check the total or the kinds.",
            field=value,
            values={"stated": stated, "sum": summed},
        )
    gap, unit = stated - summed, unit_of(row)
    rounding = within_rounding(gap, row["parts_tolerance"])
    hint_zh, hint_en = _hint(stated, summed, rounding)
    values = {"stated": figure(stated, unit), "sum": figure(summed, unit), "gap": figure(gap, unit)}
    stated, summed, gap = shown(stated, unit), shown(summed, unit), shown(gap, unit)
    return rule.finding(
        ctx,
        resource,
        row,
        f"{name} {stated}，但其 {row['parts']} 个组成项之和为 {summed}，相差 {gap}。{hint_zh}",
        f"{name} is {stated} but its {row['parts']} parts add up to {summed}, a gap of {gap}. {hint_en}",
        field=value,
        values=values,
        severity="warning" if rounding else None,
    )


def _hint(stated: int, summed: int, rounding: bool) -> tuple[str, str]:
    if rounding:
        return (
            "差额在逐项四舍五入的范围内，可能是舍入所致，请确认。",
            "The gap is within per-item rounding; confirm it.",
        )
    if (summed and stated == summed * YUAN_PER_WANYUAN) or (stated and summed == stated * YUAN_PER_WANYUAN):
        return "两者正好相差一万倍：是否把“元”当成了“万元”？", "They differ exactly 10,000 times: 元 written for 万元?"
    return "请核对合计或各组成项。", "Check the total or its parts."


BROKEN_DOWN = {"sangong"}  # tables whose items are the whole of their total: changes summed by default
BREAKDOWNS = {  # change_breakdown -> what the text gives, in both languages
    "complete": ("原文完整列举了增减构成", "the text gives the whole breakdown"),
    "main-reasons": ("原文只列举了主要原因", "the text lists only the main reasons"),
    None: ("“三公”经费合计即各项之和", "the 三公 total is exactly its items"),
}


def breakdown_mismatches(rule: Rule, ctx: Context, resource: str) -> Iterable[Finding]:
    """A stated change equals the sum of its parts' stated changes where the text gives them all.

    The 三公 total is exactly its items, so its change is checked by default (where every item states its change);
    a `change_breakdown` of `main-reasons` (the text lists only the main reasons) makes the gap a warning. A line
    whose `change_breakdown` is none of the known words is not checked: what its text gives is unknown (the schema's
    enum reports the cell)."""
    if not ctx.has(resource) or "change_breakdown" not in ctx.frame(resource).columns:
        return
    declared = pl.col("change_breakdown").is_not_null()
    known = ~declared | pl.col("change_breakdown").is_in([word for word in BREAKDOWNS if word is not None])
    checked = (declared | pl.lit(resource in BROKEN_DOWN)) & known
    if line_frame(ctx, resource).filter(checked & pl.col("change").is_not_null()).is_empty():
        return  # no change is checked against its parts here: nothing to sum
    frame = in_fen(query(grouped_lines(ctx, resource)), "change")
    stated = like(frame, result(frame.filter(checked & pl.col("change").is_not_null())))  # few lines: read once
    joined = parts_beside_parents(frame, "change", stated).filter(
        (declared | (pl.col("parts_empty") == 0)) & (pl.col("change") != pl.col("parts_sum"))
    )
    joined = result(joined.join(like(frame, cut_off(ctx, resource)), on=KEY, how="anti"))
    for row in rows(with_involved(joined, frame).sort(LINE)):
        yield _breakdown_finding(rule, ctx, resource, row)


def _breakdown_finding(rule: Rule, ctx: Context, resource: str, row: dict) -> Finding:
    gap, unit = row["change"] - row["parts_sum"], unit_of(row)
    complete = row["change_breakdown"] != "main-reasons"
    severity = "error" if complete and not within_rounding(gap, row["parts_tolerance"]) else "warning"
    kind_zh, kind_en = BREAKDOWNS[row["change_breakdown"]]
    return rule.finding(
        ctx,
        resource,
        row,
        f"{row['item_name']}较上年增减 {shown(row['change'], unit)}，但所列各项增减之和为 {shown(row['parts_sum'], unit)}"
        f"（{kind_zh}），相差 {shown(gap, unit)}。",
        f"{row['item_name']} changes by {shown(row['change'], unit)} but its stated parts' changes add up to "
        f"{shown(row['parts_sum'], unit)} ({kind_en}), a gap of {shown(gap, unit)}.",
        field="change",
        values={"stated": figure(row["change"], unit), "sum": figure(row["parts_sum"], unit)},
        severity=severity,
    )
