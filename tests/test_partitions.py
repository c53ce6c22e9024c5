"""`validate --partitions N`: the same report as the whole validation, from partitions of departments."""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

from publish.validate import validate, validate_in_partitions
from tests.helpers import ROOT, edit, invoke

sys.path.insert(0, str(ROOT / "benchmarks"))

from make_corpus import make_corpus


def canonical(report) -> list[str]:
    """The findings as comparable text, involved lines included, in one order."""
    return sorted(json.dumps([f.to_dict(), f.involved], sort_keys=True, ensure_ascii=False) for f in report.findings)


def assert_same(path: Path, partitions: int):
    whole, parts = validate(path), validate_in_partitions(path, partitions)
    assert canonical(parts) == canonical(whole)
    assert parts.stats["partitions"] == partitions
    assert (parts.stats["rows"], parts.stats["department_years"]) == (
        whole.stats["rows"],
        whole.stats["department_years"],
    )
    return parts


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("planted")
    make_corpus(folder, 120, years=3, plant=2, seed=7)
    return folder


@pytest.fixture
def corpus(tmp_path) -> Path:
    make_corpus(tmp_path / "corpus", 45, years=3, seed=3)
    return tmp_path / "corpus"


@pytest.mark.parametrize("partitions", [2, 5, 64])
def test_the_planted_corpus_gives_the_same_report_in_partitions(planted, partitions):
    parts = assert_same(planted, partitions)
    manifest = json.loads((planted / "manifest.json").read_text(encoding="utf-8"))
    assert sorted((f.rule, f.path, f.row) for f in parts.findings) == sorted(
        (e["rule"], e["path"], e["line"]) for e in manifest
    )


def test_the_repository_package_gives_the_same_report_in_partitions():
    assert_same(ROOT, 3)


def test_problems_across_departments_and_lines_are_found_as_whole(corpus):
    """A key repeated far away, a parent department in another partition or nowhere, a cell holding a line
    break, a blank line, an extra cell, a BOM, a misnamed header, no final line break, a code list's bad row."""
    data = corpus / "data"
    edit(data / "income.csv", lambda lines: [*lines[:5], "\n", *lines[5:], lines[3]])
    edit(data / "sangong.csv", lambda lines: [lines[0].replace("amount", "amonut"), *lines[1:]])
    edit(data / "kpis.csv", lambda lines: [lines[0], lines[1].rstrip("\n") + ",extra\n", *lines[2:-1], lines[-1][:-1]])
    edit(data / "glossary.csv", lambda lines: ["\ufeff" + lines[0], *lines[1:]])
    edit(data / "function_codes.csv", lambda lines: [*lines, "20x4,abc,,,,\n"])

    def departments(lines):
        ids = [line.split(",", 1)[0] for line in lines[1:]]
        parent = [[*line.split(",")[:2], ids[-1 - n], *line.split(",")[3:]] for n, line in enumerate(lines[1:11])]
        orphan = lines[11].split(",")
        orphan[2] = "nowhere"
        return [lines[0], *(",".join(p) for p in parent), ",".join(orphan), *lines[12:], lines[4]]

    edit(data / "departments.csv", departments)

    def reasons(lines):
        header = lines[0].rstrip("\n").split(",")
        at = header.index("change_reason")
        row = lines[2].rstrip("\n").split(",")
        row[at] = '"增加\n人员"'
        return [lines[0], lines[1], ",".join(row) + "\n", *lines[3:]]

    edit(data / "expenditure_by_type.csv", reasons)
    descriptor = json.loads((corpus / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"][1]["rows"] = 3
    descriptor["resources"][5]["bytes"] = 10
    descriptor["resources"][6]["hash"] = "md5:0123456789abcdef0123456789abcdef"  # a file without quotes
    descriptor["resources"][7]["hash"] = "sha256:" + "0" * 64  # the file whose cell holds a line break
    (corpus / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    parts = assert_same(corpus, 4)
    rules = {f.rule for f in parts.findings}
    assert {"primary-key", "foreign-key", "blank-row", "extra-cell", "incorrect-label", "row-count"} <= rules
    assert {"byte-count", "hash-count"} <= rules
    assert sum(f.rule == "hash-count" for f in parts.findings) == 2
    assert sum(f.rule == "row-count" for f in parts.findings) == 1


def test_a_package_that_cannot_be_split_faithfully_is_validated_whole(corpus):
    descriptor = json.loads((corpus / "datapackage.json").read_text(encoding="utf-8"))
    schema = json.loads((corpus / "schemas" / "income.json").read_text(encoding="utf-8"))
    schema["primaryKey"] = ["fiscal_year", "item"]  # a key across departments
    (corpus / "schemas" / "income.json").write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    report = validate_in_partitions(corpus, 4)
    assert canonical(report) == canonical(validate(corpus))
    assert report.stats["partitions"] == 1
    assert "income" in report.stats["partitions_refused"] and "validated whole" in report.stats["partitions_refused"]
    assert descriptor  # the descriptor itself is untouched


def test_a_file_that_is_not_utf8_is_left_to_the_whole_validation(corpus):
    path = corpus / "data" / "income.csv"
    path.write_bytes(path.read_bytes() + "2024,x,无效\n".encode("gbk"))
    report = validate_in_partitions(corpus, 3)
    assert report.stats["partitions"] == 1
    assert canonical(report) == canonical(validate(corpus))


def test_the_partitions_are_removed_and_their_size_reported(corpus, tmp_path, monkeypatch):
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    report = validate_in_partitions(corpus, 3)
    assert report.stats["partition_bytes"] > sum(p.stat().st_size for p in (corpus / "data").glob("income.csv"))
    assert list(temp.iterdir()) == []


def test_the_command_reports_the_same_findings_and_refuses_without_room(corpus, monkeypatch):
    edit(corpus / "data" / "income.csv", lambda lines: [*lines, lines[2]])
    whole = invoke("validate", corpus, "--format", "json")
    parts = invoke("validate", corpus, "--format", "json", "--partitions", "3")
    assert whole.exit_code == parts.exit_code == 1
    assert json.loads(parts.output)["findings"] == json.loads(whole.output)["findings"]
    refused = invoke("validate", corpus, "--partitions", "2", "--changed-since", "HEAD")
    assert refused.exit_code == 2 and "--changed-since" in refused.output
    monkeypatch.setattr(shutil, "disk_usage", lambda path: shutil._ntuple_diskusage(10, 10, 0))
    full = invoke("validate", corpus, "--partitions", "3")
    assert full.exit_code == 3
    assert "TMPDIR" in full.output and "临时目录" in full.output
