"""The amounts steps of the v2 migration, applied to the v1 package by a plain function here (the migration runner
is its own concern), give the repo's schemas and data: units, funds, 决算 columns, the function cross-tabs, the
economic table, open vehicle and activity counts, the procurement reservations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from publish.core import FUND_NAMES, csvfile
from publish.migrate import AddField, AddResource, SetConstraints
from publish.migrate.amounts import AMOUNTS, IDENTITY
from tests.helpers import ROOT

V1 = Path(__file__).parent / "fixtures" / "v1"
KEY_NAMES = [field["name"] for field in IDENTITY]


def _read_v1() -> tuple[dict[str, Any], dict[str, dict], dict[str, list[dict[str, str]]]]:
    descriptor = json.loads((V1 / "datapackage.json").read_text(encoding="utf-8"))
    schemas, tables = {}, {}
    for resource in descriptor["resources"]:
        schemas[resource["name"]] = json.loads((V1 / resource["schema"]).read_text(encoding="utf-8"))
        tables[resource["name"]] = csvfile.read_rows(V1 / resource["path"])
    return descriptor, schemas, tables


def _add_field(step: AddField, schemas: dict, tables: dict) -> None:
    schema = schemas[step.resource]
    names = [field["name"] for field in schema["fields"]]
    at = names.index(step.after) + 1 if step.after else len(names)
    schema["fields"].insert(at, dict(step.field))
    if step.key:  # the key keeps the schema's field order
        order = [field["name"] for field in schema["fields"]]
        schema["primaryKey"] = sorted([*schema["primaryKey"], step.field["name"]], key=order.index)
    for row in tables[step.resource]:
        row[step.field["name"]] = step.default


def _add_resource(step: AddResource, descriptor: dict, schemas: dict, tables: dict) -> None:
    names = [resource["name"] for resource in descriptor["resources"]]
    at = names.index(step.after) + 1 if step.after else len(names)
    descriptor["resources"].insert(at, dict(step.resource))
    name = step.resource["name"]
    schemas[name] = step.schema
    columns = [field["name"] for field in step.schema["fields"]]
    tables[name] = [dict(zip(columns, row, strict=True)) for row in step.rows]


def migrate_v1(steps) -> tuple[dict, dict, dict]:
    """(descriptor, schemas, tables) of the v1 package after ``steps``."""
    descriptor, schemas, tables = _read_v1()
    for step in steps:
        if isinstance(step, AddField):
            _add_field(step, schemas, tables)
        elif isinstance(step, SetConstraints):
            field = next(f for f in schemas[step.resource]["fields"] if f["name"] == step.field)
            field["constraints"] = dict(step.constraints)
        else:
            _add_resource(step, descriptor, schemas, tables)
    return descriptor, schemas, tables


def _fields(schema: dict) -> dict[str, dict]:
    return {field["name"]: field for field in schema["fields"]}


def _without_descriptions(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_descriptions(v) for k, v in value.items() if k not in ("description", "title")}
    if isinstance(value, list):
        return [_without_descriptions(v) for v in value]
    return value


def test_the_repo_schemas_and_data_are_the_migrated_v1_package():
    descriptor, schemas, tables = migrate_v1(AMOUNTS)
    repo = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in repo["resources"]] == [r["name"] for r in descriptor["resources"]]
    for name, schema in schemas.items():
        if name == "function_codes":
            continue
        held = json.loads((ROOT / "schemas" / f"{name}.json").read_text(encoding="utf-8"))
        assert _without_descriptions(held) == _without_descriptions(schema), name
        path = ROOT / "data" / f"{name}.csv"
        assert path.read_text(encoding="utf-8") == csvfile.render(schema, tables[name]), name


def test_every_amount_row_names_its_unit_and_v1_rows_are_in_wanyuan():
    _, schemas, tables = migrate_v1(AMOUNTS)
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


def test_funds_widen_to_the_vocabulary_and_fund_names_are_as_published():
    _, schemas, _ = migrate_v1(AMOUNTS)
    for name in ("expenditure_by_type", "sangong", "operating_costs", "procurement", "expenditure_by_function"):
        fields = _fields(schemas[name])
        assert fields["fund"]["constraints"]["enum"] == list(FUND_NAMES), name
        assert "enum" not in fields.get("fund_name", {}).get("constraints", {}), name


def test_the_function_table_is_keyed_per_fund_and_cost_type():
    _, schemas, tables = migrate_v1(AMOUNTS)
    schema = schemas["expenditure_by_function"]
    assert schema["primaryKey"] == [*KEY_NAMES, "fund", "item", "cost_type"]
    assert {(row["fund"], row["cost_type"]) for row in tables["expenditure_by_function"]} == {("all", "total")}


def test_the_economic_table_is_keyed_by_fund_code_and_column_and_starts_empty():
    descriptor, schemas, tables = migrate_v1(AMOUNTS)
    schema = schemas["expenditure_by_economic"]
    assert schema["primaryKey"] == [*KEY_NAMES, "fund", "code", "cost_type"]
    assert schema["foreignKeys"] == [
        {"fields": KEY_NAMES, "reference": {"resource": "disclosures", "fields": KEY_NAMES}}
    ]
    assert _fields(schema)["cost_type"]["constraints"]["enum"] == ["total", "personnel", "public"]
    assert tables["expenditure_by_economic"] == []
    names = [r["name"] for r in descriptor["resources"]]
    assert names.index("expenditure_by_economic") == names.index("expenditure_by_type") + 1


def test_vehicle_and_activity_counts_open_up_and_procurement_reserves_for_small_firms():
    _, schemas, _ = migrate_v1(AMOUNTS)
    assets = _fields(schemas["assets"])
    assert "enum" not in assets["measure"]["constraints"] and "pattern" in assets["measure"]["constraints"]
    assert "enum" not in assets["measure_name"]["constraints"]
    assert {"sme_reserved", "sme_small_micro"} <= set(_fields(schemas["procurement"])["item"]["constraints"]["enum"])
