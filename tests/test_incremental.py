"""`publish validate --changed-since REF`: only the changed department-years, with their cross-year neighbours."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from publish.core.package import load
from publish.validate.incremental import IncrementalError, changes_since, validate_changed
from publish.validate.run import validate
from tests.helpers import ROOT, invoke, require_tool

sys.path.insert(0, str(ROOT / "benchmarks"))

from make_corpus import make_corpus

GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false"]


def commit(folder: Path) -> None:
    require_tool("git", "--changed-since compares with a git commit")
    if not (folder / ".git").exists():
        subprocess.run([*GIT, "-C", str(folder), "init", "-q"], check=True)
    subprocess.run([*GIT, "-C", str(folder), "add", "-A"], check=True)
    subprocess.run([*GIT, "-C", str(folder), "commit", "-qm", "data"], check=True)


def edit(folder: Path, resource: str, year: str, department: str, change) -> list[int]:
    """Apply ``change(row)`` to the rows of one department-year; the lines they are on."""
    path = folder / "data" / f"{resource}.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    lines = [n for n, r in enumerate(rows, 2) if (r["fiscal_year"], r["department_id"]) == (year, department)]
    kept = []
    for number, row in enumerate(rows, 2):
        kept += [row] if number not in lines else [r for r in [change(row)] if r is not None]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(kept)
    path.write_text(out.getvalue(), encoding="utf-8")
    return lines


@pytest.fixture
def corpus(tmp_path) -> Path:
    make_corpus(tmp_path, 60, years=4, seed=21)
    commit(tmp_path)
    return tmp_path


@pytest.fixture
def planted(tmp_path) -> Path:
    make_corpus(tmp_path, 120, years=3, plant=1, seed=8)
    commit(tmp_path)
    return tmp_path


def a_department(folder: Path) -> str:
    """A department with every year of the corpus."""
    return sorted({r["department_id"] for r in _rows(folder, "disclosures")})[3]


def _rows(folder: Path, resource: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO((folder / "data" / f"{resource}.csv").read_text(encoding="utf-8"))))


def raise_amount(row: dict) -> dict:
    return {**row, "amount": f"{float(row['amount']) + 1:.2f}"}


def test_nothing_changed_means_nothing_checked_and_nothing_found(corpus):
    report = validate_changed(corpus, "HEAD")
    assert report.findings == []
    assert report.stats["changed_department_years"] == 0
    lists = len(_rows(corpus, "function_codes")) + len(_rows(corpus, "departments"))
    assert report.stats["rows"] <= lists  # only the code lists were read into tables


def test_a_changed_figure_reports_its_year_and_the_next_through_the_cross_year_rule(corpus):
    department = a_department(corpus)
    [line] = edit(corpus, "operating_costs", "2022", department, raise_amount)
    report = validate_changed(corpus, "HEAD")
    assert report.stats["changed_department_years"] == 1
    [next_line] = [
        n
        for n, r in enumerate(_rows(corpus, "operating_costs"), 2)
        if r["fiscal_year"] == "2023" and r["department_id"] == department
    ]
    found = sorted((f.rule, f.fiscal_year, f.department_id, f.row) for f in report.findings)
    assert found == [
        ("prior-year-mismatch", 2022, department, line),
        ("prior-year-mismatch", 2023, department, next_line),
    ]
    assert sorted((f.rule, f.path, f.row) for f in report.findings) == sorted(
        (f.rule, f.path, f.row) for f in validate(corpus).findings
    )


def test_findings_are_those_of_a_full_run_in_the_changed_department_year(planted):
    full_before = validate(planted).findings
    manifest_years = {(f.fiscal_year, f.department_id) for f in full_before if f.department_id}
    year, department = sorted(manifest_years)[0]
    edit(planted, "income", str(year), department, lambda row: row)  # rewritten, not changed
    assert validate_changed(planted, "HEAD").stats["changed_department_years"] == 0
    edit(planted, "glossary", str(year), department, lambda row: {**row, "definition": "待填写"})
    report = validate_changed(planted, "HEAD")
    full = validate(planted).findings
    expected = sorted((f.rule, f.path, f.row) for f in full if (f.fiscal_year, f.department_id) == (year, department))
    assert sorted((f.rule, f.path, f.row) for f in report.findings) == expected
    assert sum(f.rule == "template-placeholder" for f in report.findings) >= 5
    assert len(full) > len(report.findings)  # the other planted errors are outside the change


def test_a_removed_part_is_reported_as_missing(corpus):
    department = a_department(corpus)
    edit(corpus, "operating_costs", "2021", department, lambda row: None)
    report = validate_changed(corpus, "HEAD")
    assert [(f.rule, f.department_id, f.fiscal_year) for f in report.findings] == [
        ("required-part-missing", department, 2021)
    ]


def test_a_changed_code_list_or_schema_validates_everything(corpus):
    codes = corpus / "data" / "function_codes.csv"
    codes.write_text(codes.read_text(encoding="utf-8").replace("行政运行", "行政运行费", 1), encoding="utf-8")
    report = validate_changed(corpus, "HEAD")
    assert report.stats["incremental"] == "full"
    assert report.stats["department_years"] == 60
    assert {f.rule for f in report.findings} == {"function-code-name-mismatch"}


def test_a_department_profile_change_covers_every_year_of_that_department(corpus):
    department = a_department(corpus)
    path = corpus / "data" / "departments.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"{department},", f"{department},X", 1), encoding="utf-8")
    change = changes_since(load(corpus), "HEAD")
    assert change.departments == {department}
    assert change.files == ["data/departments.csv"]


def test_an_unknown_revision_is_a_usage_error(corpus):
    with pytest.raises(IncrementalError):
        validate_changed(corpus, "no-such-revision")
    result = invoke("validate", str(corpus), "--changed-since", "no-such-revision")
    assert result.exit_code == 2
    assert "no-such-revision" in result.output


def test_the_command_exits_1_and_names_the_changed_row(corpus):
    department = a_department(corpus)
    [line] = edit(corpus, "operating_costs", "2023", department, lambda row: {**row, "change_word": "持平"})
    result = invoke("validate", str(corpus), "--changed-since", "HEAD", "--lang", "en", catch_exceptions=False)
    assert result.exit_code == 1
    assert f"data/operating_costs.csv line {line}" in result.output
    assert "change-word-mismatch" in result.output or "word" in result.output
    clean = invoke("validate", str(ROOT / "tests"), "--changed-since", "HEAD")
    assert clean.exit_code != 0  # not a package: reported, never a traceback
    assert "Traceback" not in clean.output
