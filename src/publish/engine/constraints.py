"""Constraints on the cells the fast path converted, checked a whole column at a time.

Each constraint value is read by the field type's own frictionless value reader, as frictionless
reads it (a date `minimum` becomes a date, a number's a Decimal), then compared with the column in
its representation (values.py): exact for every value, including bounds past 64 bits or with more
decimals than the column holds. `required` and `pattern` are checked by cells.py, `unique` by keys.py.
"""

from __future__ import annotations

import math
from decimal import Decimal
from functools import cache
from typing import Any

import polars as pl

from publish.core import CENTI, DECIMALS
from publish.engine.values import INT64

BOUNDS = {"minimum": "ge", "maximum": "le", "exclusiveMinimum": "gt", "exclusiveMaximum": "lt"}
MAX_CHARS = 2**32 - 1  # polars counts a cell's characters in 32 bits; no cell is longer
INTEGERS = ("integer", "year", "yearmonth")


def constraint_errors(typed: pl.Series, fast: pl.Series, spec: dict[str, Any]) -> list[tuple[int, str, str]]:
    """(position, constraint, frictionless's note) for each fast cell failing a constraint."""
    if not fast.any():
        return []
    kind = spec.get("type", "string")
    errors = []
    for name, value in spec.get("constraints", {}).items():
        failed = _failed(typed, kind, name, value)
        if failed is not None:
            note = f'constraint "{name}" is "{value}"'
            errors += [(i, name, note) for i in (failed & fast).fill_null(False).arg_true().to_list()]
    return errors


def _failed(typed: pl.Series, kind: str, name: str, value: Any) -> pl.Series | None:
    if name in BOUNDS and kind in ("number", *INTEGERS, "date"):
        bound = _read(kind, value)
        return None if bound is None else _outside(typed, kind, BOUNDS[name], bound)
    if name == "enum" and isinstance(value, list):
        allowed = [v for v in (_member(kind, _read(kind, v)) for v in value) if v is not None]
        return ~typed.is_in(pl.Series(allowed, dtype=typed.dtype).implode())
    if name in ("minLength", "maxLength") and typed.dtype == pl.String and isinstance(value, int):
        length, limit = typed.str.len_chars(), max(min(value, MAX_CHARS), -1)
        return length < limit if name == "minLength" else length > limit
    return None


# (field type, constraint value's type) -> frictionless's value reader for them, in short (fields/*.py): a text
# (default format) and a whole number are themselves; a year is a whole number from 0 to 9999.
PLAIN_READS = {
    ("string", str): lambda value: value,
    ("integer", int): lambda value: value,
    ("number", int): lambda value: value,
    ("year", int): lambda value: value if 0 <= value <= 9999 else None,
}


@cache
def _reader(kind: str):
    from frictionless import Field

    return Field.from_descriptor({"name": "value", "type": kind}).create_value_reader()


def _read(kind: str, value: Any) -> Any:
    """The constraint value as frictionless reads it for the field's type (None if it cannot)."""
    if (kind, type(value)) in PLAIN_READS:  # what frictionless's value reader returns for these, without it
        return PLAIN_READS[kind, type(value)](value)
    try:
        return _reader(kind)(value)
    except (TypeError, ValueError, ArithmeticError):
        return None


def _outside(typed: pl.Series, kind: str, op: str, bound: Any) -> pl.Series:
    if kind == "date":
        return ~getattr(typed, op)(bound)
    if kind == "yearmonth":
        bound = bound.year * 100 + bound.month
    elif kind == "number":
        bound = _centi_bound(Decimal(bound) if not isinstance(bound, Decimal) else bound, op)
        if bound is None:
            return pl.repeat(True, len(typed), eager=True)  # a NaN bound: no number compares with it
    if bound > INT64:
        return pl.repeat(op in ("ge", "gt"), len(typed), eager=True)
    if bound < -INT64:
        return pl.repeat(op in ("le", "lt"), len(typed), eager=True)
    return ~getattr(typed, op)(bound)


def _centi_bound(bound: Decimal, op: str) -> int | float | None:
    """A bound in hundredths, rounded so that comparing whole hundredths with it is exact."""
    if bound.is_nan():
        return None
    if bound.is_infinite():
        return math.inf if bound > 0 else -math.inf
    scaled = bound.scaleb(DECIMALS)
    return math.ceil(scaled) if op in ("ge", "lt") else math.floor(scaled)


def _member(kind: str, value: Any) -> Any:
    """An enum value in the column's representation, or None if no fast cell can equal it."""
    if value is None or isinstance(value, bool) != (kind == "boolean"):
        return None
    if kind == "number":
        value = value if isinstance(value, Decimal) else Decimal(value)
        exact = value.is_finite() and value.as_tuple().exponent >= -DECIMALS and abs(value) * CENTI <= INT64
        return int(value.scaleb(DECIMALS)) if exact else None
    if kind == "yearmonth":
        value = value.year * 100 + value.month
    if kind in INTEGERS and abs(value) > INT64:
        return None
    return value
