"""Findings grouped by disclosure (department-year, kind and scope), the way a reviewer reads them."""

from __future__ import annotations

from itertools import groupby

from publish.core import Finding, identity_words

PACKAGE = (0, "", "", "")


def department_year(finding: Finding) -> tuple[int, str, str, str]:
    if finding.department_id is None or finding.fiscal_year is None:
        return PACKAGE
    return finding.fiscal_year, finding.department_id, finding.document_kind or "", finding.scope or ""


def by_department_year(findings: list[Finding]) -> list[tuple[tuple[int, str, str, str], list[Finding]]]:
    ordered = sorted(findings, key=lambda f: (department_year(f), f.path or "", f.row or 0))
    return [(key, list(group)) for key, group in groupby(ordered, key=department_year)]


def heading(key: tuple[int, str, str, str], lang: str) -> str:
    """``2023 年 · 500238-zwfwzx`` (the kind and scope follow unless it is the consolidated budget)."""
    if key == PACKAGE:
        return "数据包与文件" if lang == "zh" else "Package and files"
    year, department, kind, scope = key
    words_zh, words_en = identity_words(kind, scope)
    if lang == "zh":
        return f"{year} 年 · {department}" + (f" · {words_zh}" if words_zh else "")
    return f"{department} · {year}" + (f" · {words_en}" if words_en else "")
