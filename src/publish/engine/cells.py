"""Types and constraints of one column, checked as a whole.

A cell the fast path recognises (the canonical form of its type, e.g. `360.67`, `2023`) is
converted and constraint-checked with vectorised expressions. Every other non-missing cell is
handed to frictionless's own cell reader for that field, so what is valid, and which error a
cell gets, is frictionless's decision. Numbers are carried as integer hundredths (`centi`),
exact for the at-most-two-decimal figures a budget publishes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

import polars as pl

from publish.core import CENTI, DECIMALS

# Remarks on cells frictionless accepts but a consumer may not (`Column.remarks`): "inexact", a number
# past two decimals; "unplain", a number not written as plain ASCII (１２３, 1e3, " 7 ", 1_000).
PLAIN_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
LARGEST = 10**17  # in hundredths: 10^15 万元, far beyond any budget, well inside a 64-bit integer
FAST_FORMS = {
    "number": rf"^-?[0-9]{{1,15}}(\.[0-9]{{1,{DECIMALS}}})?$",
    "integer": r"^-?[0-9]{1,18}$",
    "year": r"^[0-9]{4}$",
    "yearmonth": r"^[0-9]{4}-(0[1-9]|1[0-2])$",
    "date": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
}
TRUE_VALUES = ["true", "True", "TRUE", "1"]
FALSE_VALUES = ["false", "False", "FALSE", "0"]
BOUNDS = {"minimum": "ge", "maximum": "le", "exclusiveMinimum": "gt", "exclusiveMaximum": "lt"}
# The order in which frictionless reports the constraints a cell fails.
CONSTRAINT_ORDER = ["required", "minLength", "maxLength", "pattern", *BOUNDS, "enum"]


@dataclass
class CellError:
    """One failed cell: frictionless's error type and note, at a position of the column."""

    index: int
    kind: str  # "type-error" or "constraint-error"
    note: str
    constraint: str | None = None


@dataclass
class Column:
    typed: pl.Series
    errors: list[CellError]
    remarks: list[tuple[int, str]]  # (position, remark) on valid cells: "inexact" or "unplain"


def check_column(text: pl.Series, field: dict[str, Any], missing_values: list[str]) -> Column:
    """Convert a column of text cells to its type and list each type and constraint error."""
    kind = field.get("type", "string")
    if "" not in missing_values:
        text = text.fill_null("")
    missing = text.is_in(missing_values).fill_null(True)
    fast = (~missing & _fast_mask(text, field)).fill_null(False)
    typed = _convert_fast(text, kind, fast)
    errors: list[CellError] = []
    remarks: list[tuple[int, str]] = []
    slow_index = (~missing & ~fast).arg_true()
    if len(slow_index):
        typed, errors, remarks = _convert_slow(text, typed, slow_index, field, missing_values)
    errors += _required_errors(missing, field)
    errors += _fast_constraint_errors(typed, fast, field)
    errors.sort(key=_report_order)
    return Column(typed=typed, errors=errors, remarks=remarks)


def _report_order(error: CellError) -> tuple[int, int]:
    rank = CONSTRAINT_ORDER.index(error.constraint) + 1 if error.constraint in CONSTRAINT_ORDER else 0
    return error.index, rank


def _fast_mask(text: pl.Series, field: dict[str, Any]) -> pl.Series:
    kind = field.get("type", "string")
    if kind == "string":
        if field.get("format", "default") != "default":
            return _constant(False, len(text))
        pattern = field.get("constraints", {}).get("pattern")
        # Python's `$` also matches before a final newline; leave such cells to frictionless.
        return ~text.str.contains("\n", literal=True) if pattern else _constant(True, len(text))
    if kind == "boolean":
        if field.get("trueValues") or field.get("falseValues"):
            return _constant(False, len(text))
        return text.is_in(TRUE_VALUES + FALSE_VALUES)
    if kind in FAST_FORMS and not _has_number_options(field):
        mask = text.str.contains(FAST_FORMS[kind])
        if kind == "date":
            mask = mask & text.str.to_date("%Y-%m-%d", strict=False).is_not_null()
        return mask
    return _constant(False, len(text))


def _constant(value: bool, length: int) -> pl.Series:
    return pl.repeat(value, length, eager=True, dtype=pl.Boolean)


def _has_number_options(field: dict[str, Any]) -> bool:
    return any(k in field for k in ("groupChar", "decimalChar", "bareNumber", "floatNumber"))


def _convert_fast(text: pl.Series, kind: str, fast: pl.Series) -> pl.Series:
    kept = pl.select(pl.when(fast).then(text)).to_series().alias(text.name)
    if kind == "number":
        return to_centi(kept)
    if kind in ("integer", "year"):
        return kept.cast(pl.Int64, strict=False)
    if kind == "yearmonth":
        return kept.str.replace("-", "", literal=True).cast(pl.Int64, strict=False)
    if kind == "date":
        return kept.str.to_date("%Y-%m-%d", strict=False)
    if kind == "boolean":
        return pl.select(pl.when(kept.is_not_null()).then(kept.is_in(TRUE_VALUES))).to_series().alias(text.name)
    return kept


def to_centi(text: pl.Series) -> pl.Series:
    """Canonical decimal text (at most two decimals, at most 15 whole digits) to exact integer hundredths."""
    return text.cast(pl.Decimal(20, DECIMALS), strict=False).to_physical().cast(pl.Int64).alias(text.name)


def _convert_slow(text, typed, indexes, field, missing_values) -> tuple[pl.Series, list[CellError], list]:
    from frictionless import Field

    reader = Field.from_descriptor({**field, "constraints": {}, "missingValues": missing_values}).create_cell_reader()
    checks = _constraint_reader(field, missing_values)
    values = typed.to_list()
    errors: list[CellError] = []
    remarks: list[tuple[int, str]] = []
    for index in indexes.to_list():
        cell = text[index]
        value, notes = reader(cell)
        if value is None and not notes:  # a missing value (the schema's own markers)
            values[index] = None
            continue
        if notes:
            errors.append(CellError(index, "type-error", notes["type"]))
            values[index] = None
            continue
        values[index] = _to_repr(value, field.get("type", "string"))
        if isinstance(values[index], int) and abs(values[index]) > LARGEST:
            errors.append(CellError(index, "number-out-of-range", f"the value is beyond ±{LARGEST // CENTI}"))
            values[index] = None
            continue
        if isinstance(value, Decimal) and value.is_finite() and value.as_tuple().exponent < -DECIMALS:
            remarks.append((index, "inexact"))
        if field.get("type") in ("number", "integer") and not PLAIN_NUMBER.match(cell):
            remarks.append((index, "unplain"))
        _, constraint_notes = checks(cell)
        for name, note in (constraint_notes or {}).items():
            errors.append(CellError(index, "constraint-error", note, name))
    return pl.Series(typed.name, values, dtype=typed.dtype), errors, remarks


def _constraint_reader(field: dict[str, Any], missing_values: list[str]):
    from frictionless import Field

    return Field.from_descriptor({**field, "missingValues": missing_values}).create_cell_reader()


def _to_repr(value: Any, kind: str) -> Any:
    if kind == "number":
        if not isinstance(value, Decimal):
            value = Decimal(str(value))
        if not value.is_finite():
            return None
        return int(value.scaleb(DECIMALS).to_integral_value(rounding=ROUND_HALF_EVEN))
    if kind == "yearmonth":
        return value.year * 100 + value.month
    return value


def _required_errors(missing: pl.Series, field: dict[str, Any]) -> list[CellError]:
    if not field.get("constraints", {}).get("required"):
        return []
    note = 'constraint "required" is "True"'
    return [CellError(i, "constraint-error", note, "required") for i in missing.arg_true().to_list()]


def _fast_constraint_errors(typed: pl.Series, fast: pl.Series, field: dict[str, Any]) -> list[CellError]:
    kind = field.get("type", "string")
    errors: list[CellError] = []
    for name, value in field.get("constraints", {}).items():
        failed = _failed(typed, kind, name, value)
        if failed is None:
            continue
        note = f'constraint "{name}" is "{value}"'
        errors += [CellError(i, "constraint-error", note, name) for i in (failed & fast).fill_null(False).arg_true()]
    return errors


def _failed(typed: pl.Series, kind: str, name: str, value: Any) -> pl.Series | None:
    if name in BOUNDS:
        bound = to_centi(pl.Series([str(value)]))[0] if kind == "number" else value
        if kind == "number" and bound is None:
            return None  # an exotic bound: constraint left to frictionless's descriptor check
        return ~getattr(typed, BOUNDS[name])(bound)
    if name == "pattern":
        return ~typed.str.contains(f"^(?:{value})$")
    if name == "enum":
        allowed = to_centi(pl.Series([str(v) for v in value])) if kind == "number" else pl.Series(value)
        return ~typed.is_in(allowed.cast(typed.dtype, strict=False).implode())
    if name == "minLength":
        return typed.str.len_chars() < value
    if name == "maxLength":
        return typed.str.len_chars() > value
    return None
