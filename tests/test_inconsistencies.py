"""A document's own inconsistencies, recorded in `inconsistencies`: kept as published, reported once as known.

The seed's income total is changed by one fen, as a publisher's slip would be: income and expenditure no longer
balance (an error). Recorded with a quote, the same finding is reported once, as a warning that names the record;
a record that matches nothing, or that names no budget rule, is itself reported.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.validate import validate
from tests.helpers import SEED_DEPARTMENT, copy_package
from tests.mutate import edit, read_table, write_table

SEED = {"fiscal_year": "2023", "department_id": SEED_DEPARTMENT, "document_kind": "budget", "scope": "department"}
NOTE = "收入合计 360.68 万元，支出合计 360.67 万元（原文如此）"


@pytest.fixture
def slipped(tmp_path: Path) -> Path:
    package = copy_package(tmp_path / "package")
    edit(package, "income", {"item": "total"}, amount="360.68")
    return package


def _record(package: Path, **record: str) -> None:
    columns, rows = read_table(package, "inconsistencies")  # (a column named `resource`: not through `add`)
    row = {**SEED, "resource": "income", "row_key": "item=total", "note": NOTE, **record}
    write_table(package, "inconsistencies", columns, [*rows, row])


def _found(package: Path, rule: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.severity, f.resource, f.field) for f in validate(package).findings if f.rule == rule]


def test_an_unrecorded_slip_is_an_error(slipped):
    assert _found(slipped, "income-expenditure-imbalance") == [("error", "income", "amount")]


def test_a_recorded_slip_is_reported_once_as_known(slipped):
    _record(slipped, rule="income-expenditure-imbalance", field="amount")
    report = validate(slipped)
    assert report.valid
    (finding,) = [f for f in report.findings if f.rule == "income-expenditure-imbalance"]
    assert (finding.severity, finding.values["as_published"]) == ("warning", NOTE)
    assert "原文如此，已登记" in finding.message_zh and "as published, recorded" in finding.message_en
    assert not [f for f in report.findings if f.rule.startswith("inconsistency-")]


def test_a_record_without_a_field_matches_any_field_of_its_row(slipped):
    _record(slipped, rule="income-expenditure-imbalance", field="")
    assert _found(slipped, "income-expenditure-imbalance") == [("warning", "income", "amount")]


def test_a_record_on_another_row_does_not_hide_the_slip(slipped):
    _record(slipped, rule="income-expenditure-imbalance", row_key="item=other", field="amount")
    assert _found(slipped, "income-expenditure-imbalance") == [("error", "income", "amount")]
    assert _found(slipped, "inconsistency-unmatched") == [("warning", "inconsistencies", "rule")]


def test_a_record_that_matches_nothing_any_more_is_stale(tmp_path):
    package = copy_package(tmp_path / "package")  # the slip corrected: the figures agree again
    _record(package, rule="income-expenditure-imbalance", field="amount")
    report = validate(package)
    assert report.valid
    assert [(f.rule, f.severity) for f in report.findings if f.resource == "inconsistencies"] == [
        ("inconsistency-unmatched", "warning")
    ]


def test_a_record_of_a_rule_not_run_is_not_called_stale(tmp_path):
    package = copy_package(tmp_path / "package")
    _record(package, rule="income-expenditure-imbalance", field="amount")
    report = validate(package, skip=["income-expenditure-imbalance"])
    assert not [f for f in report.findings if f.resource == "inconsistencies"]


def test_a_structural_error_cannot_be_recorded(slipped):
    _record(slipped, rule="type-error", field="amount")
    assert _found(slipped, "inconsistency-not-a-rule") == [("error", "inconsistencies", "rule")]
