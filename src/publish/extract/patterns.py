"""The wording variants the extractor understands, as tables of small named regexes.

Each table is a tuple of (name, regex). The code loops over a table and never spells a variant
itself, so supporting a new wording real documents use is one line added to one table (and one
test in ``tests/test_extract_variants.py``). Patterns run on normalised text (see ``text.py``):
digits ASCII, punctuation full-width except inside numbers.
"""

from __future__ import annotations

import re
from decimal import Decimal

from publish.core import CHANGE_WORDS, FLAT, YUAN_PER_UNIT

# A number as printed: thousands separators allowed, a decimal part allowed.
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

# Money units as published (a figure keeps its unit) and how many 元 one of them is worth.
UNITS: tuple[tuple[str, str, Decimal], ...] = tuple(
    (name, name, Decimal(YUAN_PER_UNIT[name])) for name in ("亿元", "万元", "元")
)
UNIT = "|".join(f"(?:{regex})" for _, regex, _ in UNITS)
AMOUNT = rf"(?P<number>{NUMBER})\s*(?P<unit>{UNIT})"

# The year's budget figure that opens the income and expenditure paragraphs.
YEAR_BUDGET: tuple[tuple[str, str], ...] = (
    ("年年初预算数", r"\d{4}年年初预算数?"),
    ("年初预算数", r"\d{4}年初预算数?"),
    ("年预算数", r"\d{4}年(?:度)?预算数"),
)

# What a change is measured against (较去年, 较上年, 较2022年, 比2022年, 与2022年…).
COMPARED_WITH: tuple[tuple[str, str], ...] = (
    ("较去年", r"较去年(?:度)?"),
    ("较上年", r"较上(?:一)?年(?:度)?"),
    ("较某年", r"较\d{4}年(?:度)?"),
    ("比某年", r"比\d{4}年(?:度)?"),
    ("比上年", r"比上(?:一)?年(?:度)?"),
    ("比去年", r"比去年(?:度)?"),
    ("与某年", r"[与和同]\d{4}年(?:度)?(?:相比)?"),
    ("与上年", r"[与和同](?:上|去)(?:一)?年(?:度)?(?:相比)?"),
    ("同比", r"同比"),
)
# Words that may sit between the comparison and the change word ("比2022年或减少" in the seed).
FILLER = r"(?:预算数?)?(?:，)?(?:或)?"

# Change words (publish.core.CHANGE_WORDS, with their signs).
CHANGE_WORD = "|".join(CHANGE_WORDS)
RATE = r"(?P<rate>\d+(?:\.\d+)?)\s*%"

_COMPARE = "(?:" + "|".join(f"(?:{regex})" for _, regex in COMPARED_WITH) + ")"
# A stated change, in the shapes the template's sentences take; the first that matches wins.
CHANGES: tuple[tuple[str, str], ...] = (
    ("amount-and-rate", rf"{_COMPARE}{FILLER}(?P<word>{CHANGE_WORD}){AMOUNT}[，（(]?(?:增长|下降|增幅|降幅)?{RATE}"),
    ("amount", rf"{_COMPARE}{FILLER}(?P<word>{CHANGE_WORD}){AMOUNT}"),
    ("rate", rf"{_COMPARE}{FILLER}(?P<word>{CHANGE_WORD}){RATE}"),
    ("flat", rf"{_COMPARE}{FILLER}(?P<word>{FLAT})"),
)
# A rate stated in its own clause after the change: "增加2万元，增长2%".
RATE_CLAUSE = rf"^(?P<word>增长|下降|增幅|降幅)(?:为)?{RATE}$"
RATE_SIGNS = {"增长": 1, "增幅": 1, "下降": -1, "降幅": -1}
# A part's change inside a reason: "人员经费增加17.97万元" (the part's name is matched separately).
PART_CHANGE = rf"^(?P<word>{CHANGE_WORD})(?:了)?{AMOUNT}$"

# Labels that open a reason or a purpose clause.
REASON_LABELS: tuple[tuple[str, str], ...] = (
    ("主要原因是", r"主要原因(?:是|为|：)"),
    ("原因是", r"原因(?:是|为|：)"),
    ("主要是", r"主要是"),
    ("主要由于", r"主要(?:由于|因为)"),
)
# Reasons quoted whole, label included: the overview's explanatory clause "主要是……".
VERBATIM_REASONS = ("主要是",)
PURPOSE_LABELS: tuple[tuple[str, str], ...] = (("主要用于", r"主要用于"),)
# A reason introduced like this lists only the main parts of a change (main-reasons).
MAIN_REASON_LABELS = ("主要原因是", "主要是", "主要由于")

# A functional classification code before a class name: "208", "20805", "2080505", "208 05 05".
FUNCTION_CODE = r"(?P<code>\d{3}(?:\s?\d{2}){0,2})"
# A class, source or item name followed by its amount, "预算" allowed after the name.
NAMED_AMOUNT = rf"^(?:{FUNCTION_CODE}\s*)?(?P<name>[^\d，,。；：]+?)(?:预算)?(?:数)?(?:为|是)?{AMOUNT}"

# Numbered labels that start a heading or a sub-item: 一、 （一） 1、 1.
LABEL = r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d+[、.．])\s*"


def compiled(table: tuple[tuple[str, str], ...]) -> list[tuple[str, re.Pattern[str]]]:
    return [(name, re.compile(regex)) for name, regex in table]


def alternation(table: tuple[tuple[str, str], ...]) -> str:
    return "(?:" + "|".join(f"(?:{regex})" for _, regex in table) + ")"
