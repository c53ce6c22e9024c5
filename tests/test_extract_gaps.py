"""The extractor's own gaps are never a publisher's error: an incomplete table is listed as such, a total not read
is not pointed at."""

from __future__ import annotations

from publish.core.package import load
from publish.extract.gaps import drop_parents_not_read, mark_incomplete_function_table
from publish.extract.model import Extraction
from tests.helpers import ROOT

TABLE = "2026年预算单位一般公共预算支出功能分类预算表"


def _with_function_rows() -> Extraction:
    ext = Extraction()
    ext.put(
        "expenditure_by_function",
        {"fund": "general_budget", "item": "208", "cost_type": "total"},
        {"amount": "5"},
        "",
        TABLE,
    )
    return ext


def test_a_table_row_not_placed_lists_the_function_part_as_truncated_quoting_it():
    ext = _with_function_rows()
    ext.miss(TABLE, "unaligned-row", "208 05 行政事业单位养老支出 4787960", "少了单元格", "lost cells")
    mark_incomplete_function_table(ext)
    (part,) = ext.rows["disclosure_parts"]
    assert (part["part"], part["status"]) == ("expenditure-by-function", "truncated")
    assert "4787960" in part["note"] and TABLE in part["note"]


def test_a_gap_in_prose_only_or_of_another_kind_leaves_the_table_complete():
    ext = _with_function_rows()
    ext.miss("部门预算编制说明", "unknown-code", "计划生育事务（项）20.00万元", "找不到", "not in the list")
    ext.miss(TABLE, "no-unit", "合计 100", "没有单位", "no unit")
    mark_incomplete_function_table(ext)
    assert "disclosure_parts" not in ext.rows


def test_a_line_whose_total_was_not_read_keeps_no_parent():
    ext = Extraction()
    ext.put("income", {"item": "general_budget"}, {"amount": "1", "parent_item": "total"}, "", "")
    ext.put(
        "expenditure_by_function",
        {"fund": "all", "item": "2080505", "cost_type": "total"},
        {"parent_item": "20805"},
        "",
        "",
    )
    drop_parents_not_read(ext, load(ROOT))
    assert ext.rows["income"][0]["parent_item"] == ""
    assert ext.rows["expenditure_by_function"][0]["parent_item"] == "20805"  # a code's parent is the code's
    assert [(u.section, u.kind) for u in ext.unread] == [("income", "missing-parent")]


def test_an_income_line_a_narrative_states_but_no_column_holds_leaves_income_truncated(tmp_path):
    """SOURCE: the wording of a Hubei town's 预算公开说明 (财政拨款收入, not split by fund, has no line of its own)."""
    from publish.extract.core import extract

    path = tmp_path / "hubei.txt"
    path.write_text(
        "襄州区测试镇政府2025年预算公开说明\n三、预算收支及增减变化情况：\n"
        "1.预算收入情况：2025年测试镇政府（单位）收入预算100万元，比2024年单位预算收入增加10万元，增长11%。"
        "其中：财政拨款收入100万元，其他收入0万元。\n",
        encoding="utf-8",
    )
    ext = extract(path, "420607-csz", ROOT)
    parts = {r["part"]: r for r in ext.rows["disclosure_parts"]}
    assert parts["income"]["status"] == "truncated"
    assert "财政拨款收入100万元" in parts["income"]["note"]
