"""Extracting one disclosure: read the file, find its sections, read every part, settle the department."""

from __future__ import annotations

import re
from pathlib import Path

from publish.core import DEFAULT_PROFILE, DEPARTMENT_ID, EXIT_USAGE, PublishError
from publish.extract import budget, final, goals, hubei, matters, parts, profile
from publish.extract.identity import identity_from_title
from publish.extract.model import Extraction
from publish.extract.readers import read_document
from publish.extract.reference import Reference, load_reference
from publish.extract.sections import Document, split


class ExtractError(PublishError):
    """The extraction cannot start; its exit code is EXIT_USAGE when the invocation must change (--department)."""


def extract(path: str | Path, department: str | None = None, package: str | Path = ".") -> Extraction:
    """Read the explanation text at ``path`` (.txt, .docx, text .pdf) into the package's tables."""
    reference = load_reference(package)
    lines = read_document(path)
    document = split(lines, source_name(Path(path), reference.package.root))
    title = profile.read_title(document)
    ext = Extraction(title=document.title)
    ext.fiscal_year = title.get("year") or _year_from_text(lines)
    ext.department_id = _department(reference, department, title.get("name", ""))
    ext.document_kind, ext.scope = identity_from_title(document.title)
    family = family_of(document.title)
    ext.absent = document.absent() if family == DEFAULT_PROFILE else []
    for sid, zh, en in ext.absent:
        ext.miss(
            sid,
            "absent-section",
            zh,
            f"文件中没有“{zh}”部分，其数字未填（不以 0 填充）",
            f"the document has no '{en}' part; its figures are left empty (never zeros)",
        )
    division = reference.division_name(ext.department_id[:6]) or _division_from_name(title.get("name", ""))
    profile.read_profile(document, ext, title.get("name", ""), division, "\n".join(lines))
    _disclosure(ext, document, title, family)
    if family == "chongqing-final":
        final.read_final(lines, ext, reference)
    elif family == "hubei-budget":
        hubei.read_hubei(lines, ext, reference)
    else:
        budget.read_overview(document, ext, reference)
        budget.read_explanation(document, ext)
        matters.read_sangong(document, ext)
        matters.read_other(document, ext)
        goals.read_performance(document, ext)
        profile.read_glossary(document, ext)
    profile.read_contact(document, ext)
    parts.record_parts(ext, lines, family)
    _keep_schema_fields(ext, reference.package)
    ext.finish()
    return ext


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


def family_of(title: str) -> str:
    """The family the narrative readers read (until the identity's profile replaces it): a 决算 title is the
    Chongqing 决算 narrative, any other the Chongqing county budget (the seed family)."""
    if "三公" in title:
        return DEFAULT_PROFILE
    if "决算" in title:
        return "chongqing-final"
    return "hubei-budget" if "预算公开说明" in title else DEFAULT_PROFILE


def _disclosure(ext: Extraction, document: Document, title: dict[str, str], family: str) -> None:
    values = {"title": document.title, "document_type": title.get("type", ""), "source_file": document.source_file}
    values["profile"] = family
    ext.put("disclosures", {}, values, document.title, "title")


def _year_from_text(lines: list[str]) -> str:
    for line in lines:
        match = re.search(r"(\d{4})年(?:年)?初预算", line)
        if match:
            return match.group(1)
    raise ExtractError(
        "无法从标题或正文判断预算年度（标题应形如“××单位2023年部门预算情况说明”）",
        "cannot tell the fiscal year from the title or the text "
        "(the title should read like '××2023年部门预算情况说明')",
    )


def _department(reference: Reference, given: str | None, name: str) -> str:
    if given:
        if not re.fullmatch(DEPARTMENT_ID, given):
            raise ExtractError(
                f"部门编号“{given}”格式不对，应为行政区划代码加连字符加拼音首字母，如 500238-zwfwzx",
                f"department id '{given}' is malformed: use the division code, a hyphen and pinyin initials, "
                "e.g. 500238-zwfwzx",
                exit_code=EXIT_USAGE,
            )
        return given
    known = reference.department_named(name) if name else None
    if known:
        return known["department_id"]
    shown = name or "（标题中未找到 not found in the title）"
    raise ExtractError(
        f"数据包的 departments 表中没有名为“{shown}”的部门。请用 --department 指定部门编号，"
        "如 --department 500238-zwfwzx（新部门按“行政区划代码-拼音首字母”自拟）",
        f"no department named '{shown}' in the package's departments table; give its id with --department, "
        "e.g. --department 500238-zwfwzx (for a new department: division code, a hyphen, pinyin initials)",
        exit_code=EXIT_USAGE,
    )


def _division_from_name(name: str) -> str:
    match = re.match(r"^(.{1,6}?[县区市旗])", name)
    return match.group(1) if match else ""
