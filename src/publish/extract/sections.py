"""The template's sections: finding their headings and the lines under each.

The national template (部门预算情况说明) has a fixed set of parts. A heading is a short line
(numbered or not, no amount in it) naming one of them; the contact line is found wherever it is.
A part whose heading is missing is reported as absent: its figures are never filled in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from publish.extract.patterns import LABEL

# (section id, Chinese name, English name, heading regex); order = the template's order.
SECTIONS: tuple[tuple[str, str, str, str], ...] = (
    ("profile", "单位基本情况", "unit profile", r"(?:单位|部门)基本情况|部门主要职能|单位职能"),
    ("overview", "部门收支总体情况", "income and expenditure overview", r"收支(?:预算)?总体情况"),
    ("explanation", "部门预算情况说明", "budget explanation", r"部门预算情况说明|财政拨款收支情况"),
    ("sangong", "“三公”经费情况说明", "'three public' costs", r"^[“\"]?三公[”\"]?经费"),
    ("other", "其他重要事项的情况说明", "other important matters", r"其他重要事项"),
    ("performance", "绩效目标编制情况", "performance goals", r"整体绩效目标编制情况|绩效目标编制情况说明"),
    ("glossary", "专业性名词解释", "glossary", r"名词解释"),
)
CONTACT = ("contact", "公开联系人", "contact", r"^(?:部门预算)?(?:公开)?联系人[：\s]")
HEADING_MAX = 50


@dataclass
class Document:
    title: str
    sections: dict[str, list[str]] = field(default_factory=dict)
    source_file: str = ""

    def lines(self, section: str) -> list[str]:
        return self.sections.get(section, [])

    def absent(self) -> list[tuple[str, str, str]]:
        return [(sid, zh, en) for sid, zh, en, _ in (*SECTIONS, CONTACT) if sid not in self.sections]


def split(lines: list[str], source_file: str = "") -> Document:
    """Cut the document's lines into the template's sections; the first non-empty line is the title."""
    body = [line for line in lines]
    title_at = next((i for i, line in enumerate(body) if line.strip()), 0)
    document = Document(title=body[title_at].strip() if body else "", source_file=source_file)
    current: str | None = None
    for line in body[title_at + 1 :]:
        found = _heading(line, document.sections)
        if found:
            current = found
            document.sections[current] = [line] if found == CONTACT[0] else []
        elif current is not None:
            document.sections[current].append(line)
    return document


def _heading(line: str, seen: dict[str, list[str]]) -> str | None:
    if re.search(CONTACT[3], line) and CONTACT[0] not in seen:
        return CONTACT[0]
    bare = re.sub(LABEL, "", line.strip())
    if not bare or len(bare) > HEADING_MAX or re.search(r"\d\s*(?:万元|元|辆)", bare):
        return None
    for sid, _zh, _en, regex in SECTIONS:
        if sid not in seen and re.search(regex, bare):
            return sid
    return None
