"""The amount under performance management against the base its statement names.

The statement says what the figure covers: "涉及一般公共预算当年财政拨款360.67万元" (the general budget's whole
expenditure), "涉及项目预算资金7054.05万元" (project expenditure). A small set of words read from the phrase right
before the figure names the fund and the part of expenditure_by_type it should equal; a phrase that names
neither (涉及资金…) names no base, and nothing is checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import polars as pl

from publish.core import Finding
from publish.engine import LINE
from publish.rules.base import KEY, Context, Rule, rows
from publish.rules.pairs import fen, paired, rows_by_line
from publish.rules.yuan import in_unit, rounded_pair, step, unit_of, yuan

# 涉及 + the words naming the base + the figure and its unit
FIGURE = re.compile(r"涉及(?P<base>[^，。,；;：:\d]{0,30}?)\s*\d[\d,]*(?:\.\d+)?\s*(?:亿元|万元|元)")
FUNDS = (  # words of the base -> fund; the first that appears wins (一般公共预算 before 财政拨款)
    ("一般公共预算", "general_budget"),
    ("政府性基金", "government_fund"),
    ("国有资本经营", "state_capital"),
    ("财政拨款", "appropriation"),
)
PARTS = (("项目", "project"), ("基本支出", "basic"))  # words of the base -> expenditure_by_type item
NAMED = ("_base_fund", "_base_item")  # the fund and expenditure_by_type item a statement names
BASE_LINE, BASE_FEN = "_base_line", "_base_fen"  # the base's line and figure beside each statement
BASE_NAMES = {"total": ("支出合计", "total expenditure"), "project": ("项目支出", "project expenditure"),
              "basic": ("基本支出", "basic expenditure")}  # fmt: skip


def named_base(statement: str | None) -> tuple[str, str] | None:
    """(fund, expenditure_by_type item) the statement's figure is drawn from, or None where it names no base."""
    match = FIGURE.search(statement or "")
    if match is None:
        return None
    words = match["base"]
    fund = next((key for word, key in FUNDS if word in words), None)
    part = next((key for word, key in PARTS if word in words), None)
    if fund is None and part is None:
        return None
    return fund or "all", part or "total"


def base_mismatch(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """`performance_managed_amount` equals the expenditure its statement names, as published (rounded half-up to the
    coarser precision of the two); a base not published in expenditure_by_type is not checked. Figures equal in exact
    fen are equal rounded, so only the others are worded."""
    if not ctx.has("disclosures", "expenditure_by_type"):
        return
    bases = ctx.frame("expenditure_by_type")
    stated = _with_named_base(ctx.frame("disclosures").filter(pl.col("performance_managed_amount").is_not_null()))
    carry = pl.col(LINE).alias(BASE_LINE), fen(bases, "amount").alias(BASE_FEN)
    pairs = paired(stated, bases, [*KEY, *NAMED], [*KEY, "fund", "item"], *carry)
    differ = pairs.filter(fen(pairs, "performance_managed_amount") != pl.col(BASE_FEN)).drop(BASE_FEN, *NAMED)
    by_line = rows_by_line(bases, differ[BASE_LINE]) if differ.height else {}
    for row in rows(differ.sort(LINE)):
        base = by_line[row.pop(BASE_LINE)]
        managed = yuan(row, "performance_managed_amount")
        if managed is None or yuan(base) is None:
            continue
        a, b = rounded_pair(managed, step(row), yuan(base), step(base))
        if a != b:
            yield _finding(rule, ctx, row, base, a, b)


def _with_named_base(stated: pl.DataFrame) -> pl.DataFrame:
    """The rows with the fund and item their statement names (`named_base`, read once per distinct statement); the
    rows whose statement names none are dropped."""
    if "performance_statement" not in stated.columns:
        return stated.clear().with_columns(pl.lit(None, pl.String).alias(name) for name in NAMED)
    statements = stated["performance_statement"].unique().to_list()
    named = [(text, *base) for text in statements if (base := named_base(text))]
    table = pl.DataFrame(
        named, schema={"performance_statement": pl.String, **dict.fromkeys(NAMED, pl.String)}, orient="row"
    )
    return stated.join(table, on="performance_statement", how="inner", nulls_equal=True)


def _finding(rule: Rule, ctx: Context, row: dict, base: dict, managed, expected) -> Finding:
    unit = unit_of(row)
    zh, en = BASE_NAMES[base["item"]]
    where_zh = f"{ctx.path('expenditure_by_type')} 第 {base['_line']} 行"
    where_en = f"{ctx.path('expenditure_by_type')} line {base['_line']}"
    return rule.finding(
        ctx,
        "disclosures",
        row,
        f"绩效目标管理涉及金额 {in_unit(managed, unit)} {unit}，但说明所称的{base['fund_name']}{zh}为 "
        f"{in_unit(expected, unit)} {unit}（{where_zh}）。请核对金额或说明的口径。",
        f"the amount under performance management is {in_unit(managed, unit)} {unit} but the {en} of "
        f"'{base['fund_name']}' its statement names is {in_unit(expected, unit)} {unit} ({where_en}). Check the "
        "figure or the base the statement names.",
        field="performance_managed_amount",
        values={"stated": in_unit(managed, unit), "base": in_unit(expected, unit), "unit": unit},
    )
