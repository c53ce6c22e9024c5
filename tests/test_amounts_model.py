"""The amounts steps of the v2 migration, applied to the v1 package by `publish migrate`: units, funds, 决算 columns,
the function cross-tabs, the economic table, open vehicle and activity counts, the procurement reservations (that the
result is the repo's own package, tests/test_migrate.py shows)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from publish.core import FUND_NAMES, csvfile
from publish.migrate import migrate
from publish.migrate.amounts import IDENTITY

V1 = Path(__file__).parent / "fixtures" / "v1"
KEY_NAMES = [field["name"] for field in IDENTITY]


def migrate_v1(tmp_path: Path) -> tuple[dict, dict, dict]:
    """(descriptor, schemas, tables) of the v1 package after `publish migrate` (the whole plan)."""
    package = Path(shutil.copytree(V1, tmp_path / "package"))
    migrate(package)
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    schemas, tables = {}, {}
    for resource in descriptor["resources"]:
        schemas[resource["name"]] = json.loads((package / resource["schema"]).read_text(encoding="utf-8"))
        tables[resource["name"]] = csvfile.read_rows(package / resource["path"])
    return descriptor, schemas, tables


def _fields(schema: dict) -> dict[str, dict]:
    return {field["name"]: field for field in schema["fields"]}


def test_every_amount_row_names_its_unit_and_v1_rows_are_in_wanyuan(tmp_path):
    _, schemas, tables = migrate_v1(tmp_path)
    for name in ("income", "expenditure_by_function", "expenditure_by_type", "sangong", "operating_costs"):
        names = list(_fields(schemas[name]))
        assert names[names.index("amount") + 1 : names.index("amount") + 5] == [
            "unit",
            "prior_amount",
            "initial_budget",
            "adjusted_budget",
        ], name
        assert _fields(schemas[name])["unit"]["constraints"] == {"required": True, "enum": ["元", "万元", "亿元"]}
        assert {row["unit"] for row in tables[name]} == {"万元"}, name
    names = list(_fields(schemas["disclosures"]))
    assert names[names.index("performance_managed_amount") + 1] == "unit"
    assert {row["unit"] for row in tables["disclosures"]} == {"万元"}


def test_funds_widen_to_the_vocabulary_and_fund_names_are_as_published(tmp_path):
    _, schemas, _ = migrate_v1(tmp_path)
    for name in ("expenditure_by_type", "sangong", "operating_costs", "procurement", "expenditure_by_function"):
        fields = _fields(schemas[name])
        assert fields["fund"]["constraints"]["enum"] == list(FUND_NAMES), name
        assert "enum" not in fields.get("fund_name", {}).get("constraints", {}), name


def test_the_function_table_is_keyed_per_fund_and_cost_type(tmp_path):
    _, schemas, tables = migrate_v1(tmp_path)
    schema = schemas["expenditure_by_function"]
    assert schema["primaryKey"] == [*KEY_NAMES, "fund", "item", "cost_type"]
    assert {(row["fund"], row["cost_type"]) for row in tables["expenditure_by_function"]} == {("all", "total")}


def test_the_economic_table_is_keyed_by_fund_code_and_column_and_starts_empty(tmp_path):
    descriptor, schemas, tables = migrate_v1(tmp_path)
    schema = schemas["expenditure_by_economic"]
    assert schema["primaryKey"] == [*KEY_NAMES, "fund", "code", "cost_type"]
    assert schema["foreignKeys"] == [
        {"fields": KEY_NAMES, "reference": {"resource": "disclosures", "fields": KEY_NAMES}}
    ]
    assert _fields(schema)["cost_type"]["constraints"]["enum"] == ["total", "personnel", "public"]
    assert tables["expenditure_by_economic"] == []
    names = [r["name"] for r in descriptor["resources"]]
    assert names.index("expenditure_by_economic") == names.index("expenditure_by_type") + 1


def test_vehicle_and_activity_counts_open_up_and_procurement_reserves_for_small_firms(tmp_path):
    _, schemas, _ = migrate_v1(tmp_path)
    assets = _fields(schemas["assets"])
    assert "enum" not in assets["measure"]["constraints"] and "pattern" in assets["measure"]["constraints"]
    assert "enum" not in assets["measure_name"]["constraints"]
    assert {"sme_reserved", "sme_small_micro"} <= set(_fields(schemas["procurement"])["item"]["constraints"]["enum"])
