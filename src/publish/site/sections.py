"""The tables of a department-year page, declared once: which resource, which columns, how each reads.

A column's ``kind`` says how a cell is shown: ``name`` (the row header, indented by depth),
``money`` (万元, two decimals, converted from the row's unit), ``change`` (↑/↓/持平 from change, change_word, change_rate),
``number`` (as published), ``target`` (value or qualitative text) or ``text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from publish.core import FUND_NAMES
from publish.site import formatting
from publish.site.model import DepartmentYear, Row


@dataclass(frozen=True)
class Column:
    field: str
    zh: str
    en: str
    kind: str = "text"


@dataclass(frozen=True)
class Section:
    resource: str
    anchor: str
    zh: str
    en: str
    columns: tuple[Column, ...]
    group_by: str | None = None
    only: tuple[tuple[str, str], ...] = ()  # (field, value) a row must have to be shown (an empty field passes)


@dataclass
class Cell:
    text: str
    kind: str
    css: str = ""
    depth: int = 0


@dataclass
class Table:
    section: Section
    groups: list[tuple[str, list[list[Cell]]]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any(rows for _, rows in self.groups)


NAME = Column("item_name", "项目", "Item", "name")
AMOUNT = Column("amount", "金额（万元）", "Amount (10k yuan)", "money")
CHANGE = Column("change", "较上年增减（万元）", "Change on last year", "change")
REASON = Column("change_reason", "增减原因", "Reason for the change")
PURPOSE = Column("purpose", "主要用途", "Main uses")

SECTIONS: tuple[Section, ...] = (
    Section("income", "income", "收入预算", "Income budget by source", (NAME, AMOUNT, CHANGE, REASON)),
    Section(
        "expenditure_by_function",
        "function",
        "支出预算（按功能分类科目）",
        "Expenditure by function",
        (
            Column("function_code", "科目编码", "Code", "code"),
            Column("item_name", "科目名称", "Name", "name"),
            AMOUNT,
            CHANGE,
            REASON,
        ),
        "fund",
        (("cost_type", "total"),),
    ),
    Section(
        "expenditure_by_type",
        "type",
        "基本支出与项目支出",
        "Basic and project expenditure",
        (NAME, AMOUNT, CHANGE, REASON, PURPOSE),
        "fund_name",
    ),
    Section(
        "sangong", "sangong", "“三公”经费", "The 'three public' costs", (NAME, AMOUNT, CHANGE, REASON), "fund_name"
    ),
    Section(
        "operating_costs",
        "operating",
        "机关运行经费",
        "Office operating costs",
        (Column("fund_name", "资金范围", "Funds", "name"), AMOUNT, CHANGE, REASON, PURPOSE),
    ),
    Section("procurement", "procurement", "政府采购预算", "Government procurement", (NAME, AMOUNT), "fund_name"),
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
    """Every section's table for one department-year (a section with no rows gives an empty table)."""
    return [build_table(section, view.rows(section.resource)) for section in SECTIONS]


def build_table(section: Section, rows: list[Row]) -> Table:
    table = Table(section)
    for row in rows:
        if any(row.get(name) not in (None, "", value) for name, value in section.only):
            continue
        group = _group_label(section, row)
        if not table.groups or table.groups[-1][0] != group:
            table.groups.append((group, []))
        table.groups[-1][1].append([_cell(column, row) for column in section.columns])
    return table


def _group_label(section: Section, row: Row) -> str:
    """The heading a row is listed under: its ``group_by`` value; a fund key reads as the fund's official name."""
    if not section.group_by:
        return ""
    value = row.get(section.group_by, "")
    return FUND_NAMES[value][0] if section.group_by == "fund" and value in FUND_NAMES else value


def _cell(column: Column, row: Row) -> Cell:
    value = row.get(column.field) or ""
    depth = int(row.get("_depth") or 0)
    if column.kind == "money":
        return Cell(formatting.wan(value, row.get("unit")) if value else formatting.MISSING, "money", "num")
    if column.kind == "change":
        text = formatting.change_text(value, row.get("change_word"), row.get("change_rate"), row.get("unit"))
        return Cell(text, "change", f"num change-{formatting.change_class(value)}")
    if column.kind == "number":
        return Cell(formatting.plain_number(value), "number", "num")
    if column.kind == "target":
        shown = formatting.plain_number(value) if value else (row.get("target_text") or formatting.MISSING)
        return Cell(shown, "target", "num")
    if column.kind == "name":
        return Cell(value or formatting.MISSING, "name", f"depth-{min(depth, 3)}", depth)
    return Cell(value, column.kind)
