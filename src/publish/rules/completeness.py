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
    """One finding per disclosure with no line of ``part``, then, line by line, one per disclosure that has some of
    the part's lines but not that one."""
    flags = [f"_has_line{i}" for i in range(len(part.lines))]
    found = disclosures.join(_presence(ctx, part, flags), on=KEY, how="left", maintain_order="left")
    found = found.with_columns(pl.col(flags).fill_null(False)) if flags else found
    some = pl.any_horizontal(flags) if flags else pl.lit(False)
    for row in rows(found.filter(~some).drop(flags)):
        yield _finding(rule, ctx, part, row, None)
    partial = found.filter(some)
    for line, flag in zip(part.lines, flags, strict=True) if len(part.lines) > 1 else ():
        for row in rows(partial.filter(~pl.col(flag)).drop(flags)):
            yield _finding(rule, ctx, part, row, line)


def _presence(ctx: Context, part: Part, flags: list[str]) -> pl.DataFrame:
    """Per department-year of the part's table, whether it has each line of the part (a column per line, named by
    ``flags``), in one pass over the table; a line naming a column the table lacks is never there."""
    if not ctx.has(part.resource):
        return pl.DataFrame(schema={**ctx.frame("disclosures").select(KEY).schema, **dict.fromkeys(flags, pl.Boolean)})
    frame = ctx.frame(part.resource)
    has = [_has_line(frame, line).any().alias(flag) for line, flag in zip(part.lines, flags, strict=True)]
    return frame.group_by(KEY).agg(has) if has else frame.select(KEY).unique()


def _has_line(frame: pl.DataFrame, line: dict[str, str]) -> pl.Expr:
    """True on the rows that are ``line`` (every row where it names nothing)."""
    if set(line) - set(frame.columns):
        return pl.lit(False)
    return pl.all_horizontal([(pl.col(k) == v).fill_null(False) for k, v in line.items()]) if line else pl.lit(True)


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
