"""The Chongqing 决算 narrative (部门决算公开说明): totals, income, spending, 三公, 机关运行经费, 采购, vehicles.

Its headings vary from county to county (部门决算收支情况说明, 部门决算情况, 收入支出决算总体情况说明 …) and
often repeat, so its parts are found by what their paragraphs say (收入总计, 本年收入合计, 本年支出合计,
“三公”经费, 机关运行经费 …), anywhere after the title, not by the budget template's sections. Each paragraph
is read by the same amount-table walk as the budget's (``tables.read_paragraph``) with the 决算 wordings.
"""

from __future__ import annotations

import re

from publish.extract import matters, patterns, specs
from publish.extract.budget import missing
from publish.extract.model import Extraction
from publish.extract.reference import Reference
from publish.extract.sections import paragraphs
from publish.extract.tables import Part, Spec, read_paragraph
from publish.extract.text import squeeze

AMOUNT = patterns.AMOUNT
# What each part's paragraph says, first match wins (one line per wording counties use).
FINAL_PARAGRAPHS: dict[str, tuple[str, ...]] = {
    "grand_total": (r"收入总计", r"收支总计"),
    "income": (r"本年收入(?:合计)?", r"收入合计"),
    "spending": (r"本年支出(?:合计)?", r"支出合计"),
    "function": (r"[（(]类[）)]",),
    "sangong": (r"三公[”\"]?经费",),
    "operating": (r"机关运行经费",),
    "procurement": (r"政府采购(?:支出|合同|预算)",),
    "vehicles": (r"车辆\d+辆|共有车辆|实有车辆|公务用车\d+辆",),
}
# "主要用于以下方面：" opens the list of classes (a breakdown, not a purpose of the total).
CLASSES_LISTED = r"[，,]?主要用于(?:以下方面|如下方面)?[：:]"
# The 收支总计 paragraph's figure for spending: stated, equal to income's by construction, held by no table.
SPENDING_GRAND_TOTAL = rf"支出总计(?:为)?{AMOUNT}"


def read_final(lines: list[str], ext: Extraction, reference: Reference) -> None:
    """Read every part of a 决算 narrative found in ``lines`` (the document after its title)."""
    found = figure_paragraphs(lines)
    grand = first(found, FINAL_PARAGRAPHS["grand_total"])
    if grand:
        read_paragraph(_grand_total(), ext, grand)
    income = first(found, FINAL_PARAGRAPHS["income"], grand)
    if income:
        read_paragraph(_income(ext), ext, income)
    else:
        missing(ext, "overview", "本年收入", "the year's income")
    spending = first(found, FINAL_PARAGRAPHS["spending"], grand)
    if spending:
        read_paragraph(_spending(), ext, spending)
    else:
        missing(ext, "overview", "本年支出", "the year's expenditure")
    for text in every(found, FINAL_PARAGRAPHS["function"]):
        read_paragraph(_by_function(reference, ext.fiscal_year), ext, re.sub(CLASSES_LISTED, "，其中：", text))
    read_matters(found, ext, FINAL_PARAGRAPHS)


def read_matters(found: list[str], ext: Extraction, about: dict[str, tuple[str, ...]]) -> None:
    """三公, 机关运行经费, 政府采购 and vehicles, each from the paragraph that speaks of it."""
    _sangong(ext, every(found, about["sangong"]))
    for key, reader in (
        ("operating", matters.operating),
        ("procurement", matters.procurement),
        ("vehicles", matters.vehicles),
    ):
        text = first(found, about[key])
        if text:
            reader(ext, squeeze(text))


def figure_paragraphs(lines: list[str]) -> list[str]:
    """The document's paragraphs that hold a figure (a table of contents and headings hold none)."""
    return [p for p in paragraphs(lines) if re.search(r"\d", p)]


def first(found: list[str], about: tuple[str, ...], besides: str | None = None) -> str | None:
    return next((p for p in found if p != besides and _about(p, about)), None)


def every(found: list[str], about: tuple[str, ...]) -> list[str]:
    return [p for p in found if _about(p, about)]


def _about(paragraph: str, about: tuple[str, ...]) -> bool:
    return any(re.search(regex, paragraph) for regex in about)


def _grand_total() -> Spec:
    total = Part({"item": "grand_total"}, "", {"item_name": "收入总计"})
    spec = Spec("income", "overview", totals=(("收入总计", rf"收[入支]总计(?:为)?{AMOUNT}"),), total=total)
    spec.skip = (SPENDING_GRAND_TOTAL,)
    return spec


def _income(ext: Extraction) -> Spec:
    spec = specs.income()
    grand = any(r.get("item") == "grand_total" for r in ext.rows.get("income", []))
    fields = {"item_name": "本年收入合计", **({"parent_item": "grand_total"} if grand else {})}
    spec.totals = (("本年收入合计", rf"(?:本年)?收入(?:合计|总额)(?:为)?{AMOUNT}"),)
    spec.total = Part({"item": "total"}, "", fields)
    return spec


def _spending() -> Spec:
    spec = specs.expenditure_by_type(specs.ALL_FUNDS)
    spec.totals = (("本年支出合计", rf"(?:本年)?支出(?:合计|总额)(?:为)?{AMOUNT}"),)
    spec.total = Part({"item": "total"}, "", {"item_name": "本年支出合计"})
    return spec


def _by_function(reference: Reference, year: str) -> Spec:
    """一般公共预算财政拨款支出 by class: "一般公共服务（类）支出1102.94万元，占28.5%"."""
    spec = specs.expenditure_by_function(reference, year)
    spec.totals = (("一般公共预算财政拨款支出", rf"一般公共预算财政拨款支出(?:决算)?(?:数)?(?:为)?{AMOUNT}"),)
    spec.fund = {"fund": "general_budget"}
    return spec


def _sangong(ext: Extraction, texts: list[str]) -> None:
    if not texts:
        missing(ext, "sangong", "“三公”经费", "'three public' costs")
        return
    text = "".join(t if t.endswith(("。", "；")) else t + "。" for t in texts)
    read_paragraph(specs.sangong(), ext, text)
    matters.vehicle_subtotal(ext)
    _counts(ext, squeeze(text))


def _counts(ext: Extraction, text: str) -> None:
    """The counts a 三公 决算 states (团组, 接待批次, 保有量 …), as ``assets`` measures."""
    for measure, name, regex in patterns.SANGONG_COUNTS:
        match = re.search(regex, text)
        if match:
            values = {"measure_name": name, "item_name": name, "count": match.group("count")}
            ext.put(
                "assets", {"measure": measure, "item": "total"}, values, matters.sentence_of(text, match), "sangong"
            )
