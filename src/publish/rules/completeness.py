"""Every required part of a disclosure is present for each department-year: silence is not disclosure."""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from publish.core import REQUIRED_LINES, Finding
from publish.rules.base import KEY, Context, Rule, money, rows


def missing_parts(rule: Rule, ctx: Context) -> Iterable[Finding]:
    if not ctx.has("disclosures"):
        return
    disclosures = ctx.frame("disclosures").select(*KEY, "_line")
    for resource, lines in REQUIRED_LINES.items():
        if not ctx.has(resource):
            continue
        columns = sorted({k for line in lines for k in line})
        narrow = ctx.frame(resource).select(*KEY, *columns)
        for line in lines:
            having = narrow.filter(*[pl.col(k) == v for k, v in line.items()]).select(KEY) if line else narrow
            for row in rows(disclosures.join(having, on=KEY, how="anti")):
                yield _finding(rule, ctx, resource, row, line)


def _finding(rule: Rule, ctx: Context, resource: str, row: dict, line: dict[str, str]) -> Finding:
    what = ", ".join(f"{k}={v}" for k, v in line.items()) or "一行 a row"
    return rule.finding(
        ctx,
        "disclosures",
        row,
        f"{ctx.path(resource)} 缺少该部门年度的必填项（{what}）。没有的项目也要填 0 或明确写“无”，不能空缺。",
        f"{ctx.path(resource)} lacks a required line for this department-year ({what}). Publish an explicit zero "
        "or 'none' rather than leaving it out.",
        values={"resource": resource, **line},
    )


def none_contradictions(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """A part stated as "none" has no amounts; a part with amounts is not stated as "none"."""
    if not ctx.has("disclosures", "income"):
        return
    funds = ctx.frame("income").filter(pl.col("item") == "government_fund").select(*KEY, pl.col("amount").alias("fund"))
    joined = (
        ctx.frame("disclosures")
        .join(funds, on=KEY)
        .filter(
            (~pl.col("government_fund_expenditure") & (pl.col("fund") > 0))
            | (pl.col("government_fund_expenditure") & (pl.col("fund") == 0))
        )
    )
    for row in rows(joined):
        stated = "有" if row["government_fund_expenditure"] else "无"
        yield rule.finding(
            ctx,
            "disclosures",
            row,
            f"公开文件称{stated}政府性基金预算拨款支出，但收入表中政府性基金预算拨款为 {money(row['fund'])} 万元。",
            f"the disclosure says there is {'some' if stated == '有' else 'no'} government-fund expenditure, but "
            f"income from government funds is {money(row['fund'])} 万元.",
            field="government_fund_expenditure",
        )
