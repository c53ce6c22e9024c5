"""Read a package (or release) folder into the catalog model, with what is wrong as findings.

Everything comes from the descriptor and the data: the publisher and contact are the
descriptor's contributors, the creators are the departments, the place is the descriptor's
``spatial`` (else the departments' division), the years are the disclosures' fiscal years.
A 统一社会信用代码 is used only where ``departments.credit_code`` holds one, and only if its
check character is right; nothing is guessed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from publish.catalog import files
from publish.catalog.identifiers import credit_code_problem, division_code_problem
from publish.catalog.model import Agent, CatalogModel, Contact, License, Place, Text, Variable, language_of
from publish.csvfile import read_rows
from publish.package import Package, load
from publish.report import Finding

DESCRIPTOR = "datapackage.json"


def build(
    path: str | Path, base_url: str, landing_page: str | None = None
) -> tuple[CatalogModel | None, list[Finding]]:
    """The catalog model of the package at ``path``, or None with the findings that prevent it."""
    package = load(path)
    findings = [_missing_file(r.path) for r in files.missing_files(package)]
    if findings:
        return None, findings
    descriptor = package.descriptor
    departments = _rows(package, "departments")
    disclosures = _rows(package, "disclosures")
    creators = [_department_agent(row, line, findings) for line, row in enumerate(departments, start=2)]
    publisher = _publisher(descriptor, creators, findings)
    place = _place(descriptor, departments, findings)
    years = sorted({int(row["fiscal_year"]) for row in disclosures if row.get("fiscal_year", "").isdigit()})
    if not years:
        findings.append(
            _error("catalog-no-fiscal-year", "data/disclosures.csv", "没有任何预算年度", "holds no fiscal year")
        )
    if any(f.severity == "error" for f in findings) or publisher is None or place is None:
        return None, findings
    name, version = descriptor.get("name", ""), str(descriptor.get("version", ""))
    base_url = base_url.rstrip("/")
    release_url = f"{base_url}/{name}-{version}"
    model = CatalogModel(
        name=name,
        version=version,
        title=Text(zh=descriptor.get("title", name), en=english_title(descriptor)),
        description=_description(descriptor),
        keywords=tuple(descriptor.get("keywords", [])),
        license=_license(descriptor),
        base_url=base_url,
        landing_page=landing_page or f"{release_url}/README.md",
        publisher=publisher,
        contact=_contact(descriptor, disclosures),
        place=place,
        fiscal_years=tuple(years),
        department_years=tuple(sorted({(int(r["fiscal_year"]), r["department_id"]) for r in disclosures})),
        issued=_issued(descriptor),
        creators=tuple(creators),
        distributions=tuple(files.distributions(package, f"{name}-{version}", release_url)),
        variables=tuple(_variables(package)),
    )
    return model, findings + _description_findings(model)


def english_title(descriptor: dict[str, Any]) -> str:
    """The descriptor's English title (``x-title-en``), else its name in words: Wuxi County Department Budgets."""
    explicit = descriptor.get("x-title-en")
    if isinstance(explicit, str) and explicit.strip():
        return explicit.strip()
    return " ".join(word.capitalize() for word in str(descriptor.get("name", "")).replace("_", "-").split("-"))


def _description(descriptor: dict[str, Any]) -> Text:
    """The descriptor's description split into its Chinese and its English paragraphs."""
    paragraphs = [p.strip() for p in str(descriptor.get("description", "")).split("\n\n") if p.strip()]
    chinese = "\n\n".join(p for p in paragraphs if language_of(p) == "zh")
    english = "\n\n".join(p for p in paragraphs if language_of(p) == "en")
    return Text(zh=chinese, en=english)


def _description_findings(model: CatalogModel) -> list[Finding]:
    """schema.org (and most portals) want a description of 50 to 5,000 characters, in each language."""
    problems = []
    for lang, text in (("zh", model.description.zh), ("en", model.description.en)):
        if not 50 <= len(text) <= 5000:
            problems.append(
                _error(
                    "catalog-description-length",
                    DESCRIPTOR,
                    f"description 的{'中文' if lang == 'zh' else '英文'}段落有 {len(text)} 个字符，应为 50–5000 个；"
                    "请在 description 中写一段中文、空一行再写一段英文",
                    f"the {'Chinese' if lang == 'zh' else 'English'} paragraph of description has {len(text)} "
                    "characters, it needs 50 to 5,000: write a Chinese paragraph, a blank line, an English one",
                    field="description",
                )
            )
    return problems


def _license(descriptor: dict[str, Any]) -> License:
    first = (descriptor.get("licenses") or [{}])[0]
    return License(name=first.get("name", ""), url=first.get("path", ""), title=first.get("title", ""))


def _issued(descriptor: dict[str, Any]) -> date | None:
    created = descriptor.get("created")
    try:
        return date.fromisoformat(str(created)[:10]) if created else None
    except ValueError:
        return None


def _rows(package: Package, resource: str) -> list[dict[str, str]]:
    if resource not in package.resources:
        return []
    return read_rows(package.file(package.resources[resource]))


def _department_agent(row: dict[str, str], line: int, findings: list[Finding]) -> Agent:
    code = (row.get("credit_code") or "").strip() or None
    if code and (reason := credit_code_problem(code)):
        findings.append(_code_finding("credit-code-invalid", line, "credit_code", code, reason, "统一社会信用代码"))
    division = row.get("division_code", "")
    if reason := division_code_problem(division, row.get("division_name")):
        findings.append(_code_finding("division-code-invalid", line, "division_code", division, reason, "行政区划代码"))
    return Agent(key=row["department_id"], name=row["name"], credit_code=code)


def _publisher(descriptor: dict[str, Any], creators: list[Agent], findings: list[Finding]) -> Agent | None:
    """The contributor with the role ``publisher`` (the department of that name if it is one)."""
    for contributor in descriptor.get("contributors", []):
        if "publisher" in contributor.get("roles", []):
            name = contributor.get("organization") or contributor.get("title", "")
            return next((a for a in creators if a.name == name), Agent(key="publisher", name=name))
    if len(creators) == 1:
        return creators[0]
    findings.append(
        _error(
            "catalog-publisher-missing",
            DESCRIPTOR,
            'contributors 中没有角色为 publisher 的发布机构；请添加一个（roles: ["publisher"]）',
            'no contributor has the role publisher: add one (roles: ["publisher"])',
            field="contributors",
        )
    )
    return None


def _contact(descriptor: dict[str, Any], disclosures: list[dict[str, str]]) -> Contact | None:
    """The contributor with the role ``contact``; the phone is the one the latest disclosure gives for them."""
    for contributor in descriptor.get("contributors", []):
        if "contact" in contributor.get("roles", []):
            name = contributor.get("title", "")
            rows = sorted((r for r in disclosures if r.get("contact_name") == name), key=lambda r: r["fiscal_year"])
            phone = rows[-1].get("contact_phone") or None if rows else None
            return Contact(name=name, organization=contributor.get("organization", ""), phone=phone)
    return None


def _place(descriptor: dict[str, Any], departments: list[dict[str, str]], findings: list[Finding]) -> Place | None:
    spatial = descriptor.get("spatial") if isinstance(descriptor.get("spatial"), dict) else {}
    code = spatial.get("division_code") or next((r["division_code"] for r in departments), "")
    name = spatial.get("division_name") or next((r["division_name"] for r in departments), "")
    if reason := division_code_problem(str(code), name):
        zh, en = reason
        findings.append(
            _error("division-code-invalid", DESCRIPTOR, f"spatial.division_code：{zh}", f"spatial.division_code: {en}")
        )
        return None
    return Place(division_code=str(code), name=name)


def _variables(package: Package) -> list[Variable]:
    """Every column with a unit (万元, %, 辆): what a dataset search lists as measured."""
    return [
        Variable(
            name=f"{resource.name}.{f['name']}",
            title=f"{resource.descriptor.get('title', '')}：{f.get('title', '')}",
            unit=f["unit"],
        )
        for resource in package.resources.values()
        for f in resource.fields
        if f.get("unit")
    ]


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


def _missing_file(path: str) -> Finding:
    return _error(
        "catalog-file-missing",
        path,
        "文件不存在，无法计算大小与校验和",
        "does not exist, so its size and checksum are unknown",
    )


def _error(rule: str, path: str, zh: str, en: str, field: str | None = None) -> Finding:
    return Finding(
        rule=rule, severity="error", path=path, field=field, message_zh=f"{path}：{zh}。", message_en=f"{path}: {en}."
    )
