"""Extracting one disclosure: read the file, find its sections, read every part, settle the department."""

from __future__ import annotations

import re
from pathlib import Path

from publish.core import DEFAULT_PROFILE, DEPARTMENT_ID
from publish.extract import (
    budget,
    divisions,
    final,
    gaps,
    goals,
    grid,
    hubei,
    matters,
    parts,
    profile,
    sangong_note,
    shanghai,
    title_words,
)
from publish.extract.combine import combine, table_extraction
from publish.extract.errors import ExtractError
from publish.extract.identity import Identity, Overrides, identify
from publish.extract.model import Extraction
from publish.extract.naming import propose
from publish.extract.readers import read_document
from publish.extract.reference import Reference, load_reference
from publish.extract.sections import Document, split

# The tables that hold a document's figures: one of them filled means something was read.
FIGURE_TABLES = (
    "income",
    "expenditure_by_function",
    "expenditure_by_type",
    "expenditure_by_economic",
    "sangong",
    "operating_costs",
    "procurement",
    "assets",
)


def extract(
    path: str | Path, department: str | None = None, package: str | Path = ".", overrides: Overrides | None = None
) -> Extraction:
    """Read the explanation text at ``path`` (.txt, .docx, text .pdf) into the package's tables (without a
    package, into the tables of the data model shipped with the tool)."""
    reference = load_reference(package)
    lines = read_document(path)
    identity = identify(lines, overrides, Path(path).name)
    lines = title_words.without_stored(lines)
    source = source_name(Path(path), reference.package.root)
    ext = Extraction(title=identity.title, fiscal_year=identity.fiscal_year)
    ext.document_kind, ext.scope = identity.document_kind, identity.scope
    for text, zh, en in identity.notes:
        ext.miss("title", "irregular", text, zh, en)
    ext.department_id = _department(reference, department, identity, ext, (Path(path).name, "\n".join(lines)))
    code = ext.department_id[:6]
    division = reference.division_name(code) or divisions.name_of(code)
    if identity.profile.startswith("shanghai") or shanghai.is_shanghai(lines):
        identity.profile = "shanghai-final" if identity.document_kind == "final_account" else "shanghai-budget"
        _disclosure(ext, source, identity)
        shanghai.department_row(ext, identity.name, division)
        shanghai.read(lines, ext, reference)
    else:
        _read_other_families(lines, ext, identity, reference, (source, division))
    gaps.drop_parents_not_read(ext, reference.package)
    gaps.mark_incomplete_function_table(ext)
    _keep_schema_fields(ext, reference.package)
    _say_if_nothing_read(ext, identity)
    ext.finish()
    return ext


def _say_if_nothing_read(ext: Extraction, identity: Identity) -> None:
    """A document of which no figure was read, and whose unread parts quote none, is said to be unrecognised: never
    passed off as empty."""
    if any(ext.rows.get(name) for name in FIGURE_TABLES) or any(re.search(r"\d", u.text) for u in ext.unread):
        return
    ext.miss(
        "document",
        "unrecognised",
        identity.title,
        f"未能从文件中读出任何金额或数量（按“{identity.profile}”类文件读取）。若文件有标题，请核对年度、种类"
        "（--year、--kind）；其数字须手工填报",
        f"no amount or count could be read from the document (read as a '{identity.profile}' document). If it has "
        "a title, check its year and kind (--year, --kind); its figures must be keyed by hand",
    )


def _read_other_families(
    lines: list[str], ext: Extraction, identity: Identity, reference: Reference, where: tuple[str, str]
) -> None:
    """A narrative (its tables read beside it and merged) or a 三公 note: by its sections."""
    source, division = where
    pages, lines = lines, grid.without_pages(lines)  # page markers name a table's page, not narrative lines
    document = split(lines, source)
    document.title = identity.title
    family = identity.profile
    ext.absent = document.absent() if family == DEFAULT_PROFILE else []  # the seed family's sections, by heading
    for sid, zh, en in ext.absent:
        ext.miss(
            sid,
            "absent-section",
            zh,
            f"文件中没有“{zh}”部分，其数字未填（不以 0 填充）",
            f"the document has no '{en}' part; its figures are left empty (never zeros)",
        )
    profile.read_profile(document, ext, identity.name, division, "\n".join(lines))
    _disclosure(ext, source, identity)
    if family == "sangong-note":
        sangong_note.read(document, lines, ext)
        return
    _read_narrative(document, lines, ext, reference)
    combine(ext, table_extraction(pages, reference, ext.fiscal_year, ext.document_kind))
    parts.record_parts(ext, lines, family)


def _read_narrative(document: Document, lines: list[str], ext: Extraction, reference: Reference) -> None:
    """A 决算 narrative (Chongqing's, or the national template's elsewhere), the Hubei 预算公开说明, or a budget
    narrative of the seed family (the template every other family's budget is read with)."""
    if ext.document_kind == "final_account":
        final.read_final(lines, ext, reference)
    elif ext.rows["disclosures"][0].get("profile") == "hubei-budget":
        hubei.read_hubei(lines, ext, reference)
    else:
        budget.read_overview(document, ext, reference)
        budget.read_explanation(document, ext)
        matters.read_sangong(document, ext)
        matters.read_other(document, ext)
        goals.read_performance(document, ext)
        profile.read_glossary(document, ext)
    profile.read_contact(document, ext)


def source_name(path: Path, package_root: Path) -> str:
    """The document as ``source_file`` names it: its path in the package when it lies inside, else its file name."""
    try:
        return path.resolve().relative_to(package_root.resolve()).as_posix()
    except ValueError:
        return path.name


def _keep_schema_fields(ext: Extraction, package) -> None:
    """A figure read for a column its table does not have (a wording in the wrong section) is reported, not kept."""
    for name, rows in ext.rows.items():
        resource = package.resources.get(name)
        known = {field["name"] for field in resource.fields} if resource else set()
        for row in rows:
            for column in [c for c in row if c not in known]:
                value = row.pop(column)
                ext.miss(
                    name,
                    "unknown-field",
                    f"{column}={value}",
                    f"读到了 {name} 表没有的字段 {column}（“{value[:40]}”），可能是章节标题有误；未采用",
                    f"read a {column} ('{value[:40]}') for {name}, which has no such column (a section heading may be "
                    "wrong); not kept",
                )


def _disclosure(ext: Extraction, source_file: str, identity: Identity) -> None:
    values = {"title": identity.title, "document_type": identity.document_type, "source_file": source_file}
    values.update(profile=identity.profile, source_url=identity.source_url or None)
    ext.put("disclosures", {}, values, identity.title, "title")


def _department(
    reference: Reference, given: str | None, identity: Identity, ext: Extraction, document: tuple[str, str]
) -> str:
    """``--department``, else the package's department of that name, else a proposed id (said, never silent)."""
    if given:
        if not re.fullmatch(DEPARTMENT_ID, given):
            raise ExtractError(
                f"部门编号“{given}”格式不对，应为行政区划代码加连字符加拼音首字母，如 500238-zwfwzx",
                f"department id '{given}' is malformed: use the division code, a hyphen and pinyin initials, "
                "e.g. 500238-zwfwzx",
            )
        return given
    known = reference.department_named(identity.name) if identity.name else None
    if known:
        return known["department_id"]
    file_name, text = document
    proposal = propose(identity, text, file_name)
    taken = reference.department(proposal.department_id)
    if taken:  # the same code and initials for another name: the user must choose
        raise ExtractError(
            f"{file_name}：数据包中没有“{identity.name}”；建议的编号 {proposal.department_id} 已属于“{taken['name']}”，"
            "请用 --department 另定一个编号",
            f"{file_name}: the package has no '{identity.name}'; the id it would get, {proposal.department_id}, is "
            f"already '{taken['name']}'s; choose another with --department",
        )
    ext.proposal = proposal.as_dict()
    return proposal.department_id
