"""Every part a disclosure's profile requires is present, or said not to be published: silence is not disclosure.

A disclosure names its profile (`disclosures.profile`, the family of document it is; `publish.core.PROFILES`).
A part with no row at all is one finding; a part with some of its lines is one finding per missing line. A part
listed in `disclosure_parts` is not missing: not published or truncated is one warning there, not applicable
nothing. Fields the profile requires are filled in, and the profile is a known one.
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from publish.core import DEFAULT_PROFILE, PROFILES, Finding, Part
from publish.engine import LINE
from publish.rules.base import KEY, Context, Rule, money, rows

PARTS = "disclosure_parts"
SHOWN = ("not_published", "truncated")


def missing_parts(rule: Rule, ctx: Context) -> Iterable[Finding]:
    if not ctx.has("disclosures"):
        return
    disclosures = _with_profile(ctx).select(*KEY, LINE, "profile").join(_declared(ctx), on=KEY, how="left")
    for name, profile in PROFILES.items():
        of_profile = disclosures.filter(pl.col("profile") == name)
        for part in profile.parts if not of_profile.is_empty() else ():
            if part.resource in ctx.package.resources and not ctx.has(part.resource):
                continue  # the table could not be read: its own findings say why
            yield from _part_findings(rule, ctx, part, of_profile.filter(_undeclared(part.name)))


def _part_findings(rule: Rule, ctx: Context, part: Part, disclosures: pl.DataFrame) -> Iterable[Finding]:
    having = [_having(ctx, part, line) for line in part.lines]
    some = pl.concat(having).unique() if having else pl.DataFrame(schema=disclosures.select(KEY).schema)
    for row in rows(disclosures.join(some, on=KEY, how="anti")):
        yield _finding(rule, ctx, part, row, None)
    partial = disclosures.join(some, on=KEY, how="semi")
    for line, present in zip(part.lines, having, strict=True):
        for row in rows(partial.join(present, on=KEY, how="anti")) if len(part.lines) > 1 else ():
            yield _finding(rule, ctx, part, row, line)


def _having(ctx: Context, part: Part, line: dict[str, str]) -> pl.DataFrame:
    """The department-years that have ``line`` of ``part`` (none where the table or a key column is missing)."""
    if not ctx.has(part.resource) or set(line) - set(ctx.frame(part.resource).columns):
        return pl.DataFrame(schema=ctx.frame("disclosures").select(KEY).schema)
    frame = ctx.frame(part.resource)
    return frame.filter(*[pl.col(k) == v for k, v in line.items()]).select(KEY) if line else frame.select(KEY)


def _with_profile(ctx: Context) -> pl.DataFrame:
    """The disclosures with their profile (a package made before profiles: the default)."""
    frame = ctx.frame("disclosures")
    if "profile" not in frame.columns:
        frame = frame.with_columns(profile=pl.lit(DEFAULT_PROFILE))
    return frame.with_columns(pl.col("profile").fill_null(DEFAULT_PROFILE))


def _undeclared(part: str) -> pl.Expr:
    """True where the disclosure does not list ``part`` in `disclosure_parts`."""
    return ~pl.col("declared").list.contains(part).fill_null(False)


def _declared(ctx: Context) -> pl.DataFrame:
    """The parts each disclosure lists in `disclosure_parts`, as a list per department-year."""
    if not ctx.has(PARTS):
        return pl.DataFrame(schema={**ctx.frame("disclosures").select(KEY).schema, "declared": pl.List(pl.String)})
    return ctx.frame(PARTS).group_by(KEY).agg(pl.col("part").alias("declared"))


def _finding(rule: Rule, ctx: Context, part: Part, row: dict, line: dict[str, str] | None) -> Finding:
    table = ctx.path(part.resource) if ctx.has(part.resource) else part.resource
    if line is None:
        zh, en = f"缺少“{part.name}”部分（{table}）", f"lacks the part '{part.name}' ({table})"
        values = {"resource": part.resource, "part": part.name}
    else:
        what = ", ".join(f"{k}={v}" for k, v in line.items()) or "一行 a row"
        zh, en = f"{table} 缺少该部分的必填项（{what}）", f"{table} lacks a required line of this part ({what})"
        values = {"resource": part.resource, **line}
    return rule.finding(
        ctx,
        "disclosures",
        row,
        f"按文件类型 {row['profile']}，{zh}。没有的项目要填 0 或明确写“无”；文件未公开的部分请在 {PARTS} 中说明。",
        f"by its profile {row['profile']}, the disclosure {en}. Publish an explicit zero or 'none' rather than "
        f"leaving it out; a part the document does not publish is listed in {PARTS}.",
        values=values,
    )


def unpublished_parts(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """A part listed as not published (or cut off in our copy): one warning, so that it is never read as zero."""
    if not ctx.has(PARTS):
        return
    for row in rows(ctx.frame(PARTS).filter(pl.col("status").is_in(SHOWN))):
        zh = "文件未公开该部分" if row["status"] == "not_published" else "我们的文件文本不完整，缺少该部分"
        en = "the document does not publish it" if row["status"] == "not_published" else "our copy is incomplete"
        yield rule.finding(
            ctx,
            PARTS,
            row,
            f"“{row['part']}”部分未公开（{row['status']}）：{zh}；这不等于 0。",
            f"the part '{row['part']}' is not published ({row['status']}): {en}; this is not a zero.",
            field="status",
            values={"part": row["part"], "status": row["status"]},
        )


def unknown_profiles(rule: Rule, ctx: Context) -> Iterable[Finding]:
    if not ctx.has("disclosures") or "profile" not in ctx.frame("disclosures").columns:
        return
    for row in rows(ctx.frame("disclosures").filter(~pl.col("profile").is_in(list(PROFILES)))):
        known = "、".join(PROFILES)
        yield rule.finding(
            ctx,
            "disclosures",
            row,
            f"文件类型“{row['profile']}”未知，无法判断必须公开哪些部分；请改为 {known} 之一。",
            f"the profile '{row['profile']}' is unknown, so the parts it must contain cannot be checked; "
            f"use one of {known}.",
            field="profile",
            values={"profile": row["profile"]},
        )


def missing_fields(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """The fields of `disclosures` the profile requires, left empty: one finding each."""
    if not ctx.has("disclosures"):
        return
    frame = _with_profile(ctx).join(_declared(ctx), on=KEY, how="left")
    for name, profile in PROFILES.items():
        for field, part in ((f, p) for f, p in profile.fields.items() if f in frame.columns):
            for row in rows(frame.filter((pl.col("profile") == name) & pl.col(field).is_null() & _undeclared(part))):
                yield rule.finding(
                    ctx,
                    "disclosures",
                    row,
                    f"按文件类型 {name}，{field} 必须填写（原文的表述）。",
                    f"the profile {name} requires {field} (as the document states it).",
                    field=field,
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
