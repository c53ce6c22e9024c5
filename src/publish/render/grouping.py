"""Findings grouped by department-year, the way a reviewer reads them."""

from __future__ import annotations

from itertools import groupby

from publish.core import Finding

PACKAGE = (0, "")


def department_year(finding: Finding) -> tuple[int, str]:
    if finding.department_id is None or finding.fiscal_year is None:
        return PACKAGE
    return finding.fiscal_year, finding.department_id


def by_department_year(findings: list[Finding]) -> list[tuple[tuple[int, str], list[Finding]]]:
    ordered = sorted(findings, key=lambda f: (department_year(f), f.path or "", f.row or 0))
    return [(key, list(group)) for key, group in groupby(ordered, key=department_year)]


def heading(key: tuple[int, str], lang: str) -> str:
    if key == PACKAGE:
        return "数据包与文件" if lang == "zh" else "Package and files"
    year, department = key
    return f"{year} 年 · {department}" if lang == "zh" else f"{department} · {year}"
