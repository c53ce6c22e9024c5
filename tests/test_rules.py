"""Each budget rule catches its own fixture: a one-edit copy of the seed package named after the rule id."""

from __future__ import annotations

import pytest

from publish.rules import RULES
from publish.validate.run import validate
from tests import checks_support as checks
from tests.helpers import ROOT
from tests.mutate import FUND_COLUMN, add, add_column, drop, edit

GB = {"fund": "general_budget"}
ALL = {"fund": "all"}
KPI1 = {"indicator_no": "1"}
DEPT = "500238-zwfwzx"


def prior_year_income(p):
    add(
        p,
        "disclosures",
        fiscal_year="2022",
        department_id="500238-zwfwzx",
        title="t",
        document_type="部门预算",
        source_file="x",
        overall_goal="g",
        government_fund_expenditure="false",
        key_special_fund_goals="false",
        performance_managed_amount="0",
        contact_name="c",
        contact_phone="17830058663",
    )
    add(
        p,
        "income",
        fiscal_year="2022",
        department_id="500238-zwfwzx",
        item="total",
        item_name="收入合计",
        amount="362.00",
    )


def economic_line(p, code, cost_type, amount, parent="total", fund="general_budget"):
    """One line of the basic expenditure by economic classification (the seed publishes none)."""
    add(p, "expenditure_by_economic", fiscal_year="2023", department_id="500238-zwfwzx", fund=fund, code=code,
        cost_type=cost_type, code_name=code, parent_code=parent, amount=amount, unit="万元")  # fmt: skip


def economic_parts_short(p):
    economic_line(p, "total", "personnel", "10", parent="", fund="appropriation")
    economic_line(p, "301", "personnel", "9", fund="appropriation")


def economic_columns_apart(p):
    for cost_type, amount in (("total", "10"), ("personnel", "6"), ("public", "3")):
        economic_line(p, "301", cost_type, amount, fund="appropriation")


def function_columns_apart(p):
    add(p, "expenditure_by_function", fiscal_year="2023", department_id="500238-zwfwzx", fund="all", item="total",
        cost_type="basic", item_name="合计", amount="225.67", unit="万元")  # fmt: skip
    add(p, "expenditure_by_function", fiscal_year="2023", department_id="500238-zwfwzx", fund="all", item="total",
        cost_type="project", item_name="合计", amount="130", unit="万元")  # fmt: skip


def changed_function_total(p):
    edit(p, "expenditure_by_function", {"item": "total"}, amount="361.67")
    edit(p, "expenditure_by_function", {"item": "201"}, amount="305.21")


# rule id -> (edit of the seed package, the (rule, line, field, severity) findings it must give)
CASES = {
    "income-total-mismatch": (
        lambda p: edit(p, "income", {"item": "total"}, amount="360.00"),
        [(8, "amount", "error")],
    ),
    "function-total-mismatch": (
        lambda p: edit(p, "expenditure_by_function", {"item": "201"}, amount="300"),
        [(7, "amount", "error")],
    ),
    "type-total-mismatch": (
        lambda p: edit(p, "expenditure_by_type", {**GB, "item": "project"}, amount="130"),
        [(6, "amount", "error")],
    ),
    "economic-total-mismatch": (economic_parts_short, [(2, "amount", "error")]),
    "function-column-mismatch": (function_columns_apart, [(7, "amount", "error")]),
    "economic-column-mismatch": (economic_columns_apart, [(2, "amount", "error")]),
    "economic-type-mismatch": (
        lambda p: economic_line(p, "total", "total", "225.00", parent=""),
        [(2, "amount", "error")],
    ),
    "fund-name-mismatch": (
        lambda p: edit(p, "operating_costs", {}, fund_name="全部资金"),
        [(2, "fund_name", "error")],
    ),
    "sangong-total-mismatch": (
        lambda p: edit(p, "sangong", {"item": "vehicle_operation"}, amount="5"),
        [(4, "amount", "error")],
    ),
    "procurement-total-mismatch": (
        lambda p: edit(p, "procurement", {**ALL, "item": "goods"}, amount="1"),
        [(4, "amount", "error")],
    ),
    "vehicle-total-mismatch": (
        lambda p: edit(p, "assets", {"measure": "holding", "item": "general_official"}, count="2"),
        [(4, "count", "error")],
    ),
    "income-expenditure-imbalance": (changed_function_total, [(8, "amount", "error")]),
    "general-budget-imbalance": (
        lambda p: edit(p, "income", {"item": "general_budget"}, amount="300"),
        [(4, "amount", "error")],
    ),
    "type-function-mismatch": (
        lambda p: edit(p, "expenditure_by_type", {**GB, "item": "total"}, amount="361.67"),
        [(6, "amount", "error")],
    ),
    "change-breakdown-mismatch": (
        lambda p: edit(p, "expenditure_by_type", {**GB, "item": "total"}, change="-2.39"),
        [(2, "change", "warning"), (6, "change", "error")],
    ),
    "change-word-mismatch": (
        lambda p: edit(p, "sangong", {"item": "reception"}, change="1", change_word="减少"),  # 增加0 is a warning
        [(3, "change_word", "error")],
    ),
    "change-word-unknown": (
        lambda p: edit(p, "sangong", {"item": "reception"}, change_word="不变"),
        [(3, "change_word", "warning")],
    ),
    "prior-year-mismatch": (prior_year_income, [(8, "change", "error")]),
    "change-rate-mismatch": (
        lambda p: edit(p, "income", {"item": "total"}, change_rate="-5"),
        [(8, "change_rate", "error")],
    ),
    "sangong-fund": (
        lambda p: edit(p, "sangong", {"item": "reception"}, fund="all", fund_name="全部资金"),
        [(3, "fund", "error")],
    ),
    "procurement-part-exceeds-total": (
        lambda p: edit(p, "procurement", {**GB, "item": "goods"}, amount="1"),
        [(6, "amount", "error")],
    ),
    "vehicle-costs-without-vehicles": (
        lambda p: [
            edit(p, "assets", {"measure": "holding", "item": i}, count="0") for i in ("total", "general_official")
        ],
        [(5, "amount", "warning")],
    ),
    "vehicle-purchase-count": (checks.vehicle_purchase_count, [(6, "amount", "error")]),
    "sangong-economic-line": (checks.sangong_economic_line, [(3, "amount", "error")]),
    "operating-costs-exceed-public": (checks.operating_costs_exceed_public, [(2, "amount", "error")]),
    "sme-reservation-exceeds-procurement": (checks.sme_reservation_exceeds_procurement, [(10, "amount", "error")]),
    "performance-base-mismatch": (checks.performance_base_mismatch, [(2, "performance_managed_amount", "warning")]),
    "vehicle-period-missing": (
        lambda p: edit(p, "assets", {"measure": "holding", "item": "total"}, as_of=""),
        [(4, "as_of", "error")],
    ),
    "kpi-weights-sum": (lambda p: edit(p, "kpis", KPI1, weight="25"), [(2, "weight", "error")]),
    "kpi-percent-range": (lambda p: edit(p, "kpis", KPI1, target_value="180"), [(2, "target_value", "error")]),
    "kpi-target-form": (lambda p: edit(p, "kpis", KPI1, operator="定性"), [(2, "target_text", "error")]),
    "function-code-name-mismatch": (
        lambda p: edit(p, "expenditure_by_function", {"item": "201"}, item_name="教育支出"),  # 205's name
        [(2, "item_name", "error")],
    ),
    "function-code-line": (
        lambda p: edit(p, "expenditure_by_function", {"item": "201"}, parent_item="205"),
        [(2, "parent_item", "error")],
    ),
    "function-code-unknown": (
        lambda p: edit(p, "expenditure_by_function", {"item": "201"}, function_code="20100"),  # no such 款
        [(2, "function_code", "warning")],
    ),
    "function-code-budget-type": (  # 201, 205, 210 and 221 head no 政府性基金 code in the 2023 list; 208 does
        lambda p: add_column(p, "expenditure_by_function", FUND_COLUMN, after="department_id", value="government_fund"),
        [(row, "function_code", "warning") for row in (2, 3, 5, 6)],
    ),
    "item-name-mismatch": (
        lambda p: edit(p, "income", {"item": "business"}, item_name="其他收入"),
        [(2, "item_name", "error")],
    ),
    "parent-missing": (
        lambda p: drop(p, "expenditure_by_type", {"item": "basic"}),
        [(2, "parent_item", "error"), (4, "parent_item", "error")],
    ),
    "credit-code-invalid": (
        lambda p: edit(p, "departments", {}, credit_code="91500238MA5U4LXL4C"),
        [(2, "credit_code", "error")],
    ),
    "division-code-invalid": (
        lambda p: edit(p, "departments", {}, division_code="990238"),
        [(2, "division_code", "error")],
    ),
    "required-part-missing": (lambda p: drop(p, "sangong", {"item": "reception"}), [(2, None, "error")]),
    "part-not-published": (
        lambda p: add(p, "disclosure_parts", fiscal_year="2023", department_id=DEPT, part="kpis", status="truncated"),
        [(2, "status", "warning")],
    ),
    "document-type-mismatch": (
        lambda p: edit(p, "disclosures", {}, document_type="部门决算"),
        [(2, "document_kind", "warning")],
    ),
    "profile-unknown": (lambda p: edit(p, "disclosures", {}, profile="xinjiang-budget"), [(2, "profile", "error")]),
    "required-field-missing": (lambda p: edit(p, "disclosures", {}, contact_name=""), [(2, "contact_name", "error")]),
    "none-statement-contradiction": (
        lambda p: edit(p, "income", {"item": "government_fund"}, amount="5"),
        [(2, "government_fund_expenditure", "error")],
    ),
    "amount-precision": (  # 38.205 元 is finer than a fen (38.205 万元 would not be: 万元 allows six decimals)
        lambda p: edit(p, "operating_costs", {}, amount="38.205", unit="元"),
        [(2, "amount", "error")],
    ),
    "number-not-plain": (lambda p: edit(p, "operating_costs", {}, amount="３８.２０"), [(2, "amount", "error")]),
    "formula-injection": (
        lambda p: edit(p, "operating_costs", {}, purpose='=HYPERLINK("http://x","点击")'),
        [(2, "purpose", "error")],
    ),
    "control-character": (
        lambda p: edit(p, "glossary", {"term_no": "2"}, definition="其他\x07收入"),
        [(3, "definition", "error")],
    ),
    "template-placeholder": (
        lambda p: edit(p, "disclosures", {}, overall_goal="XX单位待填写"),
        [(2, "overall_goal", "error")],
    ),
}


def test_every_rule_has_a_fixture():
    assert sorted(CASES) == sorted(rule.id for rule in RULES)


def test_the_seed_passes_every_rule_but_its_known_warning():
    report = validate(ROOT)
    assert report.valid
    assert [(f.rule, f.row, f.field, f.severity) for f in report.findings] == [
        ("change-breakdown-mismatch", 2, "change", "warning")  # 17.97 − 4.35 = 13.62 against 13.61, "main reasons"
    ]


@pytest.mark.parametrize("rule", sorted(CASES))
def test_rule_catches_its_fixture(rule, package_copy):
    mutate, expected = CASES[rule]
    mutate(package_copy)
    report = validate(package_copy, select=[rule])
    found = [(f.rule, f.row, f.field, f.severity) for f in report.findings]
    assert found == [(rule, *e) for e in expected]
    for finding in report.findings:
        assert finding.message_zh.startswith(finding.path) and finding.message_en.startswith(finding.path)
        assert finding.department_id == "500238-zwfwzx" or finding.resource == "departments"


def test_rounding_within_the_envelope_is_a_warning(package_copy):
    edit(package_copy, "expenditure_by_function", {"item": "201"}, amount="304.22")
    report = validate(package_copy, select=["function-total-mismatch"])
    (finding,) = report.findings
    assert (finding.severity, finding.values["gap"]) == ("warning", "-0.01")
    assert "舍入" in finding.message_zh and "rounding" in finding.message_en


def test_yuan_written_for_wanyuan_is_named(package_copy):
    edit(package_copy, "income", {"item": "total"}, amount="3606700")
    (finding,) = validate(package_copy, select=["income-total-mismatch"]).findings
    assert "元" in finding.message_zh and "10,000 times" in finding.message_en


def test_select_and_skip_by_tag(package_copy):
    edit(package_copy, "income", {"item": "total"}, amount="360.00")
    assert {f.rule for f in validate(package_copy, select=["balance"]).findings} == {"income-expenditure-imbalance"}
    skipped = validate(package_copy, skip=["sums", "balance", "changes"])
    assert skipped.valid


def test_kpi_weights_of_an_integer_weight_field(package_copy):
    """A schema may type the weight as integer: the rule compares in the field's own units."""
    import json

    schema_path = package_copy / "schemas" / "kpis.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    next(f for f in schema["fields"] if f["name"] == "weight")["type"] = "integer"
    schema_path.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    assert validate(package_copy, select=["kpi-weights-sum"]).findings == []
    edit(package_copy, "kpis", KPI1, weight="25")
    (finding,) = validate(package_copy, select=["kpi-weights-sum"]).findings
    assert finding.values == {"sum": "105.00"}


@pytest.mark.parametrize(
    ("year", "code", "nearest"),
    [
        ("2018", "224", "224 灾害防治及应急管理支出 (the 2019 list)"),  # the same code in the nearest year listing it
        ("2023", "2010199", "its parent 20101 人大事务 (the 2023 list)"),  # else its parent in this year
        ("2023", "29901", "none known"),
    ],
)
def test_an_unknown_code_names_the_nearest_known_entry(package_copy, year, code, nearest):
    edit(package_copy, "expenditure_by_function", {"item": "201"}, classification_year=year, function_code=code)
    report = validate(package_copy, select=["function-code-unknown"])
    (finding,) = report.findings
    assert (finding.severity, finding.values) == ("warning", {"expected": nearest, "found": code})
    assert nearest in finding.message_en and code in finding.message_zh
    assert report.valid  # the line is kept: a warning, never an error


def test_an_unknown_change_breakdown_is_the_enums_finding_not_a_crash(package_copy):
    """A `change_breakdown` outside its enum on a line whose change misses its parts: the cell is a constraint
    error, the line is not summed (what its text gives is unknown), and validate reports instead of failing."""
    where = {"fiscal_year": "2023", "item": "basic", "fund": "general_budget"}
    edit(package_copy, "expenditure_by_type", where, change_breakdown="bogus")
    report = validate(package_copy)
    found = {(f.rule, f.resource, f.row, f.field) for f in report.findings}
    assert ("constraint-error", "expenditure_by_type", 2, "change_breakdown") in found
    assert not any(
        f.rule == "change-breakdown-mismatch" and f.resource == "expenditure_by_type" for f in report.findings
    )
