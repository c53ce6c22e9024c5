"""Text helpers: normalising punctuation and digits, splitting sentences and clauses, reading amounts.

Published documents mix full-width and ASCII punctuation and digits. ``normalise`` brings a line
to one form (ASCII digits, full-width Chinese punctuation, except inside numbers), so that quoted
text matches the template's own punctuation and every pattern is written once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from publish.core import CHANGE_WORDS, FLAT
from publish.extract import patterns

FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９％", "0123456789%")
ASCII_PUNCTUATION = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"}
CJK = r"[^\x00-\x7f]"
# Any amount or count a clause may hold: what must be read or reported.
AMOUNT_IN = rf"(?:{patterns.NUMBER})\s*(?:{patterns.UNIT}|辆)"


def normalise(line: str) -> str:
    """One line in the canonical punctuation: ASCII digits, full-width marks outside numbers."""
    line = line.translate(FULL_WIDTH_DIGITS).replace("\u3000", " ").replace("\xa0", " ")
    line = re.sub(r"(?<=\d)[．。](?=\d)", ".", line)
    line = re.sub(r"(?<=\d)，(?=\d{3}(?!\d))", ",", line)
    line = re.sub(r"[,:;()?!]", lambda m: _ascii_mark(line, m), line)
    line = re.sub(rf"(?<={CJK})\.(?!\d)", "。", line)
    return _curly_quotes(line).strip()


def _ascii_mark(line: str, match: re.Match[str]) -> str:
    mark, at = match.group(), match.start()
    between_digits = 0 < at < len(line) - 1 and line[at - 1].isdigit() and line[at + 1].isdigit()
    return mark if mark in ",:" and between_digits else ASCII_PUNCTUATION[mark]


def _curly_quotes(line: str) -> str:
    parts = line.split('"')
    if len(parts) % 2 == 0:
        return line
    return "".join(part + ("“" if i % 2 == 0 else "”") for i, part in enumerate(parts[:-1])) + parts[-1]


def squeeze(text: str) -> str:
    """Drop the spaces a PDF or Word file puts next to Chinese characters and marks."""
    return re.sub(rf"\s+(?={CJK})|(?<={CJK})\s+", "", text).strip()


def sentences(paragraph: str) -> list[str]:
    """The sentences of a paragraph, each ending with its 。 (the last may have none)."""
    return [s for s in re.findall(r"[^。]*。|[^。]+$", paragraph) if s.strip()]


def segments(sentence: str) -> list[str]:
    """A sentence cut at ； (parts of an enumeration that each carry their own clauses)."""
    return [s for s in re.split(r"；", sentence.rstrip("。")) if s.strip()]


def clauses(segment: str) -> list[str]:
    """A segment cut at ， and at the colon after 其中."""
    parts = re.split(r"，|(?<=[元辆])[：、]", segment)
    parts = [re.sub(r"^其中[：，]?", "", part.strip()) for part in parts]
    return [part for part in parts if part]


@dataclass(frozen=True)
class Amount:
    text: str  # the number as published, thousands separators dropped
    unit: str  # its unit as published: 元, 万元 or 亿元


def amount(number: str, unit: str) -> Amount:
    """An amount as published: the number without separators and the unit's name."""
    name = next(name for name, regex, _ in patterns.UNITS if re.fullmatch(regex, unit))
    return Amount(number.replace(",", ""), name)


def converted(text: str, unit: str, to: str) -> str:
    """``text`` in ``unit`` written in ``to`` exactly (a change stated in 万元 on a row kept in 元)."""
    if unit == to or not text:
        return text
    factors = {name: factor for name, _, factor in patterns.UNITS}
    value = Decimal(text) * factors[unit] / factors[to]
    shown = format(value, "f")
    return shown.rstrip("0").rstrip(".") if "." in shown else shown


@dataclass(frozen=True)
class Change:
    value: str  # signed, in ``unit``; empty when only a rate is stated
    word: str
    rate: str = ""
    unit: str = ""


def signed(word: str, text: str) -> str:
    sign = CHANGE_WORDS[word]
    if sign == 0 or text in ("", "0") or Decimal(text) == 0:
        return "0" if sign == 0 else text
    return f"-{text}" if sign < 0 else text


def find_change(clause: str) -> tuple[Change, int] | None:
    """The stated change and where in the clause it starts."""
    for _name, regex in patterns.compiled(patterns.CHANGES):
        match = regex.search(clause)
        if match:
            return change_from(match), match.start()
    return None


def change_from(match: re.Match[str]) -> Change:
    groups = match.groupdict()
    word = groups["word"]
    if word == FLAT:
        return Change("0", word)
    value, unit = "", ""
    if groups.get("number"):
        money = amount(groups["number"], groups["unit"])
        value, unit = signed(word, money.text), money.unit
    rate = signed(word, groups["rate"]) if groups.get("rate") else ""
    return Change(value, word, rate, unit)
