"""The repo is a valid data package whose files are a stable product."""

from __future__ import annotations

import json
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from frictionless import validate

from tests.helpers import ROOT, append_rows, money, read_rows

REQUIRED = [
    "departments",
    "disclosures",
    "disclosure_parts",
    "income",
    "expenditure_by_function",
    "expenditure_by_type",
    "expenditure_by_economic",
    "sangong",
    "operating_costs",
    "procurement",
    "assets",
    "kpis",
    "glossary",
    "function_codes",
]
DESCRIPTOR = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = {r["name"]: r for r in DESCRIPTOR["resources"]}


def schema_of(name: str) -> dict:
    return json.loads((ROOT / RESOURCES[name]["schema"]).read_text(encoding="utf-8"))


def test_frictionless_validates_the_package():
    report = validate(str(ROOT / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_required_resources_exist_with_their_names():
    assert list(RESOURCES) == REQUIRED


def test_descriptor_metadata():
    assert DESCRIPTOR["name"].isascii() and not any(ch.isdigit() for ch in DESCRIPTOR["name"])
    for key in ("title", "description", "version", "created", "licenses", "sources", "contributors", "keywords"):
        assert DESCRIPTOR[key], key
    major, minor, patch = DESCRIPTOR["version"].split(".")
    assert all(part.isdigit() for part in (major, minor, patch))


@pytest.mark.parametrize("name", REQUIRED)
def test_schema_documents_every_field(name):
    schema = schema_of(name)
    assert schema["primaryKey"] and schema["missingValues"] == [""]
    assert schema["fields"]
    for field in schema["fields"]:
        assert field.get("title") and field.get("description"), field["name"]
        if field["type"] == "number" and field["name"] in ("amount", "change"):  # in the row's published unit
            assert next(f for f in schema["fields"] if f["name"] == "unit")["constraints"]["enum"] == [
                "元",
                "万元",
                "亿元",
            ]


@pytest.mark.parametrize("name", REQUIRED)
def test_data_file_is_canonical(name):
    raw = (ROOT / RESOURCES[name]["path"]).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "no BOM"
    text = raw.decode("utf-8")
    assert "\r" not in text and text.endswith("\n")
    lines = text.split("\n")[:-1]
    assert all(line == line.rstrip() for line in lines), "no trailing spaces"
    schema = schema_of(name)
    assert lines[0] == ",".join(f["name"] for f in schema["fields"])
    assert [r for r in read_rows(ROOT, name)] == sorted(read_rows(ROOT, name), key=sort_key(schema))


def sort_key(schema: dict):
    types = {f["name"]: f["type"] for f in schema["fields"]}

    def key(row: dict[str, str]):
        return tuple(int(row[k]) if types[k] in ("integer", "year") else row[k] for k in schema["primaryKey"])

    return key


@pytest.mark.parametrize("name", REQUIRED)
def test_every_foreign_key_resolves(name):
    for fk in schema_of(name).get("foreignKeys", []):
        target = fk["reference"]["resource"] or name
        known = {tuple(r[f] for f in fk["reference"]["fields"]) for r in read_rows(ROOT, target)}
        for row in read_rows(ROOT, name):
            local = tuple(row[f] for f in fk["fields"])
            if any(local):
                assert local in known, (name, local)


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("income", ("fiscal_year", "department_id")),
        ("expenditure_by_function", ("fiscal_year", "department_id")),
        ("expenditure_by_type", ("fiscal_year", "department_id", "fund")),
        ("sangong", ("fiscal_year", "department_id", "fund")),
        ("procurement", ("fiscal_year", "department_id", "fund")),
    ],
)
def test_published_totals_equal_the_sum_of_their_parts(name, line):
    """Every line whose parts all have amounts equals their sum; complete breakdowns also in changes."""
    rows = read_rows(ROOT, name)
    by_key = {(*(r[k] for k in line), r["item"]): r for r in rows}
    children: dict[tuple, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        if row["parent_item"]:
            children[(*(row[k] for k in line), row["parent_item"])].append(row)
    summed = [key for key, parts in children.items() if all(p["amount"] for p in parts)]
    assert any(key[-1] == "total" for key in summed)
    for key in summed:
        assert money(by_key[key]["amount"]) == sum(money(p["amount"]) for p in children[key]), key
    for key, row in by_key.items():
        if row.get("change_breakdown") == "complete":
            stated = sum(money(p["change"] or "0") for p in children[key])
            assert money(row["change"]) == stated, key


def test_income_balances_expenditure():
    income = {r["item"]: money(r["amount"]) for r in read_rows(ROOT, "income")}
    function = {r["item"]: money(r["amount"]) for r in read_rows(ROOT, "expenditure_by_function")}
    by_type = {(r["fund"], r["item"]): money(r["amount"]) for r in read_rows(ROOT, "expenditure_by_type")}
    assert income["total"] == function["total"]
    assert income["general_budget"] == by_type[("general_budget", "total")]


def test_vehicle_totals_equal_their_kinds():
    totals: dict[str, int] = {}
    kinds: dict[str, int] = defaultdict(int)
    for row in read_rows(ROOT, "assets"):
        if row["item"] == "total":
            totals[row["measure"]] = int(row["count"])
        else:
            kinds[row["measure"]] += int(row["count"])
    assert totals == kinds


def test_kpi_weights_of_a_goal_sum_to_100():
    weights: dict[tuple, Decimal] = defaultdict(Decimal)
    for row in read_rows(ROOT, "kpis"):
        weights[(row["fiscal_year"], row["department_id"], row["goal"])] += Decimal(row["weight"])
    assert set(weights.values()) == {Decimal(100)}


SECOND = {"fiscal_year": "2023", "department_id": "500238-czj"}
WAN = {"unit": "万元"}  # every amount row names its unit
ALL_TOTAL = {"fund": "all", "cost_type": "total"}  # a function line of all funds' total column


def second_department_year(package: Path) -> None:
    """A fictional second department added by hand, in the same files, as a clerk would."""
    append_rows(
        package,
        "departments",
        [
            {
                "department_id": "500238-czj",
                "name": "巫溪县示例局",
                "division_code": "500238",
                "division_name": "巫溪县",
                "profile_year": "2023",
                "duties": "1、示例职责。",
                "duty_count": "1",
                "internal_units": "办公室",
                "internal_unit_count": "1",
            }
        ],
    )
    append_rows(
        package,
        "disclosures",
        [
            {
                **SECOND,
                "title": "巫溪县示例局2023年部门预算情况说明",
                "document_type": "部门预算",
                "source_file": "example.pdf",
                "overall_goal": "示例目标。",
                "government_fund_expenditure": "false",
                "key_special_fund_goals": "false",
                "performance_managed_amount": "100",
                **WAN,
                "contact_name": "示例",
                "contact_phone": "023-51234567",
                "profile": "chongqing-budget",
            }
        ],
    )
    append_rows(
        package,
        "income",
        [
            {**SECOND, **WAN, "item": "total", "item_name": "收入合计", "amount": "100.5"},
            {
                **SECOND,
                **WAN,
                "item": "general_budget",
                "item_name": "一般公共预算拨款",
                "parent_item": "total",
                "amount": "100.5",
            },
        ],
    )
    append_rows(
        package,
        "expenditure_by_function",
        [
            {**SECOND, **WAN, **ALL_TOTAL, "item": "total", "item_name": "合计", "amount": "100.5"},
            {
                **SECOND,
                **WAN,
                **ALL_TOTAL,
                "item": "201",
                "item_name": "一般公共服务支出",
                "parent_item": "total",
                "classification_year": "2023",
                "function_code": "201",
                "amount": "100.5",
            },
        ],
    )
    append_rows(
        package,
        "kpis",
        [
            {
                **SECOND,
                "goal": "overall",
                "goal_name": "部门整体绩效目标",
                "indicator_no": "1",
                "indicator_name": "满意度",
                "weight": "100",
                "unit": "%",
                "operator": "≥",
                "target_value": "95",
            },
        ],
    )


def test_a_second_department_year_validates_without_schema_changes(package_copy):
    schemas_before = {p.name: p.read_bytes() for p in (package_copy / "schemas").iterdir()}
    second_department_year(package_copy)
    report = validate(str(package_copy / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert {p.name: p.read_bytes() for p in (package_copy / "schemas").iterdir()} == schemas_before
    assert {r["department_id"] for r in read_rows(package_copy, "income")} == {"500238-zwfwzx", "500238-czj"}


def test_a_broken_second_department_year_is_caught(package_copy):
    second_department_year(package_copy)
    append_rows(package_copy, "income", [{**SECOND, **WAN, "item": "other", "item_name": "其他收入", "amount": "1O.5"}])
    report = validate(str(package_copy / "datapackage.json"))
    assert report.flatten(["type", "fieldName"]) == [["type-error", "amount"]]
