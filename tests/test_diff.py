"""`publish diff`: schema changes and their levels, rows by primary key, zips read safely."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from publish.release.comparison import diff
from publish.release.schema_diff import constraint_direction, schema_changes
from tests.helpers import invoke
from tests.release_support import EPOCH, add_department, release, set_value, top

FIELDS = [{"name": "a", "type": "string"}, {"name": "b", "type": "number"}, {"name": "c", "type": "integer"}]


def kinds(old_fields, new_fields, **extra) -> list[tuple[str, str, str | None]]:
    changes = schema_changes("t", {"fields": old_fields}, {"fields": new_fields, **extra})
    return [(c.kind, c.level, c.field) for c in changes]


@pytest.mark.parametrize(
    ("key", "before", "after", "direction"),
    [
        ("required", None, True, "tightened"),
        ("required", True, False, "loosened"),
        ("minimum", 0, 1, "tightened"),
        ("minimum", 1, 0, "loosened"),
        ("maximum", 100, 99.5, "tightened"),
        ("maximum", 100, 1000, "loosened"),
        ("maxLength", 10, None, "loosened"),
        ("enum", ["x", "y"], ["x"], "tightened"),
        ("enum", ["x"], ["x", "y"], "loosened"),
        ("enum", ["x"], ["y"], "tightened"),
        ("pattern", "[a-z]+", "[a-z0-9]+", "tightened"),
        ("pattern", "[a-z]+", None, "loosened"),
    ],
)
def test_constraint_direction(key, before, after, direction):
    assert constraint_direction(key, before, after) == direction


def test_field_changes_and_their_levels():
    assert kinds(FIELDS, FIELDS[:2]) == [("field-removed", "major", "c")]
    assert kinds(FIELDS, [*FIELDS, {"name": "d"}]) == [("field-added", "minor", "d")]
    assert kinds(FIELDS, [{"name": "d"}, *FIELDS]) == [("field-added", "major", "d")]
    assert kinds(FIELDS, [FIELDS[0], {"name": "bb", "type": "number"}, FIELDS[2]]) == [("field-renamed", "major", "b")]
    assert kinds(FIELDS, [FIELDS[1], FIELDS[0], FIELDS[2]]) == [("fields-reordered", "major", None)]
    assert kinds(FIELDS, [FIELDS[0], {"name": "b", "type": "string"}, FIELDS[2]]) == [("field-retyped", "major", "b")]
    retitled = [FIELDS[0], {**FIELDS[1], "title": "金额"}, FIELDS[2]]
    assert kinds(FIELDS, retitled) == [("field-property-changed", "patch", "b")]
    assert kinds(FIELDS, FIELDS, primaryKey=["a"]) == [("primary-key-changed", "major", None)]


def test_a_corrected_figure_and_a_reformatted_one(package_copy: Path, tmp_path: Path):
    old = tmp_path / "old"
    shutil.copytree(package_copy, old)
    set_value(package_copy, "operating_costs", "amount", "38.20", "38.2")
    set_value(package_copy, "kpis", "target_value", "120", "150")
    result = diff(old, package_copy)
    assert [(c.kind, c.resource, c.field, c.old, c.new) for c in result.changes] == [
        ("value-changed", "kpis", "target_value", "120", "150"),
        ("value-reformatted", "operating_costs", "amount", "38.20", "38.2"),
    ]
    assert dict(result.changes[0].key) == {
        "fiscal_year": "2023",
        "department_id": "500238-zwfwzx",
        "goal": "overall",
        "indicator_no": "5",
    }
    assert result.bump == "patch"


def test_added_and_removed_rows(package_copy: Path, tmp_path: Path):
    old = tmp_path / "old"
    shutil.copytree(package_copy, old)
    add_department(package_copy)
    added = diff(old, package_copy)
    assert added.bump == "minor"
    assert added.department_years_added == [("2023", "500238-test")]
    assert len(added.rows_added["kpis"]) == 5 and added.rows_added["kpis"][0]["department_id"] == "500238-test"
    removed = diff(package_copy, old)
    assert removed.bump == "major"
    assert removed.department_years_removed == [("2023", "500238-test")]


def test_diff_command_between_a_zip_and_a_folder(package_copy: Path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    assert release(package_copy).exit_code == 0
    set_value(package_copy, "operating_costs", "amount", "38.20", "38.30")
    zip_path = package_copy / "dist" / f"{top('1.0.0')}.zip"
    result = invoke("diff", str(zip_path), str(package_copy), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["old_version"], data["bump"], data["reasons"]) == (
        "1.0.0",
        "patch",
        ["value-changed operating_costs.amount"],
    )
    assert [(c["old"], c["new"]) for c in data["changes"]] == [("38.20", "38.30")]
    text = invoke("diff", str(zip_path), str(package_copy))
    assert text.exit_code == 0
    assert "**版本级别 Bump: PATCH**" in text.output and "38.20 → 38.30" in text.output
    same = invoke("diff", str(zip_path), str(package_copy / "dist" / top("1.0.0")))
    assert "Bump: NONE" in same.output


def test_a_zip_with_a_climbing_entry_is_refused(tmp_path: Path, package_copy: Path):
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as archive:
        archive.writestr("x/datapackage.json", "{}")
        archive.writestr("../../outside.txt", "gotcha")
    result = invoke("diff", str(evil), str(package_copy))
    assert result.exit_code == 1
    assert "../../outside.txt" in result.output and "unsafe path" in result.output
    assert not (tmp_path.parent / "outside.txt").exists()


def test_a_zip_bomb_is_refused(tmp_path: Path, package_copy: Path):
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("x/data/big.csv", b"0" * (20 * 1024**2))
    result = invoke("verify", str(bomb))
    assert result.exit_code == 1
    assert "zip bomb" in result.output


def test_an_unreadable_version_is_a_finding_not_a_traceback(tmp_path: Path, package_copy: Path):
    (tmp_path / "empty").mkdir()
    result = invoke("diff", str(tmp_path / "empty"), str(package_copy))
    assert result.exit_code == 1
    assert "datapackage.json does not exist" in result.output
