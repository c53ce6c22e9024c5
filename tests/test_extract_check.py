"""`publish extract --check` compares the text with the tables, and a truncated document is reported, not guessed."""

from __future__ import annotations

import json

from publish.core.csvfile import read_rows, write_rows
from publish.extract.core import extract
from tests.helpers import ROOT, SEED_DEPARTMENT, SEED_DOCUMENT, invoke


def change_cell(package, resource: str, key: dict[str, str], field: str, value: str) -> int:
    """Set one cell of the seed department's row; return its line number in the file."""
    path = package / "data" / f"{resource}.csv"
    schema = json.loads((package / "schemas" / f"{resource}.json").read_text(encoding="utf-8"))
    rows = read_rows(path)
    for number, row in enumerate(rows, 2):
        if row["department_id"] == SEED_DEPARTMENT and all(row[k] == v for k, v in key.items()):
            row[field] = value
            write_rows(path, schema, rows)
            return number
    raise AssertionError(key)


def test_the_text_agrees_with_the_repo_tables():
    result = invoke("extract", str(SEED_DOCUMENT), "--package", str(ROOT), "--check")
    assert result.exit_code == 0, result.output
    assert "0 个错误 errors, 0 个警告 warnings" in result.output


def test_check_finds_a_figure_changed_in_the_tables_but_not_in_the_text(package_copy):
    line = change_cell(package_copy, "income", {"item": "general_budget"}, "amount", "350.67")
    result = invoke("extract", str(SEED_DOCUMENT), "-p", str(package_copy), "--check")
    assert result.exit_code == 1
    assert f"data/income.csv 第 {line} 行" in result.output
    assert "text-table-mismatch" in result.output and "350.67" in result.output and "360.67" in result.output

    from publish.extract.check import check
    from publish.extract.reference import load_reference

    report = check(extract(SEED_DOCUMENT, None, package_copy), load_reference(package_copy))
    [finding] = report.findings
    assert (finding.rule, finding.resource, finding.row, finding.field) == (
        "text-table-mismatch",
        "income",
        line,
        "amount",
    )
    assert (finding.values["text"], finding.values["table"]) == ("360.67", "350.67")
    assert "一般公共预算拨款360.67万元" in finding.values["sentence"]
    assert (finding.fiscal_year, finding.department_id) == (2023, SEED_DEPARTMENT)


def test_check_compares_numbers_as_decimals_and_words_as_text(package_copy):
    change_cell(package_copy, "operating_costs", {"fund": "general_budget"}, "amount", "38.2")
    line = change_cell(package_copy, "sangong", {"item": "reception"}, "change_word", "减少")
    result = invoke("extract", str(SEED_DOCUMENT), "-p", str(package_copy), "--check")
    assert result.exit_code == 1
    assert "operating_costs" not in result.output
    assert f"data/sangong.csv 第 {line} 行" in result.output and "change_word" in result.output


def test_check_reports_a_line_of_the_text_missing_from_the_table(package_copy):
    path = package_copy / "data" / "kpis.csv"
    schema = json.loads((package_copy / "schemas" / "kpis.json").read_text(encoding="utf-8"))
    write_rows(path, schema, [r for r in read_rows(path) if r["indicator_no"] != "5"])
    result = invoke("extract", str(SEED_DOCUMENT), "-p", str(package_copy), "--check")
    assert result.exit_code == 1
    assert "text-figure-missing-from-table" in result.output and "窗口正常运行数量" in result.output


def test_a_figure_the_table_has_and_the_text_does_not_state_is_a_warning(package_copy):
    line = change_cell(package_copy, "income", {"item": "other"}, "change", "0")
    result = invoke("extract", str(SEED_DOCUMENT), "-p", str(package_copy), "--check")
    assert result.exit_code == 0
    assert f"[警告 warning] table-figure-not-in-text  data/income.csv:{line}" in result.output
    assert f"data/income.csv 第 {line} 行" in result.output


def truncated(tmp_path, marker: str, keep_marker: bool = False):
    text = SEED_DOCUMENT.read_text(encoding="utf-8")
    cut = text.index(marker) + (len(marker) if keep_marker else 0)
    path = tmp_path / "truncated.txt"
    path.write_text(text[:cut], encoding="utf-8")
    return path


def test_a_truncated_document_reports_the_missing_sections(tmp_path):
    path = truncated(tmp_path, "部门预算情况说明\n\n2023年")
    ext = extract(path, None, ROOT)
    assert [sid for sid, _zh, _en in ext.absent] == [
        "explanation",
        "sangong",
        "other",
        "performance",
        "glossary",
        "contact",
    ]
    assert ext.rows["income"] and ext.rows["expenditure_by_function"]
    for resource in ("expenditure_by_type", "sangong", "operating_costs", "procurement", "assets", "kpis", "glossary"):
        assert resource not in ext.rows
    disclosure = ext.rows["disclosures"][0]
    assert "overall_goal" not in disclosure and "performance_managed_amount" not in disclosure


def test_a_document_cut_mid_sentence_writes_what_it_read_and_says_what_it_did_not(tmp_path):
    path = truncated(tmp_path, "，政府性基金预算拨款0万元", keep_marker=False)
    out = tmp_path / "sub"
    result = invoke("extract", str(path), "-p", str(ROOT), "-o", str(out))
    assert result.exit_code == 1
    assert "absent-section" in result.output and "“三公”经费情况说明" in result.output
    assert "missing-figure" in result.output  # the expenditure paragraph is gone
    income = read_rows(out / "income.csv")
    assert [(r["item"], r["amount"]) for r in income] == [("general_budget", "360.67"), ("total", "360.67")]
    unread = read_rows(out / "extraction" / "unread.csv")
    assert {"absent-section", "missing-figure"} <= {r["kind"] for r in unread}
    assert not (out / "sangong.csv").exists()
