"""Which rows a template holds: the lines every disclosure must have, or what was published.

The required lines are those a disclosure states even when they are zero: the six income
sources and the total, the four 三公 items and the total, procurement goods/works/services/total
for both fund scopes, vehicles by kind, basic/project expenditure… A clerk fills numbers into
them rather than inventing rows. Names come from the schemas' parallel enums (``item`` and
``item_name`` list codes and official names in the same order).
"""

from __future__ import annotations

from typing import Any

from publish.core import Package, csvfile

INCOME = ("general_budget", "government_fund", "state_capital", "business", "business_operation", "other", "total")
BY_TYPE = ("total", "basic", "personnel", "public_operating", "project")
SANGONG = ("total", "outbound_travel", "reception", "vehicle_operation", "vehicle_purchase")
PROCUREMENT = ("total", "goods", "works", "services")
VEHICLES = ("total", "general_official", "law_enforcement")

REQUIRED: dict[str, list[dict[str, str]]] = {
    "departments": [{}],
    "disclosures": [{"document_type": "部门预算"}],
    "income": [{"item": item} for item in INCOME],
    "expenditure_by_function": [{"item": "total", "item_name": "合计"}],
    "expenditure_by_type": [{"fund": "general_budget", "item": item} for item in BY_TYPE],
    "sangong": [{"fund": "general_budget", "item": item} for item in SANGONG],
    "operating_costs": [{"fund": "general_budget"}],
    "procurement": [{"fund": fund, "item": item} for fund in ("all", "general_budget") for item in PROCUREMENT],
    "assets": [{"measure": m, "item": item} for m in ("holding", "purchase_budget") for item in VEHICLES],
}
# Free rows left below the listed ones, for lines a department adds (codes, indicators, terms).
BLANK_ROWS = {"departments": 0, "disclosures": 0, "expenditure_by_function": 40, "kpis": 30, "glossary": 20}
DEFAULT_BLANK_ROWS = 10
PARENTS = {"personnel": "basic", "public_operating": "basic", "vehicle_operation": "total"}


def required_rows(schema: dict[str, Any], resource: str) -> list[dict[str, str]]:
    """The lines ``resource`` must list, with their names and parents filled in."""
    return [_complete(schema, dict(row)) for row in REQUIRED.get(resource, [])]


def _complete(schema: dict[str, Any], row: dict[str, str]) -> dict[str, str]:
    enums = {f["name"]: f.get("constraints", {}).get("enum") for f in schema["fields"]}
    for code, value in list(row.items()):
        names = enums.get(f"{code}_name")
        codes = enums.get(code)
        if names and codes and len(names) == len(codes) and value in codes and f"{code}_name" not in row:
            row[f"{code}_name"] = names[codes.index(value)]
    if "item" in row and "parent_item" in enums:
        row["parent_item"] = "" if row["item"] == "total" else PARENTS.get(row["item"], "total")
    return row


def identity(schema: dict[str, Any], row: dict[str, str]) -> tuple[str, ...]:
    """The primary key values of ``row`` apart from fiscal year and department."""
    key = schema.get("primaryKey", [])
    key = [key] if isinstance(key, str) else key
    return tuple(row.get(name, "") for name in key if name not in ("fiscal_year", "department_id"))


def published_rows(package: Package, resource: str, department_id: str, fiscal_year: str) -> list[dict[str, str]]:
    """The rows of one department-year in ``resource`` as the package holds them."""
    path = package.file(package.resources[resource])
    if not path.exists():
        return []
    rows = csvfile.read_rows(path)
    if resource == "departments":
        return [row for row in rows if row.get("department_id") == department_id]
    return [r for r in rows if r.get("department_id") == department_id and r.get("fiscal_year") == fiscal_year]


def template_rows(
    package: Package, resource: str, department_id: str, fiscal_year: str, from_data: bool
) -> list[dict[str, str]]:
    """The rows a sheet starts with: what was published (``from_data``), else the required lines.

    The department's profile is always taken from the package when it is there, so a new year
    starts from the last published profile.
    """
    schema = package.resources[resource].schema
    published = published_rows(package, resource, department_id, fiscal_year)
    use_published = from_data or (resource == "departments" and bool(published))
    rows = published if use_published else required_rows(schema, resource)
    keys = {"department_id": department_id} if resource == "departments" else {"fiscal_year": fiscal_year}
    keys["department_id"] = department_id
    return [{**row, **keys} for row in rows]
