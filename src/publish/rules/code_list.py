"""A function line's code against its year's code list (`function_codes`): listed — else kept, with a warning that
names the nearest known entry — and of the budget the table's fund draws on."""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from publish.core import Finding, parent_code
from publish.rules.base import KEY, Context, Rule, rows

# The budget a fund's table draws on; other funds (all, appropriation = 财政拨款, …) span several: not checked.
FUND_BUDGET = {
    "general_budget": "general_budget",
    "government_fund": "government_fund",
    "state_capital": "state_capital",
}
BUDGET_NAMES = {
    "general_budget": ("一般公共预算", "the general public budget"),
    "government_fund": ("政府性基金预算", "the government fund budget"),
    "state_capital": ("国有资本经营预算", "the state capital budget"),
    "social_insurance": ("社会保险基金预算", "the social insurance fund budget"),
}
Listed = dict[tuple[int, str], str]


def function_lines(ctx: Context) -> pl.DataFrame:
    """The code lines of expenditure by function: every line but the total."""
    return ctx.frame("expenditure_by_function").filter(pl.col("item") != "total")


def listed_codes(ctx: Context) -> Listed:
    """(year, code) -> official name, from the package's code list (empty where it has none)."""
    if not ctx.has("function_codes"):
        return {}
    listed = rows(ctx.frame("function_codes").drop_nulls(["fiscal_year", "code"]))
    return {(int(r["fiscal_year"]), r["code"]): r["name"] for r in listed}


def unknown_codes(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """A code absent from its year's list is kept (never dropped), with a warning that names the nearest known
    entry: the same code in the nearest year that lists it, else its closest parent in this year's list. A year
    with no list at all is one warning per disclosure, not one per line."""
    if not ctx.has("expenditure_by_function"):
        return
    listed = listed_codes(ctx)
    years = sorted({year for year, _ in listed})
    lines = function_lines(ctx).filter(
        pl.col("function_code").is_not_null() & pl.col("classification_year").is_not_null()
    )
    has_list = pl.col("classification_year").cast(pl.Int64).is_in(years)
    yield from _years_without_list(rule, ctx, lines.filter(~has_list), years)
    for row in rows(_unlisted(ctx, lines.filter(has_list)).sort("_line")):
        year, code = int(row["classification_year"]), row["function_code"]
        zh, en = _nearest_entry(listed, year, code)
        yield rule.finding(
            ctx,
            "expenditure_by_function",
            row,
            f"科目 {code} 不在 {year} 年科目表中（行照常保留）；最接近的已知条目：{zh}。",
            f"code {code} is not in the {year} code list (the line is kept); nearest known entry: {en}.",
            field="function_code",
            values={"expected": en, "found": code},
        )


def _unlisted(ctx: Context, lines: pl.DataFrame) -> pl.DataFrame:
    """The ``lines`` whose code is not in their year's list (one anti-join)."""
    if not ctx.has("function_codes"):
        return lines
    listed = ctx.frame("function_codes").drop_nulls(["fiscal_year", "code"])
    keys = listed.select(pl.col("fiscal_year").cast(pl.Int64).alias("_year"), pl.col("code").alias("function_code"))
    year = pl.col("classification_year").cast(pl.Int64).alias("_year")
    return lines.with_columns(year).join(keys, on=["_year", "function_code"], how="anti").drop("_year")


def _years_without_list(rule: Rule, ctx: Context, lines: pl.DataFrame, years: list[int]) -> Iterable[Finding]:
    """One warning per disclosure and code year that has no list at all, located at its first line."""
    group = [*KEY, "classification_year"]
    firsts = lines.sort("_line").group_by(group, maintain_order=True).agg(pl.all().first(), pl.len().alias("lines"))
    for row in rows(firsts):
        year = int(row["classification_year"])
        nearest = min(years, key=lambda other: (abs(other - year), other)) if years else None
        zh, en = (
            (f"最近的科目表为 {nearest} 年", f"the nearest list is {nearest}")
            if nearest
            else ("包内没有科目表", "none")
        )
        yield rule.finding(
            ctx,
            "expenditure_by_function",
            row,
            f"包内没有 {year} 年科目表，本部门年度的 {row['lines']} 行功能分类科目未能核对（行照常保留）；{zh}。",
            f"the package has no {year} code list, so {row['lines']} function lines of this disclosure are not "
            f"checked (they are kept); {en}.",
            field="classification_year",
            values={"expected": str(nearest) if nearest else "none", "found": str(year)},
        )


def _nearest_entry(listed: Listed, year: int, code: str) -> tuple[str, str]:
    """The nearest known entry for ``code`` in ``year``, worded (zh, en)."""
    years = sorted((abs(other - year), other) for other, known in listed if known == code)
    if years:
        other = years[0][1]
        name = listed[(other, code)]
        return f"{code} {name}（{other} 年科目表）", f"{code} {name} (the {other} list)"
    parent = code
    while (parent := parent_code(parent)).isdigit():  # up to the 类; the total is no code
        if (year, parent) in listed:
            name = listed[(year, parent)]
            return f"上级科目 {parent} {name}（{year} 年科目表）", f"its parent {parent} {name} (the {year} list)"
    return "无", "none known"


def former_name_year(listed: Listed, year: int, code: str, name: str) -> int | None:
    """The year nearest ``year`` whose list gives ``code`` the name ``name`` (an older or newer official name)."""
    years = [other for (other, known), official in listed.items() if known == code and official == name]
    return min(years, key=lambda other: (abs(other - year), other)) if years else None


def budget_types(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """A line in a table of one budget's fund (一般公共预算, 政府性基金, 国有资本经营) carries a code of that budget:
    a code listed for it, or a 类 or 款 heading codes listed for it (212 城乡社区支出 heads both 21201 and 21208).
    Tables without a ``fund`` column, or of a fund spanning budgets (all, 财政拨款 …), are not checked."""
    if not ctx.has("expenditure_by_function", "function_codes") or "fund" not in ctx.frame("expenditure_by_function"):
        return
    budgets = _code_budgets(ctx)
    lines = function_lines(ctx).filter(pl.col("fund").is_in(list(FUND_BUDGET)))
    for row in rows(lines.drop_nulls(["function_code", "classification_year"]).sort("_line")):
        code, year, fund = row["function_code"], int(row["classification_year"]), row["fund"]
        known = budgets.get((year, code))
        if known is None or FUND_BUDGET[fund] in known:
            continue  # an unknown code is function-code-unknown's
        yield _budget_finding(rule, ctx, row, fund, sorted(known))


def _code_budgets(ctx: Context) -> dict[tuple[int, str], set[str]]:
    """(year, code) -> the budgets of the code and of every code under it in that year's list."""
    budgets: dict[tuple[int, str], set[str]] = {}
    for row in rows(ctx.frame("function_codes").drop_nulls(["fiscal_year", "code", "budget_type"])):
        year, code = int(row["fiscal_year"]), row["code"]
        while code.isdigit():  # the code itself, then each level up to its 类
            budgets.setdefault((year, code), set()).add(row["budget_type"])
            code = parent_code(code)
    return budgets


def _budget_finding(rule: Rule, ctx: Context, row: dict, fund: str, known: list[str]) -> Finding:
    code, table_zh, table_en = row["function_code"], *BUDGET_NAMES[FUND_BUDGET[fund]]
    listed_zh = "、".join(BUDGET_NAMES[k][0] for k in known)
    listed_en = ", ".join(BUDGET_NAMES[k][1] for k in known)
    return rule.finding(
        ctx,
        "expenditure_by_function",
        row,
        f"科目 {code}（{row['item_name']}）在 {row['classification_year']} 年科目表中属于{listed_zh}，"
        f"却列在{table_zh}支出中（fund={fund}）：请核对科目或资金来源。",
        f"code {code} ({row['item_name']}) belongs to {listed_en} in the {row['classification_year']} list, yet "
        f"it is listed under {table_en} (fund={fund}): check the code or the fund.",
        field="function_code",
        values={"expected": ", ".join(known), "found": fund},
    )
