"""The Shanghai district family: a budget or 决算 of nine tables (元 or 万元) and the narrative around them.

Recognised by 上海市 in its opening lines and at least three of the nine table titles. Its identity (year,
kind, scope, department name) is read from the cover and the tables' headings; its figures from the tables
(``shanghai_tables``) first, then the narrative (``shanghai_text``), which fills what the tables do not state
and is checked against them where both do.
"""

from __future__ import annotations

import re

from publish.extract import grid, shanghai_tables, shanghai_text
from publish.extract.identity import identity_from_title
from publish.extract.model import Extraction
from publish.extract.reference import Reference

OPENING_LINES = 15
SHANGHAI_WITHIN = 60  # lines (not table rows) in which 上海市 must appear: the cover, the contents, 编制部门
MIN_TITLES = 3
YEAR = re.compile(r"(20\d{2})\s*年")
BARE_YEAR = re.compile(r"^(20\d{2})$")
DOCUMENT_YEAR = re.compile(r"(20\d{2})\s*年度?\s*(?:区级)?(?:部门|单位)(?:预算|决算)")
PREPARER = re.compile(r"编制(?:部门|单位)\s*[：:]\s*(\S+)")
PART_ONE = re.compile(r"^第一部分\s*(\S+?)\s*概况$")  # the 决算's first part names the department in one line
DOCUMENT_TYPES = (("单位预算", "单位预算"), ("单位决算", "单位决算"), ("决算", "部门决算"), ("预算", "部门预算"))


def opening(lines: list[str]) -> list[str]:
    """The cover: the first non-empty lines that are not page markers or table rows."""
    found = [line.strip() for line in lines if line.strip() and not grid.PAGE.match(line.strip())]
    return [line for line in found if "\t" not in line][:OPENING_LINES]


def is_shanghai(lines: list[str]) -> bool:
    text_lines = [line for line in lines if "\t" not in line][:SHANGHAI_WITHIN]
    if not any("上海市" in line for line in text_lines):
        return False
    titles = [grid.clean(line) for line in lines if "\t" not in line and grid.TITLE.match(grid.clean(line))]
    kinds = {shanghai_tables.kind_of(grid.Table(title=title, page="")) for title in titles} - {""}
    return len(kinds) >= MIN_TITLES


def year_of(lines: list[str]) -> str:
    """The year the cover states (a year on its own line counts), else the tables' titles, else the first
    “2024年度部门决算”-like words of the text; '' if none."""
    cover = opening(lines)[:6]
    for line in cover:
        found = YEAR.search(line) or BARE_YEAR.match(line)
        if found:
            return found.group(1)
    for table in grid.tables(lines):
        found = YEAR.match(table.title)
        if found:
            return found.group(1)
    found = next((m for line in lines if "\t" not in line and (m := DOCUMENT_YEAR.search(line))), None)
    return found.group(1) if found else ""


def department_name(lines: list[str]) -> str:
    """The department the tables' headings name (编制部门：…), else the 决算's 第一部分 heading, else the cover."""
    for pattern in (PREPARER, PART_ONE):
        found = next((m for line in lines if (m := pattern.search(line.strip()))), None)
        if found:
            return found.group(1)
    cover = [line for line in opening(lines)[:4] if "上海市" in line and not YEAR.search(line)]
    return re.sub(r"\s+", "", cover[0]) if cover else ""


def department_row(ext: Extraction, name: str) -> None:
    """The department as the document names it, in the division its id gives (once the id is settled)."""
    division = re.search(r"上海市(\S{1,4}?区)", name)
    values = {"name": name, "division_code": ext.department_id[:6], "profile_year": ext.fiscal_year}
    if division:
        values["division_name"] = division.group(1)
    ext.put("departments", {}, values, name, "title")


def read(lines: list[str], source_file: str, reference: Reference, year: str) -> Extraction:
    """The whole document into an Extraction (the department id is the caller's to settle)."""
    title = "".join(re.sub(r"\s+", "", line) for line in opening(lines)[:3])
    ext = Extraction(title=title)
    ext.fiscal_year = year
    ext.document_kind, ext.scope = identity_from_title(title)
    kind = ext.document_kind
    document_type = next((name for word, name in DOCUMENT_TYPES if word in title), "")
    profile = "shanghai-final" if kind == "final_account" else "shanghai-budget"
    values = {"title": title, "document_type": document_type, "source_file": source_file, "profile": profile}
    ext.put("disclosures", {}, values, title, "title")
    shanghai_tables.read_tables(grid.tables(lines), ext, reference, kind)
    shanghai_text.read_text(shanghai_text.narrative(lines), ext, kind, reference)
    return ext
