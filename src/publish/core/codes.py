"""The shapes of the codes a package keys its lines by: department ids and function classification codes.

- A department id is the GB/T 2260 division code of its county, a hyphen, and lower-case pinyin
  initials: ``500238-zwfwzx``. The schemas hold the same pattern on every ``department_id``.
- A function code (政府收支分类科目) has 3, 5 or 7 digits for 类, 款 and 项: each level adds two digits
  to its parent's code, and a 类 hangs under the table's total line.
"""

from __future__ import annotations

DEPARTMENT_ID = r"[0-9]{6}-[a-z0-9]+(-[a-z0-9]+)*"
CLASS_DIGITS = 3  # a 类 code
LEVEL_DIGITS = 2  # what each lower level (款, 项) adds
TOTAL = "total"  # the line a 类 is a part of


def parent_code(code: str) -> str:
    """The line ``code`` is a part of: the code one level up, or the total for a 类."""
    return TOTAL if len(code) == CLASS_DIGITS else code[:-LEVEL_DIGITS]
