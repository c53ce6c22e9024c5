"""The parts of its family a document does not give us, said in ``disclosure_parts`` (never by a zero).

Each part of the family's profile (``publish.core.required``) that the readers did not fill is one of:
- ``truncated``: our copy stops mid-sentence (a web store keeps the first ~1,000 characters of a page) and the
  part is not in it, or the copy stops inside the part's own paragraph; the note quotes where the copy stops;
- ``not_published``: the copy is whole and the part's words appear nowhere in it.
A part whose words are in the text but whose figures were not read gets no row: ``unread.csv`` says why, and
claiming the document lacks it would be false.
"""

from __future__ import annotations

import re

from publish.core import PROFILES
from publish.extract import patterns
from publish.extract.model import Extraction
from publish.extract.sections import heading_only, paragraphs

# part -> (its name in Chinese, English, the words any text of it holds)
PART_WORDS: dict[str, tuple[str, str, str]] = {
    "income": ("收入", "income", r"收入"),
    "expenditure-by-function": ("支出功能分类", "expenditure by function", r"支出预算|[（(]类[）)]|功能分类|按功能"),
    "expenditure-by-type": ("基本支出和项目支出", "basic and project expenditure", r"基本支出|项目支出|支出合计"),
    "sangong": ("“三公”经费", "'three public' costs", r"三公"),
    "operating-costs": ("机关运行经费", "operating costs", r"运行经费"),
    "procurement": ("政府采购", "procurement", r"政府采购"),
    "vehicles": ("国有资产占用（车辆）", "state assets (vehicles)", r"车辆|公务用车"),
    "kpis": ("绩效目标", "performance goals", r"绩效"),
    "performance": ("绩效目标设置情况", "performance goal setting", r"绩效"),
    "government-fund": ("政府性基金预算支出", "government fund expenditure", r"政府性基金[^，。；]*支出"),
    "contact": ("公开联系人", "the contact", r"联系人|联系电话"),
}
# A last line that ends a whole page although it has no full stop: a contact, a page footer.
PROPER_END = r"联系人|联系电话|电话|打印|关闭|分享|字号|返回|版权|主办|ICP|【"
QUOTED = 40  # characters of the copy's last words quoted in a note
NEAR_CUT = 2  # a part whose words are in the copy's last paragraphs was cut off (its heading, then the cut)


def record_parts(ext: Extraction, lines: list[str], family: str) -> None:
    profile = PROFILES.get(family)
    if profile is None:
        return
    whole = [p for p in paragraphs(lines) if p.strip()]
    tail = _cut(whole)
    text = [p for p in whole if not heading_only(p)]  # a table of contents names parts it may not hold
    for part in profile.parts:
        if part.name in PART_WORDS and not _filled(ext, part):
            _record(ext, part.name, text, tail)
    disclosure = (ext.rows.get("disclosures") or [{}])[0]
    for name in dict.fromkeys(part for field, part in profile.fields.items() if not disclosure.get(field)):
        if name in PART_WORDS and not _recorded(ext, name):
            _record(ext, name, text, tail)


def _cut(text: list[str]) -> str | None:
    """The copy's last paragraph when it stops mid-sentence, else None."""
    last = text[-1].strip() if text else ""
    if not last or re.search(patterns.SENTENCE_END, last) or re.search(PROPER_END, last):
        return None
    return last


def _filled(ext: Extraction, part) -> bool:
    """Every line of the part has a row holding a figure (any row at all for a part of no figure)."""
    rows = ext.rows.get(part.resource, [])
    return all(any(_agrees(row, line) and _has_value(row, line) for row in rows) for line in part.lines)


def _agrees(row: dict[str, str], line: dict[str, str]) -> bool:
    return all(row.get(k) == v for k, v in line.items())


def _has_value(row: dict[str, str], line: dict[str, str]) -> bool:
    return not line or bool(row.get("amount") or row.get("count"))


def _recorded(ext: Extraction, name: str) -> bool:
    return any(row.get("part") == name for row in ext.rows.get("disclosure_parts", []))


def _record(ext: Extraction, name: str, text: list[str], tail: str | None) -> None:
    zh, en, words = PART_WORDS[name]
    if tail is not None and any(re.search(words, p) for p in text[-NEAR_CUT:]):
        shown = tail[-QUOTED:]
        note = f"our copy stops at “{shown}”: {en} is cut off（副本止于“{shown}”，{zh}不全）"
        status = "truncated"
    elif any(re.search(words, p) for p in text):
        return  # its words are there: what was not read is in unread.csv
    elif tail is not None:
        shown = tail[-QUOTED:]
        note = f"our copy stops at “{shown}”; {en} is not in it（副本止于“{shown}”，其中没有{zh}）"
        status = "truncated"
    else:
        note = f"the document has no {en} part（文件中没有{zh}部分）"
        status = "not_published"
    ext.put("disclosure_parts", {"part": name}, {"status": status, "note": note}, tail or "", "parts")
