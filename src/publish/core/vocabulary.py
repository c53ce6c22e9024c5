"""Names as published: for each line key of a table, its official name and the other wordings real disclosures
use for it; for each change word, its sign.

Keys (``item``) stay canonical and the schemas fix them; ``item_name`` and ``change_word`` keep the published
wording, so the schemas no longer list their values: this vocabulary does. A known wording maps to its key (or
sign); an unknown one is kept and reported as a warning that names the official name. The template offers the
official names, the rules read the aliases, the extractor the change words.

Where each alias was seen (the corpus beside DOMAIN.md): 公务用车购置及运行费 and 公务用车运行费 in the Chongqing
municipal 三公 note of 2024 (40_*) and the Chizhou 三公 note of 2024 (49_*); 公务用车购置及运维费 and 因公出国(境)费 in
《涪陵区新妙镇2021年度“三公”经费决算情况》 (38_*); 因公出国（境）费 and 公务用车购置 in the Putuo budgets (41_*–45_*);
一致 (“与上年保持一致”) in the Wanzhou 2024 budget (31_*); 共有车辆 and 部门预算安排购置车辆 in
《上海市普陀区2026年区级部门预算》（上海市普陀区司法局） (41_*); 无增减 is one of the issue's survey (not in the stored
corpus).
"""

from __future__ import annotations

from publish.core.change_words import CHANGE_WORDS

# resource -> line key -> (official name, known aliases); the keys in the order the schema's ``item`` enum lists them
ITEM_NAMES: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {
    "assets": {
        "general_official": ("一般公务用车", ()),
        "law_enforcement": ("执勤执法用车", ("执法执勤用车",)),
        "special_technical": ("特种专业技术用车", ()),
        "emergency": ("应急保障用车", ()),
        "other": ("其他用车", ()),
        "total": ("车辆合计", ()),
    },
    "expenditure_by_type": {
        "basic": ("基本支出", ()),
        "personnel": ("人员经费", ()),
        "public_operating": ("日常公用经费", ()),
        "project": ("项目支出", ()),
        "total": ("支出合计", ()),
    },
    "income": {
        "general_budget": ("一般公共预算拨款", ()),
        "government_fund": ("政府性基金预算拨款", ()),
        "state_capital": ("国有资本经营预算收入", ()),
        "business": ("事业收入", ()),
        "business_operation": ("事业单位经营收入", ()),
        "other": ("其他收入", ()),
        "total": ("收入合计", ()),
        "carryover": ("上年结转", ()),
        "grand_total": ("收入总计", ()),
    },
    "procurement": {
        "goods": ("政府采购货物预算", ()),
        "works": ("政府采购工程预算", ()),
        "services": ("政府采购服务预算", ()),
        "total": ("政府采购预算总额", ()),
        "sme_reserved": ("面向中小企业预留", ()),
        "sme_small_micro": ("其中预留小微企业", ()),
    },
    "sangong": {
        "outbound_travel": ("因公出国（境）费用", ("因公出国（境）费", "因公出国(境)费", "因公出国(境)费用")),
        "reception": ("公务接待费", ()),
        "vehicle": ("公务用车购置及运行维护费", ("公务用车购置及运行费", "公务用车购置及运维费")),
        "vehicle_operation": ("公务用车运行维护费", ("公务用车运行费",)),
        "vehicle_purchase": ("公务用车购置费", ("公务用车购置",)),
        "total": ("“三公”经费合计", ('"三公"经费合计',)),
    },
}

# fund key -> (official name, known aliases): the money a line is paid from (every table's ``fund``)
FUND_NAMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "all": ("全部资金", ()),
    "appropriation": ("财政拨款", ("财政拨款资金",)),
    "general_budget": ("一般公共预算财政拨款", ("一般公共预算", "一般公共预算拨款", "一般公共预算资金")),
    "government_fund": ("政府性基金预算", ("政府性基金预算财政拨款", "政府性基金", "政府性基金预算拨款")),
    "state_capital": ("国有资本经营预算", ("国有资本经营预算财政拨款", "国有资本经营预算拨款")),
    "special_account": ("财政专户管理资金", ("财政专户管理资金收入",)),
    "business": ("事业收入", ()),
    "carryover": ("上年结转结余", ("上年结转", "上年结余", "上年结转（结余）", "上年结转(结余)")),
    "other": ("其他资金", ("其他收入",)),
}
# measure key -> (official name, known aliases): what an assets line counts
MEASURE_NAMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "holding": ("实有车辆", ("车辆保有量", "公务用车保有量", "共有车辆")),
    "purchase_budget": ("一般公共预算安排购置车辆", ("预算安排购置车辆", "部门预算安排购置车辆")),
    "purchase": ("购置车辆", ("实际购置车辆",)),
    "outbound_groups": ("因公出国（境）团组数", ("因公出国(境)团组数", "团组")),
    "outbound_people": ("因公出国（境）人次", ("因公出国(境)人次",)),
    "reception_batches": ("国内公务接待批次", ("公务接待批次", "批次")),
    "reception_people": ("国内公务接待人次", ("公务接待人次",)),
}
# the assets measures that count vehicles, whose ``item`` is a vehicle kind (ITEM_NAMES["assets"]); the other
# measures (团组, 人次, 批次) count no vehicle: their item is just ``total``, with no vehicle name to check
VEHICLE_MEASURES = ("holding", "purchase_budget", "purchase")
NAMED_KEYS = {"item": ITEM_NAMES, "measure": {"assets": MEASURE_NAMES}}
"""Per key column, resource -> its vocabulary; ``fund`` reads FUND_NAMES on every table."""

# Other wordings of the change words (publish.core.CHANGE_WORDS), each with the word it means.
CHANGE_WORD_ALIASES: dict[str, str] = {"一致": "持平", "无增减": "持平"}
# Every known change word, official or alias, with the sign it gives the change.
CHANGE_WORD_SIGNS: dict[str, int] = {
    **CHANGE_WORDS,
    **{alias: CHANGE_WORDS[word] for alias, word in CHANGE_WORD_ALIASES.items()},
}


def _vocabulary(resource: str, column: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    return FUND_NAMES if column == "fund" else NAMED_KEYS.get(column, {}).get(resource, {})


def official_names(resource: str, column: str = "item") -> dict[str, str]:
    """Key -> official name of ``column`` (item, measure or fund), for the tables the vocabulary names (else empty)."""
    return {key: entry[0] for key, entry in _vocabulary(resource, column).items()}


def known_names(resource: str, column: str = "item") -> dict[str, str]:
    """Every known wording (official names and aliases) of ``column`` -> the key it names."""
    vocabulary = _vocabulary(resource, column)
    known = {alias: key for key, (_, aliases) in vocabulary.items() for alias in aliases}
    return {**known, **{name: key for key, name in official_names(resource, column).items()}}
