"""A published part never exceeds the whole it is part of, across tables: 机关运行经费 within 日常公用经费, the
procurement reserved for small and medium firms within the procurement total.

Both figures go to yuan by their rows' units and are rounded half-up to the coarser of the two precisions, so a
table in 元 and a sentence in 万元 compare as published (217.83 万元 against 2,178,324.44 元 is equal).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import polars as pl

from publish.core import Finding
from publish.engine import LINE
from publish.rules.base import KEY, Context, Rule, rows
from publish.rules.pairs import fen, paired, rows_by_line
from publish.rules.yuan import in_unit, rounded_pair, step, unit_of, yuan

Row = dict[str, Any]
WHOLE_LINE, WHOLE_FEN = "_whole_line", "_whole_fen"  # the whole's line and figure beside each part


def exceeding(parts: pl.DataFrame, wholes: pl.DataFrame, on: list[str]) -> Iterable[tuple[Row, Row, Decimal, Decimal]]:
    """Each part row with the whole row of the same ``on`` values, where the part is the larger as published.

    Rounding half-up keeps the order of two figures, so only a part larger than its whole in exact fen can be the
    larger as published: those pairs are found by one join, the rest never reach Python."""
    pairs = paired(parts, wholes, on, on, pl.col(LINE).alias(WHOLE_LINE), fen(wholes, "amount").alias(WHOLE_FEN))
    larger = pairs.filter(fen(pairs, "amount") > pl.col(WHOLE_FEN)).drop(WHOLE_FEN)
    by_line = rows_by_line(wholes, larger[WHOLE_LINE]) if larger.height else {}
    for part in rows(larger.sort(LINE)):
        whole = by_line[part.pop(WHOLE_LINE)]
        a, b = yuan(part), yuan(whole)
        if a is None or b is None:
            continue
        shown_a, shown_b = rounded_pair(a, step(part), b, step(whole))
        if shown_a > shown_b:
            yield part, whole, a, b


def operating_costs(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """机关运行经费 is the 日常公用经费 of the administrative units (and those run like them) out of the general
    budget's basic expenditure, so it is at most the general budget's 日常公用经费 where both are published."""
    if not ctx.has("operating_costs", "expenditure_by_type"):
        return
    general = pl.col("fund") == "general_budget"
    parts = ctx.frame("operating_costs").filter(general)
    wholes = ctx.frame("expenditure_by_type").filter(general & (pl.col("item") == "public_operating"))
    for part, whole, a, b in exceeding(parts, wholes, KEY):
        unit = unit_of(part)
        where = f"{ctx.path('expenditure_by_type')} 第 {whole['_line']} 行"
        where_en = f"{ctx.path('expenditure_by_type')} line {whole['_line']}"
        yield rule.finding(
            ctx,
            "operating_costs",
            part,
            f"机关运行经费 {in_unit(a, unit)} {unit}，超过一般公共预算日常公用经费 {in_unit(b, unit)} {unit}（{where}）。"
            "机关运行经费是日常公用经费的一部分，不能超过它：请核对两处数字。",
            f"operating costs (机关运行经费) of {in_unit(a, unit)} {unit} exceed the general budget's 日常公用经费 of "
            f"{in_unit(b, unit)} {unit} ({where_en}), of which they are a part. Check both figures.",
            field="amount",
            values={"operating_costs": in_unit(a, unit), "public_operating": in_unit(b, unit), "unit": unit},
        )


def sme_reservation(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """The procurement reserved for small and medium firms (面向中小企业预留) is part of the same fund's procurement
    total, so it is at most that total."""
    if not ctx.has("procurement"):
        return
    frame = ctx.frame("procurement")
    parts = frame.filter(pl.col("item") == "sme_reserved")
    wholes = frame.filter(pl.col("item") == "total")
    for part, whole, a, b in exceeding(parts, wholes, [*KEY, "fund"]):
        unit = unit_of(part)
        yield rule.finding(
            ctx,
            "procurement",
            part,
            f"面向中小企业预留政府采购项目预算 {in_unit(a, unit)} {unit}，超过同一资金范围的政府采购预算总额 "
            f"{in_unit(b, unit)} {unit}（第 {whole['_line']} 行）。预留部分不能超过采购总额：请核对两处数字。",
            f"the procurement reserved for small and medium firms ({in_unit(a, unit)} {unit}) exceeds the same fund's "
            f"procurement total ({in_unit(b, unit)} {unit}, line {whole['_line']}). Check both figures.",
            field="amount",
            values={"reserved": in_unit(a, unit), "total": in_unit(b, unit), "unit": unit},
        )
