"""“三公”经费 and the other important matters: operating costs, procurement, performance coverage, vehicles."""

from __future__ import annotations

import re

from publish.extract import specs
from publish.extract.budget import missing, paragraph
from publish.extract.model import Extraction
from publish.extract.sections import Document, unlabelled
from publish.extract.tables import read_paragraph
from publish.extract.text import AMOUNT_IN, amount, sentences, squeeze

AMOUNT = specs.AMOUNT
SPENT = r"(?:类)?(?:采购)?(?:支出|预算|合同金额|金额)?(?:为)?"
PROCUREMENT_TOTAL = rf"政府采购(?:支出|预算)?(?:总额|合计|共计|金额)?(?:（[^）]{{0,12}}）)?(?:为)?{AMOUNT}"
PROCUREMENT_ITEMS = (
    ("goods", "政府采购货物预算", rf"货物{SPENT}{AMOUNT}"),
    ("works", "政府采购工程预算", rf"工程{SPENT}{AMOUNT}"),
    ("services", "政府采购服务预算", rf"服务{SPENT}{AMOUNT}"),
)
# Shares reserved for small firms, below the total: (item, name, parent, regex).
PROCUREMENT_SHARES = (
    (
        "sme_reserved",
        "面向中小企业预留",
        "total",
        rf"(?:面向)?中小企业预留(?:政府采购项目)?(?:预算)?(?:份额|金额)?(?:为)?{AMOUNT}",
    ),
    (
        "sme_small_micro",
        "其中预留小微企业",
        "sme_reserved",
        rf"(?:预留(?:给)?小微企业(?:的)?|(?:面向)?小微企业预留(?:政府采购项目)?(?:预算)?)(?:份额|金额)?(?:为)?{AMOUNT}",
    ),
)
PROCUREMENT_LINES = tuple((item, name, "total", regex) for item, name, regex in PROCUREMENT_ITEMS) + PROCUREMENT_SHARES
PERFORMANCE_AMOUNT = rf"(?:涉及|金额)(?:一般公共预算)?(?:当年)?财政拨款(?:资金)?(?:为)?{AMOUNT}"
VEHICLES = (
    (
        "total",
        "车辆合计",
        r"(?:共有|实有|现有|占有|购置)(?:各类)?(?:公务用车|车辆)(?:共|合计)?(\d+)辆|车辆(?:共|总数为?)(\d+)辆",
    ),
    ("general_official", "一般公务用车", r"一般公务用车(\d+)辆"),
    ("ministerial", "部级领导干部用车", r"(?:副部（省）级及以上|部级)领导(?:干部)?用车(\d+)辆"),
    ("principal_leader", "主要领导干部用车", r"主要领导干部用车(\d+)辆"),
    ("confidential_communication", "机要通信用车", r"机要通信用车(\d+)辆"),
    ("retired_cadres", "离退休干部用车", r"离退休干部(?:服务)?用车(\d+)辆"),
    ("law_enforcement", "执勤执法用车", r"(?:执勤执法|执法执勤)用车(\d+)辆"),
    ("special_technical", "特种专业技术用车", r"特种专业技术用车(\d+)辆"),
    ("emergency", "应急保障用车", r"应急保障用车(\d+)辆"),
    ("other", "其他用车", r"其他用车(\d+)辆"),
)
ITEM_HEADING = r"^\d+[、.．]\s*[^。]{0,20}?(?:情况|经费)。"


def read_sangong(document: Document, ext: Extraction) -> None:
    lines = [line for line in document.lines("sangong") if line.strip()]
    if not lines:
        return
    text = "".join(unlabelled(ln) if ln.endswith(("。", "；")) else unlabelled(ln) + "。" for ln in lines)
    read_paragraph(specs.sangong(), ext, text)
    vehicle_subtotal(ext)


def vehicle_subtotal(ext: Extraction) -> None:
    """Where 公务用车购置及运行维护费 is stated, its purchase and operation lines are its parts."""
    rows = ext.rows.get("sangong", [])
    if any(r.get("item") == "vehicle" for r in rows):
        for row in rows:
            if row.get("item") in ("vehicle_operation", "vehicle_purchase"):
                row["parent_item"] = "vehicle"


def read_other(document: Document, ext: Extraction) -> None:
    lines = document.lines("other")
    if not lines:
        return
    readers = (
        (("运行经费",), "机关运行经费", "operating costs", operating),
        (("政府采购",), "政府采购", "procurement", procurement),
        (("绩效目标",), "绩效目标管理", "performance-goal coverage", _performance),
        (("车辆", "公务用车", "国有资产占用"), "国有资产（车辆）", "state assets (vehicles)", vehicles),
    )
    for keywords, zh, en, reader in readers:
        text = paragraph(lines, *keywords)
        if text is None:
            missing(ext, "other", zh, en)
        else:
            reader(ext, squeeze(text))


def operating(ext: Extraction, text: str) -> None:
    fund = specs.GENERAL_BUDGET if "一般公共预算" in text else specs.ALL_FUNDS
    read_paragraph(specs.operating_costs(fund), ext, text)


def procurement(ext: Extraction, text: str) -> None:
    parts = re.split(r"其中[：，]?(?=一般公共预算)", text, maxsplit=1)
    for fund, part in zip((specs.ALL_FUNDS, specs.GENERAL_BUDGET), parts, strict=False):
        found = 0
        total = re.search(PROCUREMENT_TOTAL, part)
        if total:
            found += _put_procurement(ext, fund, "total", "政府采购预算总额", total, text, parent=None)
        for item, name, parent, regex in PROCUREMENT_LINES:
            match = re.search(regex, part)
            if match:
                found += _put_procurement(ext, fund, item, name, match, text, parent=parent)
        if found < len(re.findall(AMOUNT_IN, part)):
            ext.miss("other", "unread-clause", part, *_PROCUREMENT_LEFT)


def _put_procurement(ext, fund, item, name, match, text, parent) -> int:
    money = amount(match.group("number"), match.group("unit"))
    values = {**fund, "item_name": name, "parent_item": parent, "amount": money.text, "unit": money.unit}
    ext.put("procurement", {"fund": fund["fund"], "item": item}, values, sentence_of(text, match), "other")
    return 1


def _performance(ext: Extraction, text: str) -> None:
    statement = re.sub(ITEM_HEADING, "", text).strip()
    match = re.search(PERFORMANCE_AMOUNT, statement)
    values = {"performance_statement": statement}
    if match:
        money = amount(match.group("number"), match.group("unit"))
        values.update(performance_managed_amount=money.text, unit=money.unit)
    else:
        ext.miss("other", "missing-figure", statement, *_NO_PERFORMANCE_AMOUNT)
    ext.put("disclosures", {}, values, statement, "other")


def vehicles(ext: Extraction, text: str) -> None:
    statement = re.sub(ITEM_HEADING, "", text).strip()
    for sentence in sentences(statement):
        if "辆" not in sentence:
            continue
        purchase = "购置" in sentence
        measure = ("purchase_budget", "一般公共预算安排购置车辆") if purchase else ("holding", "实有车辆")
        when = _budget_year(sentence) if purchase else _as_of(sentence)
        counted = 0
        for item, name, regex in VEHICLES:
            match = re.search(regex, sentence)
            if match:
                counted += 1
                count = next(group for group in match.groups() if group is not None)
                values = {"measure_name": measure[1], "item_name": name, "count": count, **when}
                values["parent_item"] = None if item == "total" else "total"
                ext.put("assets", {"measure": measure[0], "item": item}, values, sentence, "other")
        if counted < len(re.findall(r"\d+\s*辆", sentence)):
            ext.miss("other", "unread-clause", sentence, *_VEHICLES_LEFT)


def _as_of(sentence: str) -> dict[str, str]:
    match = re.search(r"截[止至](\d{4})年(?:(\d{1,2})月|底|末)", sentence)
    return {"as_of": f"{match.group(1)}-{int(match.group(2) or 12):02d}"} if match else {}


def _budget_year(sentence: str) -> dict[str, str]:
    match = re.search(r"(\d{4})年", sentence)
    return {"budget_year": match.group(1)} if match else {}


def sentence_of(text: str, match: re.Match[str]) -> str:
    start = text.rfind("。", 0, match.start()) + 1
    end = text.find("。", match.end())
    return text[start : end + 1 if end >= 0 else len(text)]


_PROCUREMENT_LEFT = (
    "政府采购段落中有金额未能对应到总额、货物、工程、服务或中小企业预留份额，未读取",
    "the procurement paragraph holds an amount that is neither the total, goods, works, services nor a small-firm "
    "share; not read",
)
_NO_PERFORMANCE_AMOUNT = (
    "绩效目标管理段落中未找到涉及的财政拨款金额",
    "the performance-goal paragraph states no amount of appropriations covered",
)
_VEHICLES_LEFT = (
    "车辆段落中有车辆数不属于合计、一般公务用车、执勤执法用车、特种专业技术用车、应急保障用车或其他用车"
    "（数据包暂无此类车辆），未读取",
    "the vehicles paragraph counts a kind of vehicle the package has no line for (only the total, general "
    "official, law enforcement, special technical, emergency and other vehicles); not read",
)
