"""How figures read on the portal pages: 万元 with two decimals, stated changes with ↑/↓ or 持平.

Everything here takes the published text of a figure and works in ``Decimal``, never float:
the page shows exactly what the data holds, rounded half-up to two decimals only for display.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from publish.core import DECIMALS

CENT = Decimal(1).scaleb(-DECIMALS)
MISSING = "—"


def to_decimal(text: str | None) -> Decimal | None:
    """The figure held by a cell's text, or None for an empty or unreadable cell."""
    if text is None or str(text).strip() == "":
        return None
    try:
        return Decimal(str(text).strip())
    except InvalidOperation:
        return None


def wan(text: str | Decimal | None) -> str:
    """An amount in 万元 with thousands separators and exactly two decimals: '1,367.76', '0.00'."""
    value = text if isinstance(text, Decimal) else to_decimal(text)
    if value is None:
        return MISSING
    return f"{value.quantize(CENT, rounding=ROUND_HALF_UP):,.{DECIMALS}f}"


def change_parts(change: str | None, word: str | None = None) -> tuple[str, str, str]:
    """(arrow, words, figure) for a stated change: ('↓', '减少', '1.39'), ('', '持平', ''), ('', '', '—')."""
    value = to_decimal(change)
    if value is None:
        return ("", "", MISSING)
    if value == 0:
        return ("→", word or "持平", "")
    arrow = "↑" if value > 0 else "↓"
    words = word or ("增加" if value > 0 else "减少")
    return (arrow, words, wan(abs(value)))


def change_text(change: str | None, word: str | None = None, rate: str | None = None) -> str:
    """A stated change as one string: '↓ 减少 1.39', '→ 持平', '↑ 增长 12.00（3.5%）', '—'."""
    arrow, words, figure = change_parts(change, word)
    text = " ".join(part for part in (arrow, words, figure) if part)
    percent = to_decimal(rate)
    if percent is not None:
        text += f"（{percent.normalize():f}%）"
    return text


def change_class(change: str | None) -> str:
    """A CSS class for the direction of a change: up, down, flat or none."""
    value = to_decimal(change)
    if value is None:
        return "none"
    return "flat" if value == 0 else ("up" if value > 0 else "down")


def plain_number(text: str | None) -> str:
    """A non-money number (weights, targets) as published, without trailing zeros: '20', '99.5'."""
    value = to_decimal(text)
    if value is None:
        return MISSING
    return f"{value.normalize():f}"
