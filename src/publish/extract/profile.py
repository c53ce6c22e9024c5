"""The words around the figures: duties and internal units, glossary, contact (the title: identity.py)."""

from __future__ import annotations

import re

from publish.extract.model import Extraction
from publish.extract.sections import Document
from publish.extract.text import squeeze

SUBSECTION = r"^[（(][一二三四五六七八九十]+[）)]"
NUMBERED = r"^\d+[、.．]"
UNITS = (
    r"(?P<count>\d+)个内设(?:机构|科室)[：:](?P<units>[^，。；]+)"
    r"|内设(?:机构|科室)(?:有|包括)?[：:](?P<listed>[^。；]+)"
)
CREDIT_CODE = r"统一社会信用代码[：:]?\s*(?P<code>[0-9A-HJ-NPQRTUWXY]{18})"
CONTACT = r"联系人[：:]\s*(?P<name>[^\s：:]+?)\s*(?:联系方式|联系电话|电话)[：:]\s*(?P<phone>[0-9][0-9\- ]{5,})"


def read_profile(document: Document, ext: Extraction, name: str, division_name: str, all_text: str) -> None:
    key: dict[str, str] = {}
    values = {"name": name, "division_code": ext.department_id[:6], "division_name": division_name}
    values["profile_year"] = ext.fiscal_year
    code = re.search(CREDIT_CODE, all_text)
    if code:
        values["credit_code"] = code.group("code")
    ext.put("departments", key, values, document.title, "title")
    lines = [squeeze(line) for line in document.lines("profile") if line.strip()]
    if not lines:
        return
    duties = [line for line in _subsection(lines, r"职能职责|主要职能|职责") if re.match(NUMBERED, line)]
    if duties:
        ext.put(
            "departments",
            key,
            {"duties": " ".join(duties), "duty_count": str(len(duties))},
            " ".join(duties),
            "profile",
        )
    else:
        ext.miss(
            "profile", "missing-figure", "", "未找到编号列出的职能职责", "no numbered duties (职能职责) were found"
        )
    _internal_units(ext, _subsection(lines, r"单位构成|机构设置|内设机构"))


def _subsection(lines: list[str], title: str) -> list[str]:
    start = next((i for i, line in enumerate(lines) if re.match(SUBSECTION, line) and re.search(title, line)), None)
    if start is None:
        return []
    end = next((i for i in range(start + 1, len(lines)) if re.match(SUBSECTION, lines[i])), len(lines))
    return lines[start + 1 : end]


def _internal_units(ext: Extraction, lines: list[str]) -> None:
    statement = "".join(lines)
    match = re.search(UNITS, statement)
    if not match:
        ext.miss("profile", "missing-figure", statement, "未找到内设机构名单", "no list of internal units was found")
        return
    units = [u for u in re.split(r"[、，]", match.group("units") or match.group("listed")) if u]
    count = match.group("count") or str(len(units))
    values = {"internal_units": "、".join(units), "internal_unit_count": count, "structure_statement": statement}
    ext.put("departments", {}, values, statement, "profile")
    if int(count) != len(units):
        ext.miss(
            "profile",
            "irregular",
            statement,
            f"文中说有 {count} 个内设机构，却列出了 {len(units)} 个",
            f"the text states {count} internal units but lists {len(units)}",
        )


def read_glossary(document: Document, ext: Extraction) -> None:
    lines = [squeeze(line) for line in document.lines("glossary") if line.strip()]
    terms: list[list[str]] = []
    for line in lines:
        match = re.match(rf"{SUBSECTION}\s*(?P<term>[^：:]+)[：:](?P<definition>.*)$", line)
        if match:
            terms.append([match.group("term"), match.group("definition")])
        elif terms:
            terms[-1][1] += line
    for number, (term, definition) in enumerate(terms, 1):
        values = {"term": term, "definition": definition}
        ext.put("glossary", {"term_no": str(number)}, values, f"{term}：{definition}", "glossary")
    if lines and not terms:
        ext.miss(
            "glossary",
            "unread-clause",
            lines[0],
            "名词解释未按“（一）名词：解释”书写，未读取",
            "the glossary is not written as '（一）term：definition'; not read",
        )


def read_contact(document: Document, ext: Extraction) -> None:
    lines = document.lines("contact")
    if not lines:
        return
    match = re.search(CONTACT, lines[0])
    if not match:
        ext.miss(
            "contact",
            "unread-clause",
            lines[0],
            "联系人或联系电话未能读取",
            "the contact name or phone could not be read",
        )
        return
    phone = re.sub(r"\s", "", match.group("phone"))
    ext.put("disclosures", {}, {"contact_name": match.group("name"), "contact_phone": phone}, lines[0], "contact")
