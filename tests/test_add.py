"""`publish add`: round trip, exactly the changed figure, idempotence, all-or-nothing writes, new departments."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from publish.core import atomic
from publish.core.package import load
from publish.submission import merge
from publish.submission.intake import add
from publish.validate.run import validate
from tests.helpers import ROOT, SEED_DEPARTMENT, invoke, read_rows
from tests.submission_support import (
    SUBMITTED,
    csv_folder,
    data_bytes,
    edit_workbook,
    exported_template,
    row_of,
    seed_rows,
)

MONEY_RESOURCES = ("income", "expenditure_by_function", "expenditure_by_type", "sangong", "operating_costs")
MONEY_RESOURCES += ("procurement", "disclosures")
MONEY_FIELDS = ("amount", "change", "performance_managed_amount")


def test_round_trip_export_then_dry_run_changes_nothing(tmp_path):
    path = exported_template(ROOT, tmp_path / "seed.xlsx")
    result = invoke("add", path, "--package", ROOT, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "新增 0、删除 0、修改 0 行" in result.output and "未写入任何文件" in result.output


def set_kpi_target(book, value=85):
    sheet = book["绩效指标"]
    sheet.cell(row_of(sheet, 8, "办件时限压缩率"), 12).value = value


def test_changing_one_cell_changes_exactly_that_figure(tmp_path, package_copy):
    path = edit_workbook(exported_template(package_copy, tmp_path / "seed.xlsx"), set_kpi_target)
    dry = add(package_copy, path, dry_run=True)
    assert [(c.resource, c.key, c.kind, c.fields) for c in dry.plan.changes] == [
        (
            "kpis",
            ("2023", SEED_DEPARTMENT, "budget", "department", "overall", "1"),
            "changed",
            {"target_value": ("80", "85")},
        )
    ]
    assert (
        "kpis [2023/500238-zwfwzx/budget/department/overall/1] 修改 changed\n    target_value: '80' → '85'"
        in invoke("add", path, "--package", package_copy, "--dry-run").output
    )
    before = data_bytes(package_copy)
    result = invoke("add", path, "--package", package_copy)
    assert result.exit_code == 0, result.output
    after = data_bytes(package_copy)
    assert [name for name in before if before[name] != after[name]] == ["kpis.csv"]
    old, new = before["kpis.csv"].decode().splitlines(), after["kpis.csv"].decode().splitlines()
    assert [(a, b) for a, b in zip(old, new, strict=True) if a != b] == [
        (
            "2023,500238-zwfwzx,budget,department,overall,部门整体绩效目标,1,办件时限压缩率,20,%,≥,80,",
            "2023,500238-zwfwzx,budget,department,overall,部门整体绩效目标,1,办件时限压缩率,20,%,≥,85,",
        )
    ]
    assert validate(package_copy).valid


def test_adding_the_same_submission_twice_changes_nothing(tmp_path, package_copy):
    path = edit_workbook(exported_template(package_copy, tmp_path / "seed.xlsx"), set_kpi_target)
    assert add(package_copy, path).written == ["kpis"]
    after_first = data_bytes(package_copy)
    again = invoke("add", path, "--package", package_copy)
    assert again.exit_code == 0 and "没有变化 no changes" in again.output
    assert data_bytes(package_copy) == after_first


def test_an_invalid_submission_writes_nothing(tmp_path, package_copy):
    path = exported_template(package_copy, tmp_path / "seed.xlsx")
    edit_workbook(path, lambda book: setattr(book["收入预算"]["H3"], "value", -5))
    before = data_bytes(package_copy)
    result = invoke("add", path, "--package", package_copy)
    assert result.exit_code == 1 and "收入预算!H3" in result.output
    assert data_bytes(package_copy) == before


def test_a_finding_is_located_in_the_submission_by_its_fields(tmp_path):
    """The sheet, row, field and cell are data on the finding; its message is built from them, not edited."""
    path = exported_template(ROOT, tmp_path / "seed.xlsx")
    edit_workbook(path, lambda book: setattr(book["收入预算"]["H3"], "value", -5))
    [found] = [f for f in add(ROOT, path, dry_run=True).findings if f.rule == "constraint-error"]
    assert (found.path, found.row, found.field, found.cell) == ("收入预算", 3, "amount", "H3")
    assert found.location == "收入预算!H3" and found.to_dict()["cell"] == "H3"
    assert found.message_zh == f"收入预算!H3：{found.text[0]}" and "data/income.csv" not in found.message_zh


def department_year(department: str, factor: int, year: str = "2023") -> dict[str, list[dict[str, str]]]:
    """The seed's department-year as another department's, every amount multiplied by ``factor`` (sums still hold)."""
    rows = {}
    for resource in SUBMITTED:
        out = []
        for row in seed_rows(ROOT, resource):
            row = {**row, "department_id": department}
            if resource != "departments":
                row["fiscal_year"] = year
            if resource in MONEY_RESOURCES:
                row.update({f: str(Decimal(row[f]) * factor) for f in MONEY_FIELDS if row.get(f)})
            if resource == "departments":
                row["name"] = f"测试单位{department.rsplit('-', 1)[1]}"
            out.append(row)
        rows[resource] = out
    return rows


def test_a_new_department_is_added_and_the_package_still_validates(tmp_path, package_copy):
    folder = csv_folder(package_copy, tmp_path / "new", rows=department_year("500238-csj", 2))
    result = invoke("add", folder, "--package", package_copy)
    assert result.exit_code == 0, result.output
    assert [r["department_id"] for r in read_rows(package_copy, "departments")] == ["500238-csj", SEED_DEPARTMENT]
    income = {r["item"]: r["amount"] for r in read_rows(package_copy, "income") if r["department_id"] == "500238-csj"}
    assert income["total"] == "721.34"
    assert validate(package_copy).valid


def seed_changes(tmp_path: Path, package: Path) -> Path:
    """A submission that changes three files (kpis, glossary, disclosures)."""

    def change(book):
        set_kpi_target(book)
        book["名词解释"]["F3"].value = "财政拨款收入（更正）"
        sheet = book["公开文件"]
        sheet.cell(3, 18).value = "023-51234567"

    return edit_workbook(exported_template(package, tmp_path / "three.xlsx"), change)


class Injected(Exception):
    pass


def test_a_failure_at_every_write_leaves_the_data_files_as_they_were(tmp_path, package_copy, monkeypatch):
    path = seed_changes(tmp_path, package_copy)
    calls: list[Path] = []
    monkeypatch.setattr(atomic, "checkpoint", calls.append)
    probe = tmp_path / "probe"
    import shutil

    shutil.copytree(package_copy, probe)
    assert sorted(add(probe, path).written) == ["disclosures", "glossary", "kpis"]
    total = len(calls)
    assert total >= 3 * 3 + 1  # staged files, backups, journal, renames (plus the validation copy)
    before = data_bytes(package_copy)
    for failing in range(1, total + 1):
        seen = []

        def fail_at(target, failing=failing, seen=seen):
            seen.append(target)
            if len(seen) == failing:
                raise Injected(f"write {failing} to {target}")

        monkeypatch.setattr(atomic, "checkpoint", fail_at)
        with pytest.raises(Injected):
            add(package_copy, path)
        assert data_bytes(package_copy) == before, f"failure at write {failing} ({seen[-1]}) changed the data"
    monkeypatch.setattr(atomic, "checkpoint", lambda target: None)
    assert sorted(add(package_copy, path).written) == ["disclosures", "glossary", "kpis"]


def test_a_crash_while_renaming_is_rolled_back_by_the_next_add(tmp_path, package_copy, monkeypatch):
    path = seed_changes(tmp_path, package_copy)
    before = data_bytes(package_copy)
    renames = []

    def crash_on_second_rename(target):
        if target.parent == package_copy / "data" and not target.name.startswith("."):
            renames.append(target)
            if len(renames) == 2:
                raise Injected("power cut")

    monkeypatch.setattr(atomic, "checkpoint", crash_on_second_rename)
    monkeypatch.setattr(merge, "recover", lambda package: False)  # the process died: no clean-up ran
    with pytest.raises(Injected):
        add(package_copy, path)
    assert (package_copy / "data" / merge.JOURNAL).exists()
    assert data_bytes(package_copy) != before  # one file was already replaced
    monkeypatch.undo()
    assert merge.recover(load(package_copy)) is True
    assert data_bytes(package_copy) == before


def test_the_command_turns_a_write_failure_into_exit_3(tmp_path, package_copy, monkeypatch):
    path = seed_changes(tmp_path, package_copy)
    before = data_bytes(package_copy)

    def disk_full(target):
        if target.name == ".kpis.csv.publish-backup":
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "checkpoint", disk_full)
    result = invoke("add", path, "--package", package_copy)
    assert result.exit_code == 3 and "No space left on device" in result.output and "Traceback" not in result.output
    assert data_bytes(package_copy) == before


DEPARTMENTS = st.lists(st.from_regex(r"[a-z]{2,6}", fullmatch=True), min_size=1, max_size=3, unique=True)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(suffixes=DEPARTMENTS, factors=st.lists(st.integers(1, 50), min_size=3, max_size=3))
def test_adding_random_department_years_changes_no_other_row(tmp_path_factory, suffixes, factors):
    import shutil

    package = tmp_path_factory.mktemp("pkg")
    for part in ("datapackage.json", "schemas", "data"):
        (shutil.copytree if (ROOT / part).is_dir() else shutil.copy)(ROOT / part, package / part)
    for suffix, factor in zip(suffixes, factors, strict=False):
        department = f"500238-t{suffix}"
        before = {name: data.decode().splitlines() for name, data in data_bytes(package).items()}
        folder = csv_folder(package, tmp_path_factory.mktemp("sub"), rows=department_year(department, factor))
        result = add(package, folder)
        assert result.accepted, [f.message_en for f in result.findings]
        for name, data in data_bytes(package).items():
            lines = [line for line in data.decode().splitlines() if f",{department}," not in f",{line},"]
            assert lines == before[name], name
    assert validate(package).valid
