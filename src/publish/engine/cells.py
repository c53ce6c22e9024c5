"""Types and constraints of one column, checked as a whole.

A cell the fast path recognises (the canonical form of a common type, e.g. `360.67`, `2023`,
`2024-01-31`) is converted and constraint-checked with vectorised expressions. Every other
non-missing cell, and every cell of the rarer types (datetime, time, duration, object, array, list,
geopoint, geojson, any) or of a field with reading options (`bareNumber`, `groupChar`, `trueValues`,
a `format` …), is handed to frictionless's own cell reader for that field, so what is valid, and
which error a cell gets, is frictionless's decision. Constraint values are read by the field's own
frictionless value reader too. `pattern` is checked here for every cell (`patterns.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import polars as pl

from publish.core import DECIMALS
from publish.engine.constraints import constraint_errors
from publish.engine.patterns import check_pattern
from publish.engine.values import OutOfRange, canonical, canonical_series, dtype, faithful, to_repr

# Remarks on cells frictionless accepts but a consumer may not (`Column.remarks`): "inexact", a number
# past two decimals; "unplain", a number not written as plain ASCII (１２３, 1e3, " 7 ", 1_000).
PLAIN_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
FAST_FORMS = {
    "number": rf"^-?[0-9]{{1,15}}(\.[0-9]{{1,{DECIMALS}}})?$",
    "integer": r"^-?[0-9]{1,18}$",
    "year": r"^[0-9]{4}$",
    "yearmonth": r"^[0-9]{4}-(0[1-9]|1[0-2])$",
    "date": r"^([0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-[0-9]{2}-[0-9]{2}$",
}
TRUE_VALUES = ["true", "True", "TRUE", "1"]
FALSE_VALUES = ["false", "False", "FALSE", "0"]
READING_OPTIONS = ("groupChar", "decimalChar", "bareNumber", "floatNumber", "trueValues", "falseValues")
# The order in which frictionless reports the constraints a cell fails.
CONSTRAINT_ORDER = ["required", "minLength", "maxLength", "pattern", "minimum", "maximum"]
CONSTRAINT_ORDER += ["exclusiveMinimum", "exclusiveMaximum", "enum"]


@dataclass
class CellError:
    """One failed cell: frictionless's error type and note, at a position of the column."""

    index: int
    kind: str  # "type-error", "constraint-error" or "number-out-of-range"
    note: str
    constraint: str | None = None


@dataclass
class Column:
    typed: pl.Series
    errors: list[CellError]
    remarks: list[tuple[int, str]]  # (position, remark) on valid cells: "inexact" or "unplain"
    key: pl.Series | None = None  # values as keys compare them, where `typed` does not (see values.py)
    timed_out: bool = False  # the pattern ran past its time budget; the cells after were not checked


def check_column(
    text: pl.Series,
    spec: dict[str, Any],
    missing_values: list[str],
    absent: pl.Series | None = None,
    missing: pl.Series | None = None,
) -> Column:
    """Convert a column of text cells to its type and list each type and constraint error.

    ``absent`` marks the rows too short to hold this cell: missing whatever the missing values are.
    ``missing``, where the caller has it, is that mask already (`rows._missing`), absent cells included.
    """
    kind = spec.get("type", "string")
    if "" not in missing_values:
        text = text.fill_null("")
    if missing is None:
        missing = text.is_in(missing_values).fill_null(True)
        if absent is not None:
            missing = missing | absent
    fast = (~missing & _fast_mask(text, spec)).fill_null(False)
    column = _convert_slow(text, _convert_fast(text, kind, fast), (~missing & ~fast).arg_true(), spec, missing_values)
    column.errors += _required_errors(missing, spec)
    column.errors += [
        CellError(i, "constraint-error", note, name) for i, name, note in constraint_errors(column.typed, fast, spec)
    ]
    if kind == "string" and isinstance(spec.get("constraints", {}).get("pattern"), str):
        check = check_pattern(column.typed, spec["constraints"]["pattern"])
        note = f'constraint "pattern" is "{spec["constraints"]["pattern"]}"'
        column.errors += [CellError(i, "constraint-error", note, "pattern") for i in check.failed]
        column.timed_out = check.timed_out
    column.errors.sort(key=_report_order)
    return column


def _report_order(error: CellError) -> tuple[int, int]:
    rank = CONSTRAINT_ORDER.index(error.constraint) + 1 if error.constraint in CONSTRAINT_ORDER else 0
    return error.index, rank


def _fast_mask(text: pl.Series, spec: dict[str, Any]) -> pl.Series:
    kind = spec.get("type", "string")
    if spec.get("format", "default") != "default" or any(k in spec for k in READING_OPTIONS):
        return _constant(False, len(text))
    if kind == "string":
        return _constant(True, len(text))
    if kind == "boolean":
        return text.is_in(TRUE_VALUES + FALSE_VALUES)
    if kind in FAST_FORMS:
        mask = text.str.contains(FAST_FORMS[kind])
        if kind == "date":
            mask = mask & text.str.to_date("%Y-%m-%d", strict=False).is_not_null()
        return mask
    return _constant(False, len(text))


def _constant(value: bool, length: int) -> pl.Series:
    return pl.Series("literal", [value], dtype=pl.Boolean).new_from_index(0, length)  # as pl.repeat, without a query


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


def _convert_slow(text, typed, indexes, spec, missing_values) -> Column:
    """The cells at ``indexes`` read by frictionless's cell reader for the field (its constraints but `pattern`)."""
    kind = spec.get("type", "string")
    column = Column(typed.cast(dtype(kind)), [], [])
    if not len(indexes):
        return column
    reader = _cell_reader(spec, missing_values)
    keys: dict[int, str] = {}
    held: list[Any] = []
    exact = True
    for index, cell in zip(indexes.to_list(), text.gather(indexes).to_list(), strict=True):
        value, notes = _read(reader, cell, spec, missing_values)
        held.append(None)
        if notes and "type" in notes:
            column.errors.append(CellError(index, "type-error", notes["type"]))
            continue
        if value is None:  # a missing value
            continue
        keys[index] = canonical(value, index)
        exact = exact and faithful(value, kind)
        try:
            held[-1] = to_repr(value, kind, cell)
        except OutOfRange as error:
            column.errors.append(CellError(index, "number-out-of-range", str(error)))
            exact = False
            continue
        column.remarks += _remarks(value, cell, kind, index)
        for name, note in (notes or {}).items():
            column.errors.append(CellError(index, "constraint-error", note, name))
    column.typed = column.typed.scatter(indexes, pl.Series(held, dtype=dtype(kind)))
    if not exact:
        column.key = _keyed(column.typed, kind, keys)
    return column


def _keyed(typed: pl.Series, kind: str, keys: dict[int, str]) -> pl.Series:
    """Every value's key: the slow cells' from their frictionless values, the fast cells' from the column."""
    column = canonical_series(typed, kind).to_list() if kind in ("number", "integer") else [None] * len(typed)
    for index, key in keys.items():
        column[index] = key
    return pl.Series(typed.name, column, dtype=pl.String)


def _remarks(value: Any, cell: str, kind: str, index: int) -> list[tuple[int, str]]:
    remarks = []
    if isinstance(value, Decimal) and value.is_finite() and value.as_tuple().exponent < -DECIMALS:
        remarks.append((index, "inexact"))
    if kind in ("number", "integer") and not PLAIN_NUMBER.match(cell):
        remarks.append((index, "unplain"))
    return remarks


def _cell_reader(spec: dict[str, Any], missing_values: list[str], *, constraints: bool = True):
    from frictionless import Field

    kept = {k: v for k, v in spec.get("constraints", {}).items() if constraints and k not in ("pattern", "unique")}
    readable = {**spec, "constraints": kept, "missingValues": missing_values}
    return Field.from_descriptor(readable).create_cell_reader()


def _read(reader, cell: str, spec: dict[str, Any], missing_values: list[str]) -> tuple[Any, dict | None]:
    """frictionless's (value, notes) for the cell; a bound it cannot compare with the value (a naive and an
    aware datetime) fails the constraint, where frictionless itself raises."""
    try:
        return reader(cell)
    except (TypeError, ArithmeticError, ValueError):
        value, notes = _cell_reader(spec, missing_values, constraints=False)(cell)
        return value, notes or {"comparison": 'constraint "comparison" is "the value cannot be compared with a bound"'}


def _required_errors(missing: pl.Series, spec: dict[str, Any]) -> list[CellError]:
    if not spec.get("constraints", {}).get("required"):
        return []
    note = 'constraint "required" is "True"'
    return [CellError(i, "constraint-error", note, "required") for i in missing.arg_true().to_list()]
