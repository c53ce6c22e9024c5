"""The Chongqing 决算 narrative (部门决算公开说明): totals, income, spending, 三公, 机关运行经费, 采购, vehicles.

Its headings vary from county to county (部门决算收支情况说明, 部门决算情况, 收入支出决算总体情况说明 …) and
often repeat, so its parts are found by what their paragraphs say (收入总计, 本年收入合计, 本年支出合计,
“三公”经费, 机关运行经费 …), anywhere after the title, not by the budget template's sections. Each paragraph
is read by the same amount-table walk as the budget's (``tables.read_paragraph``) with the 决算 wordings.
"""

from __future__ import annotations

import re
from decimal import Decimal

from publish.extract import matters, patterns, specs
from publish.extract.budget import missing
from publish.extract.model import Extraction
from publish.extract.reference import Reference
from publish.extract.sections import paragraphs, unlabelled
from publish.extract.tables import Part, Spec, read_paragraph
from publish.extract.text import amount, converted, squeeze

AMOUNT = patterns.AMOUNT
# What each part's paragraph says, first match wins (one line per wording counties use).
FINAL_PARAGRAPHS: dict[str, tuple[str, ...]] = {
    "grand_total": (r"(?<!拨款)收入(?:支出)?总计", r"(?<!拨款)收支总计"),
    "income": (rf"{patterns.AFTER_YEAR}(?:本年)?收入(?:合计|总额)",),
    "spending": (rf"{patterns.AFTER_YEAR}(?:本年)?支出(?:合计|总额)",),
    "basic": (r"基本支出[\d,.]+\s*(?:万元|元|亿元)[，,。]?其中[：:]?人员经费",),
    "function": (r"[（(]类[）)]",),
    "initial": (r"年初预算(?:数)?为[\d,.]+\s*(?:万元|元|亿元)，(?:支出)?决算(?:数)?为",),
    "sangong": (r"三公[”\"]?经费", r"因公出国", r"公务接待费", r"公务用车(?:购置|运行)"),
    "operating": (r"机关运行经费",),
    "procurement": (r"政府采购(?:支出|合同|预算)",),
    "vehicles": (r"(?:共有|实有|现有|占用)车辆", r"国有资产占用[^。]*\d+辆"),
}
# "主要用于以下方面：" opens the list of classes (a breakdown, not a purpose of the total).
CLASSES_LISTED = r"[，,]?主要用于(?:以下方面|如下方面)?[：:]"
# The total's name where a 决算 compares it with the initial budget.
FUNCTION_TOTAL_WORDS = r"一般公共预算财政拨款(?:支出)?"
SANGONG_TOTAL_WORDS = r"[“”]?三公[”“]?经费(?:财政拨款)?(?:支出)?"
# The 收支总计 paragraph's figure for spending: stated, equal to income's by construction, held by no table.
SPENDING_GRAND_TOTAL = rf"(?<!收入)支出总计(?:为)?{AMOUNT}"


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
    basic = first(found, FINAL_PARAGRAPHS["basic"], spending)
    if basic:
        read_paragraph(_basic(), ext, basic)
    initial = [
        p for p in every(found, FINAL_PARAGRAPHS["initial"]) if p not in every(found, FINAL_PARAGRAPHS["sangong"])
    ]
    for text in every(found, FINAL_PARAGRAPHS["function"]):
        if text not in initial:
            read_paragraph(_by_function(reference, ext.fiscal_year), ext, re.sub(CLASSES_LISTED, "，其中：", text))
    for text in initial:
        _initial_budgets(ext, squeeze(text), _by_function(reference, ext.fiscal_year), FUNCTION_TOTAL_WORDS)
    read_matters(found, ext, FINAL_PARAGRAPHS)


def _initial_budgets(ext: Extraction, text: str, spec: Spec, total_words: str) -> None:
    """ "一般公共服务（类）支出年初预算为850万元，支出决算为900.5万元": the line's ``initial_budget``; its
    outturn must be the amount already read (else both are named in unread, nothing overwritten)."""
    for match in re.finditer(patterns.INITIAL_AND_FINAL, text):
        words = re.sub(r"^[）)、.．\s]*(?:\d{4})?(?:年度|年)?", "", match.group("name"))
        part = spec.total if re.fullmatch(total_words, words) else spec.part(words, None)
        if part is None:
            ext.miss(spec.section, "unknown-name", match.group(0), *_NO_CLASS)
            continue
        held = ext.row(spec.resource, spec.key(part))
        outturn = amount(match.group("number"), match.group("unit"))
        if held.get("amount") and Decimal(converted(held["amount"], held["unit"], outturn.unit)) != Decimal(
            outturn.text
        ):
            ext.miss(spec.section, "irregular", match.group(0), *_OUTTURN_DIFFERS)
            continue
        initial = amount(match.group("initial"), match.group("initial_unit"))
        values = {**part.fields, **spec.fund, "initial_budget": converted(initial.text, initial.unit, outturn.unit)}
        if not held.get("amount"):
            values.update(amount=outturn.text, unit=outturn.unit)
        ext.put(spec.resource, spec.key(part), values, match.group(0), spec.section, part.note)


_NO_CLASS = (
    "年初预算与决算的比较中，这一项不是该表的已知项目（如功能分类的类），未读取",
    "in the comparison of initial budget and outturn, this line is no known line of the table (e.g. a function "
    "class); not read",
)
_OUTTURN_DIFFERS = (
    "年初预算与决算的比较中，这一项的决算数与前文所述不一致，未读取",
    "in the comparison of initial budget and outturn, this line's outturn differs from the amount stated before; "
    "not read",
)


def read_matters(found: list[str], ext: Extraction, about: dict[str, tuple[str, ...]]) -> None:
    """机关运行经费, 政府采购, vehicles and 三公, each from the paragraph that speaks of it (the vehicles held
    before 三公: the 国有资产占用 count is the holding, a 三公 保有量 that differs from it is reported)."""
    for key, reader in (
        ("operating", _operating),
        ("procurement", matters.procurement),
        ("vehicles", matters.vehicles),
    ):
        text = first(found, about[key])
        if text:
            reader(ext, squeeze(text))
    _sangong(ext, every(found, about["sangong"]))


def _operating(ext: Extraction, text: str) -> None:
    """机关运行经费 is spent from 一般公共预算财政拨款 by definition (the 决算 tables' 机关运行经费 line); a text
    naming another fund is read as that fund."""
    fund = specs.ALL_FUNDS if re.search(r"全部资金|各项资金", text) else specs.GENERAL_BUDGET
    read_paragraph(specs.operating_costs(fund), ext, text)


def figure_paragraphs(lines: list[str]) -> list[str]:
    """The document's paragraphs that hold a figure (a table of contents and headings hold none)."""
    return [p for p in paragraphs(lines) if re.search(r"\d", p) and "\t" not in p]


def first(found: list[str], about: tuple[str, ...], besides: str | None = None) -> str | None:
    return next((p for p in found if p != besides and _about(p, about)), None)


def every(found: list[str], about: tuple[str, ...]) -> list[str]:
    return [p for p in found if _about(p, about)]


def _about(paragraph: str, about: tuple[str, ...]) -> bool:
    return any(re.search(regex, paragraph) for regex in about)


def _grand_total() -> Spec:
    total = Part({"item": "grand_total"}, "", {"item_name": "收入总计"})
    spec = Spec(
        "income",
        "overview",
        totals=(("收入总计", rf"(?<!拨款)(?:收入支出|收支|收入)总计(?:为)?{AMOUNT}"),),
        total=total,
    )
    spec.skip = (SPENDING_GRAND_TOTAL,)
    return spec


def _income(ext: Extraction) -> Spec:
    spec = specs.income()
    grand = any(r.get("item") == "grand_total" for r in ext.rows.get("income", []))
    fields = {"item_name": "本年收入合计", **({"parent_item": "grand_total"} if grand else {})}
    spec.totals = (("本年收入合计", rf"{patterns.AFTER_YEAR}(?:本年)?收入(?:合计|总额)(?:为)?{AMOUNT}"),)
    spec.total = Part({"item": "total"}, "", fields)
    return spec


def _spending() -> Spec:
    spec = specs.expenditure_by_type(specs.ALL_FUNDS)
    spec.totals = (("本年支出合计", rf"{patterns.AFTER_YEAR}(?:本年)?支出(?:合计|总额)(?:为)?{AMOUNT}"),)
    spec.total = Part({"item": "total"}, "", {"item_name": "本年支出合计"})
    return spec


def _basic() -> Spec:
    """一般公共预算财政拨款基本支出 and its 人员经费 and 公用经费."""
    spec = specs.expenditure_by_type(specs.GENERAL_BUDGET)
    spec.totals = (("基本支出", rf"一般公共预算财政拨款基本支出(?:决算)?(?:数)?(?:为)?{AMOUNT}"),)
    spec.total = next(part for part in spec.parts if part.key["item"] == "basic")
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
    text = "".join(unlabelled(t) if t.endswith(("。", "；")) else unlabelled(t) + "。" for t in texts)
    spec = specs.sangong()
    spec.fund = _sangong_fund(text)
    spec.skip = tuple(regex for _, _, regex in patterns.SANGONG_COUNTS)  # counts: read below
    read_paragraph(spec, ext, text)
    _initial_budgets(ext, squeeze(text), spec, SANGONG_TOTAL_WORDS)
    matters.vehicle_subtotal(ext)
    _counts(ext, squeeze(text))


def _sangong_fund(text: str) -> dict[str, str]:
    """财政拨款“三公”经费 (all appropriations) where the text names no 一般公共预算; else the general budget's."""
    if "一般公共预算" not in text and re.search(patterns.SANGONG_OF_APPROPRIATIONS, text):
        return specs.APPROPRIATIONS
    return specs.GENERAL_BUDGET


def _counted(ext: Extraction, measure: str, section: str) -> bool:
    return any(p["key"] == f"measure={measure};item=total" and p["section"] == section for p in ext.provenance)


def _counts(ext: Extraction, text: str) -> None:
    """The counts a 三公 决算 states (团组, 接待批次, 保有量 …), as ``assets`` measures."""
    for measure, name, regex in patterns.SANGONG_COUNTS:
        match = re.search(regex, text)
        if match and _counted(ext, measure, "sangong"):
            continue  # an earlier wording of the same count was read
        held = next(
            (r for r in ext.rows.get("assets", []) if (r.get("measure"), r.get("item")) == (measure, "total")), {}
        )
        if match and held.get("count") not in (None, match.group("count")):
            ext.miss("sangong", "irregular", match.group(0), *_COUNT_DIFFERS)
        elif match:
            values = {"measure_name": name, "item_name": name, "count": match.group("count")}
            ext.put(
                "assets", {"measure": measure, "item": "total"}, values, matters.sentence_of(text, match), "sangong"
            )


_COUNT_DIFFERS = (
    "“三公”说明中的车辆数与国有资产占用情况中的不同（前者只计财政拨款开支的公务用车），未读取",
    "the 三公 part counts vehicles differently from the state-assets part (only cars paid from appropriations); "
    "not read",
)
