"""The amount tables the template's paragraphs state, and the names their lines are published under.

One ``Part`` per line of a table; its ``names`` regex lists every way documents write the name
(one alternative per variant). Function classes are not listed here: they are looked up in the
package's code list of the fiscal year (see ``reference.py``).
"""

from __future__ import annotations

import re

from publish.core import parent_code
from publish.extract import patterns
from publish.extract.reference import Reference
from publish.extract.tables import Part, Spec

AMOUNT = patterns.AMOUNT
YEAR_BUDGET = patterns.alternation(patterns.YEAR_BUDGET)
GENERAL_BUDGET = {"fund": "general_budget", "fund_name": "一般公共预算财政拨款"}
# What may follow a 三公 item's name before its amount: "公务接待费支出决算", "因公出国（境）费预算".
SPENT = r"(?:支出)?(?:[预决]算)?(?:数)?"
CODE_OF_ANOTHER_YEAR = (
    "“{name}”不在{year}年科目代码表中，按{found[fiscal_year]}年代码表的{found[code]}“{found[name]}”读取（类级代码历年不变）"
    " / '{name}' is not in the {year} code list; read as {found[code]} of the {found[fiscal_year]} list"
    " (class codes do not change)"
)
CLASS_DIGITS = 3  # a class (类) code: 201, 208 …
APPROPRIATIONS = {"fund": "appropriation", "fund_name": "财政拨款"}
ALL_FUNDS = {"fund": "all", "fund_name": "全部资金"}


def _part(item: str, names: str, item_name: str, parent: str | None = "total") -> Part:
    fields = {"item_name": item_name, **({"parent_item": parent} if parent else {})}
    return Part({"item": item}, names, fields)


def income() -> Spec:
    return Spec(
        "income",
        "overview",
        totals=(
            ("年初预算数", rf"{YEAR_BUDGET}(?:为)?{AMOUNT}"),
            ("收入总额", rf"收入(?:预算)?(?:总额|总计|合计)(?:为)?{AMOUNT}"),
            ("收入预算", rf"{patterns.AFTER_YEAR}收入预算(?:数)?(?:为)?{AMOUNT}"),
        ),
        total=_part("total", "", "收入合计", None),
        parts=[
            _part("general_budget", r"一般公共预算(?:财政)?拨款(?:收入)?", "一般公共预算拨款"),
            _part("government_fund", r"政府性基金(?:预算)?(?:财政)?拨款(?:收入)?", "政府性基金预算拨款"),
            _part("state_capital", r"国有资本经营(?:预算)?(?:收入|(?:财政)?拨款(?:收入)?)", "国有资本经营预算收入"),
            _part("business", r"事业收入", "事业收入"),
            _part("business_operation", r"(?:事业单位)?经营收入", "事业单位经营收入"),
            _part("other", r"其他收入", "其他收入"),
            _part("carryover", r"上年结转(?:结余)?(?:收入)?|年初结转(?:和|及)?结余", "上年结转", None),
        ],
    )


def expenditure_by_function(reference: Reference, year: str) -> Spec:
    spec = Spec(
        "expenditure_by_function",
        "overview",
        totals=(
            ("年初预算数", rf"{YEAR_BUDGET}(?:为)?{AMOUNT}"),
            ("支出总额", rf"支出(?:预算)?(?:总额|总计|合计)(?:为)?{AMOUNT}"),
            ("支出预算", rf"{patterns.AFTER_YEAR}支出预算(?:数)?(?:为)?{AMOUNT}"),
        ),
        total=_part("total", "", "合计", None),
    )
    spec.resolve = lambda name, code: function_class(reference, year, name, code)
    return spec


def function_class(reference: Reference, year: str, name: str, code: str | None) -> Part | None:
    """The line of a function class, by its code or by its name in that year's code list; a class (类) that
    list lacks is read with the code another year's list gives it (class codes do not change), saying so."""
    name = re.sub(r"[（(]类[）)]", "", name)
    if code:
        row = reference.code(year, code)
        if row is None or row["name"] not in _spellings(name):
            row = _class_of_another_year(reference, year, name, code)
    else:
        found = reference.codes_named(year, name)
        row = found[0] if len(found) == 1 else _class_of_another_year(reference, year, name, None)
    if row is None:
        return None
    code, parent = row["code"], parent_code(row["code"])
    fields = {"item_name": row["name"], "parent_item": parent, "classification_year": row["fiscal_year"]}
    note = "" if row["fiscal_year"] == year else CODE_OF_ANOTHER_YEAR.format(name=name, year=year, found=row)
    return Part({"item": code}, "", {**fields, "function_code": code}, note)


def _spellings(name: str) -> set[str]:
    return {name, name + "支出", name.removesuffix("支出")}


def _class_of_another_year(reference: Reference, year: str, name: str, code: str | None) -> dict | None:
    """A class name absent from ``year``'s list, found in other years' lists under one class code (the nearest
    year's row is used: its ``classification_year`` names that list, so nothing claims the year's own list has it)."""
    if (code is not None and len(code) != CLASS_DIGITS) or reference.codes_named(year, name):
        return None
    rows = [r for r in reference.codes if len(r["code"]) == CLASS_DIGITS and r["name"] in _spellings(name)]
    if code is not None:
        rows = [r for r in rows if r["code"] == code]
    if len({r["code"] for r in rows}) != 1:
        return None
    return min(rows, key=lambda r: abs(int(r["fiscal_year"]) - int(year or 0)))


def expenditure_by_type(fund: dict[str, str]) -> Spec:
    return Spec(
        "expenditure_by_type",
        "explanation",
        totals=(("财政拨款支出", rf"(?:一般公共预算)?财政拨款支出(?:预算)?(?:为)?{AMOUNT}"),),
        total=_part("total", "", "支出合计", None),
        parts=[
            _part("basic", r"基本支出", "基本支出"),
            _part("project", r"项目支出", "项目支出"),
            _part("personnel", r"人员经费(?:支出)?", "人员经费", "basic"),
            _part("public_operating", r"(?:日常)?公用经费(?:支出)?", "日常公用经费", "basic"),
        ],
        fund=fund,
    )


def sangong() -> Spec:
    return Spec(
        "sangong",
        "sangong",
        totals=patterns.SANGONG_TOTALS,
        total=_part("total", "", "“三公”经费合计", None),
        parts=[
            _part(
                "outbound_travel",
                rf"(?:因公)?出国（境）(?:费用?|经费){SPENT}|因公出国费用?{SPENT}",
                "因公出国（境）费用",
            ),
            _part("reception", rf"(?:国内)?公务接待费用?{SPENT}", "公务接待费"),
            _part(
                "vehicle",
                rf"公务用车购置[及和]运行(?:维护|维修)?费用?{SPENT}|公务用车购置及运维费{SPENT}",
                "公务用车购置及运行维护费",
            ),
            _part(
                "vehicle_operation",
                rf"公务用车运行(?:维护|维修)?(?:费用?)?{SPENT}|公务用车运维费{SPENT}",
                "公务用车运行维护费",
            ),
            _part("vehicle_purchase", rf"公务用车购置(?:费用?)?{SPENT}", "公务用车购置费"),
        ],
        fund=GENERAL_BUDGET,
    )


def operating_costs(fund: dict[str, str]) -> Spec:
    return Spec(
        "operating_costs",
        "other",
        totals=patterns.OPERATING_TOTALS,
        total=Part({}, "", {}),
        fund=fund,
    )
