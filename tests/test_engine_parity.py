"""The engine on what frictionless's fixtures do not cover: the budget package itself, limits, time budgets,
and the documented differences whose test is not a fixture case (docs/frictionless-differences.md)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from publish.core import load
from publish.engine import limits, load_tables
from tests.fuzz.outcome import assert_clean_outcome, invoke
from tests.helpers import ROOT


def small_package(root: Path, fields: list[dict], text: str, **resource) -> Path:
    """A one-resource package ``root`` whose data file holds ``text``."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "t.csv").write_text(text, encoding="utf-8")
    descriptor = {"name": "p", "resources": [{"name": "t", "path": "t.csv", "schema": {"fields": fields}, **resource}]}
    (root / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    return root


def findings(package: Path) -> list[tuple]:
    result = invoke("validate", package, "--format", "json")
    assert_clean_outcome(result)
    return [
        (f["rule"], f["row"], f["field"]) for f in json.loads(result.output)["findings"] if f["severity"] == "error"
    ]


def test_unique_is_checked_in_the_budget_package(package_copy: Path):
    """`unique: true` with a repeated value: frictionless's unique-error on the repeat (issue 15)."""
    path = package_copy / "schemas" / "departments.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    next(f for f in schema["fields"] if f["name"] == "name")["constraints"]["unique"] = True
    path.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    data = package_copy / "data" / "departments.csv"
    lines = data.read_text(encoding="utf-8").splitlines()
    first = lines[1].split(",")
    copy = [first[0] + "x", *first[1:]]
    data.write_text("\n".join([*lines, ",".join(copy)]) + "\n", encoding="utf-8")
    found = findings(package_copy)
    assert ("unique-error", len(lines) + 1, "name") in found


def test_a_catastrophic_pattern_on_cells_with_line_breaks_finishes(tmp_path: Path):
    """`(a+)+$` against 'aaa…a\\n!' backtracks for ever in Python's re; polars's automaton is linear (issue 20)."""
    cell = '"' + "a" * 5000 + '\n!"'
    package = small_package(tmp_path, [{"name": "v", "constraints": {"pattern": "(a+)+$"}}], "v\n" + f"{cell}\n" * 50)
    started = time.monotonic()
    assert ("constraint-error", 2, "v") in findings(package)
    assert time.monotonic() - started < 20


def test_a_pattern_past_its_time_budget_is_a_finding(tmp_path: Path, monkeypatch):
    """A backreference (polars refuses it) that backtracks: the regex module stops at the budget (issue 20)."""
    monkeypatch.setattr(limits, "PATTERN_SECONDS", 0.3)
    package = small_package(
        tmp_path, [{"name": "v", "constraints": {"pattern": "(.*.*.*a)+\\1(?=z)"}}], "v\n" + "a" * 400 + "\n" * 3
    )
    started = time.monotonic()
    result = invoke("validate", package, "--format", "json")
    assert_clean_outcome(result)
    found = [f for f in json.loads(result.output)["findings"] if f["rule"] == "limit-exceeded"]
    assert [(f["field"], f["row"]) for f in found] == [("v", None)]
    assert "0.3 s" in found[0]["message_en"]
    assert time.monotonic() - started < 15


@pytest.mark.parametrize("pattern", ["(x", "[a-", "a{2,1}"])
def test_a_pattern_that_cannot_be_compiled_is_a_finding(tmp_path: Path, pattern: str):
    """frictionless raises re.error when it reads the data; publish names the field (issue 20)."""
    package = small_package(tmp_path, [{"name": "v", "constraints": {"pattern": pattern}}], "v\na\n")
    assert findings(package) == [("schema-error", None, None)]


@pytest.mark.parametrize(
    ("field", "cells", "expected"),
    [
        ({"name": "v", "type": "number", "constraints": {"minimum": "abc"}}, "1\n", [("schema-error", None, None)]),
        (
            {"name": "v", "type": "datetime", "constraints": {"minimum": "2020-01-01T00:00:00Z"}},
            "2021-01-01T00:00:00\n2019-01-01T00:00:00Z\n",
            [("constraint-error", 2, "v"), ("constraint-error", 3, "v")],
        ),
    ],
    ids=["bound-not-of-the-type", "naive-datetime-against-an-aware-bound"],
)
def test_what_frictionless_fails_on_is_a_finding(tmp_path: Path, field: dict, cells: str, expected: list):
    """frictionless raises TypeError on both; docs/frictionless-differences.md#frictionless-fails."""
    assert findings(small_package(tmp_path, [field], "v\n" + cells)) == expected


def test_too_many_enum_values_are_refused_early(tmp_path: Path):
    """A 100,001-value enum: refused before frictionless or the engine reads it, naming the limit (issue 20)."""
    enum = [f"v{i}" for i in range(limits.MAX_ENUM_VALUES + 1)]
    package = small_package(tmp_path, [{"name": "v", "constraints": {"enum": enum}}], "v\nv1\n")
    started = time.monotonic()
    result = invoke("validate", package, "--format", "json", "--lang", "en")
    assert_clean_outcome(result)
    found = json.loads(result.output)["findings"]
    assert [(f["rule"], f["field"]) for f in found] == [("limit-exceeded", "v")]
    assert f"{limits.MAX_ENUM_VALUES}" in found[0]["message_en"]
    assert time.monotonic() - started < 15


def test_too_many_fields_are_refused_early(tmp_path: Path):
    names = [f"c{i}" for i in range(limits.MAX_FIELDS + 1)]
    package = small_package(tmp_path, [{"name": n} for n in names], ",".join(names) + "\n")
    result = invoke("validate", package, "--format", "json", "--lang", "en")
    assert_clean_outcome(result)
    found = json.loads(result.output)["findings"]
    assert [f["rule"] for f in found] == ["limit-exceeded"] and f"{limits.MAX_FIELDS}" in found[0]["message_en"]


def test_comment_rows_are_skipped_by_the_checks_and_by_the_tables_the_rules_read(tmp_path: Path):
    """dialect.commentChar changes what is validated as it changes what readers see (issue 20)."""
    text = "a,b\n1,x\n#2,not a number\n3,y\n"
    package = small_package(
        tmp_path, [{"name": "a", "type": "integer"}, {"name": "b"}], text, dialect={"commentChar": "#"}
    )
    assert findings(package) == []
    tables, _ = load_tables(load(package))
    assert tables["t"].select("_line", "a").rows() == [(2, 1), (4, 3)]
    uncommented = small_package(tmp_path / "plain", [{"name": "a", "type": "integer"}, {"name": "b"}], text)
    assert findings(uncommented) == [("type-error", 3, "a")]


def test_every_error_is_reported_past_frictionless_s_thousand(tmp_path: Path):
    """frictionless stops at 1,000 errors per resource; publish reports all (differences.md#error-limit)."""
    package = small_package(tmp_path, [{"name": "a", "type": "integer"}], "a\n" + "x\n" * 1200)
    assert len(findings(package)) == 1200


def test_a_foreign_key_to_an_unreadable_resource_reports_the_read_error_once(tmp_path: Path):
    """frictionless repeats the target's encoding error on the referencing resource and checks nothing else
    there; publish reports it on the target and checks the rest (differences.md#unreadable-reference)."""
    package = small_package(
        tmp_path,
        [{"name": "a", "type": "integer"}],
        "a\n1\nx\n",
    )
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"][0]["schema"]["foreignKeys"] = [
        {"fields": "a", "reference": {"resource": "r", "fields": "a"}}
    ]
    descriptor["resources"].append(
        {"name": "r", "path": "r.csv", "schema": {"fields": [{"name": "a", "type": "integer"}]}}
    )
    (package / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    (package / "r.csv").write_bytes(b"a\n1\n\xff\n")
    result = invoke("validate", package, "--format", "json")
    assert_clean_outcome(result)
    found = sorted((f["rule"], f["resource"], f["row"]) for f in json.loads(result.output)["findings"])
    assert found == [("encoding-error", "r", 3), ("type-error", "t", 3)]


def test_table_schema_v2_features_need_the_v2_profile(tmp_path: Path):
    """Labelled missing values in a package without `$schema` (so v1): frictionless's descriptor check refuses
    them though its data validation passes; publish checks the descriptor first
    (differences.md#descriptor-version). Declared v2, the same package is valid."""
    fields = [{"name": "v", "type": "integer", "missingValues": [{"value": "-", "label": "n/a"}]}, {"name": "w"}]
    package = small_package(tmp_path, fields, "v,w\n-,a\n1,b\n")
    refused = findings(package)
    assert refused and {rule for rule, _, _ in refused} <= {"field-error", "package-error", "schema-error"}
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["$schema"] = "https://datapackage.org/profiles/2.0/datapackage.json"
    (package / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    assert findings(package) == []


def test_every_limit_is_documented():
    """docs/limits.md lists each constant of src/publish/engine/limits.py."""
    documented = (ROOT / "docs" / "limits.md").read_text(encoding="utf-8")
    names = [name for name in vars(limits) if name.isupper()]
    assert names and all(f"`{name}`" in documented for name in names)
