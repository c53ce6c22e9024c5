"""A sparkline: a department's figure over its years as the points of an inline SVG polyline.

The SVG holds no text (no font to depend on) and is hidden from screen readers; the figures it draws are given
beside it in text (``label``). Plotting positions are floats; the figures themselves stay Decimal.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from publish.site.formatting import wan

WIDTH = 96
HEIGHT = 24
PAD = 3
NOT_PUBLISHED = "未公开"


@dataclass(frozen=True)
class Sparkline:
    """``points``: the polyline's 'x,y' pairs, one per year with a figure; ``current``: the marked year's (x, y)."""

    points: str
    current: tuple[float, float] | None
    label: str
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def count(self) -> int:
        return len(self.points.split())


def sparkline(series: list[tuple[str, Decimal | None]], current_year: str) -> Sparkline | None:
    """The sparkline of ``series`` ((year, 万元 or None), oldest first); None when no year has a figure."""
    published = [value for _, value in series if value is not None]
    if not published:
        return None
    low, high = min(published), max(published)
    step = (WIDTH - 2 * PAD) / max(len(series) - 1, 1)
    positions = {}
    for index, (year, value) in enumerate(series):
        if value is not None:
            share = float((value - low) / (high - low)) if high > low else 0.5
            positions[year] = (round(PAD + index * step, 1), round(HEIGHT - PAD - share * (HEIGHT - 2 * PAD), 1))
    points = " ".join(f"{x:g},{y:g}" for x, y in positions.values())
    label = "；".join(f"{year}年 {NOT_PUBLISHED if value is None else wan(value)}" for year, value in series)
    return Sparkline(points, positions.get(current_year), label)
