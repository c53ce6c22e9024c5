"""Reading submissions: Excel habits undone with a note, everything ambiguous a located, bilingual finding."""

from __future__ import annotations

from openpyxl import Workbook

from publish.core.package import load
from publish.submission.cells import normalise
from publish.submission.intake import add
from publish.submission.read import read_submission
from tests.helpers import ROOT, SEED_DEPARTMENT, invoke
from tests.submission_support import (
    csv_folder,
    data_bytes,
    edit_workbook,
    exported_template,
    row_of,
    seed_rows,
)


def rules(findings):
    return {f.rule for f in findings}


def located(findings, rule):
    return [(f.path, f.message_zh, f.message_en) for f in findings if f.rule == rule]


def test_cell_normalisation_table():
    cases = {
        ("１２３.４５", "number"): "123.45",
        ("１２３．４５", "number"): "123.45",
        (" 1,234.50 ", "number"): "1234.50",
        ("12.5万元", "number"): "12.5",
        ("−4.35", "number"): "-4.35",
        ("\u3000办公室 ", "string"): "办公室",
        (0.1 + 0.2, "number"): "0.3",
        (17830058663.0, "string"): "17830058663",
        (2023, "year"): "2023",
        (True, "boolean"): "true",
        ("=SUM(A1)", "string"): "=SUM(A1)",
    }
    for (value, kind), text in cases.items():
        cell = normalise(value, kind)
        assert (cell.text, cell.problem) == (text, None), value
    for value in ("1,5", "12元", "约10", "1e3", "(4.35)"):
        assert normalise(value, "number").problem.rule == "submission-not-a-number", value
    assert normalise("3.5", "integer").problem.rule == "submission-not-a-whole-number"
    # a CSV holds numbers as text: that is not worth a note there
    assert normalise("360.67", "number", text_file=True).notes == []
    assert [n.rule for n in normalise("360.67", "number").notes] == ["normalised-number-text"]


def test_full_width_amount_typed_as_text_is_a_note_and_no_change(tmp_path):
    path = exported_template(ROOT, tmp_path / "s.xlsx")

    def change(book):
        sheet = book["收入预算"]
        row = row_of(sheet, 5, "general_budget")
        sheet.cell(row, 8).value = "３６０.６７"
        sheet.cell(row, 8).data_type = "s"

    edit_workbook(path, change)
    result = invoke("add", path, "--package", ROOT, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "normalised-full-width" in result.output and "收入预算!H" in result.output
    assert "“３６０.６７” → “360.67”" in result.output
    assert "新增 0、删除 0、修改 0 行" in result.output


def test_spaces_thousands_and_wanyuan_suffix_are_notes(tmp_path):
    path = exported_template(ROOT, tmp_path / "s.xlsx")
    edit_workbook(path, lambda book: setattr(book["机关运行经费"]["G3"], "value", " 38.20万元 "))
    result = add(ROOT, path, dry_run=True)
    assert rules(result.notes) >= {"normalised-whitespace", "normalised-wanyuan-suffix", "normalised-number-text"}
    assert all(n.path == "机关运行经费" and n.row == 3 for n in result.notes)
    assert result.accepted and result.plan.changes == []


def test_an_amount_in_yuan_is_refused_not_guessed(tmp_path):
    path = exported_template(ROOT, tmp_path / "s.xlsx")
    edit_workbook(path, lambda book: setattr(book["机关运行经费"]["G3"], "value", "382000元"))
    result = invoke("add", path, "--package", ROOT, "--dry-run")
    assert result.exit_code == 1
    assert "机关运行经费!G3" in result.output and "382000元" in result.output
    assert "is not a number" in result.output and "Traceback" not in result.output


def test_merged_title_rows_above_the_header_are_skipped_with_a_note(tmp_path):
    path = exported_template(ROOT, tmp_path / "s.xlsx")

    def change(book):
        sheet = book["名词解释"]
        for merged in list(sheet.merged_cells.ranges):
            sheet.unmerge_cells(str(merged))
        sheet.insert_rows(1, 2)
        sheet["A1"] = "巫溪县政务服务中心2023年部门预算"
        sheet.merge_cells("A1:E2")

    edit_workbook(path, change)
    result = add(ROOT, path, dry_run=True)
    assert "normalised-title-rows" in rules(result.notes)
    assert result.accepted and result.plan.changes == []
    assert [o.line for o in result.submission.origins["glossary"]] == [5, 6, 7, 8, 9]


def test_merged_cells_in_the_data_give_their_value_to_every_cell(tmp_path):
    path = exported_template(ROOT, tmp_path / "s.xlsx")

    def change(book):
        sheet = book["绩效指标"]
        for row in range(4, 8):
            sheet.cell(row, 6).value = None
        sheet.merge_cells("F3:F7")

    edit_workbook(path, change)
    result = add(ROOT, path, dry_run=True)
    assert "normalised-merged-cell" in rules(result.notes)
    assert result.accepted and result.plan.changes == []


def test_a_missing_sangong_item_is_located_and_bilingual(tmp_path):
    path = exported_template(ROOT, tmp_path / "s.xlsx")

    def change(book):
        sheet = book["“三公”经费"]
        sheet.delete_rows(row_of(sheet, 7, "reception"))

    edit_workbook(path, change)
    result = invoke("add", path, "--package", ROOT, "--dry-run")
    assert result.exit_code == 1
    assert "“三公”经费：缺少必须公开的行“公务接待费”" in result.output
    assert "the required line '公务接待费'" in result.output
    assert "未并入 not merged" in result.output


def test_the_general_budget_share_of_procurement_may_be_left_out_but_not_a_required_line(tmp_path):
    """The submission requires what the completeness rule requires: procurement for all funds, not its share."""
    path = exported_template(ROOT, tmp_path / "s.xlsx")

    def without(fund, items):
        def change(book):
            sheet = book["政府采购预算"]
            for row in range(sheet.max_row, 2, -1):
                if sheet.cell(row, 5).value == fund and sheet.cell(row, 7).value in items:
                    sheet.delete_rows(row)

        return change

    edit_workbook(path, without("general_budget", ("total", "goods", "works", "services")))
    result = add(ROOT, path, dry_run=True)
    assert result.accepted and not {"submission-missing-line", "required-part-missing"} & rules(result.findings)
    edit_workbook(path, without("all", ("works",)))
    result = add(ROOT, path, dry_run=True)
    assert not result.accepted
    # one finding for the one missing line: the completeness rule's, worded in the sheet (never a second one)
    assert "submission-missing-line" in rules(result.findings) and "required-part-missing" not in rules(result.findings)
    (missing,) = located(result.findings, "submission-missing-line")
    assert "政府采购预算：缺少必须公开的行“政府采购工程预算”（all/works）" in missing[1]


def test_a_gbk_csv_folder_is_read_as_gb18030_with_a_note(tmp_path):
    folder = csv_folder(ROOT, tmp_path / "gbk", encoding="gbk")
    assert (folder / "income.csv").read_bytes() != (folder / "income.csv").read_bytes().decode("gbk").encode()
    result = invoke("add", folder, "--package", ROOT, "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.output.count("normalised-encoding-gb18030") == 11
    assert "新增 0、删除 0、修改 0 行" in result.output


def test_a_bom_is_removed_and_utf16_refused(tmp_path):
    folder = csv_folder(ROOT, tmp_path / "bom")
    income = folder / "income.csv"
    income.write_bytes(b"\xef\xbb\xbf" + income.read_bytes())
    result = add(ROOT, folder, dry_run=True)
    assert located(result.notes, "normalised-bom")[0][0] == "income.csv" and result.accepted
    income.write_bytes(income.read_bytes()[3:].decode("utf-8").encode("utf-16"))
    result = add(ROOT, folder, dry_run=True)
    assert "CSV UTF-8" in located(result.findings, "submission-encoding")[0][1]


def test_a_row_of_another_department_is_refused(tmp_path, package_copy):
    rows = {r: seed_rows(ROOT, r) for r in ("departments", "disclosures", "income")}
    rows["income"][2] = {**rows["income"][2], "department_id": "500238-other"}
    folder = tmp_path / "mixed"
    folder.mkdir()
    pkg = load(ROOT)
    from publish.core import csvfile

    for name, content in rows.items():
        (folder / f"{name}.csv").write_text(csvfile.render(pkg.resources[name].schema, content), encoding="utf-8")
    before = data_bytes(package_copy)
    result = invoke("add", folder, "--package", package_copy)
    assert result.exit_code == 1
    lines = (folder / "income.csv").read_text(encoding="utf-8").splitlines()
    line = 1 + next(i for i, text in enumerate(lines) if "500238-other" in text)
    assert f"income.csv 第 {line} 行，字段 department_id" in result.output
    assert "500238-other" in result.output and data_bytes(package_copy) == before


def test_a_submission_for_another_department_year_than_asked_is_refused(tmp_path):
    path = exported_template(ROOT, tmp_path / "s.xlsx")
    result = invoke("add", path, "--package", ROOT, "--dry-run", "--department", SEED_DEPARTMENT, "--year", 2024)
    assert result.exit_code == 1 and "submission-claim-mismatch" in result.output
    edit_workbook(path, lambda book: setattr(book["收入预算"]["A3"], "value", 2024))
    result = invoke("add", path, "--package", ROOT, "--dry-run")
    assert result.exit_code == 1 and "收入预算!A3" in result.output and "submission-key-mismatch" in result.output


def test_unknown_and_missing_columns_and_sheets(tmp_path):
    folder = csv_folder(ROOT, tmp_path / "cols")
    text = (folder / "kpis.csv").read_text(encoding="utf-8")
    (folder / "kpis.csv").write_text(text.replace("target_text", "备注", 1), encoding="utf-8")
    (folder / "function_codes.csv").write_text("fiscal_year,code\n", encoding="utf-8")
    result = add(ROOT, folder, dry_run=True)
    assert rules(result.findings) == {
        "submission-unknown-column",
        "submission-missing-column",
        "submission-unknown-file",
    }
    assert not result.accepted


def test_a_formula_excel_never_computed_is_a_finding(tmp_path):
    path = exported_template(ROOT, tmp_path / "s.xlsx")
    edit_workbook(path, lambda book: setattr(book["机关运行经费"]["G3"], "value", "=30+8.2"))
    result = add(ROOT, path, dry_run=True)
    assert located(result.findings, "submission-formula-not-computed")[0][1].startswith("机关运行经费!G3：公式 =30+8.2")


def test_files_that_are_not_workbooks_give_a_message_not_a_traceback(tmp_path):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip at all")
    old = tmp_path / "old.xls"
    Workbook().save(tmp_path / "x.xlsx")
    old.write_bytes((tmp_path / "x.xlsx").read_bytes())
    for path, rule in ((broken, "submission-unreadable"), (old, "submission-not-xlsx")):
        result = invoke("add", path, "--package", ROOT, "--dry-run")
        assert result.exit_code == 1 and rule in result.output and "Traceback" not in result.output


def test_an_empty_workbook_names_the_missing_sheets(tmp_path):
    Workbook().save(tmp_path / "empty.xlsx")
    submission = read_submission(tmp_path / "empty.xlsx", load(ROOT))
    assert "submission-missing-sheet" in rules(submission.problems)
    assert any("收入预算" in f.message_zh for f in submission.problems)
