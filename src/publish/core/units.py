"""The units of the published figures: each row names its unit (元, 万元 or 亿元); the engine carries every amount as
exact integer hundredths of that unit.

Money is never a float: the engine reads each amount into exact integer hundredths (``CENTI`` to the unit),
rules that add or compare figures across rows convert them to fen (hundredths of a yuan, ``fen``) before they do,
and exports turn them back into decimals with ``DECIMALS`` places.
"""

from __future__ import annotations

DECIMALS = 2  # the engine's hundredths: a figure published in 元 or 万元 with at most two decimals is exact
CENTI = 10**DECIMALS  # hundredths in one unit: how the engine carries every number
YUAN_PER_WANYUAN = 10_000  # 元 in one 万元: a figure exactly this many times another is 元 written for 万元
# unit as published -> yuan in one unit; v1 packages are in 万元 throughout
YUAN_PER_UNIT: dict[str, int] = {"元": 1, "万元": YUAN_PER_WANYUAN, "亿元": 100_000_000}
DEFAULT_UNIT = "万元"
# unit -> the most decimals a figure in it may have: never finer than a fen (0.01 元)
UNIT_DECIMALS: dict[str, int] = {"元": 2, "万元": 6, "亿元": 10}


def fen(centi: int, unit: str | None) -> int:
    """Hundredths of ``unit`` (the engine's value) as fen; a row without a unit is in 万元 (v1)."""
    return centi * YUAN_PER_UNIT.get(unit or DEFAULT_UNIT, YUAN_PER_WANYUAN)
