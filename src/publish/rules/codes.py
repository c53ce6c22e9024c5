"""Classification codes: the code of each line is in that year's list, with its official name and parent."""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from publish.core import VEHICLE_MEASURES, Finding, known_names, official_names, parent_code
from publish.engine import LINE
from publish.rules.base import KEY, Context, Rule, rows
from publish.rules.code_list import former_name_year, function_lines, listed_codes
from publish.rules.totals import GROUP_NUMBER, GROUPS, grouped_lines


def code_names(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """The name beside a code is kept as published; where it is not the official name in that year's code list, a
    warning names the official one (and the year whose list gave the code that name, for a name from before or after
    a rename). Where it is the official name of another code, code or name is wrong: an error."""
    if not ctx.has("expenditure_by_function", "function_codes"):
        return
    codes = ctx.frame("function_codes").select(
        pl.col("fiscal_year").alias("classification_year"), pl.col("code").alias("function_code"), "name"
    )
    others = codes.select(
        "classification_year", pl.col("name").alias("item_name"), pl.col("function_code").alias("other")
    )
    joined = (
        function_lines(ctx)
        .join(codes, on=["classification_year", "function_code"])
        .filter(pl.col("item_name") != pl.col("name"))
        .join(others.unique(["classification_year", "item_name"]), on=["classification_year", "item_name"], how="left")
    )
    listed = listed_codes(ctx)
    for row in rows(joined.sort("_line")):
        matched = former_name_year(listed, int(row["classification_year"]), row["function_code"], row["item_name"])
        yield _name_finding(rule, ctx, row, matched)


def _name_finding(rule: Rule, ctx: Context, row: dict, matched: int | None) -> Finding:
    """``matched``: the year whose list gives this code the published name (its name before or after a rename):
    a warning that says so, never an error."""
    code, year, name, published = (row[k] for k in ("function_code", "classification_year", "name", "item_name"))
    other = None if matched else row["other"]
    was_zh, was_en = (
        (f"（这是该科目 {matched} 年科目表中的名称）", f" (its name in the {matched} list)") if matched else ("", "")
    )
    wording = (
        (
            f"科目 {code} 按原文写作“{published}”{was_zh}，{year} 年科目表中的名称是“{name}”，请确认。",
            f"code {code} is published as '{published}'{was_en}; the {year} code list names it '{name}'. Confirm it.",
        ),
        (
            f"科目 {code} 的名称写成了科目 {other} 的名称“{published}”（{year} 年科目表中 {code} 为“{name}”）：代码或名称有误。",
            f"code {code} carries the name '{published}' of code {other} (the {year} list names {code} '{name}'): "
            "the code or the name is wrong.",
        ),
    )
    extra = {"matched_year": matched} if matched else {}
    return _published_name(rule, ctx, "expenditure_by_function", row, name, other, wording, extra)


def _published_name(rule, ctx, resource, row, expected, owner, wording, extra=None, field="item_name") -> Finding:
    """A name kept as published: a warning naming the official ``expected`` one, or, where the name is that of
    another line (``owner``), an error; ``wording`` holds both messages (zh, en), ``extra`` more values."""
    zh, en = wording[owner is not None]
    return rule.finding(
        ctx,
        resource,
        row,
        zh,
        en,
        field=field,
        values={"expected": expected, "found": row[field], **(extra or {})},
        severity="warning" if owner is None else None,
    )


def code_lines(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """A code line's key is its code, its parent the code one level up (or total), its code list this year's."""
    if not ctx.has("expenditure_by_function"):
        return
    code = pl.col("function_code")
    lines = function_lines(ctx)
    parents = {value: parent_code(value) for value in lines["function_code"].drop_nulls().unique()}
    expected_parent = code.replace_strict(parents, default=None, return_dtype=pl.String)
    checked = lines.with_columns(expected_parent.alias("expected_parent"))
    for row in rows(checked.filter(code.is_null() | (pl.col("item") != code))):
        yield rule.finding(
            ctx,
            "expenditure_by_function",
            row,
            f"行代码 {row['item']} 与功能分类科目编码 {row['function_code']} 不一致。",
            f"the line key {row['item']} differs from its function code {row['function_code']}.",
            field="function_code",
        )
    for row in rows(checked.filter(code.is_not_null() & (pl.col("parent_item") != pl.col("expected_parent")))):
        yield rule.finding(
            ctx,
            "expenditure_by_function",
            row,
            f"科目 {row['function_code']} 的上级应为 {row['expected_parent']}，而不是 {row['parent_item']}。",
            f"code {row['function_code']} belongs under {row['expected_parent']}, not {row['parent_item']}.",
            field="parent_item",
        )
    for row in rows(checked.filter(pl.col("classification_year") != pl.col("fiscal_year"))):
        yield rule.finding(
            ctx,
            "expenditure_by_function",
            row,
            f"科目年度 {row['classification_year']} 与预算年度 {row['fiscal_year']} 不同，请确认使用的是当年科目。",
            f"the code list year {row['classification_year']} is not the fiscal year {row['fiscal_year']}; "
            "confirm the codes are that year's.",
            field="classification_year",
            severity="warning",
        )


def item_names(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """Each line key (and each assets measure) carries its own name (`publish.core.vocabulary`): its official name or
    a known alias passes; a name that belongs to another key is an error (key or name is wrong); another wording is
    kept as published, with a warning that names the official name."""
    for resource in ctx.package.resources:
        for column in ("item", "measure"):
            yield from _key_names(rule, ctx, resource, column)


def fund_names(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """Each fund key carries its own name, as ``item_names`` checks lines: the fund vocabulary is the same for every
    table."""
    for resource in ctx.package.resources:
        yield from _key_names(rule, ctx, resource, "fund")


def _key_names(rule: Rule, ctx: Context, resource: str, column: str) -> Iterable[Finding]:
    official = official_names(resource, column)
    if not official or not ctx.has(resource) or f"{column}_name" not in ctx.frame(resource).columns:
        return
    name = f"{column}_name"
    expected = pl.DataFrame({column: list(official), "expected": list(official.values())})
    known = known_names(resource, column)
    owners = pl.DataFrame({name: list(known), "owner": list(known.values())})
    wrong = (
        _named_rows(ctx, resource, column)
        .join(expected, on=column)
        .filter(pl.col(name).is_not_null())
        .join(owners, on=name, how="left")
        .filter(pl.col("owner").is_null() | (pl.col("owner") != pl.col(column)))
    )
    for row in rows(wrong.sort("_line")):
        yield _key_name_finding(rule, ctx, resource, row, column)


def _named_rows(ctx: Context, resource: str, column: str) -> pl.DataFrame:
    """The rows whose ``column`` the vocabulary names: an assets item is a vehicle kind only on a vehicle count."""
    frame = ctx.frame(resource)
    if resource == "assets" and column == "item" and "measure" in frame.columns:
        return frame.filter(pl.col("measure").is_in(VEHICLE_MEASURES))
    return frame


def _key_name_finding(rule: Rule, ctx: Context, resource: str, row: dict, column: str) -> Finding:
    key, expected, found, owner = row[column], row["expected"], row[f"{column}_name"], row["owner"]
    what_zh, what_en = {"item": ("项目", "line"), "measure": ("计量项", "measure"), "fund": ("资金范围", "fund")}[
        column
    ]
    wording = (
        (
            f"{what_zh} {key} 按原文写作“{found}”，规范名称是“{expected}”，请确认。",
            f"{what_en} {key} is published as '{found}'; its official name is '{expected}'. Confirm it.",
        ),
        (
            f"{what_zh} {key} 的名称应为“{expected}”，而“{found}”是{what_zh} {owner} 的名称：{what_zh}代码或名称有误。",
            f"{what_en} {key} is named '{expected}'; '{found}' is the name of {what_en} {owner}: the key or the name "
            "is wrong.",
        ),
    )
    return _published_name(rule, ctx, resource, row, expected, owner, wording, field=f"{column}_name")


def unknown_parents(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """A line's parent exists in the same department-year (and fund or measure)."""
    for resource in GROUPS:
        if not ctx.has(resource):
            continue
        frame = grouped_lines(ctx, resource).select(LINE, *KEY, GROUP_NUMBER, "item", "parent_item")  # the columns read
        field = "parent_code" if "code" in ctx.frame(resource).columns else "parent_item"
        children = frame.filter(pl.col("parent_item").is_not_null())
        named = children["parent_item"].unique().implode()  # only lines that some line names as its parent
        parents = frame.filter(pl.col("item").is_in(named)).select(GROUP_NUMBER, pl.col("item").alias("parent_item"))
        orphans = children.join(parents, on=[GROUP_NUMBER, "parent_item"], how="anti")
        for row in rows(orphans):
            yield rule.finding(
                ctx,
                resource,
                row,
                f"上级项目 {row['parent_item']} 在同一部门年度中不存在，请补上该行或改正上级项目。",
                f"its parent line {row['parent_item']} is not in the same department-year; add it or correct {field}.",
                field=field,
            )
