"""What a disclosure must contain depends on the family of document it is: one profile per family.

A disclosure names its profile (`disclosures.profile`). A profile lists the parts its family always states,
each part a table and the lines that make it up, and the fields of `disclosures` it always fills in. The
completeness rule (`required-part-missing`), the Excel template (the lines it prints for the clerk) and the
submission check read this one table. A line names the key values that identify it; a row is that line when it
agrees on every key the line names, so ``{"item": "total"}`` is met by the total of any fund, and ``{}`` by
any row at all. A part naming a table (or a key column) the package does not have is simply missing.

A part the document does not publish is said so explicitly in `disclosure_parts` (not published, our copy
truncated, or not applicable), never by a zero. Breakdowns below a line (人员经费 and 公用经费, vehicles by kind,
the general budget's share of procurement) are stated where known but are not required.

The families are those of the real documents the model was tried with: Chongqing county narrative budgets
(the seed family), Chongqing 决算 narratives, 三公-only notes of five provinces, Shanghai district budgets and
决算 with their nine tables, and the Hubei 预算公开说明.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

DEFAULT_PROFILE = "chongqing-budget"
PROFILE_PATTERN = "[a-z0-9-]+"
STATUSES = ("not_published", "truncated", "not_applicable")

INCOME = ("general_budget", "government_fund", "state_capital", "business", "business_operation", "other", "total")
SANGONG = ("total", "outbound_travel", "reception", "vehicle_operation", "vehicle_purchase")
SANGONG_SPLIT = ("total", "outbound_travel", "vehicle", "vehicle_purchase", "vehicle_operation", "reception")
PROCUREMENT = ("total", "goods", "works", "services")
MEASURES = ("holding", "purchase_budget")
TYPES = ("total", "basic", "project")
# The fields a Chongqing county budget always fills in, each with the part of the text it is read from (so that
# `disclosure_parts` can say that part is not published): 绩效目标, the “无” statements, the contact.
CHONGQING_FIELDS = {
    "overall_goal": "performance",
    "government_fund_expenditure": "government-fund",
    "key_special_fund_goals": "performance",
    "performance_managed_amount": "performance",
    "contact_name": "contact",
    "contact_phone": "contact",
}


@dataclass(frozen=True)
class Part:
    """One part of a disclosure: its id in `disclosure_parts.part`, its table and the lines it is made of."""

    name: str
    resource: str
    lines: tuple[dict[str, str], ...] = ({},)


@dataclass(frozen=True)
class Profile:
    """A document family: the parts it always contains and the `disclosures` fields it always fills in (each
    field with the part of the text it is read from)."""

    name: str
    family: str
    parts: tuple[Part, ...] = ()
    fields: dict[str, str] = field(default_factory=dict)


def _items(name: str, resource: str, items: tuple[str, ...], **keys: str) -> Part:
    return Part(name, resource, tuple({**keys, "item": item} for item in items))


def _function(name: str, fund: str) -> Part:
    """A Shanghai function table of one fund: its total over basic and project expenditure."""
    return Part(name, "expenditure_by_function", ({"fund": fund, "cost_type": "total", "item": "total"},))


OPERATING_COSTS = Part("operating-costs", "operating_costs")
KPIS = Part("kpis", "kpis")
VEHICLES_HELD = Part("vehicles", "assets", ({"measure": "holding", "item": "total"},))
FUNCTION_TOTAL = _items("expenditure-by-function", "expenditure_by_function", ("total",))
BY_TYPE = _items("expenditure-by-type", "expenditure_by_type", TYPES)
# The nine Shanghai tables (收支总表, 收入, 支出, 财政拨款收支, 一般公共预算/政府性基金/国有资本经营 by function,
# 基本支出 by economic classification, 三公 and 机关运行经费) and the narrative's 采购, 绩效 and 资产 sections.
SHANGHAI_TABLES = (
    _items("income", "income", ("total",)),
    BY_TYPE,
    _function("function-general-budget", "general_budget"),
    _function("function-government-fund", "government_fund"),
    _function("function-state-capital", "state_capital"),
    Part("economic-basic", "expenditure_by_economic", ({"fund": "general_budget"},)),
    _items("sangong", "sangong", SANGONG_SPLIT),
    OPERATING_COSTS,
    _items("procurement", "procurement", ("total",)),
    VEHICLES_HELD,
)

PROFILES: dict[str, Profile] = {
    profile.name: profile
    for profile in (
        Profile(
            "chongqing-budget",
            "重庆区县部门（单位）预算情况说明 Chongqing county narrative budget: the seed (巫溪县政务服务中心 2023), "
            "万州区公路事务中心 2024, 奉节县汾河镇 2026, 荣昌区观胜镇产业发展服务中心 2026, 彭水县财政局 2026",
            (
                _items("income", "income", INCOME),
                FUNCTION_TOTAL,
                BY_TYPE,
                _items("sangong", "sangong", SANGONG, fund="general_budget"),
                OPERATING_COSTS,
                _items("procurement", "procurement", PROCUREMENT, fund="all"),
                Part("vehicles", "assets", tuple({"measure": m, "item": "total"} for m in MEASURES)),
                KPIS,
            ),
            CHONGQING_FIELDS,
        ),
        Profile(
            "chongqing-final",
            "重庆区县部门决算公开说明 Chongqing 决算 narrative: 开州区大进镇 2024, 江津区西湖镇 2024, "
            "渝中区解放碑中央商务区管委会 2023 (收支总体, 财政拨款, 一般公共预算支出, 三公, 机关运行经费, 采购, 资产)",
            (
                _items("income", "income", ("total",)),
                FUNCTION_TOTAL,
                BY_TYPE,
                _items("sangong", "sangong", SANGONG),
                OPERATING_COSTS,
                _items("procurement", "procurement", ("total",)),
                VEHICLES_HELD,
            ),
        ),
        Profile(
            "sangong-note",
            "“三公”经费预算/决算说明 三公-only note: 涪陵区新妙镇 2021, 黔江区本级 2017, 重庆市市级汇总 2024, "
            "皖江江南新兴产业集中区 2024, 金堂县官仓镇 2015, 绵竹市汇总 2025, 岳阳县台创园 2017",
            (_items("sangong", "sangong", ("total", "outbound_travel", "vehicle", "reception")),),
        ),
        Profile(
            "shanghai-budget",
            "上海区级部门（单位）预算 Shanghai district budget, sections 一..七 and nine tables: 普陀区司法局 2026, "
            "万里街道 2024 and 2025, 商务委员会 2025, 石泉路街道 2026",
            (*SHANGHAI_TABLES, KPIS),
        ),
        Profile(
            "shanghai-final",
            "上海区级部门决算 Shanghai district 决算, nine 决算 tables and 情况说明 一..十一: 普陀区财政局, "
            "规划和自然资源局, 区委社会工作部 2024",
            SHANGHAI_TABLES,
        ),
        Profile(
            "hubei-budget",
            "湖北预算公开说明 Hubei budget, ten sections (预算收支, 机关运行经费, 三公, 政府采购, 国有资产占用, "
            "重点项目绩效): 襄州区伙牌镇 2025",
            (
                _items("income", "income", ("total",)),
                FUNCTION_TOTAL,
                _items("sangong", "sangong", ("total", "outbound_travel", "vehicle", "reception")),
                OPERATING_COSTS,
                _items("procurement", "procurement", ("total",)),
                VEHICLES_HELD,
                KPIS,
            ),
        ),
        Profile("generic", "任何公开文件 any document: nothing is required"),
    )
}


def profile_lines(profile: str | None) -> dict[str, list[dict[str, str]]]:
    """The lines a disclosure of ``profile`` must list, by table, in the order its form lists them
    (unknown profile: the default's, so that a form can still be printed)."""
    lines: dict[str, list[dict[str, str]]] = {}
    for part in PROFILES.get(profile or DEFAULT_PROFILE, PROFILES[DEFAULT_PROFILE]).parts:
        lines.setdefault(part.resource, []).extend(dict(line) for line in part.lines)
    return lines


def profile_of(row: dict[str, Any] | None) -> str:
    """The profile a disclosure row names (blank or absent: the default)."""
    return str((row or {}).get("profile") or DEFAULT_PROFILE)


# resource -> the lines a disclosure of the default profile (the seed family) must publish
REQUIRED_LINES: dict[str, list[dict[str, str]]] = profile_lines(DEFAULT_PROFILE)
