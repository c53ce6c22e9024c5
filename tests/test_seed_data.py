"""Every figure and statement of the seed disclosure is in the data, with the value it states."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.helpers import ROOT, SEED_DEPARTMENT, money, read_rows

GB = {"fund": "general_budget"}
ALL = {"fund": "all"}

# (resource, key of the row, field, value in the data, the seed's own words for it)
FIGURES = [
    ("income", {"item": "total"}, "amount", "360.67", "2023年年初预算数360.67万元，其中：一般公共预算拨款"),
    ("income", {"item": "total"}, "change", "-1.39", "收入较去年减少1.39万元"),
    ("income", {"item": "general_budget"}, "amount", "360.67", "一般公共预算拨款360.67万元"),
    ("income", {"item": "general_budget"}, "change", "-1.39", "主要是一般公共预算拨款减少1.39万元"),
    ("income", {"item": "government_fund"}, "amount", "0", "政府性基金预算拨款0万元"),
    ("income", {"item": "state_capital"}, "amount", "0", "国有资本经营预算收入0万元"),
    ("income", {"item": "business"}, "amount", "0", "，事业收入0万元"),
    ("income", {"item": "business_operation"}, "amount", "0", "事业单位经营收入0万元"),
    ("income", {"item": "other"}, "amount", "0", "其他收入0万元"),
    (
        "expenditure_by_function",
        {"item": "total"},
        "amount",
        "360.67",
        "2023年年初预算数360.67万元，其中：一般公共服务支出",
    ),
    ("expenditure_by_function", {"item": "total"}, "change", "-1.39", "支出较去年减少1.39万元"),
    ("expenditure_by_function", {"item": "201"}, "amount", "304.21", "一般公共服务支出304.21万元"),
    ("expenditure_by_function", {"item": "205"}, "amount", "0", "教育支出0万元"),
    ("expenditure_by_function", {"item": "208"}, "amount", "30.28", "社会保障和就业支出30.28万元"),
    ("expenditure_by_function", {"item": "210"}, "amount", "8.79", "卫生健康支出8.79万元"),
    ("expenditure_by_function", {"item": "221"}, "amount", "17.39", "住房保障支出17.39万元"),
    ("expenditure_by_type", {**GB, "item": "total"}, "amount", "360.67", "一般公共预算财政拨款支出360.67万元"),
    ("expenditure_by_type", {**GB, "item": "total"}, "change", "-1.39", "财政拨款支出360.67万元，比2022年减少1.39万元"),
    ("expenditure_by_type", {**GB, "item": "basic"}, "amount", "225.67", "基本支出225.67万元"),
    ("expenditure_by_type", {**GB, "item": "basic"}, "change", "13.61", "比2022年增加13.61万元"),
    ("expenditure_by_type", {**GB, "item": "personnel"}, "change", "17.97", "人员经费增加17.97万元"),
    ("expenditure_by_type", {**GB, "item": "public_operating"}, "change", "-4.35", "日常公用经费减少4.35万元"),
    ("expenditure_by_type", {**GB, "item": "project"}, "amount", "135", "项目支出135万元"),
    ("expenditure_by_type", {**GB, "item": "project"}, "change", "-15", "比2022年或减少15万元"),
    ("sangong", {**GB, "item": "total"}, "amount", "4", "“三公”经费预算4万元，与2022年持平"),
    ("sangong", {**GB, "item": "outbound_travel"}, "amount", "0", "因公出国（境）费用0万元，与2022年持平"),
    ("sangong", {**GB, "item": "reception"}, "amount", "0", "公务接待费0万元，与2022年持平"),
    ("sangong", {**GB, "item": "vehicle_operation"}, "amount", "4", "公务用车运行维护费4万元，与2022年持平"),
    ("sangong", {**GB, "item": "vehicle_purchase"}, "amount", "0", "公务用车购置费0万元，与2022年持平"),
    ("operating_costs", GB, "amount", "38.20", "一般公共预算财政拨款运行经费38.20万元"),
    ("operating_costs", GB, "change", "-4.35", "比上年减少4.35万元"),
    ("procurement", {**ALL, "item": "total"}, "amount", "0", "政府采购预算总额0万元"),
    ("procurement", {**ALL, "item": "goods"}, "amount", "0", "：政府采购货物预算0万元"),
    ("procurement", {**ALL, "item": "works"}, "amount", "0", "、政府采购工程预算0万元"),
    ("procurement", {**ALL, "item": "services"}, "amount", "0", "、政府采购服务预算0万元"),
    ("procurement", {**GB, "item": "total"}, "amount", "0", "其中一般公共预算拨款政府采购0万元"),
    ("procurement", {**GB, "item": "goods"}, "amount", "0", "政府采购0万元：政府采购货物预算0万元"),
    ("procurement", {**GB, "item": "works"}, "amount", "0", "政府采购工程预算0万元"),
    ("procurement", {**GB, "item": "services"}, "amount", "0", "政府采购服务预算0万元。"),
    ("disclosures", {}, "performance_managed_amount", "360.67", "涉及一般公共预算当年财政拨款360.67万元"),
]

SANGONG_ITEMS = ["total", "outbound_travel", "reception", "vehicle_operation", "vehicle_purchase"]

COUNTS = [
    ({"measure": "holding", "item": "total"}, "1", "共有车辆1辆"),
    ({"measure": "holding", "item": "general_official"}, "1", "其中一般公务用车1辆"),
    ({"measure": "holding", "item": "law_enforcement"}, "0", "执勤执法用车0辆。2022年"),
    ({"measure": "purchase_budget", "item": "total"}, "0", "安排购置车辆0辆"),
    ({"measure": "purchase_budget", "item": "general_official"}, "0", "其中一般公务用车0辆"),
    ({"measure": "purchase_budget", "item": "law_enforcement"}, "0", "执勤执法用车0辆。\n"),
]

KPIS = [
    ("办件时限压缩率", "20", "%", "≥", "80"),
    ("行政许可事项全程网办率", "20", "%", "≥", "80"),
    ("群众办事便利度", "20", "%", "≥", "90"),
    ("办事群众满意度", "20", "%", "≥", "99"),
    ("窗口正常运行数量", "20", "个", "≥", "120"),
]


def seed_row(resource: str, key: dict[str, str]) -> dict[str, str]:
    rows = [
        r
        for r in read_rows(ROOT, resource)
        if r["fiscal_year"] == "2023"
        and r["department_id"] == SEED_DEPARTMENT
        and all(r[k] == v for k, v in key.items())
    ]
    assert len(rows) == 1, (resource, key, rows)
    return rows[0]


@pytest.mark.parametrize(("resource", "key", "field", "value", "phrase"), FIGURES)
def test_every_figure_of_the_seed_is_in_the_data(seed_text, resource, key, field, value, phrase):
    assert phrase in seed_text, "the expectation must quote the seed"
    assert money(seed_row(resource, key)[field]) == Decimal(value)


@pytest.mark.parametrize("item", SANGONG_ITEMS)
def test_sangong_flat_is_a_stated_change_of_zero(item):
    row = seed_row("sangong", {"fund": "general_budget", "item": item})
    assert (row["change_word"], money(row["change"])) == ("持平", Decimal(0))


def test_a_change_stated_without_its_amount_is_kept_with_an_empty_amount():
    personnel = seed_row("expenditure_by_type", {"fund": "general_budget", "item": "personnel"})
    assert personnel["amount"] == ""
    assert personnel["change_word"] == "增加"


def test_main_reasons_and_complete_breakdowns_are_recorded():
    basic = seed_row("expenditure_by_type", {"fund": "general_budget", "item": "basic"})
    total = seed_row("expenditure_by_type", {"fund": "general_budget", "item": "total"})
    assert (basic["change_breakdown"], total["change_breakdown"]) == ("main-reasons", "complete")


@pytest.mark.parametrize(("key", "count", "phrase"), COUNTS)
def test_vehicle_counts(seed_text, key, count, phrase):
    assert phrase in seed_text
    row = seed_row("assets", key)
    assert row["count"] == count
    assert (row["as_of"], row["budget_year"]) == (("2022-12", "") if key["measure"] == "holding" else ("", "2022"))


def test_every_kpi_with_weight_unit_operator_and_target(seed_text):
    rows = sorted(read_rows(ROOT, "kpis"), key=lambda r: int(r["indicator_no"]))
    got = [(r["indicator_name"], r["weight"], r["unit"], r["operator"], r["target_value"]) for r in rows]
    assert got == KPIS
    for name, weight, unit, operator, target in KPIS:
        assert f"\t{name}\n\t{weight}\n\t{unit}\n\t{operator}\n\t{target}\n" in seed_text


def test_every_statement_is_quoted_from_the_seed(seed_text):
    department = seed_row_department()
    disclosure = seed_row("disclosures", {})
    quoted = [
        disclosure["title"],
        disclosure["overall_goal"],
        disclosure["government_fund_statement"],
        disclosure["key_special_fund_statement"],
        disclosure["performance_statement"],
        department["structure_statement"],
        department["name"],
        *[r["change_reason"] for r in read_rows(ROOT, "income") if r["change_reason"]],
        *[r["change_reason"] for r in read_rows(ROOT, "expenditure_by_function") if r["change_reason"]],
        *[r[f] for r in read_rows(ROOT, "expenditure_by_type") for f in ("change_reason", "purpose") if r[f]],
        *[r[f] for r in read_rows(ROOT, "operating_costs") for f in ("change_reason", "purpose")],
    ]
    for text in quoted:
        assert text in seed_text, text
    assert f"部门预算公开联系人：{disclosure['contact_name']}    联系方式：{disclosure['contact_phone']}" in seed_text


def test_none_statements_are_explicit():
    disclosure = seed_row("disclosures", {})
    assert disclosure["government_fund_expenditure"] == "false"
    assert disclosure["key_special_fund_goals"] == "false"


def seed_row_department() -> dict[str, str]:
    (row,) = [r for r in read_rows(ROOT, "departments") if r["department_id"] == SEED_DEPARTMENT]
    return row


def test_duties_and_internal_units(seed_text):
    department = seed_row_department()
    duties = department["duties"].split(" ")
    assert len(duties) == int(department["duty_count"]) == 5
    for number, duty in enumerate(duties, 1):
        assert duty.startswith(f"{number}、")
        assert f"{duty}\n" in seed_text
    units = department["internal_units"].split("、")
    assert units == ["办公室", "督查科", "党群科", "审批服务科", "代办服务科", "网络信息科"]
    assert int(department["internal_unit_count"]) == len(units)
    assert (department["division_code"], department["division_name"]) == ("500238", "巫溪县")
    assert department["credit_code"] == "", "the seed publishes no 统一社会信用代码: it must not be invented"


def test_glossary(seed_text):
    rows = sorted(read_rows(ROOT, "glossary"), key=lambda r: int(r["term_no"]))
    numerals = "一二三四五"
    assert len(rows) == 5
    for row, numeral in zip(rows, numerals, strict=True):
        assert f"（{numeral}）{row['term']}：{row['definition']}" in seed_text


def test_seed_function_codes_carry_their_official_names():
    codes = {(r["fiscal_year"], r["code"]): r["name"] for r in read_rows(ROOT, "function_codes")}
    coded = [row for row in read_rows(ROOT, "expenditure_by_function") if row["function_code"]]
    assert len(coded) >= 5  # the seed's five lines
    for row in coded:
        assert codes[(row["classification_year"], row["function_code"])] == row["item_name"]


def test_every_2023_class_level_code_is_listed():
    classes = {r["code"] for r in read_rows(ROOT, "function_codes") if r["fiscal_year"] == "2023"}
    assert {"201", "205", "208", "210", "221"} <= classes
    assert len(classes) >= 25
