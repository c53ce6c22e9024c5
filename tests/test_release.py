"""`publish release`: the semver bump worked out from the changes, the release layout, immutability."""

from __future__ import annotations

import hashlib
import json
import stat
import zipfile
from pathlib import Path

import pytest

from publish.core.csvfile import read_rows, write_rows
from tests.helpers import SEED_DEPARTMENT, TABLE_COUNT
from tests.release_support import EPOCH, add_department, release, schema, set_value, snapshot, top


def drop_field(package: Path, resource: str, field: str) -> None:
    table = schema(package, resource)
    table["fields"] = [f for f in table["fields"] if f["name"] != field]
    text = json.dumps(table, ensure_ascii=False, indent=2) + "\n"
    (package / "schemas" / f"{resource}.json").write_text(text, encoding="utf-8")
    rows = read_rows(package / "data" / f"{resource}.csv")
    write_rows(package / "data" / f"{resource}.csv", table, [{k: v for k, v in r.items() if k != field} for r in rows])


@pytest.fixture
def released(package_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A package copy with its first release (1.0.0) built in its dist/."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    result = release(package_copy)
    assert result.exit_code == 0, result.output
    return package_copy


def test_first_release_layout_and_descriptor(released: Path):
    folder = released / "dist" / top("1.0.0")
    names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert {"datapackage.json", "README.md", "CHANGELOG.md", "SHA256SUMS", f"{top('1.0.0')}.xlsx"} <= set(names)
    assert "data/income.csv" in names and "schemas/income.json" in names
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["sources"] and len(descriptor["resources"]) == TABLE_COUNT
    for source in descriptor["sources"]:  # the documents the data was read from travel with it
        assert (folder / source["path"]).read_bytes() == (released / source["path"]).read_bytes()
    assert (descriptor["version"], descriptor["created"]) == ("1.0.0", "2023-11-14T22:13:20Z")
    for resource in descriptor["resources"]:
        data = (folder / resource["path"]).read_bytes()
        assert data == (released / resource["path"]).read_bytes()
        assert resource["bytes"] == len(data)
        assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
    sums = dict(reversed(line.split("  ")) for line in (folder / "SHA256SUMS").read_text().splitlines())
    assert sorted(sums) == [n for n in names if n != "SHA256SUMS"]
    assert all(hashlib.sha256((folder / n).read_bytes()).hexdigest() == h for n, h in sums.items())
    assert "## 1.0.0 — 2023-11-14" in (released / "CHANGELOG.md").read_text(encoding="utf-8")


def test_a_source_outside_the_package_or_missing_is_not_copied(package_copy: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    (package_copy.parent / "secret.txt").write_text("not for release", encoding="utf-8")
    descriptor = json.loads((package_copy / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["sources"] += [
        {"title": "outside", "path": "../secret.txt"},
        {"title": "gone", "path": "sources/gone.txt"},
    ]
    (package_copy / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    release(package_copy)
    folder = package_copy / "dist" / top("1.0.0")
    names = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert "sources/500238-zwfwzx/2023-budget.txt" in names
    assert not any("secret" in name or "gone" in name for name in names)
    assert not (package_copy / "dist" / "secret.txt").exists()


def test_frictionless_accepts_the_released_descriptor(released: Path):
    from frictionless import validate

    report = validate(str(released / "dist" / top("1.0.0") / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])


def test_zip_entries_are_sorted_dated_and_readable_by_all(released: Path):
    with zipfile.ZipFile(released / "dist" / f"{top('1.0.0')}.zip") as archive:
        infos = archive.infolist()
        folder = released / "dist" / top("1.0.0")
        assert [i.filename for i in infos] == sorted(snapshot(folder))  # at the zip's root (issue 15)
        assert {i.date_time for i in infos} == {(2023, 11, 14, 22, 13, 20)}
        assert {stat.S_IMODE(i.external_attr >> 16) for i in infos} == {0o644}
    assert stat.S_IMODE((released / "dist" / f"{top('1.0.0')}.zip").stat().st_mode) == 0o644


def test_a_corrected_figure_is_a_patch_with_old_and_new_in_the_changelog(released: Path):
    set_value(released, "operating_costs", "amount", "38.20", "38.30")
    result = release(released)
    assert result.exit_code == 0, result.output
    assert "1.0.1" in result.output and "patch" in result.output
    log = (released / "dist" / top("1.0.1") / "CHANGELOG.md").read_text(encoding="utf-8")
    assert log.index("## 1.0.1") < log.index("## 1.0.0")
    assert "**版本级别 Bump: PATCH**" in log
    assert (
        f"`operating_costs` [2023 / {SEED_DEPARTMENT} / budget / department / general_budget] `amount`（金额（万元））: 38.20 → 38.30"
        in log
    )
    assert log == (released / "CHANGELOG.md").read_text(encoding="utf-8")
    assert json.loads((released / "datapackage.json").read_text(encoding="utf-8"))["version"] == "1.0.1"


def test_a_new_department_year_is_minor(released: Path):
    add_department(released)
    result = release(released)
    assert result.exit_code == 0, result.output
    log = (released / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## 1.1.0" in log and "**版本级别 Bump: MINOR**" in log
    assert "### 新增部门年度 · Department-years added\n\n- 2023 `500238-test`" in log


def test_a_removed_field_is_major_and_patch_is_refused(released: Path):
    drop_field(released, "operating_costs", "change_rate")
    before = snapshot(released)
    refused = release(released, "--bump", "patch")
    assert refused.exit_code == 2
    assert "major" in refused.output and "field-removed operating_costs.change_rate" in refused.output
    assert snapshot(released) == before
    result = release(released)
    assert result.exit_code == 0, result.output
    log = (released / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## 2.0.0" in log and "`operating_costs` · `change_rate`: 删除字段 field removed" in log


def test_a_retyped_field_is_major(released: Path):
    table = schema(released, "glossary")
    term_no = next(f for f in table["fields"] if f["name"] == "term_no")
    term_no["type"] = "string"
    term_no.pop("constraints", None)
    (released / "schemas" / "glossary.json").write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
    result = release(released)
    assert result.exit_code == 0, result.output
    assert "2.0.0" in result.output
    assert "`glossary` · `term_no`: 字段类型改变 field retyped: integer → string [MAJOR]" in (
        released / "CHANGELOG.md"
    ).read_text("utf-8")


def test_a_higher_explicit_bump_is_allowed(released: Path):
    set_value(released, "operating_costs", "amount", "38.20", "38.30")
    result = release(released, "--bump", "minor")
    assert result.exit_code == 0, result.output
    assert (released / "dist" / top("1.1.0")).is_dir()


def test_releasing_again_without_changes_is_a_no_op(released: Path):
    before = {p: p.stat().st_mtime_ns for p in released.rglob("*") if p.is_file()}
    result = release(released)
    assert result.exit_code == 0, result.output
    assert "nothing to do" in result.output
    assert {p: p.stat().st_mtime_ns for p in released.rglob("*") if p.is_file()} == before


def test_an_existing_version_is_never_overwritten(released: Path):
    stray = released / "dist" / f"{top('1.0.1')}.zip"
    stray.write_bytes(b"someone else's 1.0.1")
    set_value(released, "operating_costs", "amount", "38.20", "38.30")
    before = snapshot(released)
    result = release(released)
    assert result.exit_code == 1
    assert "1.0.1 already exists" in result.output and "never overwritten" in result.output
    assert snapshot(released) == before


def test_a_missing_zip_of_an_existing_release_is_rebuilt_identically(released: Path):
    zip_path = released / "dist" / f"{top('1.0.0')}.zip"
    original = zip_path.read_bytes()
    zip_path.unlink()
    result = release(released)
    assert result.exit_code == 0, result.output
    assert "zip" in result.output
    assert zip_path.read_bytes() == original


def test_invalid_data_is_not_released(released: Path):
    set_value(released, "operating_costs", "amount", "38.20", "-38.20")
    before = snapshot(released)
    result = release(released)
    assert result.exit_code == 1
    assert "data/operating_costs.csv" in result.output and "Not released" in result.output
    assert snapshot(released) == before


def test_a_damaged_previous_release_is_refused(released: Path):
    damaged = released / "dist" / top("1.0.0") / "data" / "income.csv"
    damaged.write_bytes(damaged.read_bytes().replace(b"360.67", b"360.68"))
    set_value(released, "operating_costs", "amount", "38.20", "38.30")
    result = release(released)
    assert result.exit_code == 1
    assert "data/income.csv" in result.output and "damaged" in result.output
    assert not (released / "dist" / top("1.0.1")).exists()


def test_a_second_concurrent_release_fails_cleanly(released: Path):
    lock = released / "dist" / ".release.lock"
    lock.write_text("4242\n")
    set_value(released, "operating_costs", "amount", "38.20", "38.30")
    before = snapshot(released)
    result = release(released)
    assert result.exit_code == 1
    assert "another release is running" in result.output and ".release.lock" in result.output
    assert snapshot(released) == before


def test_a_malformed_source_date_is_a_usage_error(package_copy: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    result = release(package_copy)
    assert result.exit_code == 2
    assert "SOURCE_DATE_EPOCH must be whole seconds since 1970, not 'yesterday'" in result.output
    assert not (package_copy / "dist" / top("1.0.0")).exists()
