"""Excel habits in cells: spaces around, full-width digits, the − sign, thousands separators, 万元 after the figure.

One normaliser serves every reader: `undo_habits` gives the text a clerk meant and each habit it undid, in
order (a submission's cell notes, `publish add`); `normalise_number` keeps the result only when it is a
plain number (`publish validate --fix`); `describe` names the habits found, for a type error's message.
Only what is certain is undone: ``1,5`` or an amount in 元 stay as they are.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

SPACES = " \t\r\n\u3000\u00a0"
NUMERIC = ("number", "integer", "year")
HALF_WIDTH = (*NUMERIC, "date", "yearmonth")  # types whose text is digits and signs, never words
THOUSANDS = re.compile(r"^-?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$")
WANYUAN = re.compile(r"^(.*?)\s*(万元?)$")  # amounts are in 万元 already: the unit written after is dropped
NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
MINUS = "\u2212"  # the typographic minus sign, which NFKC leaves alone


HABITS = ("whitespace", "full-width", "wanyuan-suffix", "thousands-separator")  # every habit undone, in order


@dataclass(frozen=True)
class Undone:
    habit: str  # one of HABITS
    before: str
    after: str


def undo_habits(cell: str, field_type: str = "number") -> tuple[str, list[Undone]]:
    """The text a clerk meant in a cell of a field of ``field_type``, and each habit undone, in order."""
    undone: list[Undone] = []
    if field_type not in HALF_WIDTH:
        return _undo(undone, "whitespace", cell, cell.strip(SPACES)), undone
    text = _undo(undone, "whitespace", cell, cell.strip())  # any white space: none belongs in a figure
    if text == "":
        return text, undone
    text = _undo(undone, "full-width", text, unicodedata.normalize("NFKC", text).replace(MINUS, "-").strip())
    if field_type == "number" and (match := WANYUAN.match(text)):
        text = _undo(undone, "wanyuan-suffix", text, match.group(1))
    if field_type in NUMERIC and THOUSANDS.match(text):
        text = _undo(undone, "thousands-separator", text, text.replace(",", ""))
    return text, undone


def _undo(undone: list[Undone], habit: str, before: str, after: str) -> str:
    if after != before:
        undone.append(Undone(habit, before, after))
    return after


def normalise_number(cell: str, field_type: str = "number") -> str:
    """The ASCII decimal a clerk meant, when that is certain; otherwise the cell unchanged."""
    text, _ = undo_habits(cell, field_type)
    return text if NUMBER.match(text) else cell


HABIT_NAMES = {
    "full-width": ("全角数字或符号", "full-width digits or signs"),
    "thousands-separator": ("千分位逗号", "thousands separators"),
}


def describe(cell: str, field_type: str = "number") -> tuple[str, str] | None:
    """What habits make ``cell`` not a plain number, and the fix, in (Chinese, English); None if none applies."""
    fixed = normalise_number(cell, field_type)
    if fixed == cell:
        return None
    _, undone = undo_habits(cell, field_type)
    found = [_name(step) for step in undone if step.habit != "whitespace"] or [("多余的空格", "extra spaces")]
    found_zh, found_en = [zh for zh, _ in found], [en for _, en in found]
    return (
        f"发现{'、'.join(found_zh)}，应写作 {fixed}；publish validate --fix 可自动改正",
        f"found {', '.join(found_en)}: write {fixed}; `publish validate --fix` corrects it",
    )


def _name(step: Undone) -> tuple[str, str]:
    if step.habit == "wanyuan-suffix":
        unit = step.before[len(step.after) :].strip()
        return f"数字后写了“{unit}”", f"{unit} written after the figure"
    return HABIT_NAMES[step.habit]
