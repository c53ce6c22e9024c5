"""Excel habits in number cells: full-width digits, thousands separators, 万元 written after the figure.

`normalise_number` gives the ASCII decimal a clerk meant when that is certain (used by
`publish validate --fix`); `describe` names the habits found, for the type-error message.
"""

from __future__ import annotations

import re
import unicodedata

THOUSANDS = re.compile(r"^-?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$")
NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")


def normalise_number(cell: str) -> str:
    """The ASCII decimal a clerk meant, when that is certain; otherwise the cell unchanged."""
    candidate = unicodedata.normalize("NFKC", cell).strip().removesuffix("万元").strip()
    if THOUSANDS.match(candidate):
        candidate = candidate.replace(",", "")
    return candidate if NUMBER.match(candidate) else cell


def describe(cell: str) -> tuple[str, str] | None:
    """What habits make ``cell`` not a plain number, and the fix, in (Chinese, English); None if none applies."""
    fixed = normalise_number(cell)
    if fixed == cell:
        return None
    found_zh, found_en = [], []
    if unicodedata.normalize("NFKC", cell) != cell:
        found_zh.append("全角数字或符号")
        found_en.append("full-width digits or signs")
    if "," in unicodedata.normalize("NFKC", cell):
        found_zh.append("千分位逗号")
        found_en.append("thousands separators")
    if "万元" in cell:
        found_zh.append("数字后写了“万元”")
        found_en.append("万元 written after the figure")
    if not found_zh:
        found_zh.append("多余的空格")
        found_en.append("extra spaces")
    return (
        f"发现{'、'.join(found_zh)}，应写作 {fixed}；publish validate --fix 可自动改正",
        f"found {', '.join(found_en)}: write {fixed}; `publish validate --fix` corrects it",
    )
