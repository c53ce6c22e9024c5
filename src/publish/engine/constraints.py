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
from publish.engine.values import INT64, dtype

BOUNDS = {"minimum": "ge", "maximum": "le", "exclusiveMinimum": "gt", "exclusiveMaximum": "lt"}
MAX_CHARS = 2**32 - 1  # polars counts a cell's characters in 32 bits; no cell is longer
INTEGERS = ("integer", "year", "yearmonth")


def constraint_failures(typed: pl.Expr, spec: dict[str, Any]) -> list[tuple[str, str, pl.Expr]]:
    """(constraint, frictionless's note, the cells failing it) for each constraint checked here, in the spec's
    order; ``typed`` is the column in its representation (values.py). A failure counts on a fast cell only."""
    kind = spec.get("type", "string")
    failures = []
    for name, value in spec.get("constraints", {}).items():
        failed = _failed(typed, kind, name, value)
        if failed is not None:
            failures.append((name, f'constraint "{name}" is "{value}"', failed))
    return failures


def _failed(typed: pl.Expr, kind: str, name: str, value: Any) -> pl.Expr | None:
    if name in BOUNDS and kind in ("number", *INTEGERS, "date"):
        bound = _read(kind, value)
        return None if bound is None else _outside(typed, kind, BOUNDS[name], bound)
    if name == "enum" and isinstance(value, list):
        allowed = [v for v in (_member(kind, _read(kind, v)) for v in value) if v is not None]
        return ~typed.is_in(pl.lit(pl.Series(allowed, dtype=dtype(kind))).implode())
    if name in ("minLength", "maxLength") and dtype(kind) == pl.String and isinstance(value, int):
        length, limit = typed.str.len_chars(), max(min(value, MAX_CHARS), -1)
        return length < limit if name == "minLength" else length > limit
    return None


@cache
def _reader(kind: str):
    from frictionless import Field

    return Field.from_descriptor({"name": "value", "type": kind}).create_value_reader()


def _read(kind: str, value: Any) -> Any:
    """The constraint value as frictionless reads it for the field's type (None if it cannot).

    The values a schema mostly holds (a text in a string's enum, a whole number bounding a number,
    an integer or a year) are read here as frictionless's value reader reads them, without importing it.
    """
    if (kind == "string" and type(value) is str) or (kind in ("number", "integer") and type(value) is int):
        return value
    if kind == "year" and type(value) is int:
        return value if 0 <= value <= 9999 else None
    try:
        return _reader(kind)(value)
    except (TypeError, ValueError, ArithmeticError):
        return None


def _outside(typed: pl.Expr, kind: str, op: str, bound: Any) -> pl.Expr:
    if kind == "date":
        return ~getattr(typed, op)(bound)
    if kind == "yearmonth":
        bound = bound.year * 100 + bound.month
    elif kind == "number":
        bound = _centi_bound(Decimal(bound) if not isinstance(bound, Decimal) else bound, op)
        if bound is None:
            return pl.lit(True)  # a NaN bound: no number compares with it
    if bound > INT64:
        return pl.lit(op in ("ge", "gt"))
    if bound < -INT64:
        return pl.lit(op in ("le", "lt"))
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
