"""The 三公 items against the other tables that state them again: the vehicles budgeted for purchase, and the
lines of the basic expenditure by economic classification (30212, 30217, 30231, 31013)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import polars as pl

from publish.core import Finding
from publish.rules.base import KEY, Context, Rule, rows
from publish.rules.changes import published_cells
from publish.rules.pairs import rows_by_line
from publish.rules.yuan import half_up, in_unit, step, unit_of, yuan

Row = dict[str, Any]

PURCHASES = ("purchase", "purchase_budget")  # assets measures: bought (决算) first, then budgeted for purchase


def vehicle_purchases(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """Vehicles to be bought (assets, total of the purchase measure for the document's year) and 公务用车购置费 are
    both zero or both above zero, for each fund the 三公 table states."""
    if not ctx.has("sangong", "assets"):
        return
    counts, on = _purchase_counts(ctx)
    fees = ctx.frame("sangong").filter((pl.col("item") == "vehicle_purchase") & pl.col("amount").is_not_null())
    joined = fees.join(counts, on=on).filter((pl.col("count") > 0) != (pl.col("amount") > 0))
    for row in rows(joined.sort("_line")):
        unit, fee = unit_of(row), yuan(row) or Decimal(0)
        where_zh = f"{ctx.path('assets')} 第 {row['count_line']} 行"
        where_en = f"{ctx.path('assets')} line {row['count_line']}"
        yield rule.finding(
            ctx,
            "sangong",
            row,
            f"公务用车购置费 {in_unit(fee, unit)} {unit}，但“{row['measure_name']}”为 {row['count']} 辆（{where_zh}）："
            "安排购置车辆与购置费应同为零或同不为零，请核对两处数字。",
            f"vehicle purchase costs (公务用车购置费) are {in_unit(fee, unit)} {unit} but '{row['measure_name']}' is "
            f"{row['count']} vehicles ({where_en}): both are zero or neither is. Check both figures.",
            field="amount",
            values={"amount": in_unit(fee, unit), "unit": unit, "vehicles": row["count"]},
        )


def _purchase_counts(ctx: Context) -> tuple[pl.DataFrame, list[str]]:
    """Per disclosure (and fund, where assets has one): the total count of vehicles bought or to be bought in the
    document's own year, and the columns to join it on."""
    assets = ctx.frame("assets")
    on = [*KEY, "fund"] if "fund" in assets.columns else list(KEY)
    year = pl.col("budget_year")
    counts = assets.filter(
        (pl.col("item") == "total")
        & pl.col("measure").is_in(PURCHASES)
        & (year.is_null() | (year == pl.col("fiscal_year")))
    )
    first = counts.sort(pl.col("measure") != PURCHASES[0]).unique(subset=on, keep="first", maintain_order=True)
    return first.select(*on, "count", "measure_name", pl.col("_line").alias("count_line")), on


ECONOMIC_LINES = {  # 三公 item -> its line in the basic expenditure by economic classification
    "outbound_travel": ("30212", "因公出国（境）费用"),
    "reception": ("30217", "公务接待费"),
    "vehicle_operation": ("30231", "公务用车运行维护费"),
    "vehicle_purchase": ("31013", "公务用车购置"),
}
ECONOMIC_LINE = "_economic_line"  # beside a 三公 item: the `_line` of its economic line
LIKE_FUNDS = {"appropriation": ("general_budget",), "general_budget": ("appropriation",)}  # 三公 as 财政拨款


def economic_lines(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """Each 三公 item equals its economic line rounded half-up to the 三公 table's decimals (8,265 元 → 0.83 万元;
    15,250 元 → 1.53). The economic table holds basic expenditure only: a line above the item is an error, a line
    below it a warning (project expenditure may carry the rest)."""
    if not ctx.has("sangong", "expenditure_by_economic"):
        return
    items = ctx.frame("sangong").filter(pl.col("item").is_in(list(ECONOMIC_LINES)) & pl.col("amount").is_not_null())
    matched = _with_economic_line(ctx, items)
    if not matched.height:
        return
    lines = rows_by_line(ctx.frame("expenditure_by_economic"), matched[ECONOMIC_LINE])
    places = _table_decimals(ctx, matched)
    for row in rows(matched.sort("_line")):
        line = lines[row.pop(ECONOMIC_LINE)]
        stated, exact = yuan(row), yuan(line)
        if stated is None or exact is None:
            continue
        places_of_table = places[_table(row)]
        shown = half_up(exact, step(row, places_of_table))
        if shown != stated:
            yield _line_finding(rule, ctx, row, line, (stated, shown), places_of_table)


def _with_economic_line(ctx: Context, items: pl.DataFrame) -> pl.DataFrame:
    """The 三公 items that have an economic line, with its `_line` in `ECONOMIC_LINE`: the line of the same disclosure
    and fund, else of the fund 三公 is defined by elsewhere (`LIKE_FUNDS`)."""
    economic = ctx.frame("expenditure_by_economic").with_columns(pl.col("code").cast(pl.String))
    codes = {item: code for item, (code, _) in ECONOMIC_LINES.items()}
    wanted = economic.filter((pl.col("cost_type") == "total") & pl.col("code").is_in(list(codes.values())))
    items = items.with_columns(pl.col("item").replace_strict(codes, return_dtype=pl.String).alias("_code"))
    found = pl.lit(None, pl.Int64)
    for number, fund in enumerate(_fund_choices()):
        alias, fund_alias = f"_economic{number}", f"_economic_fund{number}"
        items = _joined_line(items.with_columns(fund.alias(fund_alias)), wanted, fund_alias, alias)
        tried = pl.col(alias) if number == 0 else pl.when(pl.col(fund_alias).is_not_null()).then(pl.col(alias))
        found = pl.coalesce(found, tried)
    matched = items.with_columns(found.alias(ECONOMIC_LINE)).filter(pl.col(ECONOMIC_LINE).is_not_null())
    return matched.drop("_code", *[c for c in matched.columns if c.startswith("_economic") and c != ECONOMIC_LINE])


def _fund_choices() -> list[pl.Expr]:
    """The funds whose economic line a 三公 item takes, in order: its own, then each like fund."""
    depth = max((len(like) for like in LIKE_FUNDS.values()), default=0)
    likes = [
        pl.col("fund").replace_strict({f: like[i] for f, like in LIKE_FUNDS.items() if i < len(like)}, default=None)
        for i in range(depth)
    ]
    return [pl.col("fund"), *likes]


def _joined_line(items: pl.DataFrame, wanted: pl.DataFrame, fund: str, alias: str) -> pl.DataFrame:
    """``items`` with, in ``alias``, the `_line` of the economic line of their disclosure, ``fund`` and `_code`."""
    keyed = wanted.select(*KEY, pl.col("fund").alias(fund), pl.col("code").alias("_code"), pl.col("_line").alias(alias))
    keyed = keyed.unique(subset=[*KEY, fund, "_code"], keep="last", maintain_order=True)
    return items.join(keyed, on=[*KEY, fund, "_code"], how="left", nulls_equal=True)


def _table(row: Row) -> tuple:
    return (*[row[c] for c in KEY], row["fund"])


def _table_decimals(ctx: Context, items: pl.DataFrame) -> dict[tuple, int]:
    """The decimals each 三公 table (disclosure and fund) of ``items`` publishes its figures with: the most any figure
    shows."""
    texts = published_cells(ctx, "sangong", "amount") if items.height else {}
    tables = items.select(*KEY, "fund").unique()
    places: dict[tuple, int] = {}
    for row in rows(ctx.frame("sangong").join(tables, on=[*KEY, "fund"], how="semi", nulls_equal=True)):
        places[_table(row)] = max(places.get(_table(row), 0), _places(texts.get(row["_line"], "")))
    return places


def _places(text: str) -> int:
    try:
        exponent = Decimal(text.replace(",", "")).as_tuple().exponent
    except ArithmeticError:
        return 0
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _line_finding(rule: Rule, ctx: Context, row: Row, line: Row, figures: tuple, places: int) -> Finding:
    """``figures``: the 三公 item and its economic line rounded to the table's ``places``, both in yuan."""
    (stated, shown), code, name = figures, *ECONOMIC_LINES[row["item"]]
    unit, line_unit = unit_of(row), unit_of(line)
    exact = in_unit(yuan(line) or Decimal(0), line_unit)
    where_zh = f"{ctx.path('expenditure_by_economic')} 第 {line['_line']} 行"
    where_en = f"{ctx.path('expenditure_by_economic')} line {line['_line']}"
    above = shown > stated
    return rule.finding(
        ctx,
        "sangong",
        row,
        f"{row['item_name']} {in_unit(stated, unit, places)} {unit}，但基本支出经济分类 {code} {name}为 {exact} {line_unit}"
        f"（{where_zh}），四舍五入为 {in_unit(shown, unit, places)} {unit}。"
        + ("基本支出一项已超过“三公”经费数，请核对。" if above else "差额若为项目支出安排，请说明；否则请核对。"),
        f"{row['item_name']} is {in_unit(stated, unit, places)} {unit} but economic line {code} {name} is {exact} {line_unit} "
        f"({where_en}), {in_unit(shown, unit, places)} {unit} rounded half-up. "
        + (
            "Basic expenditure alone exceeds the 三公 figure: check both."
            if above
            else "Explain the rest if it is project expenditure; else check both figures."
        ),
        field="amount",
        values={
            "stated": in_unit(stated, unit, places),
            "line": exact,
            "rounded": in_unit(shown, unit, places),
            "code": code,
        },
        severity=None if above else "warning",
    )
