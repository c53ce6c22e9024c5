"""Stated changes agree with the figures: with the prior year's published data, and with stated rates."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from decimal import Decimal

import polars as pl

from publish.core import CENTI, CHANGE_WORD_SIGNS, CHANGE_WORDS, DECIMALS, Finding
from publish.rules.base import INVOLVED, Context, Rule, figure, in_fen, money, rows, shown
from publish.rules.totals import GROUPS

CHANGED = ["income", "expenditure_by_function", "expenditure_by_type", "sangong", "operating_costs"]


def _line_key(frame: pl.DataFrame, resource: str) -> list[str]:
    """A line's key across years: the same department and scope (the year and kind are matched apart)."""
    extra = [c for c in ["scope", "fund", *GROUPS.get(resource, []), "item"] if c in frame.columns]
    return ["department_id", *dict.fromkeys(extra)]


def unknown_words(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """A change word outside the vocabulary (`publish.core.CHANGE_WORD_SIGNS`) is kept as published, with a
    warning: its sign is unknown, so the word is not checked against the change."""
    known = list(CHANGE_WORD_SIGNS)
    for resource in CHANGED:
        if not ctx.has(resource):
            continue
        word = pl.col("change_word")
        for row in rows(ctx.frame(resource).filter(word.is_not_null() & ~word.is_in(known)).sort("_line")):
            yield rule.finding(
                ctx,
                resource,
                row,
                f"增减用词“{row['change_word']}”不在已知用词中（{'、'.join(known)}），已按原文保留，请确认。",
                f"the change word '{row['change_word']}' is not a known one ({', '.join(CHANGE_WORDS)} or an "
                "alias); it is kept as published. Confirm it.",
                field="change_word",
                values={"found": row["change_word"]},
            )


def prior_year(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """Once both years are in the data: stated change = this year's amount − last year's amount.

    Only against the prior year's document of the kind the change compares with: the same kind as this one
    (a budget with last year's budget, a 决算 with last year's 决算), or the kind ``change_basis`` names. A change
    against 上年预算执行数, 年初预算 or a restated prior year (可比口径) has no published figure here to compare."""
    for resource in CHANGED:
        if not ctx.has(resource):
            continue
        frame = _with_compared_kind(in_fen(ctx.frame(resource), "amount", "change"))
        key = _line_key(frame, resource)
        prior = frame.filter(pl.col("amount").is_not_null()).select(
            *key,
            (pl.col("fiscal_year") + 1).alias("fiscal_year"),
            pl.col("amount").alias("prior"),
            pl.col("_line").alias("prior_line"),
            pl.col("_line").alias(INVOLVED),
            pl.col("_kind").alias("_compared_kind"),
        )
        stated = frame.filter(pl.col("change").is_not_null() & pl.col("amount").is_not_null())
        joined = stated.join(prior, on=[*key, "fiscal_year", "_compared_kind"]).filter(
            pl.col("prior").is_not_null() & (pl.col("change") != pl.col("amount") - pl.col("prior"))
        )
        for row in rows(joined.sort("_line")):
            yield _prior_finding(rule, ctx, resource, row)


BASIS_KIND = {"prior-budget": "budget", "prior-final": "final_account"}  # change_basis -> the kind it compares with


def _with_compared_kind(frame: pl.DataFrame) -> pl.DataFrame:
    """The frame with `_kind` (its document's kind) and `_compared_kind` (the kind its change compares with)."""
    kind = pl.col("document_kind").fill_null("") if "document_kind" in frame.columns else pl.lit("")
    frame = frame.with_columns(kind.alias("_kind"))
    if "change_basis" not in frame.columns:
        return frame.with_columns(pl.col("_kind").alias("_compared_kind"))
    basis = pl.col("change_basis")
    compared = pl.when(basis.is_null()).then(pl.col("_kind")).otherwise(basis.replace_strict(BASIS_KIND, default=None))
    return frame.with_columns(compared.alias("_compared_kind"))


def _prior_finding(rule: Rule, ctx: Context, resource: str, row: dict) -> Finding:
    actual, unit = row["amount"] - row["prior"], row["unit"]
    name = row.get("item_name") or "机关运行经费"
    change, amount, prior = (shown(row[k], unit) for k in ("change", "amount", "prior"))
    return rule.finding(
        ctx,
        resource,
        row,
        f"{name}较上年增减 {change}，但本年 {amount} 减去上年公布的 {prior}（第 {row['prior_line']} 行）为 {shown(actual, unit)}。",
        f"{name}: the stated change is {change} but this year's {amount} minus the published prior year's {prior} "
        f"(line {row['prior_line']}) is {shown(actual, unit)}.",
        field="change",
        values={"stated": figure(row["change"], unit), "actual": figure(actual, unit)},
        severity="warning" if abs(row["change"] - actual) <= row["_factor"] else None,
    )


def stated_rates(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """A stated rate (增长/下降 X%) equals change ÷ prior-year amount, to the precision it is published with.

    The amount and the change are rounded to 0.01 万元 themselves, so the rate is right where it lies in the range
    their rounding allows (15.29 over 30.66 allows 49.84–49.90%); the rate's own precision is read from the text
    of the cell ("10.10" claims two decimals where "10.1" claims one). Where the text gives the prior year's figure
    (`prior_amount`, 2025年预算执行数为1690.69万元) instead of the change, the change is this year's less it, and the
    envelope is the one both rounded figures allow. A rate stated with neither has nothing to check against here."""
    for resource in CHANGED:
        frame = ctx.frame(resource) if ctx.has(resource) else None
        if frame is None or "change_rate" not in frame.columns:
            continue
        frame = _with_change_from_prior(frame)
        stated = frame.filter(
            pl.col("change_rate").is_not_null() & pl.col("change").is_not_null() & pl.col("amount").is_not_null()
        )
        published = published_cells(ctx, resource, "change_rate") if stated.height else {}
        for row in rows(stated):
            envelope = (prior_envelope if row["_from_prior"] else rate_envelope)(row["amount"], row["change"])
            problem = _rate_problem(row, envelope, published.get(row["_line"]))
            if problem:
                yield rule.finding(
                    ctx,
                    resource,
                    row,
                    *problem,
                    field="change_rate",
                    values={"rate": money(row["change_rate"]), "change": money(row["change"])},
                )


def published_cells(ctx: Context, resource: str, field: str) -> dict[int, str]:
    """The text of ``field`` on each record of the resource's file, by the record's first line."""
    cells: dict[int, str] = {}
    with open(ctx.package.file(ctx.package.resources[resource]), encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        if field not in header:
            return cells
        at, start = header.index(field), reader.line_num + 1
        for record in reader:
            if at < len(record):
                cells[start] = record[at].strip()
            start = reader.line_num + 1
    return cells


def _decimals(text: str | None, value: int) -> int:
    """The decimals a rate is published with: from its text where known, else from its value."""
    if text:
        try:
            exponent = Decimal(text).as_tuple().exponent
            return max(0, -exponent) if isinstance(exponent, int) else DECIMALS
        except ArithmeticError:
            pass
    return 0 if value % CENTI == 0 else 1 if value % (CENTI // 10) == 0 else DECIMALS


def _with_change_from_prior(frame: pl.DataFrame) -> pl.DataFrame:
    """The frame with `_from_prior` (the change is not stated but the prior year's figure is) and, on those rows,
    the change as this year's amount less that figure (both in the row's unit)."""
    if "prior_amount" not in frame.columns:
        return frame.with_columns(pl.lit(False).alias("_from_prior"))
    derived = pl.col("change").is_null() & pl.col("prior_amount").is_not_null()
    change = pl.when(derived).then(pl.col("amount") - pl.col("prior_amount")).otherwise(pl.col("change"))
    return frame.with_columns(derived.alias("_from_prior"), change.alias("change"))


def prior_envelope(amount: int, change: int) -> tuple[Decimal, Decimal] | None:
    """The lowest and highest rate (%) that an amount and a prior year's figure (amount − change), each rounded to a
    hundredth of its unit, allow; None where the prior year may be zero."""
    half = Decimal("0.5")
    prior = amount - change
    if prior - half <= 0:
        return None
    rates = [(a - p) / p * 100 for a in (amount - half, amount + half) for p in (prior - half, prior + half)]
    return min(rates), max(rates)


def rate_envelope(amount: int, change: int) -> tuple[Decimal, Decimal] | None:
    """The lowest and highest rate (%) that an amount and a change, each rounded to 0.01 万元, allow; None where the
    prior year (amount − change) may be zero."""
    half = Decimal("0.5")
    rates = []
    for a in (amount - half, amount + half):
        for c in (change - half, change + half):
            if a - c <= 0:
                return None
            rates.append(c / (a - c) * 100)
    return min(rates), max(rates)


def _rate_problem(row: dict, envelope: tuple[Decimal, Decimal] | None, text: str | None) -> tuple[str, str] | None:
    amount, change, rate = row["amount"], row["change"], row["change_rate"]
    prior = amount - change
    if prior == 0:
        return ("上年为零，不能表述为增长或下降的百分比。", "the prior year is zero, so no growth rate can be stated.")
    expected = Decimal(change) / Decimal(prior) * 100
    envelope = envelope or (expected, expected)
    half_step = Decimal(1).scaleb(-_decimals(text, rate)) / 2
    stated = Decimal(rate) / CENTI
    if (rate > 0) != (change > 0) or stated + half_step < envelope[0] or stated - half_step > envelope[1]:
        return (
            f"所述增减幅度 {money(rate)}% 与增减额计算的 {expected:.2f}% 不符（两者舍入允许 {envelope[0]:.2f}%–{envelope[1]:.2f}%）。",
            f"the stated rate {money(rate)}% does not match {expected:.2f}% computed from the change (rounding "
            f"allows {envelope[0]:.2f}% to {envelope[1]:.2f}%).",
        )
    return None
