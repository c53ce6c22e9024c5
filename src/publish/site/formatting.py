"""How figures read on the portal pages: 万元 with two decimals, stated changes with ↑/↓ or 持平.

Everything here takes the published text of a figure and works in ``Decimal``, never float: a figure published
in 元 or 亿元 (its row's ``unit``) is converted to 万元 exactly, so that pages compare like with like; the page
rounds half-up to two decimals only for display, and the downloads keep every figure in its published unit.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from publish.core import DECIMALS, DEFAULT_UNIT, YUAN_PER_UNIT, YUAN_PER_WANYUAN

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


def in_wan(text: str | None, unit: str | None = None) -> Decimal | None:
    """The figure of a cell published in ``unit`` (元, 万元, 亿元; empty: 万元), exactly, in 万元."""
    value = to_decimal(text)
    if value is None:
        return None
    return value * YUAN_PER_UNIT.get(unit or DEFAULT_UNIT, YUAN_PER_WANYUAN) / YUAN_PER_WANYUAN


def sort_key(text: str | None, unit: str | None = None) -> str:
    """The figure in 万元 as plain decimal text for sorting a table (empty where there is none)."""
    value = in_wan(text, unit)
    return "" if value is None else f"{value:f}"


def wan(text: str | Decimal | None, unit: str | None = None) -> str:
    """An amount in 万元 with thousands separators and exactly two decimals: '1,367.76', '0.00'; a text published
    in another ``unit`` is converted first (a Decimal is taken as 万元)."""
    value = text if isinstance(text, Decimal) else in_wan(text, unit)
    if value is None:
        return MISSING
    return f"{value.quantize(CENT, rounding=ROUND_HALF_UP):,.{DECIMALS}f}"


def change_parts(change: str | None, word: str | None = None, unit: str | None = None) -> tuple[str, str, str]:
    """(arrow, words, figure in 万元) for a stated change: ('↓', '减少', '1.39'), ('', '持平', ''), ('', '', '—')."""
    value = in_wan(change, unit)
    if value is None:
        return ("", "", MISSING)
    if value == 0:
        return ("→", word or "持平", "")
    arrow = "↑" if value > 0 else "↓"
    words = word or ("增加" if value > 0 else "减少")
    return (arrow, words, wan(abs(value)))


def change_text(change: str | None, word: str | None = None, rate: str | None = None, unit: str | None = None) -> str:
    """A stated change as one string: '↓ 减少 1.39', '→ 持平', '↑ 增长 12.00（3.5%）', '—'."""
    arrow, words, figure = change_parts(change, word, unit)
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
