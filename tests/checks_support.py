"""Packages for the cross-table checks (issue 16, "checks real documents fail"), built from a copy of the seed.

Rows are given without their disclosure key: every row gets the seed disclosure's key (whatever columns
`disclosures` is keyed by) and, where the table has a `unit` column, 万元 unless the row says otherwise. A table
or an enum the package does not have yet (the economic classification, procurement's `sme_reserved`) is written
here, in the test.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.helpers import read_rows
from tests.mutate import edit, read_table, write_table

ECONOMIC = "expenditure_by_economic"


def _schema(package: Path, resource: str) -> dict[str, Any]:
    return json.loads((package / "schemas" / f"{resource}.json").read_text(encoding="utf-8"))


def _write_schema(package: Path, resource: str, schema: dict[str, Any]) -> None:
    text = json.dumps(schema, ensure_ascii=False, indent=2)
    (package / "schemas" / f"{resource}.json").write_text(text, encoding="utf-8")


def disclosure_key(package: Path) -> dict[str, str]:
    """The seed disclosure's key: the values of every primary-key column of `disclosures`."""
    key = _schema(package, "disclosures")["primaryKey"]
    return {column: read_rows(package, "disclosures")[0][column] for column in key}


def put(package: Path, resource: str, lines: list[dict[str, str]]) -> None:
    """Replace every row of ``resource`` with ``lines``, each under the seed disclosure's key."""
    columns, _ = read_table(package, resource)
    filled = [{"unit": "万元", **disclosure_key(package), **line} if "unit" in columns else
              {**disclosure_key(package), **line} for line in lines]  # fmt: skip
    write_table(package, resource, columns, [{c: row.get(c, "") for c in columns} for row in filled])


def widen_enum(package: Path, resource: str, field: str, *values: str) -> None:
    """Let ``resource.field`` take ``values`` too (an item another branch adds to the vocabulary)."""
    schema = _schema(package, resource)
    constraints = next(f for f in schema["fields"] if f["name"] == field).setdefault("constraints", {})
    if "enum" in constraints:
        constraints["enum"] = [*constraints["enum"], *(v for v in values if v not in constraints["enum"])]
    _write_schema(package, resource, schema)


def with_unit(package: Path, resource: str) -> None:
    """Give ``resource`` a `unit` column (元 | 万元 | 亿元) right after `amount`, unless it has one."""
    schema = _schema(package, resource)
    names = [f["name"] for f in schema["fields"]]
    if "unit" in names:
        return
    unit = {"name": "unit", "type": "string", "constraints": {"required": True, "enum": ["元", "万元", "亿元"]}}
    schema["fields"].insert(names.index("amount") + 1, unit)
    _write_schema(package, resource, schema)
    columns, rows = read_table(package, resource)
    columns.insert(columns.index("amount") + 1, "unit")
    write_table(package, resource, columns, [{**row, "unit": "万元"} for row in rows])


def economic_table(package: Path, lines: list[tuple[str, str, str, str, str]]) -> None:
    """Add the basic expenditure by economic classification, from (fund, code, code_name, amount, unit) lines of
    the 合计 column, the way Shanghai table 8 publishes them."""
    key = list(disclosure_key(package))
    text = {"type": "string", "constraints": {"required": True}}
    fields = [
        *[next(f for f in _schema(package, "disclosures")["fields"] if f["name"] == k) for k in key],
        {"name": "fund", **text},
        {"name": "code", **text},
        {
            "name": "cost_type",
            "type": "string",
            "constraints": {"required": True, "enum": ["total", "personnel", "public"]},
        },
        {"name": "code_name", **text},
        {"name": "amount", "type": "number"},
        {"name": "unit", "type": "string", "constraints": {"required": True, "enum": ["元", "万元", "亿元"]}},
    ]
    schema = {
        "fields": fields,
        "primaryKey": [*key, "fund", "code", "cost_type"],
        "foreignKeys": [{"fields": key, "reference": {"resource": "disclosures", "fields": key}}],
        "missingValues": [""],
    }
    _write_schema(package, ECONOMIC, schema)
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    like = next(r for r in descriptor["resources"] if r["name"] == "sangong")
    resource = {**like, "name": ECONOMIC, "title": "基本支出经济分类", "description": "Basic expenditure by economic "
                "classification.", "path": f"data/{ECONOMIC}.csv", "schema": f"schemas/{ECONOMIC}.json"}  # fmt: skip
    descriptor["resources"] = [*(r for r in descriptor["resources"] if r["name"] != ECONOMIC), resource]
    (package / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    names = ("fund", "code", "code_name", "amount", "unit")
    rows = [{**disclosure_key(package), "cost_type": "total", **dict(zip(names, line, strict=True))} for line in lines]
    write_table(package, ECONOMIC, [f["name"] for f in fields], rows)


# The failing fixture of each rule, named after its id: one edit of the seed (tests/test_rules.py CASES).


def vehicle_purchase_count(package: Path) -> None:
    """One vehicle budgeted for purchase in the document's year, with 公务用车购置费 0."""
    edit(package, "assets", {"measure": "purchase_budget", "item": "total"}, count="1", budget_year="2023")


def sangong_economic_line(package: Path) -> None:
    """Economic line 30217 公务接待费 8,265 元 (0.83 万元) against a 公务接待费 of 0."""
    economic_table(package, [("general_budget", "30217", "公务接待费", "8265.00", "元")])


def operating_costs_exceed_public(package: Path) -> None:
    """日常公用经费 38.00 万元 against 机关运行经费 38.20 万元."""
    edit(package, "expenditure_by_type", {"fund": "general_budget", "item": "public_operating"}, amount="38.00")


def sme_reservation_exceeds_procurement(package: Path) -> None:
    """1 万元 reserved for small and medium firms out of a procurement total of 0."""
    widen_enum(package, "procurement", "item", "sme_reserved")
    columns, rows = read_table(package, "procurement")
    row = {**rows[2], "item": "sme_reserved", "item_name": "面向中小企业预留", "parent_item": "", "amount": "1"}
    write_table(package, "procurement", columns, [*rows, row])


def performance_base_mismatch(package: Path) -> None:
    """135 万元 (the project expenditure) where the statement names 一般公共预算当年财政拨款 (360.67 万元)."""
    edit(package, "disclosures", {}, performance_managed_amount="135")
