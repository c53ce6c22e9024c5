"""The rows of one synthetic department-year, valid by construction.

Every figure is an integer number of hundredths of 万元, drawn from a generator seeded by
(seed, department, year), so the same call always gives the same rows and a department's prior
year can be recomputed: a stated change is exactly this year's amount minus last year's, even
for the first year in the corpus. Totals are sums of their parts; words follow the signs.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

# (code, level name, parent code or "total", name) — the 2024 codes observed in published tables.
FUNCTION_TREE = [
    ("201", "一般公共服务支出", "total"),
    ("20106", "财政事务", "201"),
    ("2010601", "行政运行", "20106"),
    ("2010602", "一般行政管理事务", "20106"),
    ("208", "社会保障和就业支出", "total"),
    ("20805", "行政事业单位养老支出", "208"),
    ("2080505", "机关事业单位基本养老保险缴费支出", "20805"),
    ("2080506", "机关事业单位职业年金缴费支出", "20805"),
    ("210", "卫生健康支出", "total"),
    ("21011", "行政事业单位医疗", "210"),
    ("2101101", "行政单位医疗", "21011"),
]
LEAF_SHARES = {"2010601": 60, "2010602": 20, "2080505": 9, "2080506": 4, "2101101": 7}
INCOME = [
    ("general_budget", "一般公共预算拨款"),
    ("government_fund", "政府性基金预算拨款"),
    ("state_capital", "国有资本经营预算收入"),
    ("business", "事业收入"),
    ("business_operation", "事业单位经营收入"),
    ("other", "其他收入"),
]
SANGONG = [
    ("outbound_travel", "因公出国（境）费用"),
    ("reception", "公务接待费"),
    ("vehicle_operation", "公务用车运行维护费"),
    ("vehicle_purchase", "公务用车购置费"),
]
PROCUREMENT = [("goods", "政府采购货物预算"), ("works", "政府采购工程预算"), ("services", "政府采购服务预算")]
FUNDS = {"all": "全部资金", "general_budget": "一般公共预算财政拨款"}
GB = "general_budget"
KPI_NAMES = [
    ("办件时限压缩率", "%", "≥"),
    ("群众满意度", "%", "≥"),
    ("重点工作完成率", "%", "≥"),
    ("项目资金支付率", "%", "≥"),
    ("政策知晓率", "%", "≥"),
    ("培训人次", "人次", "≥"),
    ("检查覆盖次数", "次", "≥"),
    ("办结时限", "天", "≤"),
    ("服务窗口数量", "个", "≥"),
    ("制度执行情况", "", "定性"),
]
GLOSSARY = [
    ("财政拨款收入", "指本年度从本级财政部门取得的财政拨款，包括一般公共预算财政拨款和政府性基金预算财政拨款。"),
    ("其他收入", "指单位取得的除“财政拨款收入”、“事业收入”、“经营收入”等以外的收入。"),
    ("基本支出", "指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。"),
    ("项目支出", "指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。"),
    ("“三公”经费", "指用一般公共预算财政拨款安排的因公出国（境）费、公务用车购置及运行维护费、公务接待费。"),
]


@dataclass(frozen=True)
class Department:
    department_id: str
    name: str
    division_code: str
    division_name: str
    seed: int


def money(centi: int) -> str:
    """Integer hundredths as the published figure: 36067 -> '360.67', 13500 -> '135'."""
    sign, centi = ("-" if centi < 0 else ""), abs(centi)
    whole, cents = divmod(centi, 100)
    return f"{sign}{whole}" if cents == 0 else f"{sign}{whole}.{cents:02d}"


def word(change: int) -> str:
    return "增加" if change > 0 else "减少" if change < 0 else "持平"


def figures(dept: Department, year: int) -> dict[str, int]:
    """Every amount of one department-year, in hundredths of 万元."""
    size = random.Random(f"{dept.seed}:size").randint(8_000, 400_000)
    has_business = size % 3 == 0
    has_vehicles = size % 4 != 0
    rng = random.Random(f"{dept.seed}:{year}")
    personnel = size * rng.randint(45, 60) // 100
    public_operating = size * rng.randint(8, 15) // 100
    project = size * rng.randint(10, 40) // 100
    general = personnel + public_operating + project
    f = {"personnel": personnel, "public_operating": public_operating, "project": project, "general": general}
    f["business"] = size * rng.randint(5, 20) // 100 if has_business else 0
    f["total"] = general + f["business"]
    leaves = list(LEAF_SHARES)
    for code in leaves[:-1]:
        f[code] = f["total"] * LEAF_SHARES[code] // 100
    f[leaves[-1]] = f["total"] - sum(f[c] for c in leaves[:-1])
    for code, _, parent in reversed(FUNCTION_TREE):
        if parent != "total" and code not in LEAF_SHARES:
            f[code] = sum(f[c] for c, _, p in FUNCTION_TREE if p == code)
    for code, _, parent in FUNCTION_TREE:
        if parent == "total":
            f[code] = sum(f[c] for c, _, p in FUNCTION_TREE if p == code)
    f["outbound_travel"] = 0
    f["reception"] = rng.randint(0, 300)
    f["vehicle_operation"] = rng.randint(100, 1200) if has_vehicles else 0
    f["vehicle_purchase"] = rng.choice([0, 0, 0, 2500]) if has_vehicles else 0
    f["operating"] = public_operating * rng.randint(70, 95) // 100
    f["vehicles_general"] = rng.randint(1, 4) if has_vehicles else 0
    f["vehicles_law"] = rng.randint(0, 2) if has_vehicles else 0
    for item, _ in PROCUREMENT:
        f[f"all_{item}"] = rng.choice([0, 0, size * rng.randint(1, 5) // 100])
        f[f"gb_{item}"] = f[f"all_{item}"] * rng.randint(50, 100) // 100
    return f


def _changed(amount: int, prior: int, **row) -> dict:
    change = amount - prior
    return {**row, "amount": money(amount), "change": money(change), "change_word": word(change)}


def department_year(dept: Department, year: int) -> dict[str, list[dict]]:
    """Rows by resource for one department-year (text cells, keyed by field name)."""
    now, before = figures(dept, year), figures(dept, year - 1)
    key = {
        "fiscal_year": str(year),
        "department_id": dept.department_id,
        "document_kind": "budget",
        "scope": "department",
    }
    return {
        "disclosures": [_disclosure(dept, year, now, key)],
        "income": _income(now, before, key),
        "expenditure_by_function": _functions(now, before, key, year),
        "expenditure_by_type": _types(now, before, key),
        "sangong": _sangong(now, before, key),
        "operating_costs": [
            _changed(
                now["operating"], before["operating"], **key, fund=GB, fund_name=FUNDS[GB], purpose="办公费、水电费等"
            )
        ],
        "procurement": _procurement(now, key),
        "assets": _assets(now, key, year),
        "kpis": _kpis(dept, year, key),
        "glossary": [{**key, "term_no": str(n), "term": t, "definition": d} for n, (t, d) in enumerate(GLOSSARY, 1)],
        "disclosure_units": [],
    }


def _disclosure(dept: Department, year: int, now: dict, key: dict) -> dict:
    return {
        **key,
        "title": f"{dept.name}{year}年部门预算情况说明",
        "document_type": "部门预算",
        "source_file": f"{dept.department_id}-{year}.pdf",
        "overall_goal": f"保障{dept.name}正常运转，完成{year}年度各项工作任务。",
        "government_fund_expenditure": "false",
        "government_fund_statement": f"{dept.name}{year}年无使用政府性基金预算拨款安排的支出。",
        "key_special_fund_goals": "false",
        "performance_managed_amount": money(now["general"]),
        "contact_name": "张明",
        "contact_phone": f"023-{70000000 + dept.seed % 9999999}",
        "profile": "chongqing-budget",
    }


def _income(now: dict, before: dict, key: dict) -> list[dict]:
    rows = [
        _changed(now["total"], before["total"], **key, item="total", item_name="收入合计", change_breakdown="complete")
    ]
    for item, name in INCOME:
        figure = {"general_budget": "general", "business": "business"}.get(item)
        if figure and now[figure]:
            rows.append(_changed(now[figure], before[figure], **key, item=item, item_name=name, parent_item="total"))
        else:
            rows.append({**key, "item": item, "item_name": name, "parent_item": "total", "amount": "0"})
    return rows


def _functions(now: dict, before: dict, key: dict, year: int) -> list[dict]:
    rows = [_changed(now["total"], before["total"], **key, item="total", item_name="合计")]
    for code, name, parent in FUNCTION_TREE:
        rows.append(
            {
                **key,
                "item": code,
                "item_name": name,
                "parent_item": parent,
                "classification_year": str(year),
                "function_code": code,
                "amount": money(now[code]),
            }
        )
    return rows


def _types(now: dict, before: dict, key: dict) -> list[dict]:
    fund = {"fund": GB, "fund_name": FUNDS[GB]}
    lines = [
        ("total", "支出合计", "", "general", "complete"),
        ("basic", "基本支出", "total", None, "complete"),
        ("personnel", "人员经费", "basic", "personnel", ""),
        ("public_operating", "日常公用经费", "basic", "public_operating", ""),
        ("project", "项目支出", "total", "project", ""),
    ]
    rows = []
    for item, name, parent, figure, breakdown in lines:
        a = now[figure] if figure else now["personnel"] + now["public_operating"]
        b = before[figure] if figure else before["personnel"] + before["public_operating"]
        row = {**key, **fund, "item": item, "item_name": name, "parent_item": parent, "change_breakdown": breakdown}
        rows.append(_changed(a, b, **row))
    return rows


def _sangong(now: dict, before: dict, key: dict) -> list[dict]:
    fund = {"fund": GB, "fund_name": FUNDS[GB]}
    total = sum(now[i] for i, _ in SANGONG)
    prior = sum(before[i] for i, _ in SANGONG)
    rows = [
        _changed(total, prior, **key, **fund, item="total", item_name="“三公”经费合计", change_breakdown="complete")
    ]
    for item, name in SANGONG:
        rows.append(_changed(now[item], before[item], **key, **fund, item=item, item_name=name, parent_item="total"))
    return rows


def _procurement(now: dict, key: dict) -> list[dict]:
    rows = []
    for fund, prefix in (("all", "all_"), (GB, "gb_")):
        parts = [now[prefix + item] for item, _ in PROCUREMENT]
        base = {**key, "fund": fund, "fund_name": FUNDS[fund]}
        rows.append({**base, "item": "total", "item_name": "政府采购预算总额", "amount": money(sum(parts))})
        for (item, name), amount in zip(PROCUREMENT, parts, strict=True):
            rows.append({**base, "item": item, "item_name": name, "parent_item": "total", "amount": money(amount)})
    return rows


def _assets(now: dict, key: dict, year: int) -> list[dict]:
    rows = []
    for measure, name, counts in (
        ("holding", "实有车辆", (now["vehicles_general"], now["vehicles_law"])),
        ("purchase_budget", "一般公共预算安排购置车辆", (1 if now["vehicle_purchase"] else 0, 0)),
    ):
        period = {"as_of": f"{year - 1}-12"} if measure == "holding" else {"budget_year": str(year - 1)}
        base = {**key, "measure": measure, "measure_name": name, **period}
        for item, item_name, count in (
            ("general_official", "一般公务用车", counts[0]),
            ("law_enforcement", "执勤执法用车", counts[1]),
        ):
            rows.append({**base, "item": item, "item_name": item_name, "parent_item": "total", "count": str(count)})
        rows.append({**base, "item": "total", "item_name": "车辆合计", "count": str(sum(counts))})
    return rows


def _kpis(dept: Department, year: int, key: dict) -> list[dict]:
    rng = random.Random(f"{dept.seed}:{year}:kpi")
    n = rng.randint(5, 10)
    weights = [100 // n] * n
    weights[0] += 100 - sum(weights)
    rows = []
    for number, ((name, unit, operator), weight) in enumerate(zip(KPI_NAMES[:n], weights, strict=True), 1):
        row = {**key, "goal": "overall", "goal_name": "部门整体绩效目标", "indicator_no": str(number)}
        row |= {"indicator_name": name, "weight": str(weight), "unit": unit, "operator": operator}
        if operator == "定性":
            row["target_text"] = "严格执行"
        else:
            row["target_value"] = str(rng.randint(80, 100) if unit == "%" else rng.randint(1, 200))
        rows.append(row)
    return rows
