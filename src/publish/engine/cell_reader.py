"""The cells the fast path does not take, read one by one by frictionless's own cell reader for the field.

What is valid, and which error a cell gets, is then frictionless's decision (cells.py takes the rest).
A valid value is held as the column holds it (values.py), with its exact key where the column rounds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import polars as pl

from publish.core import DECIMALS
from publish.engine.values import OutOfRange, canonical, canonical_series, dtype, faithful, to_repr

# Remarks on cells frictionless accepts but a consumer may not (`Column.remarks`): "inexact", a number
# past two decimals; "unplain", a number not written as plain ASCII (１２３, 1e3, " 7 ", 1_000).
PLAIN_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")


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


def convert_slow(text, typed, indexes: list[int], spec, missing_values) -> Column:
    """The cells at ``indexes`` read by frictionless's cell reader for the field (its constraints but `pattern`)."""
    kind = spec.get("type", "string")
    column = Column(typed.cast(dtype(kind)), [], [])
    if not len(indexes):
        return column
    reader = _cell_reader(spec, missing_values)
    keys: dict[int, str] = {}
    held: list[Any] = []
    exact = True
    for index, cell in zip(indexes, text.gather(indexes).to_list(), strict=True):
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
