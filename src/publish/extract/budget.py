"""The money parts of the explanation: income, expenditure by function, basic and project, 政府性基金.

Each finds its paragraph by what it is about (收入预算, 支出预算, 基本支出 …) inside its section,
hands it to ``tables.read_paragraph`` with the matching spec, and reports a paragraph it cannot find.
"""

from __future__ import annotations

import re
from decimal import Decimal

from publish.extract import patterns, specs
from publish.extract.model import Extraction
from publish.extract.reference import Reference
from publish.extract.sections import Document, paragraphs
from publish.extract.tables import read_paragraph
from publish.extract.text import amount, converted, squeeze

INCOME_REPEATED = rf"(?:一般公共预算)?财政拨款收入(?:预算)?(?:为)?{specs.AMOUNT}"


def paragraph(lines: list[str], *keywords: str) -> str | None:
    """The first paragraph holding one of ``keywords`` and a figure (a heading alone on its line and a paragraph
    split across lines are joined first, see ``sections.paragraphs``)."""
    return next((p for p in paragraphs(lines) if any(k in p for k in keywords) and re.search(r"\d", p)), None)


def missing(ext: Extraction, section: str, what_zh: str, what_en: str) -> None:
    ext.miss(
        section,
        "missing-figure",
        "",
        f"未找到{what_zh}的段落，相关数字未读取（不以 0 填充）",
        f"no paragraph on {what_en} was found; its figures are not read (never filled with zeros)",
    )


def read_overview(document: Document, ext: Extraction, reference: Reference) -> None:
    lines = document.lines("overview")
    if not lines:
        return
    income = paragraph(lines, "收入预算", "收入总额")
    if income:
        read_paragraph(specs.income(), ext, income)
    else:
        missing(ext, "overview", "收入预算", "the income budget")
    spending = paragraph(lines, "支出预算", "支出总额")
    if not spending:
        missing(ext, "overview", "支出预算", "the expenditure budget")
    elif not reference.has_year(ext.fiscal_year):
        ext.miss(
            "overview",
            "unknown-name",
            spending,
            f"数据包的科目代码表（function_codes）中没有 {ext.fiscal_year} 年的科目，"
            "支出功能分类未读取；请先补充代码表",
            f"the package's function_codes has no codes for {ext.fiscal_year}; expenditure by function is not read: "
            "add that year's code list first",
        )
    else:
        read_paragraph(specs.expenditure_by_function(reference, ext.fiscal_year), ext, spending)


def read_explanation(document: Document, ext: Extraction) -> None:
    lines = document.lines("explanation")
    if not lines:
        return
    text = paragraph(lines, "基本支出", "财政拨款支出", "项目支出")
    if text is None:
        missing(ext, "explanation", "基本支出和项目支出", "basic and project expenditure")
    else:
        fund = specs.GENERAL_BUDGET if "一般公共预算" in text else specs.ALL_FUNDS
        spec = specs.expenditure_by_type(fund)
        spec.skip = (INCOME_REPEATED,)
        read_paragraph(spec, ext, text)
        _income_repeated(ext, squeeze(text))
    _government_fund(ext, lines)


def _income_repeated(ext: Extraction, text: str) -> None:
    """The explanation restates the general-budget income: it must equal the income table's."""
    match = re.search(INCOME_REPEATED, text)
    if not match:
        return
    money = amount(match.group("number"), match.group("unit"))
    stated = money.text
    income = next((r for r in ext.rows.get("income", []) if r.get("item") == "general_budget"), None)
    held = (income or {}).get("amount") or ""
    if held and _same(converted(held, income.get("unit") or money.unit, money.unit), stated):
        return
    ext.miss(
        "explanation",
        "irregular",
        match.group(0),
        f"说明中的一般公共预算财政拨款收入 {stated}{money.unit}与收入预算中的一般公共预算拨款"
        f"（{(income or {}).get('amount') or '未读取'}）不一致或无从核对",
        f"the explanation's general-budget income {stated} does not match the income budget's "
        f"({(income or {}).get('amount') or 'not read'}) or cannot be compared",
    )


def _same(a: str, b: str) -> bool:
    return Decimal(a) == Decimal(b)


def _government_fund(ext: Extraction, lines: list[str]) -> None:
    line = next((ln for ln in lines if "政府性基金" in ln), None)
    if line is None:
        missing(ext, "explanation", "政府性基金预算支出", "government fund expenditure")
        return
    sentence = next(s for s in re.findall(r"[^。]*。|[^。]+$", squeeze(line)) if "政府性基金" in s)
    figures = [Decimal(m.group("number").replace(",", "")) for m in re.finditer(specs.AMOUNT, sentence)]
    if figures:
        none = not any(figures)  # "政府性基金预算拨款收入0万元，支出0万元"
    elif re.search(patterns.NONE_STATED, sentence):
        none = True
    else:
        ext.miss("explanation", "unread-clause", sentence, *_FUND_UNCLEAR)
        return
    values = {"government_fund_expenditure": "false" if none else "true", "government_fund_statement": sentence}
    ext.put("disclosures", {}, values, sentence, "explanation")
    if not none:
        ext.miss(
            "explanation",
            "unread-clause",
            sentence,
            "本部门有政府性基金预算支出，但数据包尚无存放其金额的表，金额未读取",
            "the department has government fund expenditure, which no table of the package holds yet; not read",
        )


_FUND_UNCLEAR = (
    "这句话提到政府性基金，但既无金额也未说明“无”，看不出有无政府性基金预算支出，未读取",
    "this sentence names government funds but states neither an amount nor that there is none; not read",
)
