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
    ("profile", "单位基本情况", "unit profile", r"(?:单位|部门)基本情况|^基本情况$|部门主要职能|单位职能"),
    (
        "overview",
        "部门收支总体情况",
        "income and expenditure overview",
        r"(?<!拨款)(?:收支|收入支出)(?:预算)?(?:总体)?情况|预算收支(?:总体)?情况",
    ),
    (
        "explanation",
        "部门预算情况说明",
        "budget explanation",
        r"^(?:部门|单位)预算情况说明|财政拨款收支(?:预算)?(?:总体)?情况|一般公共预算财政拨款支出(?:预算)?情况",
    ),
    ("sangong", "“三公”经费情况说明", "'three public' costs", r"^(?:一般公共预算|财政拨款)?[“\"]?三公[”\"]?经费"),
    ("other", "其他重要事项的情况说明", "other important matters", r"其他重要事项"),
    ("performance", "绩效目标编制情况", "performance goals", r"整体绩效目标编制情况|绩效目标编制情况说明"),
    ("glossary", "专业性名词解释", "glossary", r"名词解释"),
)
CONTACT = ("contact", "公开联系人", "contact", r"^(?:部门预算)?(?:公开)?联系人[：\s]")
HEADING_MAX = 50
SUBHEADING_MAX = 20  # a sub-heading ("（一）收入预算：", "2.支出情况。") is short


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


def paragraphs(lines: list[str]) -> list[str]:
    """The section's paragraphs as the text means them, whatever the layout put on separate lines.

    A sub-heading alone on its line ("（一）收入预算", "1.收入情况。") is joined with the text under it, and a
    line that stops mid-sentence (no 。；： at its end, as a PDF or a web page wraps text) with the next one,
    unless that next line opens a numbered item of its own.
    """
    joined: list[str] = []
    pending = ""
    for line in (raw.strip() for raw in lines):
        if "\t" in line:  # a table row (TAB-separated cells) stands alone: the table readers' part
            joined.extend([pending, line] if pending else [line])
            pending = ""
            continue
        if not line:
            if pending and not heading_only(pending):
                joined.append(pending)
                pending = ""
            continue
        if pending and (heading_only(pending) or _runs_on(pending)) and not _opens_item(line, pending):
            pending = _join(pending, line)
            continue
        if pending:
            joined.append(pending)
        pending = line
    if pending:
        joined.append(pending)
    return joined


def unlabelled(paragraph: str) -> str:
    """A paragraph without the number that opens it ("（1）", "2.", "三、")."""
    return re.sub(LABEL, "", paragraph.strip())


def heading_only(line: str) -> bool:
    """A numbered sub-heading with no figure in it: what it heads is on the next line."""
    bare = re.sub(LABEL, "", line)
    return bare != line and len(bare) <= SUBHEADING_MAX and not re.search(r"\d", bare)


def _runs_on(line: str) -> bool:
    return not re.search(r"[。；！？]$", line) and not heading_only(line)


def _opens_item(line: str, pending: str) -> bool:
    """The next line opens its own numbered item, or is a heading of the template: it starts a paragraph."""
    return bool(re.match(LABEL, line)) or _heading(line, {}) is not None


def _join(head: str, line: str) -> str:
    return head + line if re.search(r"[：。，；:]$", head) or not heading_only(head) else f"{head}：{line}"


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
