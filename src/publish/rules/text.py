"""Cells as text: formulas Excel would run, invisible control characters, leftover template text, and
figures past two decimals."""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from publish.core import DEFAULT_UNIT, UNIT_DECIMALS, Finding, describe, escape
from publish.rules.base import Context, Rule, rows

FORMULA_START = "^[" + "".join(f"\\x{ord(c):02x}" for c in escape.FORMULA_START) + "]"  # what Excel runs
PLACEHOLDER = r"(XX|××|＊＊|\*\*|待填写|待补充|此处填写)"  # upper-case XX only: "xx" occurs in ordinary ids
CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"  # C0 controls and DEL; tab, LF and CR are the formula rule's
MONEY_FIELDS = ("amount", "change", "performance_managed_amount", "prior_amount", "initial_budget", "adjusted_budget")


def _text_fields(resource, free_text_only: bool = False) -> list[str]:
    """The string fields a person writes into: never an enum (the schema fixes those values, and a value
    outside the enum is already a constraint-error); with ``free_text_only``, no patterned field either."""
    names = []
    for field in resource.fields:
        constraints = field.get("constraints", {})
        if field.get("type", "string") != "string" or field.get("format", "default") != "default":
            continue
        if "enum" in constraints or (free_text_only and "pattern" in constraints):
            continue
        names.append(field["name"])
    return names


# pattern -> whether only free text (no patterned field) is searched; one scan of each table finds them all
SEARCHED = {FORMULA_START: False, CONTROL: False, PLACEHOLDER: True}


def _matches(ctx: Context, pattern: str, free_text_only: bool) -> Iterable[tuple[str, str, dict]]:
    hits = ctx.shared("text-hits", lambda: _hits(ctx))
    for name, table in ctx.tables.items():
        fields = [f for f in _text_fields(table.resource, free_text_only) if f in table.frame.columns]
        for field in fields:
            hit = hits[name].get(f"{pattern}\n{field}")
            if hit is not None and hit.any():  # rows only where a cell hits
                for row in rows(table.frame.filter(hit)):
                    yield name, field, row


def _hits(ctx: Context) -> dict[str, dict[str, pl.Series]]:
    """For each table, whether each text cell matches each pattern of `SEARCHED` (by pattern and field): each field
    is scanned once for any of its patterns, and cell by cell for each pattern only where one of them occurs. The
    three text rules share the result."""
    found = {}
    for name, table in ctx.tables.items():
        searched: dict[str, list[str]] = {}  # field -> the patterns searched in it
        for pattern, free_text_only in SEARCHED.items():
            for field in _text_fields(table.resource, free_text_only):
                if field in table.frame.columns:
                    searched.setdefault(field, []).append(pattern)
        either = [pl.col(f).str.contains("|".join(f"(?:{p})" for p in ps)).any().alias(f) for f, ps in searched.items()]
        anywhere = table.frame.select(either).row(0, named=True) if either else {}
        exact = [
            pl.col(field).str.contains(pattern).fill_null(False).alias(f"{pattern}\n{field}")
            for field, patterns in searched.items()
            if anywhere[field]
            for pattern in patterns
        ]
        found[name] = table.frame.select(exact).to_dict() if exact else {}
    return found


def formulas(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """A text cell starting with = + - @, tab or CR runs as a formula when a citizen opens the CSV in Excel."""
    for resource, field, row in _matches(ctx, FORMULA_START, free_text_only=False):
        value = row[field]
        yield rule.finding(
            ctx,
            resource,
            row,
            f"字段 {field} 的文字以“{value[:1]!r}”开头，在 Excel 中会被当作公式执行。请删去开头的符号，或在前面加中文说明文字。",
            f"field {field} starts with {value[:1]!r}, which Excel runs as a formula. Remove the leading character "
            "or start the text with words.",
            field=field,
            values={"cell": value[:80]},
        )


def control_characters(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """No invisible control character in a text cell: Excel hides it and XML exports break on it."""
    for resource, field, row in _matches(ctx, CONTROL, free_text_only=False):
        value = row[field]
        char = next(c for c in value if c in CONTROL_SET)
        yield rule.finding(
            ctx,
            resource,
            row,
            f"字段 {field} 含有不可见的控制字符 U+{ord(char):04X}，请删除（常见于从其他系统复制粘贴）。",
            f"field {field} holds the invisible control character U+{ord(char):04X}; delete it (it often comes "
            "with text pasted from another system).",
            field=field,
            values={"codepoint": f"U+{ord(char):04X}"},
        )


CONTROL_SET = {chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]}


def placeholders(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """No leftover template text (XX, ××, 待填写) in any text field."""
    for resource, field, row in _matches(ctx, PLACEHOLDER, free_text_only=True):
        yield rule.finding(
            ctx,
            resource,
            row,
            f"字段 {field} 含有模板占位文字（如 XX、××、待填写），请填入实际内容。",
            f"field {field} holds leftover template text (XX, ××, 待填写); fill in the real content.",
            field=field,
            values={"cell": row[field][:80]},
        )


def _remarked(ctx: Context, remark: str) -> Iterable[tuple[str, str, str, dict]]:
    """(resource, field, cell, row) for each cell the engine remarked on ("inexact" or "unplain", see engine/cells.py)."""
    for name, table in ctx.tables.items():
        for line, field, cell, kind in table.remarks:
            if kind == remark:
                yield name, field, cell, table.frame.filter(pl.col("_line") == line).row(0, named=True)


def precision(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """An amount is never finer than a fen: at most 2 decimals in 元, 6 in 万元, 10 in 亿元 (the row's unit)."""
    for name, field, cell, row in _remarked(ctx, "inexact"):
        unit = row.get("unit") or DEFAULT_UNIT
        allowed = UNIT_DECIMALS.get(unit, UNIT_DECIMALS[DEFAULT_UNIT])
        if field in MONEY_FIELDS and _decimals(cell) > allowed:
            yield rule.finding(
                ctx,
                name,
                row,
                f"金额 {field}“{cell}”以{unit}为单位超过 {allowed} 位小数，比一分钱还细；请按原文填写。",
                f"amount {field} '{cell}' in {unit} has more than {allowed} decimals, finer than a fen; "
                "enter it as published.",
                field=field,
                values={"cell": cell, "unit": unit},
            )


def _decimals(cell: str) -> int:
    """Significant digits after the decimal point of a plain number (trailing zeros are no finer)."""
    return len(cell.strip().partition(".")[2].rstrip("0"))


def plain_numbers(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """A number is written as plain ASCII digits: Excel and most tools read １２３ or 1e3 as text."""
    for name, field, cell, row in _remarked(ctx, "unplain"):
        kind = next(f.get("type", "string") for f in ctx.package.resources[name].fields if f["name"] == field)
        habit = describe(cell, kind) or (
            "应写作普通的阿拉伯数字（如 123.45）",
            "write it with plain ASCII digits (e.g. 123.45)",
        )
        yield rule.finding(
            ctx,
            name,
            row,
            f"数字 {field}“{cell}”不是普通写法：{habit[0]}。",
            f"the number {field} '{cell}' is not written plainly: {habit[1]}.",
            field=field,
            values={"cell": cell},
        )
