"""`publish template`: the workbook made from the schemas, blank or filled from the data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from publish.core.package import load
from publish.template.build import build_template
from tests.helpers import ROOT, SEED_DEPARTMENT, invoke, read_rows

SEED_YEAR = "2023"


def workbook_of(tmp_path: Path, *args: str, name: str = "t.xlsx"):
    target = tmp_path / name
    result = invoke("template", "--package", str(ROOT), "-o", str(target), *args)
    assert result.exit_code == 0, result.output
    return load_workbook(target)


def column_of(sheet, title: str) -> str:
    for cell in sheet[2]:
        if cell.value == title:
            return cell.column_letter
    raise AssertionError(f"no column {title}")


def test_blank_template_has_a_sheet_per_resource_and_the_instructions(tmp_path):
    book = workbook_of(tmp_path, "--department", "500238-newdept", "--year", "2024")
    titles = [json.loads((ROOT / "datapackage.json").read_text())["resources"][i]["title"] for i in range(11)]
    assert book.sheetnames[0] == "填报说明"
    assert book.sheetnames[1:12] == titles
    assert "支出功能分类科目" not in book.sheetnames  # code lists are not submitted
    assert book["_meta"].sheet_state == "hidden" and book["下拉选项"].sheet_state == "hidden"
    meta = {row[0]: row[1] for row in book["_meta"].iter_rows(values_only=True)}
    assert (meta["fiscal_year"], meta["department_id"]) == ("2024", "500238-newdept")
    assert "万元" in "".join(str(c.value) for c in book["填报说明"]["A"] if c.value)


def test_headers_are_chinese_titles_with_the_field_name_in_a_note(tmp_path):
    sheet = workbook_of(tmp_path, "--department", "500238-newdept", "--year", "2024")["收入预算"]
    schema = json.loads((ROOT / "schemas" / "income.json").read_text(encoding="utf-8"))
    assert [c.value for c in sheet[2]] == [f["title"] for f in schema["fields"]]
    assert sheet["H2"].comment.text.startswith("amount\n")
    assert "收入预算" in sheet["A1"].value and "A1" in str(next(iter(sheet.merged_cells.ranges)))


def test_required_lines_are_listed_with_keys_filled_and_locked(tmp_path):
    book = workbook_of(tmp_path, "--department", "500238-newdept", "--year", "2024")
    income = book["收入预算"]
    items = [income.cell(row, 5).value for row in range(3, 10)]
    assert items == [
        "general_budget",
        "government_fund",
        "state_capital",
        "business",
        "business_operation",
        "other",
        "total",
    ]
    assert [income.cell(3, c).value for c in (1, 2)] == [2024, "500238-newdept"]
    assert income["A3"].protection.locked and income["E3"].protection.locked
    assert not income["H3"].protection.locked  # the amount is for the clerk
    assert income.protection.sheet
    sangong = [r[6] for r in book["“三公”经费"].iter_rows(min_row=3, values_only=True) if r[6]]
    assert sangong == ["total", "outbound_travel", "reception", "vehicle_operation", "vehicle_purchase"]
    procurement = {(r[4], r[6]) for r in book["政府采购预算"].iter_rows(min_row=3, values_only=True) if r[6]}
    assert len(procurement) == 8
    vehicles = {(r[4], r[6]) for r in book["国有资产占用（车辆）"].iter_rows(min_row=3, values_only=True) if r[6]}
    assert len(vehicles) == 6


def _validations(sheet):
    return {str(dv.sqref).split(":")[0]: dv for dv in sheet.data_validations.dataValidation}


def test_drop_downs_and_number_validation(tmp_path):
    book = workbook_of(tmp_path, "--department", "500238-zwfwzx", "--year", "2023")
    income = _validations(book["收入预算"])
    assert income["E3"].type == "list" and income["E3"].formula1.startswith("'下拉选项'!$")
    assert income["H3"].type == "decimal" and income["H3"].formula1 == "0"
    assets = _validations(book["国有资产占用（车辆）"])
    assert assets["J3"].type == "whole"
    by_function = book["支出预算（按功能分类）"]
    code = column_of(by_function, "功能分类科目编码")
    codes = _validations(by_function)[f"{code}3"]
    codes_2023 = [r["code"] for r in read_rows(ROOT, "function_codes") if r["fiscal_year"] == "2023"]
    assert codes.formula1 == f"'科目代码'!$A$2:$A${len(codes_2023) + 1}"
    assert [c.value for c in book["科目代码"]["A"][1:]] == codes_2023
    # the enum values really are in the list sheet the drop-down points to
    column = income["E3"].formula1.split("!$")[1].split("$")[0]
    listed = [c.value for c in book["下拉选项"][column] if c.value]
    assert "general_budget" in listed and "total" in listed


def test_from_data_fills_the_published_rows_and_figures(tmp_path):
    book = workbook_of(tmp_path, "--department", SEED_DEPARTMENT, "--year", "2023", "--from-data")
    income = book["收入预算"]
    amounts = {r[4]: r[7] for r in income.iter_rows(min_row=3, values_only=True) if r[4]}
    assert amounts["general_budget"] == pytest.approx(360.67) and amounts["total"] == pytest.approx(360.67)
    kpis = [r[7] for r in book["绩效指标"].iter_rows(min_row=3, values_only=True) if r[7]]
    assert kpis[0] == "办件时限压缩率" and len(kpis) == 5
    phone = book["公开文件"][f"{column_of(book['公开文件'], '联系电话')}3"]
    assert (phone.value, phone.data_type) == ("17830058663", "s")


def test_text_that_looks_like_a_formula_is_written_as_text():
    package = load(ROOT)
    from io import BytesIO

    from openpyxl import Workbook

    from publish.template.sheet import write_value

    sheet = Workbook().active
    for row, text in enumerate(['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tx", "\rcmd"], start=1):
        write_value(sheet.cell(row, 1), text, "string")
    out = BytesIO()
    sheet.parent.save(out)
    out.seek(0)
    again = load_workbook(out).active
    assert [(c.value, c.data_type) for c in again["A"]][:4] == [
        ('=HYPERLINK("http://x")', "s"),
        ("+1", "s"),
        ("-2", "s"),
        ("@SUM(A1)", "s"),
    ]
    assert package.resources  # the real package loads for the template


def test_a_published_text_starting_with_equals_stays_text(package_copy, tmp_path):
    rows = read_rows(package_copy, "glossary")
    text = (package_copy / "data" / "glossary.csv").read_text(encoding="utf-8")
    (package_copy / "data" / "glossary.csv").write_text(text.replace(rows[0]["term"], "=1+1", 1), encoding="utf-8")
    data, _, _ = build_template(load(package_copy), SEED_DEPARTMENT, SEED_YEAR, from_data=True)
    target = tmp_path / "g.xlsx"
    target.write_bytes(data)
    cell = load_workbook(target)["名词解释"]["F3"]
    assert (cell.value, cell.data_type) == ("=1+1", "s")


def test_exit_codes(tmp_path):
    assert invoke("template", "--department", "not an id", "--year", "2023").exit_code == 2
    assert invoke("template", "--department", "500238-x", "--year", "1800").exit_code == 2
    missing = invoke(
        "template",
        "--package",
        str(ROOT),
        "--department",
        "500238-none",
        "--year",
        "2023",
        "--from-data",
        "-o",
        str(tmp_path / "x.xlsx"),
    )
    assert missing.exit_code == 1 and "--from-data" in missing.output and not (tmp_path / "x.xlsx").exists()
    assert "Traceback" not in missing.output


def test_the_cover_sheet_and_key_columns_name_the_kind_and_scope(tmp_path):
    """A template for a department's own-level final account says so on its cover and fills kind and scope in."""
    args = ("--department", SEED_DEPARTMENT, "--year", "2023", "--kind", "final_account", "--scope", "own")
    book = workbook_of(tmp_path, *args)
    cover = book["填报说明"]
    assert "2023 年本级决算报送模板" in cover["A1"].value
    assert "final_account" in cover["A2"].value and "本级 own" in cover["A2"].value
    income = book["收入预算"]
    assert [income.cell(3, c).value for c in (1, 2, 3, 4)] == [2023, SEED_DEPARTMENT, "final_account", "own"]
    assert income["C3"].protection.locked and income["D3"].protection.locked
    meta = {r[0]: r[1] for r in book["_meta"].iter_rows(values_only=True)}
    assert (meta["document_kind"], meta["scope"]) == ("final_account", "own")
