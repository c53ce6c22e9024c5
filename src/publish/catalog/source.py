"""Read a package (or release) folder into the catalog model, with what is wrong as findings.

Everything comes from the descriptor and the data (see ``agents`` for who and where); the
years are the disclosures' fiscal years; the files and their sums come from ``files``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from publish.catalog import agents, files
from publish.catalog.model import CatalogModel, License, Text, Variable, language_of
from publish.core import Finding, Package, load, read_rows

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
    departments, disclosures = _rows(package, "departments"), _rows(package, "disclosures")
    creators = [agents.department_agent(row, line, findings) for line, row in enumerate(departments, start=2)]
    publisher = agents.publisher(descriptor, creators, findings)
    place = agents.place(descriptor, departments, findings)
    years = [(int(r["fiscal_year"]), r["department_id"]) for r in disclosures if r.get("fiscal_year", "").isdigit()]
    if not years:
        findings.append(
            agents.error("catalog-no-fiscal-year", "data/disclosures.csv", "没有任何预算年度", "holds no fiscal year")
        )
    if any(f.severity == "error" for f in findings) or publisher is None or place is None:
        return None, findings
    model = _model(
        package, base_url.rstrip("/"), landing_page, years,
        publisher=publisher, place=place, creators=tuple(creators), contact=agents.contact(descriptor, disclosures),
    )  # fmt: skip
    return model, findings + _description_findings(model)


def _model(
    package: Package, base_url: str, landing_page: str | None, years: list[tuple[int, str]], **parties: Any
) -> CatalogModel:
    descriptor = package.descriptor
    name, version = descriptor.get("name", ""), str(descriptor.get("version", ""))
    release_url = f"{base_url}/{package.release_name}"
    return CatalogModel(
        name=name,
        version=version,
        title=Text(zh=descriptor.get("title", name), en=english_title(descriptor)),
        description=_description(descriptor),
        keywords=tuple(descriptor.get("keywords", [])),
        license=_license(descriptor),
        base_url=base_url,
        landing_page=landing_page or f"{release_url}/README.md",
        fiscal_years=tuple(sorted({year for year, _ in years})),
        issued=_issued(descriptor),
        distributions=tuple(files.distributions(package, package.release_name, release_url)),
        variables=tuple(_variables(package)),
        **parties,
    )


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
                agents.error(
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


def _missing_file(path: str) -> Finding:
    return agents.error(
        "catalog-file-missing",
        path,
        "文件不存在，无法计算大小与校验和",
        "does not exist, so its size and checksum are unknown",
    )
