"""Extracting the seed reproduces the repo's data for 2023 exactly; the CLI writes a submission `add` accepts."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from publish.core import atomic
from publish.core.csvfile import read_rows, render
from publish.core.package import load
from publish.extract.core import extract
from tests.helpers import ROOT, SEED_DEPARTMENT, SEED_DOCUMENT, SEED_SOURCE_FILE, invoke

PACKAGE = load(ROOT)
# Every table the extraction fills: not the code list, the units a disclosure covers (the seed lists none), the
# basic expenditure by economic classification (the seed does not publish it) or the record of the document's own
# slips (a reader's judgement, not the extractor's).
NOT_EXTRACTED = ("function_codes", "disclosure_units", "expenditure_by_economic", "inconsistencies")
RESOURCES = [name for name in PACKAGE.resources if name not in NOT_EXTRACTED]
# The tables the seed has rows in: it publishes every part, so `disclosure_parts` has none.
FILLED = [name for name in RESOURCES if name != "disclosure_parts"]


@pytest.fixture(scope="module")
def seed_extraction():
    return extract(SEED_DOCUMENT, None, ROOT)


def repo_rows(resource: str) -> list[dict[str, str]]:
    rows = read_rows(PACKAGE.file(PACKAGE.resources[resource]))
    return [r for r in rows if r["department_id"] == SEED_DEPARTMENT and r.get("fiscal_year", "2023") == "2023"]


@pytest.mark.parametrize("resource", FILLED)
def test_seed_extraction_equals_the_repo_data(seed_extraction, resource):
    schema = PACKAGE.resources[resource].schema
    assert repo_rows(resource), resource
    rows = [dict(r) for r in seed_extraction.rows.get(resource, [])]
    if resource == "disclosures":  # a document inside the package is named by its path there
        assert rows[0]["source_file"] == SEED_SOURCE_FILE
    assert render(schema, rows) == render(schema, repo_rows(resource))


def test_the_seed_publishes_every_part(seed_extraction):
    assert seed_extraction.rows.get("disclosure_parts", []) == [] == repo_rows("disclosure_parts")


def test_seed_is_read_whole_and_its_department_found_by_name(seed_extraction):
    assert seed_extraction.department_id == SEED_DEPARTMENT
    assert (seed_extraction.document_kind, seed_extraction.scope) == ("budget", "department")
    assert "disclosure_units" not in seed_extraction.rows and repo_rows("disclosure_units") == []
    assert seed_extraction.unread == []
    assert seed_extraction.absent == []


def test_every_value_records_the_sentence_it_came_from(seed_extraction):
    seed = SEED_DOCUMENT.read_text(encoding="utf-8")
    assert all(p["sentence"] for p in seed_extraction.provenance)
    change = next(
        p
        for p in seed_extraction.provenance
        if (p["resource"], p["key"], p["field"])
        == ("expenditure_by_type", "fund=general_budget;item=project", "change")
    )
    assert change["value"] == "-15"
    assert change["sentence"] in seed
    assert "比2022年或减少15万元" in change["sentence"]
    assert change["section"] == "explanation"


def test_cli_writes_the_submission_and_its_sidecars(tmp_path):
    out = tmp_path / "sub"
    result = invoke("extract", str(SEED_DOCUMENT), "--package", str(ROOT), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.glob("*.csv")) == sorted(f"{r}.csv" for r in FILLED)
    with open(out / "extraction" / "provenance.csv", encoding="utf-8", newline="") as handle:
        provenance = list(csv.DictReader(handle))
    assert {"resource", "key", "field", "value", "sentence", "section"} <= set(provenance[0])
    assert (out / "extraction" / "unread.csv").read_text(encoding="utf-8").count("\n") == 1
    assert (out / "income.csv").read_bytes() == render(PACKAGE.resources["income"].schema, repo_rows("income")).encode()


def test_publish_add_dry_run_shows_no_change_for_the_seed_extraction(tmp_path):
    out = tmp_path / "sub"
    assert invoke("extract", str(SEED_DOCUMENT), "-p", str(ROOT), "-o", str(out)).exit_code == 0
    result = invoke("add", str(out), "--package", str(ROOT), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "0 added, 0 removed, 0 changed" in result.output


def test_a_document_outside_the_package_is_named_by_its_file_name(tmp_path):
    copy = tmp_path / "2023-budget.txt"
    copy.write_bytes(SEED_DOCUMENT.read_bytes())
    assert extract(copy, None, ROOT).rows["disclosures"][0]["source_file"] == "2023-budget.txt"


def test_an_unknown_department_gets_a_proposed_id_said_so(tmp_path):
    text = tmp_path / "new.txt"
    text.write_text("巫溪县新设局2023年部门预算情况说明\n", encoding="utf-8")
    result = invoke("extract", str(text), "-p", str(ROOT), "-o", str(tmp_path / "x"))
    assert result.exit_code == 1  # every part of the document is absent
    assert "建议部门编号 proposed department id 500238-xsj" in result.output and "--department" in result.output


def test_an_output_folder_that_holds_files_is_never_overwritten(tmp_path):
    out = tmp_path / "sub"
    out.mkdir()
    (out / "income.csv").write_text("mine\n", encoding="utf-8")
    result = invoke("extract", str(SEED_DOCUMENT), "-p", str(ROOT), "-o", str(out))
    assert result.exit_code == 2
    assert (out / "income.csv").read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("failing_write", [1, 5, 13])
def test_a_failed_write_leaves_nothing_behind(tmp_path, monkeypatch, failing_write):
    writes: list[Path] = []

    def fail_at_nth(path: Path) -> None:
        writes.append(path)
        if len(writes) == failing_write:
            raise OSError("disk full (injected)")

    monkeypatch.setattr(atomic, "checkpoint", fail_at_nth)
    result = invoke("extract", str(SEED_DOCUMENT), "-p", str(ROOT), "-o", str(tmp_path / "sub"))
    assert result.exit_code == 3
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_unsupported_and_broken_files_are_messages_not_tracebacks(tmp_path):
    odd = tmp_path / "x.rtf"
    odd.write_text("x", encoding="utf-8")
    result = invoke("extract", str(odd), "-p", str(ROOT))
    assert result.exit_code == 2 and ".docx" in result.output
    broken = tmp_path / "x.docx"
    broken.write_bytes(b"not a zip")
    result = invoke("extract", str(broken), "-p", str(ROOT))
    assert result.exit_code == 1 and "x.docx" in result.output and "Traceback" not in result.output
    broken_pdf = tmp_path / "x.pdf"
    broken_pdf.write_bytes(b"%PDF-1.4 garbage")
    result = invoke("extract", str(broken_pdf), "-p", str(ROOT))
    assert result.exit_code == 1 and "x.pdf" in result.output
