"""Recognising a table in the lines of a document (grid.py): titles, units, header paths, empty tables, rows
whose empty cells were dropped, and rows keeping their leading empty cells through the text reader.

SOURCE of the excerpts: tests/disclosures/sh-putuo-sifaju-2026-budget/document.txt (pages 12, 17, 21) and
tests/disclosures/sh-putuo-caizhengju-2024-final/document.txt (page 18); the short 合计 row is the shape of
the 万里街道 2024 budget's 部门支出预算总表 (figures changed).
"""

from __future__ import annotations

from publish.extract import grid
from publish.extract.readers import read_document

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
