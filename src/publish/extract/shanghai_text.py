"""The narrative parts of a Shanghai budget or 决算 (万元): the 编制说明 totals by fund, 机关运行经费, 政府采购,
the vehicles held and bought, checked against the tables where both state a figure.

The text's lines are wrapped at the page width, so it is read as one run (the lines joined, page markers
kept aside to name the page of each figure). Each wording is one named regex; a figure the text states for a
row a table already filled is compared in fen after rounding the table's 元 to the text's two decimals, and a
difference is reported (``text-table-mismatch``), the table's cell kept.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from publish.core import YUAN_PER_UNIT, official_names
from publish.extract.grid import PAGE
from publish.extract.model import Extraction
from publish.extract.reference import Reference

NUMBER = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
WAN = rf"(?P<amount>{NUMBER})万元"
CHANGE = rf"(?:[，,]?(?:比|与|较)\d{{4}}年度?预算(?:执行数)?(?:(?P<word>增加|减少)(?P<change>{NUMBER})万元|持平))?"
# Expenditure by fund in the 编制说明 (budget): fund, fund name, wording.
FUND_TOTALS: tuple[tuple[str, str, str], ...] = (
    ("appropriation", "财政拨款", rf"财政拨款支出预算{WAN}{CHANGE}"),
    ("general_budget", "一般公共预算拨款", rf"一般公共预算拨款支出预算{WAN}{CHANGE}"),
    ("government_fund", "政府性基金拨款", rf"政府性基金拨款支出预算{WAN}{CHANGE}"),
    ("state_capital", "国有资本经营预算拨款", rf"国有资本经营预算拨款支出预算{WAN}{CHANGE}"),
)
# The income paragraph of the 编制说明 (budget): the sources a table may leave blank, stated in 万元.
INCOME_LEAD = rf"收入预算{NUMBER}万元[，,]其中"
INCOME_WINDOW = 200  # characters after the lead in which the paragraph states its sources
INCOME_SOURCES: tuple[tuple[str, str], ...] = (
    ("business", rf"(?P<name>事业收入){WAN}"),
    ("business_operation", rf"(?P<name>事业单位经营收入){WAN}"),
    ("other", rf"(?P<name>其他收入){WAN}"),
)
OPERATING: tuple[tuple[str, str], ...] = (
    ("appropriation", rf"财政拨款的机关运行经费(?:预算|支出)?(?:为|数为)?{WAN}"),
    ("general_budget", rf"(?<!的)机关运行经费(?:预算|支出)(?:为|数为)?{WAN}"),
)
# Procurement: item, wording (budget and 决算 words).
PROCUREMENT: tuple[tuple[str, str], ...] = (
    ("total", rf"政府采购(?:预算|金额)(?:（以合同签订为准）)?(?:为)?{WAN}"),
    ("goods", rf"(?:政府采购)?货物(?:采购)?(?:预算|金额){WAN}"),
    ("works", rf"(?:政府采购)?工程(?:采购)?(?:预算|金额){WAN}"),
    ("services", rf"(?:政府采购)?服务(?:采购)?(?:预算|金额){WAN}"),
    ("sme_reserved", rf"面向中小企业预留政府采购项目预算金额(?:为)?{WAN}"),
    (
        "sme_small_micro",
        rf"(?:预留给小型和微型企业的政府采购项目预算|面向小微企业预留政府采购项目预算金额)(?:为)?{WAN}",
    ),
)
# The 三公 paragraph: its total (budget and 决算 wordings), then each line within the paragraph that follows.
SANGONG_TOTAL: tuple[tuple[str, str], ...] = (
    ("budget", rf"“三公”经费(?:财政拨款)?预算数?为{WAN}"),
    ("final", rf"“三公”经费财政拨款支出年初预算为{NUMBER}万元，支出决算为{WAN}"),
)
SANGONG_ITEMS: tuple[tuple[str, str, str], ...] = (
    ("outbound_travel", rf"因公出国（境）费(?:用)?(?:支出)?(?:预算|决算)?(?:数)?(?:为)?{WAN}", "total"),
    ("vehicle", rf"公务用车购置及运行(?:维护)?费(?:支出)?(?:预算|决算)?(?:数)?(?:为)?{WAN}", "total"),
    ("vehicle_purchase", rf"公务用车购置费(?:支出)?(?:预算|决算)?(?:数)?(?:为)?{WAN}", "vehicle"),
    ("vehicle_operation", rf"公务用车运行(?:维护)?费(?:支出)?(?:预算|决算)?(?:数)?(?:为)?{WAN}", "vehicle"),
    ("reception", rf"公务接待费(?:支出)?(?:预算|决算)?(?:数)?(?:为)?{WAN}", "total"),
)
SANGONG_NAMES = official_names("sangong")
SANGONG_NONE = r"无“三公”经费(?:财政拨款)?支出|没有(?:财政拨款)?“三公”经费(?:财政拨款)?支出"
SANGONG_WINDOW = 600
# A function line of the 编制说明 (财政拨款, 万元): 类/款/项 names (codes in brackets where printed), its amount, then
# in the same item the prior year's execution, the change rate and the reason.
FUNCTION_ITEM = (
    rf"(?P<cls>[^（）“”、。：:\d-]+)（(?P<c1>\d{{3}})?类）-?(?P<kuan>[^（）“”。-]+)（(?P<c2>\d{{2}})?款）-?"
    rf"(?P<xiang>[^（）“”。-]+)（(?P<c3>\d{{2}})?项）”?(?:科目|\d{{4}}年度?预算)?{WAN}"
)
ITEM_PRIOR = rf"\d{{4}}年当年预算执行数为(?P<prior>{NUMBER})万元"
ITEM_RATE = r"比\d{4}年预算执行数(?P<word>增加|减少)(?P<rate>\d+(?:\.\d+)?)%"
ITEM_REASON = r"主要原因是[：:]?(?P<reason>[^。]*)"
PERFORMANCE = rf"编报绩效目标的(?:\d{{4}}年度)?项目(?:共)?\d+个，涉及(?:项目)?预算(?:资金|金额){WAN}"
INDICATOR_TABLE = "指标名称"
VEHICLE_KINDS: tuple[tuple[str, str], ...] = (
    ("ministerial", "部级领导干部用车"),
    ("principal_leader", "主要领导干部用车"),
    ("confidential_communication", "机要通信用车"),
    ("emergency", "应急保障用车"),
    ("law_enforcement", "执法执勤用车"),
    ("special_technical", "特种专业技术用车"),
    ("retired_cadres", "离退休干部用车"),
    ("other", "其他用车"),
)
HOLDING = r"截至(?P<year>\d{4})年(?P<month>\d{1,2})月\d{1,2}日，[^。；]{0,40}?共有车辆(?P<count>\d+)辆(?P<rest>[^。]*)"
PURCHASE = r"(?P<year>\d{4})年(?:部门|单位)预算安排购置车辆(?P<count>\d+)辆(?P<rest>[^；。]*(?:；)?)"


@dataclass
class Run:
    """The narrative as one string, with the offsets where each page starts."""

    text: str
    starts: list[int]
    pages: list[str]

    def page(self, at: int) -> str:
        index = bisect.bisect_right(self.starts, at) - 1
        return self.pages[index] if index >= 0 else ""


def narrative(lines: list[str]) -> Run:
    """The lines that are not table rows, joined without the wrapping, spaces beside CJK and digits dropped."""
    text, starts, pages = "", [], []
    for line in lines:
        marker = PAGE.match(line.strip())
        if marker:
            starts.append(len(text))
            pages.append(marker.group(1))
            continue
        if "\t" in line:
            continue
        text += re.sub(r"\s+", "", line)
    return Run(text, starts, pages)


def read_text(run: Run, ext: Extraction, kind: str, reference: Reference) -> None:
    if kind == "budget":
        _income_sources(run, ext)
        _fund_totals(run, ext)
        _function_items(run, ext, reference)
    _sangong(run, ext)
    _operating(run, ext)
    _procurement(run, ext)
    _vehicles(run, ext, kind)
    _performance(run, ext)


def _sentence(run: Run, match: re.Match[str]) -> str:
    start = max(run.text.rfind("。", 0, match.start()) + 1, match.start() - 80)
    end = run.text.find("。", match.end())
    return run.text[start : end + 1 if end >= 0 else match.end()]


def _find(ext: Extraction, resource: str, key: dict) -> dict | None:
    return next((r for r in ext.rows.get(resource, []) if all(r.get(k) == v for k, v in key.items())), None)


def _put_checked(
    run: Run,
    ext: Extraction,
    match,
    resource: str,
    key: dict,
    values: dict,
    section: str,
    table_row: dict | None = None,
) -> None:
    """Put a 万元 figure, or, where a table already gave the row its amount, compare the two (the text's figure
    is kept where ``table_row`` is a row of another table stating the same amount in 元)."""
    row = table_row or _find(ext, resource, key)
    amount = values["amount"]
    if row is not None and row.get("amount"):
        table = Decimal(row["amount"]) * YUAN_PER_UNIT[row.get("unit", "元")] / YUAN_PER_UNIT["万元"]
        shown = table.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        if shown != Decimal(amount).quantize(Decimal("0.01")):
            ext.miss(
                section,
                "text-table-mismatch",
                _sentence(run, match),
                f"第{run.page(match.start())}页正文的 {amount} 万元与表中的 {row['amount']} {row.get('unit')} 不符"
                f"（{resource} {key}）；采用表中数字",
                f"page {run.page(match.start())}: the text's {amount} 万元 differs from the table's "
                f"{row['amount']} {row.get('unit')} ({resource} {key}); the table's cell is kept",
            )
        if table_row is None:
            return
    note = f"page {run.page(match.start())}"
    ext.put(resource, key, {**values, "unit": "万元"}, _sentence(run, match), section, note)


def _function_items(run: Run, ext: Extraction, reference: Reference) -> None:
    """Each function line the 编制说明 explains: appropriation, 万元, with the prior execution and the change."""
    items = list(re.finditer(FUNCTION_ITEM, run.text))
    for index, item in enumerate(items):
        end = items[index + 1].start() if index + 1 < len(items) else item.end() + 300
        code = _item_code(reference, ext.fiscal_year, item)
        if code is None:
            ext.miss(
                "部门预算编制说明",
                "unknown-code",
                _sentence(run, item),
                f"第{run.page(item.start())}页的“{item['xiang']}”在 {ext.fiscal_year} 年的功能分类科目表中找不到，未读",
                f"page {run.page(item.start())}: '{item['xiang']}' is not in the {ext.fiscal_year} code list; not read",
            )
            continue
        values = {"item_name": item["xiang"], "classification_year": ext.fiscal_year, "function_code": code}
        values["amount"] = _plain(item["amount"])
        _item_change(run.text[item.end() : end], values)
        key = {"fund": "appropriation", "item": code, "cost_type": "total"}
        ext.put(
            "expenditure_by_function",
            key,
            {**values, "unit": "万元"},
            _sentence(run, item),
            "部门预算编制说明",
            f"page {run.page(item.start())}",
        )


def _item_change(text: str, values: dict[str, str]) -> None:
    prior, rate, reason = re.search(ITEM_PRIOR, text), re.search(ITEM_RATE, text), re.search(ITEM_REASON, text)
    if prior:
        values.update(prior_amount=_plain(prior["prior"]), change_basis="prior-execution")
    if prior and rate:
        sign = "-" if rate["word"] == "减少" else ""
        values.update(change_word=rate["word"], change_rate=sign + rate["rate"])
    if reason:
        values["change_reason"] = reason["reason"]


def _item_code(reference: Reference, year: str, item: re.Match[str]) -> str | None:
    """The 项's code: the printed one where its name matches the year's list, else found by the names down the
    tree (类 → 款 → 项); None when either way fails."""
    names = (item["cls"].strip(), item["kuan"].strip(), item["xiang"].strip())
    if item["c1"] and item["c2"] and item["c3"]:
        row = reference.code(year, item["c1"] + item["c2"] + item["c3"])
        return row["code"] if row and row["name"] == names[2] else None
    parent = ""
    for depth, name in enumerate(names):
        found = [r for r in reference.codes_named(year, name) if len(r["code"]) == 3 + 2 * depth]
        found = [r for r in found if not parent or r["code"].startswith(parent)]
        if len(found) != 1:
            return None
        parent = found[0]["code"]
    return parent


def _income_sources(run: Run, ext: Extraction) -> None:
    """事业收入, 事业单位经营收入, 其他收入 as the paragraph states them: checked against the income table's cell
    where it has one (the table's kept), kept in 万元 where the table leaves the line blank."""
    lead = re.search(INCOME_LEAD, run.text)
    if lead is None:
        return
    start, end = lead.end(), lead.end() + INCOME_WINDOW
    for item, regex in INCOME_SOURCES:
        found = re.compile(regex).search(run.text, start, end)
        if found:
            values = {"item_name": found["name"], "parent_item": "total", "amount": _plain(found["amount"])}
            _put_checked(run, ext, found, "income", {"item": item}, values, "部门预算编制说明")


def _fund_totals(run: Run, ext: Extraction) -> None:
    for fund, fund_name, regex in FUND_TOTALS:
        match = re.search(regex, run.text)
        if not match:
            continue
        values = {"fund_name": fund_name, "item_name": f"{fund_name}支出预算", "amount": _plain(match["amount"])}
        if match["word"]:
            sign = "-" if match["word"] == "减少" else ""
            values.update(change=sign + _plain(match["change"]), change_word=match["word"], change_basis="prior-budget")
        elif "持平" in match.group(0):
            values.update(change="0", change_word="持平", change_basis="prior-budget")
        key = {"fund": fund, "item": "total"}
        table_row = _find(ext, "expenditure_by_function", {"fund": fund, "item": "total", "cost_type": "total"})
        _put_checked(run, ext, match, "expenditure_by_type", key, values, "部门预算编制说明", table_row)


def _sangong(run: Run, ext: Extraction) -> None:
    """The 三公 paragraph: each figure checked against table 9, or kept where the table did not state it."""
    total = next((m for _, regex in SANGONG_TOTAL if (m := re.search(regex, run.text))), None)
    if total is None:
        _sangong_none(run, ext)
        return
    fund = {"fund": "appropriation", "fund_name": "财政拨款"}
    values = {**fund, "item_name": "“三公”经费", "amount": _plain(total["amount"])}
    _put_checked(run, ext, total, "sangong", {"fund": "appropriation", "item": "total"}, values, "“三公”经费")
    window = run.text[total.end() : total.end() + SANGONG_WINDOW]
    for item, regex, parent in SANGONG_ITEMS:
        found = re.search(regex, window)
        if not found:
            continue
        shifted = re.compile(regex).search(run.text, total.end(), total.end() + SANGONG_WINDOW)
        values = {**fund, "item_name": found.group(0).split(found["amount"])[0], "parent_item": parent}
        values["amount"] = _plain(found["amount"])
        _put_checked(run, ext, shifted, "sangong", {"fund": "appropriation", "item": item}, values, "“三公”经费")


def _sangong_none(run: Run, ext: Extraction) -> None:
    """A document saying it spent nothing on 三公 (and whose table is blank): every line is zero, as stated."""
    none = re.search(SANGONG_NONE, run.text)
    if none is None or ext.rows.get("sangong"):
        return
    sentence, note = _sentence(run, none), f"page {run.page(none.start())}"
    for item, _, parent in (("total", "", ""), *SANGONG_ITEMS):
        values = {
            "fund_name": "财政拨款",
            "item_name": SANGONG_NAMES[item],  # the lines the statement covers, by their official names
            "amount": "0.00",
            "unit": "万元",
            **({"parent_item": parent} if parent else {}),
        }
        ext.put("sangong", {"fund": "appropriation", "item": item}, values, sentence, "“三公”经费", note)


def _operating(run: Run, ext: Extraction) -> None:
    for fund, regex in OPERATING:
        match = re.search(regex, run.text)
        if match:
            values = {"fund_name": "财政拨款" if fund == "appropriation" else "一般公共预算财政拨款"}
            values["amount"] = _plain(match["amount"])
            _put_checked(run, ext, match, "operating_costs", {"fund": fund}, values, "机关运行经费")
            return


def _procurement(run: Run, ext: Extraction) -> None:
    start = run.text.find("政府采购")
    if start < 0:
        return
    for item, regex in PROCUREMENT:
        match = re.compile(regex).search(run.text, start)
        if not match:
            continue
        values = {
            "fund_name": "全部资金",
            "item_name": re.sub(r"(?:（以合同签订为准）)?(?:为)?[\d.,]+万元$", "", match.group(0)),
            "amount": _plain(match["amount"]),
        }
        if item in ("goods", "works", "services"):
            values["parent_item"] = "total"
        _put_checked(run, ext, match, "procurement", {"fund": "all", "item": item}, values, "政府采购")


def _vehicles(run: Run, ext: Extraction, kind: str) -> None:
    held = re.search(HOLDING, run.text)
    if held:
        as_of = f"{held['year']}-{int(held['month']):02d}"
        _vehicle_rows(run, ext, held, "holding", "共有车辆", {"as_of": as_of})
    bought = re.search(PURCHASE, run.text) if kind == "budget" else None
    if bought:
        _vehicle_rows(run, ext, bought, "purchase_budget", "部门预算安排购置车辆", {"budget_year": bought["year"]})


def _vehicle_rows(run: Run, ext: Extraction, match, measure: str, measure_name: str, extra: dict) -> None:
    sentence, note = _sentence(run, match), f"page {run.page(match.start())}"
    values = {"measure_name": measure_name, "item_name": "车辆", "count": match["count"], **extra}
    ext.put("assets", {"measure": measure, "item": "total"}, values, sentence, "国有资产占用", note)
    stated = 0
    for item, name in VEHICLE_KINDS:
        found = re.search(rf"{name}(\d+)辆", match["rest"])
        if found:
            stated += int(found.group(1))
            values = {
                "measure_name": measure_name,
                "item_name": name,
                "parent_item": "total",
                "count": found.group(1),
                **extra,
            }
            ext.put("assets", {"measure": measure, "item": item}, values, sentence, "国有资产占用", note)
    if stated != int(match["count"]):
        ext.miss(
            "国有资产占用",
            "irregular",
            sentence,
            f"{note}：各类车辆之和 {stated} 辆与总数 {match['count']} 辆不符",
            f"{note}: the vehicle kinds add up to {stated}, the total says {match['count']}",
        )


def _performance(run: Run, ext: Extraction) -> None:
    """The amount under performance targets, and the indicators: a part not published where no table lists them."""
    found = re.search(PERFORMANCE, run.text)
    sentence = _sentence(run, found) if found else ""
    if found:
        values = {
            "performance_managed_amount": _plain(found["amount"]),
            "unit": "万元",
            "performance_statement": sentence,
        }
        ext.put("disclosures", {}, values, sentence, "绩效目标", f"page {run.page(found.start())}")
    if INDICATOR_TABLE not in run.text:
        note = f"绩效指标未公开：{sentence}" if sentence else "绩效指标未公开：文件中没有绩效指标表"
        ext.put("disclosure_parts", {"part": "kpis"}, {"status": "not_published", "note": note}, note, "绩效目标")


def _plain(number: str) -> str:
    return number.replace(",", "")
