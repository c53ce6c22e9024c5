"""Figures compared across tables: each converted to yuan by its row's unit, and rounded half-up to the coarser
precision of the two before they are compared.

A row's `unit` column (元 | 万元 | 亿元) says what its amounts count; a table without that column is in 万元. The
engine carries every number as integer hundredths of its unit (`CENTI`), so a figure is exact in Decimal yuan.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from publish.core import CENTI

YUAN_IN = {"元": Decimal(1), "万元": Decimal(10_000), "亿元": Decimal(100_000_000)}
DEFAULT_UNIT = "万元"


def unit_of(row: dict[str, Any]) -> str:
    """The unit the row's amounts are published in (万元 where the row has no `unit`)."""
    return row.get("unit") or DEFAULT_UNIT


def yuan(row: dict[str, Any], field: str = "amount") -> Decimal | None:
    """``row[field]`` in yuan; None where it is empty or the unit is not one we know."""
    value, per = row.get(field), YUAN_IN.get(unit_of(row))
    if value is None or per is None:
        return None
    return Decimal(value) / CENTI * per


def step(row: dict[str, Any], decimals: int = 2) -> Decimal:
    """The yuan one last published digit of the row's unit is worth (0.01 万元 = 100 元 by default)."""
    return YUAN_IN.get(unit_of(row), Decimal(1)).scaleb(-decimals)


def half_up(value: Decimal, to: Decimal) -> Decimal:
    """``value`` rounded half-up to a multiple of ``to`` (0.8265 万元 → 0.83, 1.525 → 1.53)."""
    return (value / to).quantize(Decimal(1), rounding=ROUND_HALF_UP) * to


def in_unit(value: Decimal, unit: str, places: int | None = None) -> str:
    """Yuan shown in ``unit``: with ``places`` decimals, or else two unless it needs more (82650 元 → "8.265" 万元)."""
    shown = value / YUAN_IN.get(unit, Decimal(1))
    if places is not None:
        return f"{shown:.{places}f}"
    return f"{shown:.2f}" if shown == shown.quantize(Decimal("0.01")) else f"{shown.normalize():f}"


def rounded_pair(a: Decimal, a_step: Decimal, b: Decimal, b_step: Decimal) -> tuple[Decimal, Decimal]:
    """Both figures rounded half-up to the coarser of their two precisions, so that 217.83 万元 and 2,178,324.44 元
    compare equal."""
    coarse = max(a_step, b_step)
    return half_up(a, coarse), half_up(b, coarse)
