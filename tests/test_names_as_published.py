"""Names as published: a line's key stays canonical, its name keeps the document's wording; the vocabulary knows
the official name and the aliases real disclosures use, and the same for change words.

Each wording below is quoted from a real published disclosure, named beside it by its title; copies of web
pages often turn full-width brackets into ASCII ones, so both forms occur.
"""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from publish.core import CHANGE_WORD_SIGNS, CHANGE_WORDS, known_names, load, official_names
from publish.core.vocabulary import ITEM_NAMES
from publish.template.rows import listed_rows
from publish.validate.run import validate
from tests.helpers import ROOT, invoke
from tests.mutate import edit

# (published wording, the 三公 line it names, where it is published)
SANGONG_WORDINGS = [
    (
        "公务用车购置及运行费",
        "vehicle",
        "重庆市市级部门汇总2024年“三公”经费预算说明 (40_cq_shiji_*): 公务用车购置及运行费4.72亿元",
    ),
    (
        "公务用车购置及运行费",
        "vehicle",
        "池州皖江江南新兴产业集中区2024年“三公”经费预算 (49_ah_chizhou_*): 公务用车购置及运行费支出预算为78.7万元",
    ),
    (
        "公务用车购置及运维费",
        "vehicle",
        "《涪陵区新妙镇2021年度“三公”经费决算情况》 (38_cq_fuling_*): 公务用车购置及运维费30.93万元",
    ),
    ("公务用车运行费", "vehicle_operation", "池州 2024 (49_ah_chizhou_*): 其中:公务用车运行费35.7万元"),
    (
        "公务用车运行费",
        "vehicle_operation",
        "重庆市市级部门汇总2024年“三公”经费 (40_cq_shiji_*), table row 公务用车运行费",
    ),
    (
        "因公出国(境)费",
        "outbound_travel",
        "《涪陵区新妙镇2021年度“三公”经费决算情况》 (38_cq_fuling_*): 因公出国(境)费0万元",
    ),
    (
        "因公出国（境）费",
        "outbound_travel",
        "上海市普陀区司法局2026年部门预算 (41_sh_putuo_sifaju_*): 因公出国（境）费0万元",
    ),
    (
        "公务用车购置",
        "vehicle_purchase",
        "上海市普陀区规划和自然资源局2024年决算 (47_sh_putuo_*): 公务用车购置支出为 0.00 万元",
    ),
    ("公务用车运行维护费", "vehicle_operation", "《涪陵区新妙镇2021年度“三公”经费决算情况》 (38_cq_fuling_*)"),
]
# (change word, its sign, where it is published)
CHANGE_WORDINGS = [
    ("一致", 0, "重庆市万州区公路事务中心2024年部门预算 (31_cq_wanzhou_*): 与上年保持一致"),
    ("无增减", 0, "issue 16's survey of 三公 notes"),
    ("减少", -1, "池州 2024 (49_ah_chizhou_*): 比2023年预算减少1.3万元"),
]


@pytest.mark.parametrize(("wording", "key", "source"), SANGONG_WORDINGS)
def test_a_published_sangong_wording_names_its_line(wording, key, source):
    assert known_names("sangong")[wording] == key, source


@pytest.mark.parametrize(("word", "sign", "source"), CHANGE_WORDINGS)
def test_a_published_change_word_has_its_sign(word, sign, source):
    assert CHANGE_WORD_SIGNS[word] == sign, source


def test_no_wording_names_two_lines_and_every_official_name_is_listed():
    for resource, lines in ITEM_NAMES.items():
        wordings = [name for official, aliases in lines.values() for name in (official, *aliases)]
        assert len(wordings) == len(set(wordings)), resource
        assert set(official_names(resource).values()) <= set(known_names(resource)), resource
    assert set(CHANGE_WORDS) <= set(CHANGE_WORD_SIGNS)


def test_the_template_still_prints_the_official_names():
    schema = load(ROOT).resources["sangong"].schema
    assert {row["item"]: row["item_name"] for row in listed_rows(schema, "sangong")} == {
        "total": "“三公”经费合计",
        "outbound_travel": "因公出国（境）费用",
        "reception": "公务接待费",
        "vehicle_operation": "公务用车运行维护费",
        "vehicle_purchase": "公务用车购置费",
    }


def _findings(package, rule):
    report = validate(package, select=[rule])
    return report, [(f.row, f.field, f.severity, f.values.get("expected")) for f in report.findings]


@pytest.mark.parametrize(
    ("key", "wording"), [("vehicle_operation", "公务用车运行费"), ("outbound_travel", "因公出国(境)费")]
)
def test_a_known_alias_loads_with_no_finding(package_copy, key, wording):
    edit(package_copy, "sangong", {"item": key}, item_name=wording)
    report, found = _findings(package_copy, "item-name-mismatch")
    assert report.valid and found == []
    assert not [f for f in validate(package_copy).findings if f.field == "item_name"]  # no schema error either


def test_an_unknown_wording_is_a_warning_that_names_the_official_name(package_copy):
    edit(package_copy, "sangong", {"item": "vehicle_operation"}, item_name="公车运行费")
    report, found = _findings(package_copy, "item-name-mismatch")
    assert report.valid and found == [(5, "item_name", "warning", "公务用车运行维护费")]
    (finding,) = report.findings
    assert "公务用车运行维护费" in finding.message_zh and "official name" in finding.message_en


@pytest.mark.parametrize(
    "wording", ["公务用车购置费", "公务用车购置"]
)  # the official name and an alias of another line
def test_another_lines_name_is_an_error(package_copy, wording):
    edit(package_copy, "sangong", {"item": "vehicle_operation"}, item_name=wording)
    report, found = _findings(package_copy, "item-name-mismatch")
    assert not report.valid and found == [(5, "item_name", "error", "公务用车运行维护费")]


def test_a_flat_alias_is_checked_against_the_sign(package_copy):
    edit(package_copy, "sangong", {"item": "reception"}, change_word="一致")
    edit(package_copy, "sangong", {"item": "outbound_travel"}, change="1", amount="1", change_word="无增减")
    report = validate(package_copy, select=["change-word-mismatch", "change-word-unknown"])
    assert [(f.rule, f.row, f.severity) for f in report.findings] == [("change-word-mismatch", 2, "error")]


def test_an_unknown_change_word_is_a_warning_not_a_schema_error(package_copy):
    edit(package_copy, "sangong", {"item": "reception"}, change_word="不变")
    report = validate(package_copy)
    assert report.valid
    found = [(f.rule, f.row, f.field, f.severity) for f in report.findings if f.field == "change_word"]
    assert found == [("change-word-unknown", 3, "change_word", "warning")]


def _listed(book, validation) -> list[str]:
    column = validation.formula1.split("!$")[1].split("$")[0]
    return [c.value for c in book["下拉选项"][column] if c.value]


def test_the_template_drop_downs_still_offer_the_official_wordings(tmp_path):
    target = tmp_path / "t.xlsx"
    result = invoke(
        "template", "--package", str(ROOT), "-o", str(target), "--department", "500238-zwfwzx", "--year", "2023"
    )
    assert result.exit_code == 0, result.output
    book = load_workbook(target)
    sheet = book["“三公”经费"]
    columns = {cell.value: cell.column_letter for cell in sheet[2]}
    validations = {str(dv.sqref).split(":")[0]: dv for dv in sheet.data_validations.dataValidation}
    names = validations[f"{columns['“三公”经费项目名称']}3"]
    words = validations[f"{columns['增减表述']}3"]
    assert _listed(book, names) == list(official_names("sangong").values())
    assert _listed(book, words) == ["增加", "减少", "增长", "下降", "持平"]
