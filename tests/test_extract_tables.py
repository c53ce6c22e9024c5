"""Recognising a table in the lines of a document (grid.py): titles, units, header paths, empty tables, rows
whose empty cells were dropped, and rows keeping their leading empty cells through the text reader.

SOURCE of the excerpts: tests/disclosures/sh-putuo-sifaju-2026-budget/document.txt (pages 12, 17, 21) and
tests/disclosures/sh-putuo-caizhengju-2024-final/document.txt (page 18); the short 合计 row is the shape of
the 万里街道 2024 budget's 部门支出预算总表 (figures changed).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from publish.extract import grid
from publish.extract.readers import read_document
from tests.pdf_support import write_pdf

FUNCTION_TABLE = [
    "[page 12]",
    "2026年部门支出预算总表",
    "编制部门：上海市普陀区司法局 单位：元",
    "项目\t\t\t\t支出预算\t\t",
    "功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出",
    "类\t款\t项\t\t\t\t",
    "204\t\t\t公共安全支出\t87267272.44\t16726725.44\t70540547.00",
    "[page 13]",
    "项目\t\t\t\t支出预算\t\t",
    "204\t06\t01\t行政运行\t16726725.44\t16726725.44\t0.00",
    "合计\t\t\t\t87267272.44\t16726725.44\t70540547.00",
]


def test_a_table_has_its_title_unit_pages_and_column_paths():
    (table,) = grid.tables(FUNCTION_TABLE)
    assert (table.title, table.unit, table.page) == ("2026年部门支出预算总表", "元", "12")
    assert table.columns()[4:] == ["支出预算/合计", "支出预算/基本支出", "支出预算/项目支出"]
    assert [row.page for row in table.rows] == ["12", "13", "13"]  # the repeated header on page 13 is dropped
    assert table.rows[1].cells[:3] == ["204", "06", "01"]


def test_merged_header_cells_span_under_their_parent_only():
    lines = [
        "2026年部门“三公”经费和机关运行经费预算表",
        "编制部门：上海市普陀区司法局 单位:万元",
        "“三公”经费预算数\t\t\t\t\t\t机关运行经费预算数",
        "合计\t因公出国(境)费\t公务接待费\t公务用车购置及运行费\t\t\t",
        "\t\t\t小计\t购置费\t运行费\t",
        "10.81\t0\t0.83\t9.98\t0\t9.98\t217.83",
    ]
    (table,) = grid.tables(lines)
    columns = table.columns()
    assert table.unit == "万元"
    assert columns[3] == "“三公”经费预算数/公务用车购置及运行费/小计"
    assert columns[4] == "“三公”经费预算数/公务用车购置及运行费/购置费"
    assert columns[6] == "机关运行经费预算数"


def test_a_table_printed_empty_is_empty_and_keeps_its_note():
    lines = [
        "2026年部门政府性基金预算支出功能分类预算表",
        "编制部门：上海市普陀区司法局 单位：元",
        "项目\t\t\t\t政府性基金预算支出\t\t",
        "类\t款\t项\t\t\t\t",
        "无\t\t\t\t\t\t",
        "合计\t\t\t\t\t\t",
        "注:本部门2026年无政府性基金预算财政拨款安排的预算，故本表为空表。",
    ]
    (table,) = grid.tables(lines)
    assert table.empty
    assert table.notes == ["注:本部门2026年无政府性基金预算财政拨款安排的预算，故本表为空表。"]


def test_a_short_total_row_is_placed_only_when_its_figures_add_up():
    head = FUNCTION_TABLE[:7]
    (table,) = grid.tables([*head, "合计\t300\t100\t200"])
    assert table.aligned(table.rows[-1]) == ["合计", "", "", "", "300", "100", "200"]
    (table,) = grid.tables([*head, "合计\t300\t100"])  # which two columns? not guessed
    assert table.aligned(table.rows[-1]) is None
    (table,) = grid.tables([*head, "合计\t300\t100\t100"])  # does not add up
    assert table.aligned(table.rows[-1]) is None


def test_heading_lines_ending_in_biao_are_no_tables():
    lines = ["五、部门预算表", "1. 2026年部门财务收支预算总表 ………… 10", "正文第一段。", "正文第二段。", "正文第三段。"]
    assert grid.tables(lines) == []


def test_figures_keep_their_digits_without_separators():
    assert grid.number("96,282,213.44") == "96282213.44"
    assert grid.number(" 0.00 ") == "0.00"
    assert grid.number("公共安全支出") is None
    assert grid.number("") is None


def test_text_rows_keep_their_leading_empty_cells(tmp_path):
    path = tmp_path / "table.txt"
    path.write_text("收入支出决算总表\n\t\t九、卫生健康支出\t60.99\n科目编码\t\t\t\n", encoding="utf-8")
    lines = read_document(path)
    assert lines[1].split("\t") == ["", "", "九、卫生健康支出", "60.99"]
    assert lines[2].startswith("科目编码\t")  # a row of empty cells stays a row


# --- PDF tables (pdfplumber: ruled by their lines, unruled by the words' alignment) -------------------------
def pdf_page(runs: list[tuple[float, float, str]], rules: list[tuple[float, float, float, float]]) -> bytes:
    """One A4 page of CJK text runs at (x, y) and ruling segments, as bytes."""
    path = Path(tempfile.mkdtemp()) / "page.pdf"
    write_pdf(path, [([(x, y, text, 10) for x, y, text in runs], rules)])
    return path.read_bytes()


TABLE_ROWS = [("项目", "预算数", "执行数"), ("一般公共预算", "1,234.56", "1,200.00"), ("政府性基金", "78.90", "70.00")]
COLUMNS_X = (80, 240, 360)


def table_runs(top: float, low_cell: tuple[int, int], drop: float) -> list[tuple[float, float, str]]:
    runs = []
    for i, row in enumerate(TABLE_ROWS):
        for j, cell in enumerate(row):
            y = top - 24 * i - (drop if (i, j) == low_cell else 0)
            runs.append((COLUMNS_X[j], y, cell))
    return runs


def test_a_ruled_pdf_table_becomes_tab_rows_with_a_figure_below_the_baseline(tmp_path):
    top = 700
    runs = [(80, 760, "一、收入预算表"), *table_runs(top, (1, 1), 2.5), (80, 560, "正文在表格之后。")]
    ys = [top + 16 - 24 * i for i in range(len(TABLE_ROWS) + 1)]
    xs = [70, 230, 350, 470]
    rules = [(xs[0], y, xs[-1], y) for y in ys] + [(x, ys[0], x, ys[-1]) for x in xs]
    path = tmp_path / "ruled.pdf"
    path.write_bytes(pdf_page(runs, rules))
    lines = read_document(path)
    assert "一般公共预算\t1,234.56\t1,200.00" in lines
    assert "政府性基金\t78.90\t70.00" in lines
    assert lines.index("[page 1]") < lines.index("项目\t预算数\t执行数") < lines.index("正文在表格之后。")
    assert not any(line == "1,234.56" for line in lines)  # the figure is in its cell, not a line of its own


def test_an_unruled_pdf_table_is_found_by_alignment_and_prose_is_not(tmp_path):
    runs = [(80, 760, "二、支出情况说明如下，各项数字见下表。"), *table_runs(700, (2, 2), 2.0)]
    path = tmp_path / "unruled.pdf"
    path.write_bytes(pdf_page(runs, []))
    lines = read_document(path)
    assert "一般公共预算\t1,234.56\t1,200.00" in lines
    assert "政府性基金\t78.90\t70.00" in lines
    assert "二、支出情况说明如下，各项数字见下表。" in lines


def test_a_word_table_keeps_a_merged_cell_once_and_its_columns(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("2026年部门支出预算总表")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 1).merge(table.cell(0, 2)).text = "支出预算"
    for col, text in enumerate(("项目", "基本支出", "项目支出")):
        table.cell(1, col).text = text if col else "合计"
    for col, text in enumerate(("合计", "100", "200")):
        table.cell(2, col).text = text
    table.cell(0, 0).text = "项目"
    path = tmp_path / "merged.docx"
    document.save(path)
    lines = read_document(path)
    assert lines[1].split("\t") == ["项目", "支出预算", ""]  # the merged cell spans two columns, text once
    (found,) = grid.tables(lines)
    assert found.columns() == ["项目/合计", "支出预算/基本支出", "支出预算/项目支出"]


# --- combining table figures with text figures (combine.py) ------------------------------------------------
def text_and_table(text_amount: str, cell: str):
    from publish.extract.model import Extraction

    text, tables = Extraction(), Extraction()
    text.put("operating_costs", {"fund": "general_budget"}, {"amount": text_amount}, "机关运行经费……", "other")
    tables.put("operating_costs", {"fund": "general_budget"}, {"amount": cell, "unit": "元"}, "217.83", "表9", "page 9")
    tables.put("income", {"item": "total"}, {"amount": "96282213.44", "unit": "元"}, "合计\t96282213.44", "表2")
    return text, tables


def test_a_text_figure_agreeing_with_its_table_at_the_text_precision_is_kept():
    from publish.extract.combine import combine

    text, tables = text_and_table("217.83", "2178324.44")
    combine(text, tables)
    assert text.rows["operating_costs"][0]["amount"] == "217.83"
    assert text.unread == []
    assert text.rows["income"][0]["amount"] == "96282213.44"  # a figure only the table states is added


def test_a_text_figure_differing_from_its_table_is_reported_and_the_cell_kept():
    from publish.extract.combine import combine

    text, tables = text_and_table("271.83", "2178324.44")
    combine(text, tables)
    row = text.rows["operating_costs"][0]
    assert (row["amount"], row["unit"]) == ("2178324.44", "元")
    (mismatch,) = text.unread
    assert mismatch.kind == "text-table-mismatch"
    assert "271.83" in mismatch.reason_en and "2178324.44" in mismatch.reason_en


def test_an_unknown_titled_table_with_figures_is_one_unread_row(tmp_path):
    from publish.extract.combine import table_extraction
    from publish.extract.reference import load_reference
    from tests.helpers import ROOT

    lines = [
        "[page 3]",
        "2026年部门项目支出绩效目标汇总表",
        "单位：万元",
        "项目\t金额\t备注",
        "甲项目\t12.5\t",
        "乙项目\t3\t",
    ]
    ext = table_extraction(lines, load_reference(ROOT), "2026", "budget")
    (unread,) = ext.unread
    assert unread.kind == "unknown-table" and "绩效目标汇总表" in unread.reason_en and "page 3" in unread.reason_en
    assert ext.rows == {}


def test_a_table_stating_no_unit_is_not_read():
    from publish.extract.combine import table_extraction
    from publish.extract.reference import load_reference
    from tests.helpers import ROOT

    lines = ["部门收支总表", "项目\t预算数", "一、一般公共预算拨款收入\t120", "收入总计\t120"]
    ext = table_extraction(lines, load_reference(ROOT), "2026", "budget")
    assert ext.rows == {}
    assert [u.kind for u in ext.unread] == ["no-unit"]


def test_two_columns_for_one_figure_are_not_guessed_between():
    from publish.extract.combine import table_extraction
    from publish.extract.reference import load_reference
    from tests.helpers import ROOT

    lines = [
        "“三公”经费支出表",
        "单位：万元",
        "2026年预算数\t\t2025年预算数\t",
        "合计\t公务接待费\t合计\t公务接待费",
        "3.00\t1.00\t4.00\t2.00",
    ]
    ext = table_extraction(lines, load_reference(ROOT), "2026", "budget")
    assert "sangong" not in ext.rows
    assert [u.kind for u in ext.unread] == ["ambiguous-columns"]
