"""The tables of a department-year page, declared once: which resource, which columns, how each reads.

Each section names its table, its columns (site/tables.py says how a column reads) and how its rows are grouped.
A part the document does not publish (`disclosure_parts`) is a statement on the table, or on its fund's group,
never an empty table or a zero.
"""

from __future__ import annotations

from publish.site.economic import economic_lines
from publish.site.model import DepartmentYear
from publish.site.parts import PartStatuses, statuses_for
from publish.site.tables import BUDGETS, Column, Section, Table, build_table, fund_name

NAME = Column("item_name", "项目", "Item", "name")
AMOUNT = Column("amount", "金额（万元）", "Amount (10k yuan)", "money")
CHANGE = Column("change", "较上年增减（万元）", "Change on last year", "change")
REASON = Column("change_reason", "增减原因", "Reason for the change")
PURPOSE = Column("purpose", "主要用途", "Main uses")

SECTIONS: tuple[Section, ...] = (
    Section(
        "income",
        "income",
        "收入预算",
        "Income by source",
        (NAME, AMOUNT, *BUDGETS, CHANGE, REASON),
        final_zh="收入决算",
    ),
    Section(
        "expenditure_by_function",
        "function",
        "支出预算（按功能分类科目）",
        "Expenditure by function",
        (
            Column("function_code", "科目编码", "Code", "code"),
            Column("item_name", "科目名称", "Name", "name"),
            AMOUNT,
            *BUDGETS,
            CHANGE,
            REASON,
        ),
        "fund",
        (("cost_type", "total"),),
        final_zh="支出决算（按功能分类科目）",
    ),
    Section(
        "expenditure_by_type",
        "type",
        "基本支出与项目支出",
        "Basic and project expenditure",
        (NAME, AMOUNT, *BUDGETS, CHANGE, REASON, PURPOSE),
        "fund_name",
    ),
    Section(
        "expenditure_by_economic",
        "economic",
        "基本支出按经济分类",
        "Basic expenditure by economic classification",
        (
            Column("code", "科目编码", "Code", "code"),
            Column("code_name", "科目名称", "Name", "name"),
            Column("amount", "合计（万元）", "Total (10k yuan)", "money"),
            Column("personnel_amount", "人员经费（万元）", "Personnel", "money", True),
            Column("public_amount", "公用经费（万元）", "Public funds", "money", True),
            *BUDGETS,
        ),
        "fund",
        arrange=economic_lines,
    ),
    Section(
        "sangong",
        "sangong",
        "“三公”经费",
        "The 'three public' costs",
        (NAME, AMOUNT, *BUDGETS, CHANGE, REASON),
        "fund_name",
    ),
    Section(
        "operating_costs",
        "operating",
        "机关运行经费",
        "Office operating costs",
        (Column("fund_name", "资金范围", "Funds", "name"), AMOUNT, *BUDGETS, CHANGE, REASON, PURPOSE),
    ),
    Section(
        "procurement",
        "procurement",
        "政府采购预算",
        "Government procurement",
        (NAME, AMOUNT, *BUDGETS),
        "fund_name",
        final_zh="政府采购",
    ),
    Section(
        "assets",
        "vehicles",
        "国有资产占用（车辆）",
        "Vehicles",
        (NAME, Column("count", "数量（辆）", "Vehicles", "number"), Column("as_of", "截止年月", "As of")),
        "measure_name",
    ),
    Section(
        "kpis",
        "kpis",
        "绩效指标",
        "Performance indicators",
        (
            Column("indicator_no", "序号", "No.", "number"),
            Column("indicator_name", "指标名称", "Indicator", "name"),
            Column("weight", "权重", "Weight", "number"),
            Column("unit", "计量单位", "Unit"),
            Column("operator", "指标性质", "Operator"),
            Column("target_value", "指标值", "Target", "target"),
        ),
        "goal_name",
    ),
    Section(
        "glossary",
        "glossary",
        "专业性名词解释",
        "Glossary",
        (
            Column("term_no", "序号", "No.", "number"),
            Column("term", "名词", "Term", "name"),
            Column("definition", "解释", "Definition"),
        ),
    ),
)


def tables_for(view: DepartmentYear) -> list[Table]:
    """Every section's table for one department-year: its rows, or the statement of a part it lacks."""
    statuses = statuses_for(view)
    final = view.document_kind == "final_account"
    return [_table_of(section, view, statuses, final) for section in SECTIONS]


def _table_of(section: Section, view: DepartmentYear, statuses: PartStatuses, final: bool) -> Table:
    rows = view.rows(section.resource)
    table = build_table(section, section.arrange(rows) if section.arrange else rows)
    table.final = final
    table.status = statuses.of_section(section.resource)
    shown = {group for group, _ in table.groups}
    table.fund_statuses = [
        (fund_name(fund), status)
        for fund, status in statuses.funds_of(section.resource).items()
        if fund_name(fund) not in shown
    ]
    return table
