"""Who and where, as the data says: the departments (creators), the publisher and contact
(the descriptor's contributors), and the place (the descriptor's ``spatial``, else the
departments' division). A 统一社会信用代码 is used only where ``departments.credit_code`` holds
one and its check character is right; nothing is guessed.
"""

from __future__ import annotations

from typing import Any

from publish.catalog.model import Agent, Contact, Place
from publish.core import Finding, credit_code_problem, division_code_problem

DESCRIPTOR = "datapackage.json"


def department_agent(row: dict[str, str], line: int, findings: list[Finding]) -> Agent:
    code = (row.get("credit_code") or "").strip() or None
    if code and (reason := credit_code_problem(code)):
        findings.append(_code_finding("credit-code-invalid", line, "credit_code", code, reason, "统一社会信用代码"))
    division = row.get("division_code", "")
    if reason := division_code_problem(division, row.get("division_name")):
        findings.append(_code_finding("division-code-invalid", line, "division_code", division, reason, "行政区划代码"))
    return Agent(key=row["department_id"], name=row["name"], credit_code=code)


def publisher(descriptor: dict[str, Any], creators: list[Agent], findings: list[Finding]) -> Agent | None:
    """The contributor with the role ``publisher`` (the department of that name if it is one)."""
    for contributor in descriptor.get("contributors", []):
        if "publisher" in contributor.get("roles", []):
            name = contributor.get("organization") or contributor.get("title", "")
            return next((a for a in creators if a.name == name), Agent(key="publisher", name=name))
    if len(creators) == 1:
        return creators[0]
    findings.append(
        error(
            "catalog-publisher-missing",
            DESCRIPTOR,
            'contributors 中没有角色为 publisher 的发布机构；请添加一个（roles: ["publisher"]）',
            'no contributor has the role publisher: add one (roles: ["publisher"])',
            field="contributors",
        )
    )
    return None


def contact(descriptor: dict[str, Any], disclosures: list[dict[str, str]]) -> Contact | None:
    """The contributor with the role ``contact``; the phone is the one the latest disclosure gives for them."""
    for contributor in descriptor.get("contributors", []):
        if "contact" in contributor.get("roles", []):
            name = contributor.get("title", "")
            rows = sorted((r for r in disclosures if r.get("contact_name") == name), key=lambda r: r["fiscal_year"])
            phone = rows[-1].get("contact_phone") or None if rows else None
            return Contact(name=name, organization=contributor.get("organization", ""), phone=phone)
    return None


def place(descriptor: dict[str, Any], departments: list[dict[str, str]], findings: list[Finding]) -> Place | None:
    spatial = descriptor.get("spatial") if isinstance(descriptor.get("spatial"), dict) else {}
    code = spatial.get("division_code") or next((r["division_code"] for r in departments), "")
    name = spatial.get("division_name") or next((r["division_name"] for r in departments), "")
    if reason := division_code_problem(str(code), name):
        zh, en = reason
        findings.append(
            error("division-code-invalid", DESCRIPTOR, f"spatial.division_code：{zh}", f"spatial.division_code: {en}")
        )
        return None
    return Place(division_code=str(code), name=name)


def _code_finding(rule: str, line: int, column: str, value: str, reason: tuple[str, str], label: str) -> Finding:
    zh, en = reason
    return Finding(
        rule=rule,
        severity="error",
        resource="departments",
        path="data/departments.csv",
        row=line,
        field=column,
        values={column: value},
        message_zh=f"data/departments.csv 第 {line} 行 {column}：{label}“{value}”有误：{zh}。",
        message_en=f"data/departments.csv line {line}, {column}: '{value}' is wrong: {en}.",
    )


def error(rule: str, path: str, zh: str, en: str, field: str | None = None) -> Finding:
    return Finding(
        rule=rule, severity="error", path=path, field=field, message_zh=f"{path}：{zh}。", message_en=f"{path}: {en}."
    )
