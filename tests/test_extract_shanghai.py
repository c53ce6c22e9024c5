"""The Shanghai nine-table family: both real cases read in full against their hand-keyed truth, and the rules
that keep a figure from being guessed (unknown codes, text against table, empty tables, blank 三公 cells).

SOURCE: tests/disclosures/sh-putuo-sifaju-2026-budget/document.txt and
tests/disclosures/sh-putuo-caizhengju-2024-final/document.txt (in the repo); the small fixtures are excerpts of
them with figures or names changed where a rule must fire.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from publish.extract import extract_submission, shanghai
from publish.extract.core import extract
from tests.extract_scoring import score
from tests.helpers import ROOT
from tests.pdf_support import ruled_page, write_pdf

CASES = ROOT / "tests" / "disclosures"
BUDGET = CASES / "sh-putuo-sifaju-2026-budget"
FINAL = CASES / "sh-putuo-caizhengju-2024-final"


def department(case: Path) -> str:
    with (case / "submission" / "disclosures.csv").open(encoding="utf-8") as handle:
        return next(csv.DictReader(handle))["department_id"]


@pytest.mark.parametrize("case", [BUDGET, FINAL], ids=lambda c: c.name)
def test_every_key_figure_of_the_real_cases_is_read_and_none_is_wrong(case, tmp_path):
    out = tmp_path / "out"
    extract_submission(case / "document.txt", department(case), ROOT, out)
    result = score(case / "submission", out)
    assert result.wrong == []
    assert result.read == result.expected, result.missed


def test_identity_comes_from_the_cover_and_the_tables():
    lines = (FINAL / "document.txt").read_text(encoding="utf-8").splitlines()
    assert shanghai.is_shanghai(lines)
    ext = extract(FINAL / "document.txt", department(FINAL), ROOT)
    assert (ext.fiscal_year, ext.document_kind, ext.scope) == ("2024", "final_account", "department")
    assert ext.rows["disclosures"][0]["profile"] == "shanghai-final"


def test_empty_tables_are_parts_not_published_quoting_the_note():
    ext = extract(BUDGET / "document.txt", department(BUDGET), ROOT)
    parts = {row["part"]: row for row in ext.rows["disclosure_parts"]}
    assert parts["function-government-fund"]["status"] == "not_published"
    assert "本表为空表" in parts["function-government-fund"]["note"]
    assert "第17页" in parts["function-government-fund"]["note"]
    funds = {row["fund"] for row in ext.rows["expenditure_by_function"]}
    assert "government_fund" not in funds  # never zeros for an empty table


def test_provenance_names_page_table_row_and_column():
    ext = extract(BUDGET / "document.txt", department(BUDGET), ROOT)
    found = [
        p
        for p in ext.provenance
        if p["resource"] == "expenditure_by_function" and p["key"] == "fund=all;item=204;cost_type=basic"
    ]
    assert found[0]["section"] == "2026年部门支出预算总表"
    assert found[0]["note"].startswith("page 12")
    assert "支出预算/基本支出" in found[0]["note"]
    assert found[0]["sentence"].startswith("204\t")


def shanghai_document(tmp_path: Path, replace: tuple[str, str] | None = None) -> Path:
    text = (BUDGET / "document.txt").read_text(encoding="utf-8")
    if replace:
        assert replace[0] in text
        text = text.replace(*replace)
    path = tmp_path / "document.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_code_the_year_lacks_is_unread_not_dropped_silently(tmp_path):
    path = shanghai_document(tmp_path, ("210\t11\t01\t行政单位医疗", "210\t11\t77\t行政单位医疗"))
    ext = extract(path, department(BUDGET), ROOT)
    assert any(u.kind == "unknown-code" and "2101177" in u.reason_en for u in ext.unread)
    items = {row["item"] for row in ext.rows["expenditure_by_function"]}
    assert "2101177" not in items


def test_a_text_figure_differing_from_its_table_is_a_mismatch_and_the_table_wins(tmp_path):
    path = shanghai_document(tmp_path, ("机关运行经费预算为217.83万元", "机关运行经费预算为271.83万元"))
    ext = extract(path, department(BUDGET), ROOT)
    assert [row["amount"] for row in ext.rows["operating_costs"]] == ["217.83"]
    mismatch = [u for u in ext.unread if u.kind == "text-table-mismatch"]
    assert mismatch and "271.83" in mismatch[0].reason_en and "217.83" in mismatch[0].reason_en


def test_the_budget_fund_totals_rounded_from_the_table_agree_with_the_text(tmp_path):
    ext = extract(BUDGET / "document.txt", department(BUDGET), ROOT)
    assert not [u for u in ext.unread if u.kind == "text-table-mismatch"]
    path = shanghai_document(
        tmp_path, ("一般公共预算拨款\n支出预算9628.22万元", "一般公共预算拨款\n支出预算9628.23万元")
    )
    ext = extract(path, department(BUDGET), ROOT)
    assert any(u.kind == "text-table-mismatch" and "9628.23" in u.reason_en for u in ext.unread)


def test_blank_sangong_cells_of_a_printed_final_line_are_zero_and_budgets_kept_apart():
    ext = extract(FINAL / "document.txt", department(FINAL), ROOT)
    rows = {row["item"]: row for row in ext.rows["sangong"]}
    assert rows["total"]["amount"] == "0.00" and rows["total"]["initial_budget"] == "0.95"
    assert rows["vehicle_purchase"]["amount"] == "0.00" and "initial_budget" not in rows["vehicle_purchase"]
    assert rows["total"]["unit"] == "万元"


# A table printed without TABs, zero cells dropped (the shape of the 石泉路街道 2026 单位预算, figures changed).
FLAT_LINES = [
    "[page 12]",
    "2026年预算单位财务收支预算总表",
    "编制单位：上海市普陀区某街道办事处（本级） 单位：元",
    "本年收入 本年支出",
    "项目 预算数 项目预算数",
    "一、财政拨款收入 700 一、一般公共服务支出 300 300",
    "1、一般公共预算 700 二、公共安全支出 400 100 300",
    "2、政府性基金预算 三、教育支出 0",
    "收入总计 700 支出总计 700",
    "[page 13]",
    "2026年预算单位支出预算总表",
    "编制单位：上海市普陀区某街道办事处（本级） 单位：元",
    "项目 支出预算",
    "功能分类科目编码",
    "功能分类科目名称 合计 基本支出 项目支出",
    "类款项",
    "201 一般公共服务支出 300 300",
    "2040601行政运行 300 300",
    "204 公共安全支出 400 100 300",
    "204 公共安全支出 400 100 200",
    "合计 700 100 600",
]


def test_a_flat_table_is_read_only_where_certain(tmp_path):
    from publish.extract import grid, shanghai_tables
    from publish.extract.model import Extraction
    from publish.extract.reference import load_reference

    ext = Extraction(fiscal_year="2026")
    shanghai_tables.read_tables(grid.tables(FLAT_LINES), ext, load_reference(ROOT), "budget")
    income = {row["item"]: row["amount"] for row in ext.rows["income"]}
    assert income == {"general_budget": "700", "grand_total": "700"}  # 政府性基金: no figure after its label
    lines = {(row["item"], row["cost_type"]): row["amount"] for row in ext.rows["expenditure_by_function"]}
    assert lines[("201", "total")] == "300" and ("201", "basic") not in lines  # basic or project? not guessed
    assert lines[("2040601", "total")] == "300"  # a code glued to its name
    assert lines[("total", "project")] == "600"
    # the second 204 line does not add up (400 ≠ 100 + 200): only its total is kept, the first line's parts stay
    assert (lines[("204", "basic")], lines[("204", "project")]) == ("100", "300")
    assert any(u.kind == "unaligned-row" for u in ext.unread)


def test_the_final_two_sided_economic_table_is_read_half_by_half():
    ext = extract(FINAL / "document.txt", department(FINAL), ROOT)
    got = {(r["code"], r["cost_type"]): r["amount"] for r in ext.rows["expenditure_by_economic"]}
    with (FINAL / "submission" / "expenditure_by_economic.csv").open(encoding="utf-8") as handle:
        truth = {(r["code"], r["cost_type"]): r["amount"] for r in csv.DictReader(handle)}
    assert got == truth  # blank cells (奖金, 伙食补助费…) stay unread, never zeros


def test_the_department_and_the_unpublished_indicators_are_stated():
    ext = extract(BUDGET / "document.txt", department(BUDGET), ROOT)
    (row,) = ext.rows["departments"]
    assert (row["name"], row["division_code"], row["division_name"]) == ("上海市普陀区司法局", "310107", "普陀区")
    parts = {r["part"]: r for r in ext.rows["disclosure_parts"]}
    assert "编报绩效目标的项目20个" in parts["kpis"]["note"]
    assert ext.rows["disclosures"][0]["performance_managed_amount"] == "7054.05"


def test_the_function_lines_of_the_explanation_keep_their_prior_execution_and_change():
    ext = extract(BUDGET / "document.txt", department(BUDGET), ROOT)
    rows = {r["item"]: r for r in ext.rows["expenditure_by_function"] if r["fund"] == "appropriation"}
    line = rows["2040699"]  # as published: 执行数 43269.3 against 增加17.62% (a slip the checks must find)
    assert (line["amount"], line["unit"], line["prior_amount"]) == ("3845.49", "万元", "43269.3")
    assert (line["change_word"], line["change_rate"], line["change_basis"]) == ("增加", "17.62", "prior-execution")
    assert rows["2040601"]["change_rate"] == "-1.07" and rows["2040601"]["change_reason"] == "部分人员退休"


def as_pdf(case: Path, path: Path, ruled: bool) -> Path:
    """Each page of the text written as a PDF page, its tables ruled or not, half the figures off the baseline."""
    pages, current = [], []
    for line in (case / "document.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("[page "):
            pages.append(current)
            current = []
        elif not line.startswith(("SOURCE:", "NOTE:")):
            current.append(line)
    laid = [ruled_page(page) for page in [*pages, current] if page]
    write_pdf(path, laid if ruled else [(runs, []) for runs, _ in laid])
    return path


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
@pytest.mark.parametrize("case", [BUDGET, FINAL], ids=lambda c: c.name)
def test_the_same_documents_as_pdf_give_no_wrong_figure(case, ruled, tmp_path):
    out = tmp_path / "out"
    extract_submission(as_pdf(case, tmp_path / "document.pdf", ruled), department(case), ROOT, out)
    result = score(case / "submission", out)
    assert result.wrong == []
    if ruled:
        assert result.read == result.expected, result.missed
    else:  # without rules pdfplumber finds the columns of part of the tables only
        assert result.read >= result.expected // 3


def test_income_sources_a_table_leaves_blank_are_read_from_the_paragraph(tmp_path):
    """SOURCE: the wording of 普陀区 budgets' 编制说明 (a sentence wrapped across two lines, as the PDFs print it)."""
    path = tmp_path / "budget.txt"
    path.write_text(
        "上海市普陀区测试局2024年部门预算\n2024年部门预算编制说明\n"
        "2024年，上海市普陀区测试局收入预算100.5万元，其中：财政拨款收入100.5万元，比2023年预算减少\n"
        "1万元；事业收入0.00万元；事业单位经营收入0.00万元；其他收入0.00万元。\n",
        encoding="utf-8",
    )
    ext = extract(path, "310107-csj", ROOT)
    sources = {r["item"]: (r["item_name"], r["amount"], r["unit"]) for r in ext.rows["income"]}
    assert sources == {
        "business": ("事业收入", "0.00", "万元"),
        "business_operation": ("事业单位经营收入", "0.00", "万元"),
        "other": ("其他收入", "0.00", "万元"),
    }


def test_a_decrease_stated_in_the_paragraph_is_negative(tmp_path):
    path = tmp_path / "budget.txt"
    path.write_text(
        "上海市普陀区测试局2026年部门预算\n2026年部门预算编制说明\n"
        "支出预算7,630.61万元，其中：财政拨款支出预算7,630.61万元，比2025年预算减少2,163.37万元。财政拨款支出预算中，"
        "一般公共预算拨款支出预算7,262.61万元，比2025年预算增加1,168.37万元。\n",
        encoding="utf-8",
    )
    ext = extract(path, "310107-csj", ROOT)
    changes = {r["fund"]: (r["change"], r["change_word"]) for r in ext.rows["expenditure_by_type"]}
    assert changes == {"appropriation": ("-2163.37", "减少"), "general_budget": ("1168.37", "增加")}


def test_a_document_without_sangong_states_every_line_zero_by_its_name(tmp_path):
    path = tmp_path / "final.txt"
    path.write_text(
        "上海市普陀区测试局2024年度部门决算\n其他相关情况说明\n2024年度本部门无“三公”经费财政拨款支出。\n",
        encoding="utf-8",
    )
    ext = extract(path, "310107-csj", ROOT)
    names = {r["item"]: (r["item_name"], r["amount"]) for r in ext.rows["sangong"]}
    assert names["total"] == ("“三公”经费合计", "0.00")
    assert all(name for name, _ in names.values())


@pytest.mark.parametrize(
    ("cells", "code"),
    [
        (["301", "2", "津贴补贴"], "30102"),
        (["301", "02", "津贴补贴"], "30102"),
        (["204", "06", "1", "行政运行"], "2040601"),
    ],
)
def test_a_code_cell_that_lost_its_leading_zero_is_read_as_two_digits(cells, code):
    from publish.extract.shanghai_tables import code_of

    assert code_of(cells) == code


def test_a_line_stated_twice_with_different_figures_keeps_the_first_and_says_so(tmp_path):
    """SOURCE: the economic table of 普陀区 budgets as pdfplumber prints it (a 款 that lost its leading zero)."""
    path = tmp_path / "budget.txt"
    rows = ["301\t\t工资福利支出\t100\t100\t0", "301\t01\t基本工资\t60\t60\t0", "301\t7\t绩效工资\t40\t40\t0"]
    path.write_text(
        "\n".join(
            [
                "上海市普陀区测试局2024年部门预算",
                "[page 9]",
                "2024年部门一般公共预算基本支出部门预算经济分类预算表",
                "编制部门：上海市普陀区测试局 单位：元",
                "部门预算经济分类科目编码\t\t经济分类科目名称\t合计\t人员经费\t公用经费",
                "类\t款\t\t\t\t",
                *rows,
                "301\t07\t绩效工资\t41\t41\t0",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    ext = extract(path, "310107-csj", ROOT)
    totals = {r["code"]: r["amount"] for r in ext.rows["expenditure_by_economic"] if r["cost_type"] == "total"}
    assert totals == {"301": "100", "30101": "60", "30107": "40"}
    duplicates = [u for u in ext.unread if u.kind == "duplicate-line"]
    assert duplicates and all("绩效工资\t41" in u.text for u in duplicates)  # one per figure not kept


def test_a_space_laid_row_with_a_cell_that_is_no_figure_is_reported_not_a_crash(tmp_path):
    """SOURCE: the space-laid function table of a 普陀区 unit budget (file as stored), cut inside a number."""
    path = tmp_path / "budget.txt"
    path.write_text(
        "\n".join(
            [
                "上海市普陀区测试街道2026年单位预算",
                "[page 20]",
                "2026年预算单位一般公共预算支出功能分类预算表",
                "编制单位：上海市普陀区测试街道 单位：元",
                "项目 一般公共预算支出",
                "功能分类科目编码",
                "功能分类科目名称 合计 基本支出 项目支出",
                "类款项",
                "201 一般公共服务支出 3,353,072 3,353,072 ",
                "20105 统计信息事务 501,2001 501,200 ",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    ext = extract(path, "310107-cejd", ROOT)
    assert any(u.kind == "unaligned-row" and "501,2001" in u.text for u in ext.unread)
    assert not [r for r in ext.rows.get("expenditure_by_function", []) if r["item"] == "20105"]
