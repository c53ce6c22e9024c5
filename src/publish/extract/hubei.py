"""The Hubei 预算公开说明: income and spending budgets, then 机关运行经费, 三公, 政府采购, 国有资产占用.

Its ten sections are listed in a table of contents before the text, so headings cannot delimit its parts;
like the 决算 narrative, each part is found by what its paragraph says ("收入预算842.79万元",
"支出预算…其中，基本支出…") and read by the same amount-table walk.
"""

from __future__ import annotations

import re

from publish.extract import final, patterns, specs
from publish.extract.budget import missing
from publish.extract.model import Extraction
from publish.extract.reference import Reference
from publish.extract.sections import unlabelled
from publish.extract.tables import Part, read_paragraph
from publish.extract.text import amount, clauses, sentences, squeeze

AMOUNT = patterns.AMOUNT
SPENDING_TOTAL = rf"{patterns.AFTER_YEAR}支出预算(?:总额|数)?(?:为)?{AMOUNT}"
HUBEI_PARAGRAPHS: dict[str, tuple[str, ...]] = {
    "income": (r"收入预算(?:总额|数)?(?:为)?\d", r"预算收入情况"),
    "spending": (r"支出预算(?:总额|数)?(?:为)?\d", r"预算支出情况"),
    **{key: final.FINAL_PARAGRAPHS[key] for key in ("sangong", "operating", "procurement", "vehicles")},
}


def read_hubei(lines: list[str], ext: Extraction, reference: Reference) -> None:
    found = final.figure_paragraphs(lines)
    income = final.first(found, HUBEI_PARAGRAPHS["income"])
    if income:
        spec = specs.income()
        spec.totals = (("收入预算", rf"{patterns.AFTER_YEAR}收入预算(?:总额|数)?(?:为)?{AMOUNT}"),)
        spec.total = Part({"item": "total"}, "", {"item_name": "收入预算"})
        read_paragraph(spec, ext, income)
    else:
        missing(ext, "overview", "收入预算", "the income budget")
    spending = final.first(found, HUBEI_PARAGRAPHS["spending"])
    if spending:
        spec = specs.expenditure_by_type(specs.ALL_FUNDS)
        spec.totals = (("支出预算", rf"{SPENDING_TOTAL}"),)
        spec.total = Part({"item": "total"}, "", {"item_name": "支出预算"})
        read_paragraph(spec, ext, spending)
        _function_total(ext, spending)
    else:
        missing(ext, "overview", "支出预算", "the expenditure budget")
    by_class = specs.expenditure_by_function(reference, ext.fiscal_year)
    for text in found:
        if _opens_with_a_class(text, by_class):
            read_paragraph(by_class, ext, text)
    final.read_matters(found, ext, HUBEI_PARAGRAPHS)


def _function_total(ext: Extraction, text: str) -> None:
    """The spending budget is also the total of the by-class list that follows it (按功能科目分类)."""
    match = re.search(SPENDING_TOTAL, squeeze(text))
    if match:
        money = amount(match.group("number"), match.group("unit"))
        values = {"item_name": "支出预算", "amount": money.text, "unit": money.unit}
        ext.put(
            "expenditure_by_function",
            {"fund": "all", "item": "total", "cost_type": "total"},
            values,
            match.group(0),
            "overview",
            "支出预算即按功能科目分类的合计 / the spending budget is the by-class total",
        )


def _opens_with_a_class(text: str, spec) -> bool:
    """A paragraph of the by-class list: "1）一般公共服务支出200万元，比上年…"."""
    first = clauses(sentences(unlabelled(squeeze(text)))[0])
    named = re.match(patterns.NAMED_AMOUNT, first[0]) if first else None
    return bool(named) and spec.part(named.group("name").strip(), named.group("code")) is not None
