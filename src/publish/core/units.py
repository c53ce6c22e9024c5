"""The units of the published figures: amounts in 万元 with at most two decimals, carried as integer hundredths.

Money is never a float: the engine reads each amount into exact integer hundredths (``CENTI`` to the unit),
rules compare and sum those, and exports turn them back into decimals with ``DECIMALS`` places.
"""

from __future__ import annotations

DECIMALS = 2  # a published amount has at most two decimals (0.01 万元)
CENTI = 10**DECIMALS  # hundredths in one unit: how the engine carries every number
YUAN_PER_WANYUAN = 10_000  # 元 in one 万元: a figure exactly this many times another is 元 written for 万元
