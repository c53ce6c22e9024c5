"""Which rows a template holds: the lines every disclosure must have, or what was published.

The required lines are those of the disclosure's profile (`publish.core.profile_lines`, the one table the
completeness rule and the submission check read too; the profile the package holds for the department-year,
else the default, chongqing-budget), printed with the keys the form fills in: the six income sources and the
total, the four 三公 items and the total, procurement goods/works/services/total, basic/project
expenditure, vehicles… Under a required line the form prints its breakdown (人员经费 and 日常公用经费
under basic expenditure, vehicles by kind), and after a part the general budget's share of it: a clerk
fills numbers into them rather than inventing rows, but they are not required. A line's name is its official
name in `publish.core.vocabulary`, and so is a fund's or a measure's. Every line with amounts starts in 万元 (its
``unit``), which the clerk changes where the document publishes 元 or 亿元.
"""

from __future__ import annotations

from typing import Any

from publish.core import (
    DEFAULT_KIND,
    DEFAULT_PROFILE,
    DEFAULT_SCOPE,
    DEFAULT_UNIT,
    IDENTITY,
    Package,
    csvfile,
    official_names,
    profile_lines,
    profile_of,
)

# The department-year itself: its profile and its disclosure (every required line hangs on them).
FORM_LINES: dict[str, list[dict[str, str]]] = {"departments": [{}], "disclosures": [{"document_type": "部门预算"}]}
# Cells the form fills in beside a required line's own keys: its figures are the general budget's, the
# function table's total is named 合计.
FORM_KEYS: dict[str, dict[str, str]] = {
    "expenditure_by_function": {"item_name": "合计", "fund": "all", "cost_type": "total"},
    "expenditure_by_type": {"fund": "general_budget"},
    "operating_costs": {"fund": "general_budget"},
}
# Lines printed under a required line, by resource and the line's item: its breakdown.
BREAKDOWNS = {
    "expenditure_by_type": {"basic": ("personnel", "public_operating")},
    "assets": {"total": ("general_official", "law_enforcement")},
}
# Parts whose general-budget share is printed after them (政府采购: 其中一般公共预算拨款).
SHARES = {"procurement": {"fund": "general_budget"}}
# Free rows left below the listed ones, for lines a department adds (codes, indicators, terms).
BLANK_ROWS = {
    "departments": 0,
    "disclosures": 0,
    "expenditure_by_function": 40,
    "expenditure_by_economic": 40,
    "kpis": 30,
    "glossary": 20,
}
DEFAULT_BLANK_ROWS = 10
PARENTS = {"personnel": "basic", "public_operating": "basic", "vehicle_operation": "total"}


def required_rows(schema: dict[str, Any], resource: str, profile: str = DEFAULT_PROFILE) -> list[dict[str, str]]:
    """The lines ``resource`` must list under ``profile``, as the form prints them, with names and parents filled in."""
    return [_complete(schema, resource, row) for row in _required(resource, profile)]


def listed_rows(schema: dict[str, Any], resource: str, profile: str = DEFAULT_PROFILE) -> list[dict[str, str]]:
    """Every line the form prints: each required line followed by its breakdown, then the general budget's share."""
    lines = []
    for line in _required(resource, profile):
        lines.append(line)
        children = BREAKDOWNS.get(resource, {}).get(line.get("item", ""), ())
        lines.extend({**line, "item": child} for child in children)
    share = SHARES.get(resource)
    lines += [{**line, **share} for line in lines] if share else []
    return [_complete(schema, resource, row) for row in lines]


def _required(resource: str, profile: str) -> list[dict[str, str]]:
    if resource in FORM_LINES:
        return [dict(line) for line in FORM_LINES[resource]]
    keys = FORM_KEYS.get(resource)
    # a line that names no key ("some row") is printed only where the form fills its keys in
    return [{**(keys or {}), **line} for line in profile_lines(profile).get(resource, []) if line or keys]


def _complete(schema: dict[str, Any], resource: str, row: dict[str, str]) -> dict[str, str]:
    enums = {f["name"]: f.get("constraints", {}).get("enum") for f in schema["fields"]}
    for column in ("item", "measure", "fund"):
        official = official_names(resource, column)
        if official and f"{column}_name" in enums:
            enums[column], enums[f"{column}_name"] = list(official), list(official.values())
    if "unit" in enums and "unit" not in row:
        row["unit"] = DEFAULT_UNIT
    for code, value in list(row.items()):
        names = enums.get(f"{code}_name")
        codes = enums.get(code)
        if names and codes and len(names) == len(codes) and value in codes and f"{code}_name" not in row:
            row[f"{code}_name"] = names[codes.index(value)]
    if "item" in row and "parent_item" in enums:
        row["parent_item"] = "" if row["item"] == "total" else PARENTS.get(row["item"], "total")
    return row


def identity(schema: dict[str, Any], row: dict[str, str]) -> tuple[str, ...]:
    """The primary key values of ``row`` apart from the disclosure's (year, department, kind, scope)."""
    key = schema.get("primaryKey", [])
    key = [key] if isinstance(key, str) else key
    return tuple(row.get(name, "") for name in key if name not in IDENTITY)


def published_rows(
    package: Package,
    resource: str,
    department_id: str,
    fiscal_year: str,
    kind: str = DEFAULT_KIND,
    scope: str = DEFAULT_SCOPE,
) -> list[dict[str, str]]:
    """The rows of one disclosure (department-year, kind, scope) in ``resource`` as the package holds them."""
    path = package.file(package.resources[resource])
    if not path.exists():
        return []
    rows = csvfile.read_rows(path)
    if resource == "departments":
        return [row for row in rows if row.get("department_id") == department_id]
    wanted = dict(zip(IDENTITY, (fiscal_year, department_id, kind, scope), strict=True))
    return [r for r in rows if all(r.get(name, value) == value for name, value in wanted.items())]


def published_profile(
    package: Package, department_id: str, fiscal_year: str, kind: str = DEFAULT_KIND, scope: str = DEFAULT_SCOPE
) -> str:
    """The profile the package holds for the disclosure (none published: the default)."""
    if "disclosures" not in package.resources:
        return DEFAULT_PROFILE
    published = published_rows(package, "disclosures", department_id, fiscal_year, kind, scope)
    return profile_of(next(iter(published), None))


def template_rows(
    package: Package,
    resource: str,
    department_id: str,
    fiscal_year: str,
    from_data: bool,
    kind: str = DEFAULT_KIND,
    scope: str = DEFAULT_SCOPE,
    profile: str = DEFAULT_PROFILE,
) -> list[dict[str, str]]:
    """The rows a sheet starts with: what was published (``from_data``), else the required lines.

    The department's profile is always taken from the package when it is there, so a new year
    starts from the last published profile.
    """
    schema = package.resources[resource].schema
    published = published_rows(package, resource, department_id, fiscal_year, kind, scope)
    use_published = from_data or (resource == "departments" and bool(published))
    rows = published if use_published else listed_rows(schema, resource, profile)
    keys = {"department_id": department_id}
    names = {spec["name"] for spec in schema.get("fields", [])}
    if resource != "departments":
        keys.update(
            {"fiscal_year": fiscal_year} | {k: v for k, v in (("document_kind", kind), ("scope", scope)) if k in names}
        )
    if resource == "disclosures" and not use_published and "profile" in names:
        keys["profile"] = profile
    return [{**row, **keys} for row in rows]
