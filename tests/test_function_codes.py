"""The code lists by year (data/function_codes.csv) and the rules that read them: unknown codes, names across
renames, and codes outside the budget of their table's fund."""

from __future__ import annotations

from collections import Counter

import pytest

from publish.validate.run import validate
from tests.helpers import ROOT, read_rows
from tests.mutate import FUND_COLUMN, add, add_column, edit

CODES = read_rows(ROOT, "function_codes")
LISTED = {(r["fiscal_year"], r["code"]): r for r in CODES}
YEARS = [str(year) for year in range(2018, 2027)]
# The 类 every edition from 2018 on lists (224 since 2019, 234 in 2020 only).
CLASSES = {str(code) for code in (*range(201, 218), *range(219, 224), 227, 229, 230)}


def found(package, rule):
    return [(f.row, f.field, f.severity) for f in validate(package, select=[rule]).findings]


@pytest.mark.parametrize("year", YEARS)
def test_every_year_lists_every_class(year):
    classes = {r["code"] for r in CODES if r["fiscal_year"] == year and r["level"] == "类"}
    assert classes >= CLASSES
    assert ("224" in classes) == (year >= "2019")
    assert ("234" in classes) == (year == "2020")


@pytest.mark.parametrize("year", YEARS)
def test_every_year_lists_sections_of_the_general_and_the_fund_budget(year):
    sections = Counter(r["budget_type"] for r in CODES if r["fiscal_year"] == year and r["level"] == "款")
    assert sections["general_budget"] >= 100 and sections["government_fund"] >= 15
    assert LISTED[(year, "21208")]["name"] == "国有土地使用权出让收入安排的支出"


@pytest.mark.parametrize(
    ("code", "before", "after"),
    [
        ("207", "文化体育与传媒支出", "文化旅游体育与传媒支出"),
        ("210", "医疗卫生与计划生育支出", "卫生健康支出"),
        ("215", "资源勘探信息等支出", "资源勘探工业信息等支出"),
        ("220", "国土海洋气象等支出", "自然资源海洋气象等支出"),
    ],
)
def test_classes_renamed_in_2019_carry_the_name_of_their_year(code, before, after):
    assert LISTED[("2018", code)]["name"] == before
    assert {LISTED[(year, code)]["name"] for year in YEARS[1:]} == {after}


def test_budget_types_and_parents_hold_together():
    assert {LISTED[(y, "209")]["budget_type"] for y in YEARS} == {"social_insurance"}
    assert {LISTED[(y, "223")]["budget_type"] for y in YEARS} == {"state_capital"}
    assert LISTED[("2020", "234")]["budget_type"] == "government_fund"
    for row in CODES:
        if row["level"] != "类":
            assert (row["fiscal_year"], row["parent_code"]) in LISTED, row  # every 款 and 项 under a listed parent


def test_sources_say_how_far_a_row_was_checked():
    """A row cites a code list edition only for its own year; a carried row says it was not checked."""
    for row in CODES:
        source = row["source"]
        if "《" not in source or "政府收支分类科目》" not in source:
            continue
        assert f"《{row['fiscal_year']}年政府收支分类科目》" in source, row
    assert LISTED[("2026", "213")]["source"] == "沿用2023年科目（未逐项核对2026年文本）"


def test_the_2026_section_98_is_the_ultra_long_bond_section():
    """《上海市普陀区2026年区级单位预算》（石泉路街道办事处（本级））, 政府性基金预算支出功能分类预算表:
    “22198 其他住房保障支出 300,000 / 2219899其他住房保障支出 300,000”: 款 98 is the 超长期特别国债 款 (其他 is 99)."""
    section = LISTED[("2026", "22198")]
    assert (section["name"], section["budget_type"]) == ("超长期特别国债安排的支出", "government_fund")
    assert ("2026", "22199") not in LISTED  # so the published name is no other code's: a warning, not an error


def test_an_unlisted_item_names_its_section_as_the_nearest_entry(package_copy):
    edit(package_copy, "expenditure_by_function", {"item": "221"}, classification_year="2026", function_code="2219899")
    (finding,) = validate(package_copy, select=["function-code-unknown"]).findings
    assert (finding.row, finding.severity) == (6, "warning")
    assert finding.values == {
        "expected": "its parent 22198 超长期特别国债安排的支出 (the 2026 list)",
        "found": "2219899",
    }


def test_a_year_without_a_list_is_one_warning_per_disclosure(package_copy):
    for row in read_rows(package_copy, "expenditure_by_function"):
        if row["function_code"]:
            edit(package_copy, "expenditure_by_function", {"item": row["item"]}, classification_year="2017")
    (finding,) = validate(package_copy, select=["function-code-unknown"]).findings
    assert (finding.row, finding.field, finding.severity) == (2, "classification_year", "warning")
    assert finding.values == {"expected": "2018", "found": "2017"}
    assert "5" in finding.message_en and "2017" in finding.message_zh


def test_a_package_without_any_list_is_one_warning_per_disclosure(package_copy):
    codes = package_copy / "data" / "function_codes.csv"
    codes.write_text(codes.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    (finding,) = validate(package_copy, select=["function-code-unknown"]).findings
    assert finding.values == {"expected": "none", "found": "2023"}


def test_a_name_of_the_rows_code_year_passes(package_copy):
    """A 2018 table names 210 医疗卫生与计划生育支出: the official name in that year's list."""
    edit(package_copy, "expenditure_by_function", {"item": "210"}, classification_year="2018")
    edit(package_copy, "expenditure_by_function", {"item": "210"}, item_name="医疗卫生与计划生育支出")
    assert found(package_copy, "function-code-name-mismatch") == []


def test_a_former_name_warns_and_says_whose_year_it_matched(package_copy):
    """《上海市普陀区司法局2026年部门预算》 item 11: “医疗卫生与计划生育支出（210类）” in a 2026 text."""
    edit(package_copy, "expenditure_by_function", {"item": "210"}, item_name="医疗卫生与计划生育支出")
    (finding,) = validate(package_copy, select=["function-code-name-mismatch"]).findings
    assert (finding.row, finding.severity) == (5, "warning")
    assert finding.values == {"expected": "卫生健康支出", "found": "医疗卫生与计划生育支出", "matched_year": 2018}
    assert "2018" in finding.message_zh and "the 2018 list" in finding.message_en


def _with_fund(package, fund):
    """The seed's function table as one fund's table, with 212 城乡社区支出 and its 款 21208 in place of 205."""
    add_column(package, "expenditure_by_function", FUND_COLUMN, after="department_id", value=fund, key=True)
    edit(package, "expenditure_by_function", {"item": "205"}, item="212", function_code="212", item_name="城乡社区支出")
    key = {"fiscal_year": "2023", "department_id": "500238-zwfwzx", "fund": fund, "classification_year": "2023"}
    name = "国有土地使用权出让收入安排的支出"
    add(
        package,
        "expenditure_by_function",
        **key,
        item="21208",
        parent_item="212",
        function_code="21208",
        item_name=name,
    )


def test_a_fund_only_section_in_a_general_budget_table_is_named(package_copy):
    _with_fund(package_copy, "general_budget")
    (finding,) = validate(package_copy, select=["function-code-budget-type"]).findings
    assert (finding.row, finding.field, finding.severity) == (8, "function_code", "warning")
    assert finding.values == {"expected": "government_fund", "found": "general_budget"}
    assert "21208" in finding.message_zh and "政府性基金预算" in finding.message_zh
    assert "the government fund budget" in finding.message_en


def test_a_class_heading_both_budgets_passes_in_a_fund_table(package_copy):
    """212 heads 21208 (政府性基金) as well as 21201 (一般公共预算); 201, 210, 221 head no fund code in 2023."""
    _with_fund(package_copy, "government_fund")
    assert found(package_copy, "function-code-budget-type") == [(r, "function_code", "warning") for r in (2, 5, 6)]


@pytest.mark.parametrize("fund", ["all", "appropriation"])
def test_a_table_of_a_fund_spanning_budgets_is_not_checked(package_copy, fund):
    _with_fund(package_copy, fund)
    assert found(package_copy, "function-code-budget-type") == []


def test_a_table_without_a_fund_column_is_not_checked(package_copy):
    edit(package_copy, "expenditure_by_function", {"item": "201"}, function_code="21208")
    assert found(package_copy, "function-code-budget-type") == []


def test_the_repository_package_still_validates_clean():
    report = validate(ROOT)
    assert report.valid
    assert not [f for f in report.findings if f.rule.startswith("function-code")]
