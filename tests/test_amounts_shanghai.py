"""A document in 元 round-trips exactly: Shanghai Putuo's 司法局 2026 budget, its general-budget function cross-tab
(table 5: code × 合计/基本/项目) and its basic expenditure by economic classification (table 8: code × 合计/人员经费/
公用经费), keyed from the excerpt in fixtures/shanghai_putuo_2026/excerpt.txt (its SOURCE line names the document).
Every figure of the fixture is checked against the excerpt; the package then validates without a finding from
the amount rules, and one figure changed gets exactly the findings that locate it."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from publish.validate.run import validate
from tests.helpers import copy_package
from tests.mutate import add, edit, read_table, write_table

FIXTURE = Path(__file__).parent / "fixtures" / "shanghai_putuo_2026"
DEPARTMENT = {"fiscal_year": "2026", "department_id": "310107-sfj", "document_kind": "budget", "scope": "department"}
RULES = ["sums", "balance", "economic", "amounts", "fund-name-mismatch"]
YUAN = {"unit": "元"}


def _fixture(name: str) -> list[dict[str, str]]:
    with open(FIXTURE / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _excerpt_lines() -> dict[str, list[str]]:
    """Each table line of the excerpt (TAB-separated cells) by its code (类 款 项 joined; 合计 by the table)."""
    found: dict[str, list[str]] = {}
    for line in (FIXTURE / "excerpt.txt").read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if cells[0].isdigit():
            found.setdefault("".join(c for c in cells[:3] if c.isdigit()), []).append(line)
        elif cells[0] == "合计":
            found.setdefault("total", []).append(line)
    return found


COLUMNS = {"total": 0, "basic": 1, "project": 2, "personnel": 1, "public": 2}


@pytest.mark.parametrize(("table", "key", "name"), [
    ("expenditure_by_function", "item", "item_name"),
    ("expenditure_by_economic", "code", "code_name"),
])  # fmt: skip
def test_every_figure_of_the_fixture_is_in_the_published_table(table, key, name):
    published = _excerpt_lines()
    for row in _fixture(table):
        figures = [re.findall(r"[0-9]+\.[0-9]{2}", line) for line in published[row[key]]]
        assert any(f[COLUMNS[row["cost_type"]]] == row["amount"] for f in figures if len(f) == 3), row
        assert row[key] == "total" or any(row[name] in line for line in published[row[key]]), row


def _shanghai(tmp_path: Path) -> Path:
    """The repo's package with the Putuo 司法局 2026 budget added: its disclosure, the income and expenditure totals
    of pages 10 and 15–16, and the two cross-tabs of the fixture."""
    package = copy_package(tmp_path / "package", sources=False)
    add(package, "departments", department_id="310107-sfj", name="上海市普陀区司法局", division_code="310107",
        division_name="普陀区", profile_year="2026", duties="主管本区司法和法制工作", duty_count="1",
        internal_units="见原文", internal_unit_count="1")  # fmt: skip
    add(package, "disclosures", **DEPARTMENT, title="上海市普陀区2026年区级部门预算", document_type="部门预算",
        source_file="41_sh_putuo_sifaju_2026_budget.txt", overall_goal="见原文", government_fund_expenditure="false",
        key_special_fund_goals="false", performance_managed_amount="0", unit="万元", contact_name="见原文",
        contact_phone="021-00000000")  # fmt: skip
    for item, amount in (("general_budget", "96282213.44"), ("total", "96282213.44")):
        add(package, "income", **DEPARTMENT, **YUAN, item=item, item_name=item, amount=amount,
            parent_item="" if item == "total" else "total")  # fmt: skip
    for item, amount in (("basic", "25741666.44"), ("project", "70540547.00"), ("total", "96282213.44")):
        add(package, "expenditure_by_type", **DEPARTMENT, **YUAN, fund="general_budget", fund_name="一般公共预算",
            item=item, item_name=item, amount=amount, parent_item="" if item == "total" else "total")  # fmt: skip
    for table in ("expenditure_by_function", "expenditure_by_economic"):
        columns, rows = read_table(package, table)
        write_table(package, table, columns, rows + [{**DEPARTMENT, **row} for row in _fixture(table)])
    return package


def _found(package: Path) -> list[tuple[str, str, int | None, str | None, str]]:
    report = validate(package, select=RULES)
    return [(f.rule, f.resource, f.row, f.field, f.severity) for f in report.findings]


def test_a_budget_in_yuan_loads_and_its_sums_check(tmp_path):
    package = _shanghai(tmp_path)
    report = validate(package, select=RULES)
    assert [f for f in report.findings if f.department_id == "310107-sfj"] == []
    assert all(f.department_id == "500238-zwfwzx" and f.severity == "warning" for f in report.findings)


def test_one_figure_changed_is_located_by_both_identities_it_breaks(tmp_path):
    package = _shanghai(tmp_path)
    office = {**DEPARTMENT, "code": "30201", "cost_type": "total"}
    edit(package, "expenditure_by_economic", office, amount="121000.00")  # published: 120000.00 (办公费)
    _, rows = read_table(package, "expenditure_by_economic")
    line = {(r["code"], r["cost_type"]): n for n, r in enumerate(rows, start=2) if r["department_id"] == "310107-sfj"}
    found = [f for f in _found(package) if f[0] != "change-breakdown-mismatch"]
    assert found == [
        ("economic-total-mismatch", "expenditure_by_economic", line[("302", "total")], "amount", "error"),
        ("economic-column-mismatch", "expenditure_by_economic", line[("30201", "total")], "amount", "error"),
    ]


def test_a_fen_off_in_yuan_is_within_rounding_and_named_in_yuan(tmp_path):
    package = _shanghai(tmp_path)
    edit(package, "expenditure_by_type", {**DEPARTMENT, "item": "project"}, amount="70540547.01")
    (finding,) = [f for f in validate(package, select=["type-total-mismatch"]).findings]
    assert (finding.severity, finding.values["gap"]) == ("warning", "-0.01")
    assert "96282213.44 元" in finding.message_zh
