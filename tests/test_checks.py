"""Checks real documents fail (issue 16): each rule passes an excerpt keyed from a published document and catches
the same excerpt with one figure changed (the failing fixtures named after the ids are in tests/test_rules.py).

Each excerpt names its source: the document's title and the SOURCE line of the corpus copy it was read from.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

import pytest

from publish.rules.performance import named_base
from publish.rules.yuan import half_up, rounded_pair, yuan
from publish.validate.run import validate
from tests.checks_support import disclosure_key, economic_table, put, widen_enum, with_unit
from tests.mutate import edit, read_table, write_table

GB = {"fund": "general_budget"}


def findings(package: Path, rule: str, resource: str | None = None) -> list[tuple]:
    """(line, field, severity, values) of the findings of ``rule`` alone (on ``resource`` only, if given)."""
    report = validate(package, select=[rule])
    return [(f.row, f.field, f.severity, f.values) for f in report.findings if resource in (None, f.resource)]


def sangong(fund: str, fund_name: str, lines: list[tuple], breakdown: str = "") -> list[dict[str, str]]:
    """三公 rows from (item, name, parent, amount, change); ``breakdown`` on the total."""
    rows = []
    for item, name, parent, amount, change in lines:
        row = {"fund": fund, "fund_name": fund_name, "item": item, "item_name": name, "parent_item": parent}
        row |= {"amount": amount, "change": change, "change_breakdown": breakdown if item == "total" else ""}
        rows.append(row)
    return rows


# 皖江江南新兴产业集中区(管委会)2024年一般公共预算“三公”经费预算 — SOURCE: https://jnjzq.chizhou.gov.cn/
# OpennessContent/show/1512923.html: "支出预算为328.7万元,比2023年预算减少17.3万元 … (一)因公出国(境)费支出预算10万元,
# 与2023年预算持平 … (二)公务用车购置及运行费支出预算78.7万元,比2023年预算减少7.3万元 … 其中:公务用车运行费35.7万元,
# 比2023年预算减少1.3万元 … 公务用车购置费43万元,比2023年预算减少6万元 … (三)公务接待费支出预算240万元,比2023年预算
# 减少10万元" — no sentence says whether the items are the whole breakdown: the 三公 table is its items.
CHIZHOU = [
    ("total", "“三公”经费合计", "", "328.7", "-17.3"),
    ("outbound_travel", "因公出国(境)费", "total", "10", "0"),
    ("vehicle", "公务用车购置及运行费", "total", "78.7", "-7.3"),
    ("vehicle_operation", "公务用车运行费", "vehicle", "35.7", "-1.3"),
    ("vehicle_purchase", "公务用车购置费", "vehicle", "43", "-6"),
    ("reception", "公务接待费", "total", "240", "-10"),
]


def test_sangong_change_sums_hold_by_default(package_copy):
    put(package_copy, "sangong", sangong("general_budget", "一般公共预算财政拨款", CHIZHOU))
    assert findings(package_copy, "change-breakdown-mismatch", "sangong") == []


@pytest.mark.parametrize(("breakdown", "severity"), [("", "error"), ("complete", "error"), ("main-reasons", "warning")])
def test_sangong_change_sums_fail_on_by_default(package_copy, breakdown, severity):
    """The same excerpt with 公务接待费 −12 (not −10): the items' changes add up to −19.3, not −17.3."""
    lines = [(*line[:4], "-12") if line[0] == "reception" else line for line in CHIZHOU]
    put(package_copy, "sangong", sangong("general_budget", "一般公共预算财政拨款", lines, breakdown))
    assert findings(package_copy, "change-breakdown-mismatch", "sangong") == [
        (2, "change", severity, {"stated": "-17.30", "sum": "-19.30"})
    ]


def test_sangong_changes_not_all_stated_are_not_summed_by_default(package_copy):
    """An item without a stated change (and no `change_breakdown`) leaves the total's change unchecked."""
    lines = [(*line[:4], "") if line[0] == "reception" else line for line in CHIZHOU]
    put(package_copy, "sangong", sangong("general_budget", "一般公共预算财政拨款", lines))
    assert findings(package_copy, "change-breakdown-mismatch", "sangong") == []


# 上海市普陀区2024年区级部门预算 (普陀区万里街道办事处) — SOURCE: github:zxj6827111-blip/GovBudgetChecker X/上海市普陀区
# 人民政府万里街道办事处24年预算.pdf: "其中：公务用车购置费25万元，比2023年预算增加25万元，主要原因是购置公务用车" and
# "2024年部门预算安排购置车辆1辆，其中：…其他用车1辆".
def purchase(package: Path, vehicles: str, fee: str) -> None:
    year = disclosure_key(package)["fiscal_year"]
    edit(package, "assets", {"measure": "purchase_budget", "item": "total"}, count=vehicles, budget_year=year)
    edit(package, "sangong", {"item": "vehicle_purchase"}, amount=fee)


def test_vehicles_bought_with_a_purchase_fee_pass(package_copy):
    purchase(package_copy, "1", "25")
    assert findings(package_copy, "vehicle-purchase-count") == []


@pytest.mark.parametrize(("vehicles", "fee", "values"), [("0", "25", ("25.00", 0)), ("1", "0", ("0.00", 1))])
def test_vehicles_and_purchase_fee_disagreeing_fail(package_copy, vehicles, fee, values):
    purchase(package_copy, vehicles, fee)
    (finding,) = validate(package_copy, select=["vehicle-purchase-count"]).findings
    assert (finding.row, finding.field, finding.severity) == (6, "amount", "error")
    assert (finding.values["amount"], finding.values["vehicles"]) == values
    assert f"{values[0]} 万元" in finding.message_zh and f"为 {values[1]} 辆" in finding.message_zh
    assert "assets.csv line 7" in finding.message_en


def test_vehicles_counted_for_another_year_are_not_compared(package_copy):
    """The seed says "2022年一般公共预算安排购置车辆0辆" in its 2023 budget: that count is not this year's purchase."""
    edit(package_copy, "assets", {"measure": "purchase_budget", "item": "total"}, count="1")
    assert findings(package_copy, "vehicle-purchase-count") == []


# 上海市普陀区2026年区级部门预算 (普陀区司法局) — SOURCE: github:zxj6827111-blip/GovBudgetChecker tmp/pdfs/
# shpt_sfj_2026_budget.pdf: table 8 (单位：元) "合计 25741666.44 23563342.00 2178324.44" (合计 人员经费 公用经费) and
# "2026年…财政拨款的机关运行经费预算为217.83万元" (table 9, 单位:万元).
def public_operating_in_yuan(package: Path, amount: str) -> None:
    with_unit(package, "expenditure_by_type")
    edit(package, "expenditure_by_type", {**GB, "item": "public_operating"}, amount=amount, unit="元")


def test_operating_costs_within_public_operating_pass(package_copy):
    public_operating_in_yuan(package_copy, "2178324.44")
    edit(package_copy, "operating_costs", {}, amount="217.83")
    assert findings(package_copy, "operating-costs-exceed-public") == []


def test_operating_costs_above_public_operating_fail(package_copy):
    public_operating_in_yuan(package_copy, "2178324.44")
    edit(package_copy, "operating_costs", {}, amount="217.84")
    expected = {"operating_costs": "217.84", "public_operating": "217.832444", "unit": "万元"}
    assert findings(package_copy, "operating-costs-exceed-public") == [(2, "amount", "error", expected)]


# The same document: "2026年本部门政府采购预算1486.42万元 … 2026年本部门面向中小企业预留政府采购项目预算金额1486.42万元".
def reserved(package: Path, amount: str) -> None:
    widen_enum(package, "procurement", "item", "sme_reserved")
    edit(package, "procurement", {"fund": "all", "item": "total"}, amount="1486.42")
    columns, rows = read_table(package, "procurement")
    row = {**rows[2], "item": "sme_reserved", "item_name": "面向中小企业预留", "parent_item": "", "amount": amount}
    write_table(package, "procurement", columns, [*rows, row])


def test_sme_reservation_of_the_whole_procurement_passes(package_copy):
    reserved(package_copy, "1486.42")
    assert findings(package_copy, "sme-reservation-exceeds-procurement") == []


def test_sme_reservation_above_procurement_fails(package_copy):
    reserved(package_copy, "1486.43")
    expected = {"reserved": "1486.43", "total": "1486.42", "unit": "万元"}
    assert findings(package_copy, "sme-reservation-exceeds-procurement") == [(10, "amount", "error", expected)]


# The same document: "编报绩效目标的项目20个，涉及项目预算资金7054.05万元" and table 2 (单位：元) "204 公共安全支出
# 87267272.44 16726725.44 70540547.00" (合计 基本支出 项目支出; the department's only class).
SIFAJU_STATEMENT = (
    "本部门2个预算单位开展了2026年项目预算绩效目标编报工作，编报绩效目标的项目20个，涉及项目预算资金7054.05万元。"
)


def project_base(package: Path, project: str, managed: str) -> None:
    with_unit(package, "expenditure_by_type")
    columns, rows = read_table(package, "expenditure_by_type")
    line = {**rows[2], "fund": "all", "fund_name": "全部资金", "item": "project", "amount": project, "unit": "元"}
    write_table(package, "expenditure_by_type", columns, [*rows, line])
    edit(package, "disclosures", {}, performance_managed_amount=managed, performance_statement=SIFAJU_STATEMENT)


def test_performance_amount_equal_to_the_named_base_passes(package_copy):
    project_base(package_copy, "70540547.00", "7054.05")
    assert findings(package_copy, "performance-base-mismatch") == []


def test_performance_amount_off_the_named_base_fails(package_copy):
    project_base(package_copy, "70640547.00", "7054.05")
    expected = {"stated": "7054.05", "base": "7064.05", "unit": "万元"}
    assert findings(package_copy, "performance-base-mismatch") == [
        (2, "performance_managed_amount", "warning", expected)
    ]


def test_a_statement_naming_no_base_is_not_checked(package_copy):
    edit(package_copy, "disclosures", {}, performance_managed_amount="1", performance_statement="涉及资金1万元。")
    assert findings(package_copy, "performance-base-mismatch") == []


@pytest.mark.parametrize(
    ("statement", "base"),
    [
        # the seed: 巫溪县政务服务中心2023年部门预算情况说明 (the 项目支出 before 涉及 is not the base)
        ("2023年项目支出均实行了绩效目标管理，涉及一般公共预算当年财政拨款360.67万元。", ("general_budget", "total")),
        (SIFAJU_STATEMENT, ("all", "project")),
        # 上海市普陀区2026年区级单位预算 (石泉路街道办事处（本级）) — SOURCE: GovBudgetChecker tmp/shiquan_unit26_pages.json
        ("2026年度，本单位编报绩效目标的项目共41个，涉及项目预算资金4,929.31万元。", ("all", "project")),
        ("涉及政府性基金预算项目支出30万元", ("government_fund", "project")),
        ("涉及财政拨款基本支出 12 万元", ("appropriation", "basic")),
        ("涉及资金100万元", None),
        ("2023年我单位没有县级重点专项资金绩效目标编制。", None),
        (None, None),
    ],
)
def test_the_base_a_statement_names(statement, base):
    assert named_base(statement) == base


# 三公 against the economic lines, two Shanghai documents of the same template:
# 上海市普陀区2026年区级部门预算 (普陀区司法局) — SOURCE: github:zxj6827111-blip/GovBudgetChecker tmp/pdfs/
# shpt_sfj_2026_budget.pdf: table 8 (单位：元) "302 17 公务接待费 8265.00", "302 31 公务用车运行维护费 99750.00";
# table 9 (单位:万元) "10.81 0 0.83 9.98 0 9.98" (合计 出国 接待 小计 购置 运行), 三公 as 区级财政拨款.
SIFAJU = (
    [
        ("general_budget", "30217", "公务接待费", "8265.00", "元"),
        ("general_budget", "30231", "公务用车运行维护费", "99750.00", "元"),
    ],
    [
        ("total", "“三公”经费合计", "", "10.81", ""),
        ("outbound_travel", "因公出国(境)费", "total", "0", ""),
        ("reception", "公务接待费", "total", "0.83", ""),
        ("vehicle", "公务用车购置及运行费", "total", "9.98", ""),
        ("vehicle_purchase", "购置费", "vehicle", "0", ""),
        ("vehicle_operation", "运行费", "vehicle", "9.98", ""),
    ],
)
# 上海市普陀区2026年区级单位预算 (石泉路街道办事处（本级）) — SOURCE: github:zxj6827111-blip/GovBudgetChecker
# tmp/shiquan_unit26_pages.json: table 8 "302 17公务接待费 15,250 15,250", "302 31公务用车运行维护费 70,000 70,000";
# table 9 "8.53 1.53 7 7 386.02" (zero cells dropped: 合计 8.53, 接待 1.53, 小计 7, 运行 7). 15,250 元 is 1.525 万元:
# published as 1.53, half-up (half-even would give 1.52).
SHIQUAN = (
    [
        ("general_budget", "30217", "公务接待费", "15250", "元"),
        ("general_budget", "30231", "公务用车运行维护费", "70000", "元"),
    ],
    [
        ("total", "“三公”经费合计", "", "8.53", ""),
        ("reception", "公务接待费", "total", "1.53", ""),
        ("vehicle", "公务用车购置及运行费", "total", "7", ""),
        ("vehicle_operation", "运行费", "vehicle", "7", ""),
    ],
)


def economic_excerpt(package: Path, excerpt: tuple, changed: dict[str, str] | None = None) -> None:
    lines, items = excerpt
    items = [(*i[:3], (changed or {}).get(i[0], i[3]), i[4]) for i in items]
    economic_table(package, lines)
    put(package, "sangong", sangong("appropriation", "财政拨款", items))


@pytest.mark.parametrize("excerpt", [SIFAJU, SHIQUAN], ids=["sifaju", "shiquan"])
def test_sangong_items_equal_to_their_economic_lines_pass(package_copy, excerpt):
    economic_excerpt(package_copy, excerpt)
    assert findings(package_copy, "sangong-economic-line") == []


def test_half_up_not_half_even():
    """Why the rounding is half-up: the published 1.53 for 15,250 元."""
    line = Decimal(15250) / 10_000
    assert half_up(line, Decimal("0.01")) == Decimal("1.53") != line.quantize(Decimal("0.01"), ROUND_HALF_EVEN)


def test_a_sangong_item_below_its_economic_line_fails(package_copy):
    economic_excerpt(package_copy, SHIQUAN, {"reception": "1.52"})
    expected = {"stated": "1.52", "line": "15250.00", "rounded": "1.53", "code": "30217"}
    assert findings(package_copy, "sangong-economic-line") == [(3, "amount", "error", expected)]


def test_a_sangong_item_above_its_basic_economic_line_is_a_warning(package_copy):
    """Project expenditure may carry the rest: 购置费 25 万元 against a basic-expenditure 31013 of 0."""
    lines, items = SIFAJU
    economic_excerpt(package_copy, ([*lines, ("general_budget", "31013", "公务用车购置", "0", "元")], items))
    edit(package_copy, "sangong", {"item": "vehicle_purchase"}, amount="25")
    expected = {"stated": "25.00", "line": "0.00", "rounded": "0.00", "code": "31013"}
    assert findings(package_copy, "sangong-economic-line") == [(6, "amount", "warning", expected)]


def test_no_economic_table_no_finding(package_copy):
    assert findings(package_copy, "sangong-economic-line") == []


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ({"amount": 826500}, Decimal(82650000)),  # 8265.00 万元 (a table without `unit`)
        ({"amount": 826500, "unit": "元"}, Decimal(8265)),
        ({"amount": 608, "unit": "亿元"}, Decimal(608000000)),
        ({"amount": None, "unit": "元"}, None),
    ],
)
def test_yuan_reads_the_row_unit(row, expected):
    assert yuan(row) == expected


def test_rounded_pair_uses_the_coarser_precision():
    assert rounded_pair(Decimal("2178300"), Decimal(100), Decimal("2178324.44"), Decimal("0.01")) == (
        Decimal("2178300"),
        Decimal("2178300"),
    )
