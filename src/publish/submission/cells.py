"""Turning one submitted cell into the text the data files hold, undoing Excel habits.

Every change made here is documented and reported as a note; none changes what a figure
means. Anything that could mean two things (``1,5``, an amount in 元, a formula without a
value) is not guessed: it is returned as a problem for the submitter to fix.

Normalisations, each with its note id (the Excel habits are undone by ``publish.core.undo_habits``, the one
normaliser that ``publish validate --fix`` and the type-error messages use too):

- ``normalised-whitespace``: leading and trailing spaces (also full-width ones) removed; in number and date
  cells any white space.
- ``normalised-full-width``: full-width digits and punctuation (``１２３．４５``) made half-width,
  ``−`` (minus sign) made ``-``; only in number, integer, year and date cells.
- ``normalised-thousands-separator``: ``1,234.50`` read as ``1234.50`` where the commas group
  exactly three digits.
- ``normalised-wanyuan-suffix``: an amount written ``12.5万元`` or ``12.5万`` read as ``12.5``
  (the data is in 万元 already). ``元`` alone is refused: it may be yuan.
- ``normalised-number-text``: a number cell Excel stored as text read as the number.
- ``normalised-excel-number``: a number Excel stored in binary read as Excel shows it
  (15 significant digits), and a whole number in a text or integer cell written without ``.0``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from publish.core import HABITS, NUMERIC, undo_habits


@dataclass(frozen=True)
class CellNote:
    rule: str
    before: str
    after: str


@dataclass(frozen=True)
class CellProblem:
    rule: str
    zh: str
    en: str


@dataclass
class Cell:
    text: str
    notes: list[CellNote]
    problem: CellProblem | None = None


HABIT_NOTES = {habit: f"normalised-{habit}" for habit in HABITS}  # the note id for each Excel habit undone
NOTES_ZH = {
    "normalised-whitespace": "去掉首尾空格",
    "normalised-full-width": "全角字符改为半角",
    "normalised-thousands-separator": "去掉千位分隔符",
    "normalised-wanyuan-suffix": "去掉“万元”单位后缀",
    "normalised-number-text": "以文本存储的数字按数字读取",
    "normalised-excel-number": "按 Excel 显示的数值读取",
    "normalised-merged-cell": "合并单元格的值填入其覆盖的每一格",
    "normalised-key-filled": "空白的键值按本报送的部门年度填入",
}
NOTES_EN = {
    "normalised-whitespace": "leading/trailing spaces removed",
    "normalised-full-width": "full-width characters made half-width",
    "normalised-thousands-separator": "thousands separators removed",
    "normalised-wanyuan-suffix": "the unit suffix 万元 removed",
    "normalised-number-text": "a number stored as text read as a number",
    "normalised-excel-number": "a number read as Excel displays it",
    "normalised-merged-cell": "a merged cell's value filled into every cell it covers",
    "normalised-key-filled": "a blank key filled in from the department-year of this submission",
}


def normalise(value: Any, field_type: str, text_file: bool = False) -> Cell:
    """The canonical text of a cell ``value`` (from openpyxl or a CSV) for a field of ``field_type``.

    ``text_file``: the value comes from a CSV, where every number is text, so that is not noted.
    """
    if value is None:
        return Cell("", [])
    if isinstance(value, bool):
        return Cell("true" if value else "false", [])
    if isinstance(value, (int, float, Decimal)):
        return _from_number(value, field_type)
    if isinstance(value, (dt.datetime, dt.date)):
        return _from_date(value, field_type)
    cell = _from_text(str(value), field_type)
    if text_file:
        cell.notes = [note for note in cell.notes if note.rule != "normalised-number-text"]
    return cell


def _from_number(value: int | float | Decimal, field_type: str) -> Cell:
    number = Decimal(format(value, ".15g")) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        return Cell(str(value), [], _not_a_number(str(value), field_type))
    text = _plain(number)
    rounded = isinstance(value, float) and number != Decimal(repr(value))
    notes = [CellNote("normalised-excel-number", repr(value), text)] if rounded else []
    if field_type in ("integer", "year") and number != number.to_integral_value():
        return Cell(text, notes, _not_whole(text))
    return Cell(text, notes)


def _plain(number: Decimal) -> str:
    if number == number.to_integral_value():
        return format(number.to_integral_value(), "f")  # quantize would fail beyond 28 digits
    return format(number.normalize(), "f")


def _from_date(value: dt.date, field_type: str) -> Cell:
    if field_type == "yearmonth":
        return Cell(value.strftime("%Y-%m"), [])
    if field_type == "year":
        return Cell(str(value.year), [])
    return Cell(value.strftime("%Y-%m-%d"), [])


def _from_text(raw: str, field_type: str) -> Cell:
    text, undone = undo_habits(raw, field_type)
    notes = [CellNote(HABIT_NOTES[step.habit], step.before, step.after) for step in undone]
    if field_type not in NUMERIC or text == "":
        return Cell(text, notes)
    return _number_text(text, field_type, notes)


def _number_text(text: str, field_type: str, notes: list[CellNote]) -> Cell:
    try:
        number = Decimal(text)
    except InvalidOperation:
        return Cell(text, notes, _not_a_number(text, field_type))
    if not number.is_finite() or "e" in text.lower():
        return Cell(text, notes, _not_a_number(text, field_type))
    notes.append(CellNote("normalised-number-text", text, text))
    if field_type in ("integer", "year") and number != number.to_integral_value():
        return Cell(text, notes, _not_whole(text))
    return Cell(text, notes)


def _not_a_number(text: str, field_type: str) -> CellProblem:
    kind_zh = "整数" if field_type in ("integer", "year") else "数字（金额单位为万元）"
    kind_en = "a whole number" if field_type in ("integer", "year") else "a number (amounts are in 万元)"
    return CellProblem(
        "submission-not-a-number",
        f"“{text}”不是{kind_zh}，请只填数字，不要写单位“元”、文字或多个数",
        f"'{text}' is not {kind_en}: enter only the figure, without 元, words or several numbers",
    )


def _not_whole(text: str) -> CellProblem:
    return CellProblem(
        "submission-not-a-whole-number",
        f"“{text}”不是整数，此处只能填整数",
        f"'{text}' is not a whole number, which this column requires",
    )
