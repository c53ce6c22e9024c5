"""`publish migrate`: the v1 package (tests/fixtures/v1) becomes the repository's own v2 package, with no figure
changed, all or nothing; a v2 package is refused; a year's budget and final account coexist under the new key."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
from pathlib import Path

import pytest

from publish.core import atomic
from publish.migrate import PLAN, AddResource, migrate
from publish.validate import validate
from tests.helpers import ROOT, SEED_DEPARTMENT, invoke, read_rows
from tests.mutate import edit

V1 = ROOT / "tests" / "fixtures" / "v1"
REFERENCE_DATA = {"function_codes"}  # updated on its own, not by the migration
STRUCTURE = ("fields", "primaryKey", "foreignKeys", "missingValues")
NEW_KEY = {"document_kind": "budget", "scope": "department"}


@pytest.fixture
def v1(tmp_path: Path) -> Path:
    return Path(shutil.copytree(V1, tmp_path / "package"))


def tree(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` (dot files included) with the sha256 of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _without_descriptions(value):
    """A schema with every description left out (they are improved by hand after the migration)."""
    if isinstance(value, dict):
        return {k: _without_descriptions(v) for k, v in value.items() if k != "description"}
    if isinstance(value, list):
        return [_without_descriptions(v) for v in value]
    return value


def test_the_v1_package_becomes_the_repositorys_v2_data(v1):
    migrate(v1)
    for path in sorted((ROOT / "data").glob("*.csv")):
        if path.stem not in REFERENCE_DATA:
            assert (v1 / "data" / path.name).read_bytes() == path.read_bytes(), path.name
    for path in sorted((ROOT / "schemas").glob("*.json")):
        mine, theirs = (json.loads(p.read_text(encoding="utf-8")) for p in (v1 / "schemas" / path.name, path))
        for part in STRUCTURE:
            assert _without_descriptions(mine.get(part)) == _without_descriptions(theirs.get(part)), (path.name, part)
    descriptor = json.loads((v1 / "datapackage.json").read_text(encoding="utf-8"))
    repo = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["version"] == repo["version"] == "1.0.0"
    assert [r["name"] for r in descriptor["resources"]] == [r["name"] for r in repo["resources"]]
    added = [(s.resource["path"], s.resource["schema"]) for s in PLAN if isinstance(s, AddResource)]
    assert len(added) >= 2  # disclosure_units, expenditure_by_economic …
    assert sorted(tree(v1)) == sorted([*tree(V1), *(path for pair in added for path in pair)])


def test_every_v1_figure_survives_cell_by_cell(v1):
    migrate(v1)
    for path in sorted((V1 / "data").glob("*.csv")):
        schema = json.loads((V1 / "schemas" / f"{path.stem}.json").read_text(encoding="utf-8"))
        key = schema["primaryKey"]
        after = {tuple(row[k] for k in key): row for row in read_rows(v1, path.stem)}
        before = read_rows(V1, path.stem)
        assert len(after) == len(before), path.name
        for row in before:
            migrated = after[tuple(row[k] for k in key)]
            assert {k: migrated[k] for k in row} == row, (path.name, row)
            if "fiscal_year" in row and path.stem not in REFERENCE_DATA:
                assert {k: migrated[k] for k in NEW_KEY} == NEW_KEY


def test_the_migrated_package_is_valid_and_keyed_by_the_four_columns(v1):
    migrate(v1)
    report = validate(v1)
    assert report.errors == []
    for name in ("disclosures", "income", "kpis", "disclosure_units"):
        schema = json.loads((v1 / "schemas" / f"{name}.json").read_text(encoding="utf-8"))
        assert schema["primaryKey"][:4] == ["fiscal_year", "department_id", "document_kind", "scope"]
    income = json.loads((v1 / "schemas" / "income.json").read_text(encoding="utf-8"))
    identity = ["fiscal_year", "department_id", "document_kind", "scope"]
    assert income["foreignKeys"] == [{"fields": identity, "reference": {"resource": "disclosures", "fields": identity}}]
    departments = json.loads((v1 / "schemas" / "departments.json").read_text(encoding="utf-8"))
    assert {"fields": ["parent_id"], "reference": {"resource": "departments", "fields": ["department_id"]}} in (
        departments["foreignKeys"]
    )
    assert (v1 / "data" / "disclosure_units.csv").read_text(encoding="utf-8") == (
        "fiscal_year,department_id,document_kind,scope,unit_no,unit_name,unit_id,unit_kind\n"
    )


def test_a_second_run_is_refused_and_changes_nothing(v1):
    assert invoke("migrate", v1).exit_code == 0
    before = tree(v1)
    result = invoke("migrate", v1)
    assert result.exit_code == 2
    assert "已是当前数据模型（v2）" in result.output and "already v2" in result.output
    assert "Traceback" not in result.output
    assert tree(v1) == before


def test_the_repository_itself_is_already_v2(tmp_path):
    package = Path(shutil.copytree(ROOT / "schemas", tmp_path / "p" / "schemas")).parent
    shutil.copytree(ROOT / "data", package / "data")
    shutil.copy(ROOT / "datapackage.json", package)
    result = invoke("migrate", package, "--dry-run")
    assert result.exit_code == 2 and "already v2" in result.output


def test_a_dry_run_says_what_would_change_and_writes_nothing(v1):
    result = invoke("migrate", v1, "--dry-run", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "0.1.0 → 1.0.0" in result.output
    assert "income: new column document_kind (existing rows get budget, in the primary key)" in result.output
    assert "new table disclosure_units (0 rows)" in result.output
    assert "~ data/income.csv" in result.output
    assert tree(v1) == tree(V1)


def test_the_migration_reports_what_it_changed_as_json(v1):
    result = invoke("migrate", v1, "--format", "json")
    assert result.exit_code == 0, result.output
    migration = json.loads(result.stdout)["migration"]
    assert (migration["version_from"], migration["version_to"], migration["dry_run"]) == ("0.1.0", "1.0.0", False)
    assert "datapackage.json" in migration["files"] and "data/disclosure_units.csv" in migration["files"]


class Injected(Exception):
    pass


def test_a_fault_at_any_write_leaves_the_v1_package_byte_identical(v1, monkeypatch):
    seen: list[Path] = []
    monkeypatch.setattr(atomic, "checkpoint", seen.append)
    migrate(shutil.copytree(V1, v1.parent / "counting"))
    assert len(seen) > len(tree(V1))  # every staged file, every move, the lock
    for failing in range(1, len(seen) + 1):
        target = shutil.copytree(V1, v1.parent / f"fail-{failing}")
        calls: list[Path] = []

        def fail(path: Path, calls=calls, failing=failing) -> None:
            calls.append(path)
            if len(calls) == failing:
                raise Injected(path)

        monkeypatch.setattr(atomic, "checkpoint", fail)
        with pytest.raises(Injected):
            migrate(target)
        assert tree(target) == tree(V1), failing
        assert sorted(p.name for p in target.iterdir()) == sorted(p.name for p in V1.iterdir()), failing


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (lambda p: (p / "datapackage.json").write_text("{", encoding="utf-8"), "invalid JSON"),
        (lambda p: (p / "data" / "kpis.csv").unlink(), "data/kpis.csv"),
        (lambda p: (p / "data" / "income.csv").write_text("a,b\n1,2\n", encoding="utf-8"), "header of data/income.csv"),
        (lambda p: (p / "data" / "income.csv").write_bytes(b"\xff\xfe"), "data/income.csv"),
    ],
    ids=["descriptor", "missing-file", "header", "encoding"],
)
def test_a_broken_package_is_refused_with_a_message_not_a_traceback(v1, damage, expected):
    damage(v1)
    before = tree(v1)
    result = invoke("migrate", v1, "--lang", "en")
    assert result.exit_code == 1
    assert expected in result.output and "Traceback" not in result.output
    assert tree(v1) == before


def test_a_package_lacking_a_table_or_partly_migrated_is_refused(v1):
    descriptor = json.loads((v1 / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] != "glossary"]
    (v1 / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    assert migrate_refusal(v1) == "not a package of publish data model v1: it lacks the table(s) glossary"
    shutil.rmtree(v1)
    shutil.copytree(V1, v1)
    migrate(v1, plan=PLAN[:2])  # only disclosures.document_kind
    assert "partly migrated" in migrate_refusal(v1)


def migrate_refusal(package: Path) -> str:
    result = invoke("migrate", package, "--lang", "en")
    assert result.exit_code == 1, result.output
    return result.output.strip().split("; nothing was changed")[0]


# --- a year's budget and final account of one department, side by side --------------------------------------------


def with_final_account(package: Path) -> Path:
    """The seed's budget and, beside it, the same figures as the year's 决算 (every disclosure-keyed row twice)."""
    for path in sorted((package / "data").glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            columns, rows = list(reader.fieldnames or []), list(reader)
        if "document_kind" not in columns:
            continue
        finals = [{**row, "document_kind": "final_account"} for row in rows]
        for row in finals:
            if "document_type" in row:
                row.update(document_type="部门决算", title=row["title"].replace("预算", "决算"))
        with open(path, "a", encoding="utf-8", newline="") as handle:
            csv.DictWriter(handle, fieldnames=columns, lineterminator="\n").writerows(finals)
    return package


def test_a_years_budget_and_final_account_coexist_and_validate(v1):
    migrate(v1)
    budget_only = validate(v1)
    with_final_account(v1)
    report = validate(v1)
    assert report.errors == []
    assert len(report.warnings) == 2 * len(budget_only.warnings)
    assert {(f.rule, f.document_kind, f.scope) for f in report.warnings} == {
        (f.rule, kind, "department") for f in budget_only.warnings for kind in ("budget", "final_account")
    }


def test_a_rule_finding_names_the_kind_and_scope_of_its_disclosure(v1):
    migrate(v1)
    baseline = validate(with_final_account(v1)).findings
    edit(v1, "expenditure_by_function", {"document_kind": "final_account", "item": "total"}, amount="361.67")
    new = [f for f in validate(v1).findings if f not in baseline]
    assert new
    for finding in new:
        assert (finding.document_kind, finding.scope) == ("final_account", "department"), finding
        assert finding.resource in ("expenditure_by_function", "expenditure_by_type", "income")  # and the balances
        assert f"2023 年 {SEED_DEPARTMENT} 部门汇总决算" in finding.message_zh
        assert f"({SEED_DEPARTMENT}, 2023, department final account)" in finding.message_en
