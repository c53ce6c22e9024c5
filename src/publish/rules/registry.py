"""The registry: every budget rule in one ordered tuple, with its id, severity, tags and titles.

`ALL` adds the ids the other parts report (`publish.rules.reported`): every id any command emits.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from publish.core import Finding
from publish.rules import (
    balance,
    changes,
    code_list,
    codes,
    completeness,
    crosstabs,
    identifiers,
    specifics,
    text,
    totals,
)
from publish.rules import rows as row_rules
from publish.rules.base import Context, Registered, Rule
from publish.rules.ceilings import operating_costs, sme_reservation
from publish.rules.document import type_mismatches as document_types
from publish.rules.performance import base_mismatch as performance_base
from publish.rules.reported import REPORTED
from publish.rules.sangong_lines import economic_lines, vehicle_purchases

THREADS = min(4, os.cpu_count() or 1)


def _sums(resource: str):
    return lambda rule, ctx: totals.sum_mismatches(rule, ctx, resource)


def _columns(resource: str):
    return lambda rule, ctx: crosstabs.column_mismatches(rule, ctx, resource)


def _breakdowns(rule: Rule, ctx: Context) -> Iterable[Finding]:
    for resource in totals.GROUPS:
        yield from totals.breakdown_mismatches(rule, ctx, resource)


# fmt: off
# id (public API), default severity, tags, title in Chinese, title in English, the check
RULES: tuple[Rule, ...] = (
    Rule("income-total-mismatch", "error", ("sums",), "收入合计不等于各来源之和", "Income total differs from the sum of its sources", _sums("income")),
    Rule("function-total-mismatch", "error", ("sums", "codes"), "支出合计（或类、款）不等于其下级之和", "An expenditure total (or class, section) differs from the sum of its parts", _sums("expenditure_by_function")),
    Rule("type-total-mismatch", "error", ("sums",), "基本支出与项目支出之和不等于支出合计", "Basic + project expenditure differs from the total", _sums("expenditure_by_type")),
    Rule("economic-total-mismatch", "error", ("sums", "economic"), "经济分类的类不等于其下各款之和（或合计不等于各类之和）", "An economic class (or the total) differs from the sum of its sections (classes)", _sums("expenditure_by_economic")),
    Rule("function-column-mismatch", "error", ("sums", "codes"), "功能分类科目的合计不等于基本支出与项目支出之和", "A function line's total differs from basic + project", _columns("expenditure_by_function")),
    Rule("economic-column-mismatch", "error", ("sums", "economic"), "经济分类科目的合计不等于人员经费与公用经费之和", "An economic line's total differs from personnel + public", _columns("expenditure_by_economic")),
    Rule("economic-type-mismatch", "error", ("balance", "economic"), "经济分类表的合计、人员经费、公用经费与按类型的基本支出、人员经费、日常公用经费不符", "The economic table's column totals differ from basic, personnel and public operating expenditure by type", crosstabs.economic_type),
    Rule("sangong-total-mismatch", "error", ("sums", "sangong"), "“三公”经费合计不等于各项之和", "The 'three public' total differs from its items", _sums("sangong")),
    Rule("procurement-total-mismatch", "error", ("sums", "procurement"), "政府采购总额不等于货物、工程、服务之和", "Procurement total differs from goods + works + services", _sums("procurement")),
    Rule("vehicle-total-mismatch", "error", ("sums", "vehicles"), "车辆合计不等于各类车辆之和", "Vehicle total differs from the sum of its kinds", _sums("assets")),
    Rule("income-expenditure-imbalance", "error", ("balance",), "收入合计不等于支出合计（收支不平衡）", "Income total differs from expenditure total", balance.income_expenditure),
    Rule("general-budget-imbalance", "error", ("balance",), "一般公共预算拨款收入不等于其支出", "General-budget income differs from general-budget expenditure", balance.general_budget),
    Rule("type-function-mismatch", "error", ("balance",), "按类型的支出合计不等于按功能分类的支出合计", "Expenditure by type differs from expenditure by function", balance.type_function),
    Rule("change-breakdown-mismatch", "error", ("changes",), "所述增减不等于其组成项增减之和", "A stated change differs from the sum of its stated parts", _breakdowns),
    Rule("change-word-mismatch", "error", ("changes",), "增减用词与增减额的符号矛盾", "The change word contradicts the change's sign", row_rules.model_rule(row_rules.describe_change_word)),
    Rule("change-word-unknown", "warning", ("changes",), "增减用词不在已知用词中（按原文保留）", "A change word is not a known one (kept as published)", changes.unknown_words),
    Rule("prior-year-mismatch", "error", ("changes",), "所述增减不等于本年减上年公布数", "A stated change differs from this year minus the published prior year", changes.prior_year),
    Rule("change-rate-mismatch", "error", ("changes",), "所述增减幅度与增减额不符", "A stated growth rate does not match the change", changes.stated_rates),
    Rule("sangong-fund", "error", ("sangong",), "“三公”经费各行不在同一资金范围（一般公共预算财政拨款、财政拨款或全部资金）", "The 'three public' lines are split across funds", specifics.sangong_fund),
    Rule("procurement-part-exceeds-total", "error", ("procurement",), "一般公共预算拨款采购超过采购总额", "The general-budget part of procurement exceeds the total", specifics.procurement_part),
    Rule("vehicle-costs-without-vehicles", "warning", ("vehicles", "sangong"), "无车辆却安排公务用车运行维护费", "Vehicle running costs with no vehicles held", specifics.vehicle_costs),
    Rule("vehicle-purchase-count", "error", ("vehicles", "sangong"), "安排购置车辆数与公务用车购置费不一致（一为零、一不为零）", "Vehicles to buy and vehicle purchase costs disagree (one is zero, the other not)", vehicle_purchases),
    Rule("sangong-economic-line", "error", ("sangong", "economic"), "“三公”经费与基本支出经济分类科目（30212、30217、30231、31013）四舍五入后不符", "A 三公 item differs from its economic line (30212, 30217, 30231, 31013) rounded half-up", economic_lines),
    Rule("operating-costs-exceed-public", "error", ("operating",), "机关运行经费超过一般公共预算日常公用经费", "Operating costs exceed the general budget's 日常公用经费", operating_costs),
    Rule("sme-reservation-exceeds-procurement", "error", ("procurement",), "面向中小企业预留的采购预算超过政府采购预算总额", "Procurement reserved for small and medium firms exceeds the procurement total", sme_reservation),
    Rule("performance-base-mismatch", "warning", ("performance",), "绩效目标管理涉及金额与说明所称的支出口径不符", "The amount under performance management differs from the expenditure its statement names", performance_base),
    Rule("vehicle-period-missing", "error", ("vehicles",), "车辆数缺少截止年月或预算年度", "A vehicle count lacks its month or budget year", row_rules.model_rule(row_rules.describe_vehicle_period)),
    Rule("kpi-weights-sum", "error", ("kpis",), "同一绩效目标的指标权重之和不为 100（决算自评可为 90），或只部分填写", "Indicator weights of a goal do not add up to 100 (90 in a 决算 self-evaluation), or are given for some only", specifics.kpi_weights),
    Rule("kpi-percent-range", "error", ("kpis",), "百分比指标值不在 0–100 之间（增长率、完成率等除外）", "A percentage target is outside 0–100 (growth and completion rates aside)", row_rules.model_rule(row_rules.describe_percent)),
    Rule("kpi-target-form", "error", ("kpis",), "指标值形式与指标性质不符", "The target's form does not match its operator", row_rules.model_rule(row_rules.describe_target_form)),
    Rule("function-code-name-mismatch", "error", ("codes",), "功能分类科目名称与当年科目表不符（另一科目的名称为错误，其他写法为警告）", "A function code's name differs from that year's code list (another code's name: error; other wording: warning)", codes.code_names),
    Rule("function-code-line", "error", ("codes",), "功能分类科目行的代码、上级或年度不一致", "A function line's key, parent or code year is inconsistent", codes.code_lines),
    Rule("function-code-unknown", "warning", ("codes",), "功能分类科目不在当年科目表中（行照常保留，提示最接近的已知条目；没有当年科目表的，每个部门年度提示一次）", "A function code is not in that year's code list (the line is kept; the nearest known entry is named; a year with no list is one warning per disclosure)", code_list.unknown_codes),
    Rule("function-code-budget-type", "warning", ("codes",), "功能分类科目与表的资金来源（一般公共预算、政府性基金、国有资本经营）不属同一预算", "A function code does not belong to the budget of its table's fund (general, government fund, state capital)", code_list.budget_types),
    Rule("fund-name-mismatch", "error", ("codes",), "资金范围代码与资金范围名称不对应（另一资金范围的名称为错误，其他写法为警告）", "A fund key and its name do not match (another fund's name: error; other wording: warning)", codes.fund_names),
    Rule("item-name-mismatch", "error", ("codes",), "项目代码与项目名称不对应（另一项目的名称为错误，其他写法为警告）", "A line key and its name do not match (another key's name: error; other wording: warning)", codes.item_names),
    Rule("parent-missing", "error", ("sums",), "上级项目不存在", "A line's parent line does not exist", codes.unknown_parents),
    Rule("credit-code-invalid", "error", ("codes",), "统一社会信用代码校验不通过（GB 32100）", "A 统一社会信用代码 fails its GB 32100 check", identifiers.credit_codes),
    Rule("division-code-invalid", "error", ("codes",), "行政区划代码不是有效的 GB/T 2260 代码", "A division code is not a valid GB/T 2260 code", identifiers.division_codes),
    Rule("required-part-missing", "error", ("completeness",), "公开文件缺少其文件类型要求的部分（须明确填 0 或“无”，或在 disclosure_parts 中说明未公开）", "A disclosure lacks a part its profile requires (publish explicit zeros or 'none', or list it in disclosure_parts)", completeness.missing_parts),
    Rule("part-not-published", "warning", ("completeness",), "公开文件未公开某部分（或文本不完整），不等于 0", "A part is listed as not published (or our copy is truncated): it is not a zero", completeness.unpublished_parts),
    Rule("document-type-mismatch", "warning", ("completeness",), "公布的文件类型（预算、调整预算、决算）与文件种类不符", "The published document type (budget, adjusted budget, final account) contradicts document_kind", document_types),
    Rule("profile-unknown", "error", ("completeness",), "公开文件的文件类型未知，无法判断必须公开的部分", "A disclosure's profile is unknown, so its required parts cannot be checked", completeness.unknown_profiles),
    Rule("required-field-missing", "error", ("completeness",), "文件类型要求填写的公开文件字段为空", "A disclosures field the profile requires is empty", completeness.missing_fields),
    Rule("none-statement-contradiction", "error", ("completeness",), "“无”的表述与金额矛盾", "A 'none' statement contradicts the amounts", completeness.none_contradictions),
    Rule("amount-precision", "error", ("amounts",), "金额比一分钱还细（元最多两位、万元六位、亿元十位小数）", "An amount is finer than a fen (元: 2 decimals, 万元: 6, 亿元: 10)", text.precision),
    Rule("number-not-plain", "error", ("amounts", "text"), "数字不是普通的阿拉伯数字写法（全角、科学计数法等）", "A number is not written with plain ASCII digits", text.plain_numbers),
    Rule("formula-injection", "error", ("security", "text"), "文字以 = + - @ 或制表符开头，Excel 会当作公式执行", "Text starting with = + - @ or a tab runs as a formula in Excel", text.formulas),
    Rule("control-character", "error", ("security", "text"), "文字中含有不可见的控制字符", "Text holds an invisible control character", text.control_characters),
    Rule("template-placeholder", "error", ("text",), "文字中留有模板占位符（XX、××、待填写）", "Leftover template text (XX, ××, 待填写)", text.placeholders),
)
# fmt: on
ALL: tuple[Registered, ...] = RULES + REPORTED
BY_ID: dict[str, Registered] = {rule.id: rule for rule in ALL}


def selected(select: Iterable[str] = (), skip: Iterable[str] = ()) -> list[Rule]:
    """The rules named (by id or tag) in ``select`` (all when empty), less those in ``skip``."""
    select, skip = set(select), set(skip)
    return [rule for rule in RULES if wanted(rule.id, rule.tags, select, skip)]


def wanted(rule: str, tags: Iterable[str], select: Iterable[str] = (), skip: Iterable[str] = ()) -> bool:
    """Whether ``--select``/``--skip`` keep the rule ``rule`` with ``tags``: named (by id or tag) in ``select``
    or ``select`` empty, and named in neither way in ``skip``."""
    names = {rule, *tags}
    return (not select or not names.isdisjoint(select)) and names.isdisjoint(skip)


def run_rules(ctx: Context, rules: Iterable[Rule], progress=None) -> list[Finding]:
    """Every rule's findings, in registry order; rules run side by side (polars works outside the GIL).

    ``progress(stage, done, total)``, if given, is called as each rule finishes.
    """
    from concurrent.futures import ThreadPoolExecutor

    rules = list(rules)
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        if any(getattr(rule.run, "uses_models", False) for rule in rules):
            pool.submit(row_rules.model_failures, ctx)  # first, beside the other rules; the pandera rules wait for it
        found = []
        for findings in pool.map(lambda rule: list(rule.run(rule, ctx)), rules):
            found.append(findings)
            if progress:
                progress("rules", len(found), len(rules))
    return [finding for findings in found for finding in findings]
