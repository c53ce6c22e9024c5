"""How a typed value is held in a column, and how it compares in keys.

Columns hold values the budget rules can compute with: numbers as integer hundredths (`centi`, exact
for the at-most-two-decimal figures a budget publishes), integers and years as Int64, a year-month as
``year * 100 + month``, dates as dates, booleans as booleans, text as text; the rarer types (datetime,
time, duration, object, array, list, geopoint, geojson, any) keep the cell's text. Keys (primary,
foreign, unique) compare as frictionless's Python values compare: `canonical` gives each value a text
that is equal exactly when the values are equal (1 == 1.0 == True, "1" != 1, 1.001 != 1.004).
"""

from __future__ import annotations

import contextlib
import json
from datetime import date, datetime, time, timezone
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from typing import Any

import polars as pl

from publish.core import CENTI, DECIMALS
from publish.engine.limits import LARGEST_CENTI

INT64 = 2**63 - 1
DTYPES = {
    "number": pl.Int64,
    "integer": pl.Int64,
    "year": pl.Int64,
    "yearmonth": pl.Int64,
    "date": pl.Date,
    "boolean": pl.Boolean,
}
NUMERIC = ("number", "integer", "year", "boolean")  # equal across these types as Python numbers are


class OutOfRange(ValueError):
    """A number beyond ±10^15, which no budget holds (an integer beyond 64 bits is kept for keys only)."""


def dtype(kind: str) -> pl.DataType:
    return DTYPES.get(kind, pl.String)


def to_repr(value: Any, kind: str, cell: str) -> Any:
    """The column's value for frictionless's ``value`` read from ``cell``; OutOfRange if it cannot hold it."""
    if kind == "number":
        return _centi(value)
    if kind == "yearmonth":
        value = value.year * 100 + value.month
    if kind in ("integer", "year", "yearmonth"):
        return value if abs(value) <= INT64 else None  # not held: keys compare it exactly (`faithful`)
    if kind in DTYPES:
        return value
    return cell


def _centi(value: Any) -> int | None:
    if not isinstance(value, Decimal):
        value = Decimal(value)
    if not value.is_finite():
        return None
    centi = int(value.scaleb(DECIMALS).to_integral_value(rounding=ROUND_HALF_EVEN))
    if abs(centi) > LARGEST_CENTI:
        raise OutOfRange(f"the value is beyond ±{LARGEST_CENTI // CENTI}")
    return centi


def faithful(value: Any, kind: str) -> bool:
    """The column's value compares in keys exactly as frictionless's value does."""
    if kind == "number":
        value = value if isinstance(value, Decimal) else Decimal(value)
        return value.is_finite() and value.as_tuple().exponent >= -2
    if kind in ("integer", "year"):
        return abs(value) <= INT64
    return kind in DTYPES or kind == "string"


def canonical(value: Any, index: int = 0) -> str:
    """A text equal for two values exactly when frictionless's values are equal (``==`` in Python)."""
    if isinstance(value, bool | int | float | Decimal):
        return _numeric(value, index)
    if isinstance(value, str):
        return "s:" + value
    if isinstance(value, datetime):
        return "t:" + (value.astimezone(timezone.utc) if value.tzinfo else value).isoformat()
    if isinstance(value, date | time):
        return f"{type(value).__name__}:{value.isoformat()}"
    if isinstance(value, tuple):
        return "u:" + repr(tuple(value))
    if isinstance(value, list | dict):
        return "j:" + json.dumps(value, sort_keys=True, default=str)
    return f"{type(value).__name__}:{value}"


def _numeric(value: bool | int | float | Decimal, index: int) -> str:
    number = Decimal(int(value)) if isinstance(value, bool) else Decimal(value)
    if number.is_nan():
        return f"nan:{index}"  # NaN equals nothing, not even itself
    if number.is_infinite():
        return "n:" + str(number)
    with contextlib.suppress(InvalidOperation):
        number = number.normalize()
    return "n:" + ("0" if number == 0 else format(number, "f"))


def canonical_series(typed: pl.Series, kind: str) -> pl.Series:
    """`canonical` of a column's values, from the column (null stays null)."""
    values = [None if v is None else canonical(_python(v, kind)) for v in typed.to_list()]
    return pl.Series(typed.name, values, dtype=pl.String)


def _python(value: Any, kind: str) -> Any:
    if kind == "number":
        return Decimal(value).scaleb(-2)
    if kind == "yearmonth":
        return (value // 100, value % 100)
    return value
