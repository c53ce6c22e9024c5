"""`publish add` of many submissions at once: checked together, merged in one write or not at all.

The submissions are the seed department-year as a CSV folder (tests/submission_support.csv_folder) and the same
rows under a second, new department (所 乙), so two different disclosures; a figure is broken in one to refuse it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from publish.core import atomic
from publish.submission import add_all, batch_report, submission_paths
from tests.helpers import SEED_DEPARTMENT, invoke, read_rows
from tests.submission_support import SUBMITTED, csv_folder, data_bytes, seed_rows

SECOND = "500238-zwfwzxy"


def second_department(package: Path, folder: Path) -> Path:
    """The seed's rows as another department's submission (a new id and name): a second, clean disclosure."""
    rows = {}
    for resource in SUBMITTED:
        rows[resource] = [{**row, "department_id": SECOND} for row in seed_rows(package, resource)]
    rows["departments"] = [{**row, "name": row["name"] + "乙"} for row in rows["departments"]]
    return csv_folder(package, folder, rows=rows)


def break_sangong_total(folder: Path) -> Path:
    """The 三公 total no longer the sum of its items: a rule error on one line of sangong.csv."""
    path = folder / "sangong.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    total = next(i for i, line in enumerate(lines) if ",total,“三公”经费合计," in line)
    lines[total] = lines[total].replace(",4,万元,", ",9,万元,")
    path.write_text("".join(lines), encoding="utf-8")
    return folder


@pytest.fixture
def two(tmp_path: Path, package_copy: Path) -> Path:
    """A folder of two submission folders, as `publish extract DIR --out` leaves it (with its summary.csv)."""
    batch = tmp_path / "提交"
    csv_folder(package_copy, batch / "a-seed")
    second_department(package_copy, batch / "b-second")
    (batch / "summary.csv").write_text("file,status\n", encoding="utf-8")
    return batch


def test_a_folder_of_submissions_stands_for_each_of_them(two: Path):
    assert submission_paths([two]) == [two / "a-seed", two / "b-second"]
    assert submission_paths([two / "a-seed"]) == [two / "a-seed"]  # a submission folder holds CSVs: itself


def test_an_extraction_folder_where_every_document_was_refused_is_a_usage_error(tmp_path: Path, package_copy: Path):
    out = tmp_path / "提交"
    out.mkdir()
    (out / "summary.csv").write_text("file,status\n", encoding="utf-8")
    result = invoke("add", out, "--package", package_copy)
    assert result.exit_code == 2 and "holds no submission folder" in result.output


def test_two_clean_submissions_are_merged_in_one_command(two: Path, package_copy: Path):
    result = invoke("add", two, "--package", package_copy)
    assert result.exit_code == 0, result.output
    assert "2 份报送已一并并入" in result.output and "all 2 submissions merged in one write" in result.output
    departments = {row["department_id"] for row in read_rows(package_copy, "sangong")}
    assert {SEED_DEPARTMENT, SECOND} <= departments
    again = invoke("add", two / "a-seed", two / "b-second", "--package", package_copy, "--dry-run")
    assert again.exit_code == 0 and "新增 0、删除 0、修改 0 行" in again.output  # the same twice changes nothing


def test_one_refused_submission_means_none_is_written(two: Path, package_copy: Path):
    break_sangong_total(two / "b-second")
    before = data_bytes(package_copy)
    result = invoke("add", two, "--package", package_copy, "--format", "json")
    assert result.exit_code == 1
    assert data_bytes(package_copy) == before
    assert '"refused": [' in result.output and "b-second" in result.output.split('"refused": [', 1)[1].split("]")[0]
    batch = add_all(package_copy, submission_paths([two]), dry_run=True)
    seed, second = batch.results
    assert seed.accepted, [f.message_en for f in seed.errors]  # the broken total is the second's, not the seed's
    assert not second.accepted
    errors = [f for f in batch_report(batch).findings if f.severity == "error"]
    assert errors and all(f.path.startswith("b-second/sangong.csv") for f in errors)  # located in its own file


def test_the_text_report_names_each_refused_submission(two: Path, package_copy: Path):
    break_sangong_total(two / "b-second")
    result = invoke("add", two, "--package", package_copy)
    assert result.exit_code == 1
    verdict = result.output.strip().splitlines()[-1]
    assert "1 of 2 submissions refused: none merged, nothing written" in verdict and "b-second" in verdict
    assert "a-seed" not in verdict


def test_two_submissions_of_the_same_disclosure_are_a_usage_error_naming_both(tmp_path, package_copy: Path):
    first, second = csv_folder(package_copy, tmp_path / "one"), csv_folder(package_copy, tmp_path / "two")
    before = data_bytes(package_copy)
    result = invoke("add", first, second, "--package", package_copy)
    assert result.exit_code == 2, result.output
    assert str(first) in result.output and str(second) in result.output
    assert "2023 500238-zwfwzx budget department" in result.output
    assert data_bytes(package_copy) == before


class Injected(Exception):
    pass


class Fault:
    """A checkpoint raising at the ``at``-th write of a run (the suite's way to fail a write: tests/test_faults.py)."""

    def __init__(self, at: int):
        self.at, self.count = at, 0

    def __call__(self, target: Path) -> None:
        self.count += 1
        if self.count == self.at:
            raise Injected(f"write {self.at}: {target}")


def test_a_failure_at_every_write_of_a_batch_leaves_the_data_files_as_they_were(
    two: Path, tmp_path: Path, package_copy: Path, monkeypatch: pytest.MonkeyPatch
):
    probe = shutil.copytree(package_copy, tmp_path / "probe")
    writes: list[Path] = []
    monkeypatch.setattr(atomic, "checkpoint", writes.append)
    written = add_all(probe, submission_paths([two])).written
    assert "sangong" in written and "departments" in written and len(writes) > 3 * len(written)
    after, before = data_bytes(probe), data_bytes(package_copy)
    for at, target in enumerate(writes, 1):
        monkeypatch.setattr(atomic, "checkpoint", Fault(at))
        with pytest.raises(Injected):
            add_all(package_copy, submission_paths([two]))
        assert data_bytes(package_copy) == before, f"a failure at write {at} ({target}) changed the data"
    monkeypatch.setattr(atomic, "checkpoint", lambda target: None)
    add_all(package_copy, submission_paths([two]))
    assert data_bytes(package_copy) == after  # both merged, exactly as in one go without a fault
