"""The Hubei 预算公开说明: income and spending budgets, then 机关运行经费, 三公, 政府采购, 国有资产占用.

Its ten sections are listed in a table of contents before the text, so headings cannot delimit its parts;
like the 决算 narrative, each part is found by what its paragraph says ("收入预算842.79万元",
"支出预算…其中，基本支出…") and read by the same amount-table walk.
"""

from __future__ import annotations

from publish.extract import final, patterns, specs
from publish.extract.budget import missing
from publish.extract.model import Extraction
from publish.extract.tables import Part, read_paragraph

AMOUNT = patterns.AMOUNT
HUBEI_PARAGRAPHS: dict[str, tuple[str, ...]] = {
    "income": (r"收入预算(?:总额|数)?(?:为)?\d", r"预算收入情况"),
    "spending": (r"支出预算(?:总额|数)?(?:为)?\d", r"预算支出情况"),
    **{key: final.FINAL_PARAGRAPHS[key] for key in ("sangong", "operating", "procurement", "vehicles")},
}


def read_hubei(lines: list[str], ext: Extraction) -> None:
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
        spec.totals = (("支出预算", rf"{patterns.AFTER_YEAR}支出预算(?:总额|数)?(?:为)?{AMOUNT}"),)
        spec.total = Part({"item": "total"}, "", {"item_name": "支出预算"})
        read_paragraph(spec, ext, spending)
    else:
        missing(ext, "overview", "支出预算", "the expenditure budget")
    final.read_matters(found, ext, HUBEI_PARAGRAPHS)
