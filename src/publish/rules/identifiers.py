"""Official identifiers in the data: a published 统一社会信用代码 and the GB/T 2260 division code.

Neither is ever made up; these rules only check the ones the data gives (the checks live in
`publish.core.identifiers`, shared with the catalog export).
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from publish.core import Finding, credit_code_problem, division_code_problem
from publish.rules.base import Context, Rule, rows


def credit_codes(rule: Rule, ctx: Context) -> Iterable[Finding]:
    if not ctx.has("departments"):
        return
    for row in rows(ctx.frame("departments").filter(pl.col("credit_code").is_not_null())):
        if problem := credit_code_problem(row["credit_code"]):
            yield rule.finding(
                ctx,
                "departments",
                row,
                f"统一社会信用代码“{row['credit_code']}”有误：{problem[0]}。",
                f"the 统一社会信用代码 '{row['credit_code']}' is wrong: {problem[1]}.",
                field="credit_code",
                values={"cell": row["credit_code"]},
            )


def division_codes(rule: Rule, ctx: Context) -> Iterable[Finding]:
    if not ctx.has("departments"):
        return
    for row in rows(ctx.frame("departments").filter(pl.col("division_code").is_not_null())):
        if problem := division_code_problem(row["division_code"]):
            yield rule.finding(
                ctx,
                "departments",
                row,
                f"行政区划代码有误：{problem[0]}。",
                f"the division code is wrong: {problem[1]}.",
                field="division_code",
                values={"cell": row["division_code"]},
            )
