"""Writing one sheet of the template, and the instructions sheet."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from publish.core import (
    CHANGE_WORDS,
    DEFAULT_KIND,
    DEFAULT_SCOPE,
    DOCUMENT_KINDS,
    SCOPES,
    Package,
    Resource,
    escape,
    official_names,
)
from publish.template.layout import CODES_SHEET, INSTRUCTIONS_SHEET, KEY_FIELDS, LISTS_SHEET

HEADER_LINE = 2
LOCKED_FILL = PatternFill("solid", fgColor="DDDDDD")
HEADER_FILL = PatternFill("solid", fgColor="BDD7EE")
WHOLE = re.compile(r"^-?\d+$")


class SheetWriter:
    """Rows into one resource's sheet; drop-downs, validation and protection when finished."""

    def __init__(self, sheet: Any, resource: Resource, lists: Any, codes: list[tuple[str, str, str]]):
        self.sheet, self.resource, self.lists, self.codes = sheet, resource, lists, codes
        self.fields = resource.fields
        self.words = _official_words(resource.name)
        self.identity = set(resource.primary_key) | {"parent_item"}
        self.identity |= {f"{name}_name" for name in resource.primary_key}
        self.next_line = HEADER_LINE + 1

    def write(self, title: str) -> None:
        sheet = self.sheet
        escape.excel_text_cell(sheet.cell(1, 1), title)
        sheet.cell(1, 1).font = Font(bold=True, size=13)
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(self.fields))
        for column, field in enumerate(self.fields, start=1):
            cell = sheet.cell(HEADER_LINE, column)
            escape.excel_text_cell(cell, str(field.get("title") or field["name"]))
            cell.font, cell.fill = Font(bold=True), HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            note = f"{field['name']}\n{field.get('description', '')}"
            cell.comment = Comment(note, "publish", width=320, height=160)
            width = max(10, min(40, 2 * len(str(cell.value)) + 2))
            sheet.column_dimensions[get_column_letter(column)].width = width
        sheet.freeze_panes = sheet.cell(HEADER_LINE + 1, 1)

    def add_row(self, row: dict[str, str], locked_identity: bool = False) -> None:
        line, self.next_line = self.next_line, self.next_line + 1
        for column, field in enumerate(self.fields, start=1):
            cell = self.sheet.cell(line, column)
            write_value(cell, row.get(field["name"], ""), field.get("type", "string"))
            locked = field["name"] in KEY_FIELDS or (locked_identity and field["name"] in self.identity)
            cell.protection = Protection(locked=locked)
            if locked:
                cell.fill = LOCKED_FILL
            elif field.get("type", "string") == "string":
                cell.number_format = "@"

    def add_blank_rows(self, count: int, *disclosure: str) -> None:
        """``count`` empty rows with the disclosure's key filled in (fiscal_year, department_id, kind, scope)."""
        keys = dict(zip(KEY_FIELDS, disclosure, strict=True))
        for _ in range(count):
            self.add_row({k: v for k, v in keys.items() if k in {f["name"] for f in self.fields}})

    def finish(self) -> None:
        last = max(self.next_line - 1, HEADER_LINE + 1)
        for column, field in enumerate(self.fields, start=1):
            if field["name"] in KEY_FIELDS:
                continue
            validation = self._validation(field)
            if validation is not None:
                letter = get_column_letter(column)
                validation.add(f"{letter}{HEADER_LINE + 1}:{letter}{last}")
                self.sheet.add_data_validation(validation)
        protection = self.sheet.protection
        protection.sheet = True
        protection.formatColumns = protection.formatRows = protection.formatCells = False
        protection.insertRows = protection.deleteRows = False

    def _validation(self, field: dict[str, Any]) -> DataValidation | None:
        kind = field.get("type", "string")
        constraints = field.get("constraints", {})
        title = field.get("title") or field["name"]
        if constraints.get("enum"):
            return _list(self.lists.range_for(constraints["enum"]), title)
        if field["name"] in self.words:  # a published wording: the form offers the official ones
            return _list(self.lists.range_for(self.words[field["name"]]), title)
        if kind == "boolean":
            return _list(self.lists.range_for(["true", "false"]), title)
        if field["name"] == "function_code" and self.codes:
            return _list(f"'{CODES_SHEET}'!$A$2:$A${len(self.codes) + 1}", title)
        if kind in ("number", "integer", "year"):
            return _bounded(kind, constraints, title)
        return None


def _list(formula: str, title: str) -> DataValidation:
    return DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="请从下拉列表中选择 Choose from the list",
        error=f"“{title}”只能从下拉列表中选择。Choose a value from the list.",
    )


def _bounded(kind: str, constraints: dict[str, Any], title: str) -> DataValidation:
    low, high = constraints.get("minimum"), constraints.get("maximum")
    operator, first, second = "between", str(-(10**15) if low is None else low), str(10**15 if high is None else high)
    whole = kind in ("integer", "year")
    return DataValidation(
        type="whole" if whole else "decimal",
        operator=operator,
        formula1=first,
        formula2=second,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="请填数字 Enter a number",
        error=f"“{title}”只能填{'整数' if whole else '数字（按本行金额单位，不写单位）'}，范围 {first}～{second}。"
        f"Enter {'a whole number' if whole else 'a number in the unit of the row, without unit'} between {first} and {second}.",
    )


def write_value(cell: Any, text: str, field_type: str) -> None:
    """Put a text value into a cell as Excel should hold it; text stays text (never a formula)."""
    if text == "":
        return
    if field_type in ("integer", "year") and WHOLE.match(text):
        cell.value = int(text)
        return
    if field_type == "number":
        try:
            cell.value = Decimal(text)
            return
        except InvalidOperation:
            pass
    escape.excel_text_cell(cell, text)


def _official_words(resource: str) -> dict[str, list[str]]:
    """The fields that keep a published wording, with the official wordings the form offers in a drop-down."""
    words = {
        f"{column}_name": list(official_names(resource, column).values()) for column in ("item", "measure", "fund")
    }
    return {**{field: names for field, names in words.items() if names}, "change_word": list(CHANGE_WORDS)}


class Lists:
    """The hidden sheet holding drop-down lists, one column per distinct list."""

    def __init__(self, sheet: Any):
        self.sheet = sheet
        self.columns: dict[tuple[str, ...], str] = {}

    def range_for(self, values: list[str]) -> str:
        key = tuple(str(v) for v in values)
        if key not in self.columns:
            column = len(self.columns) + 1
            for row, value in enumerate(key, start=1):
                escape.excel_text_cell(self.sheet.cell(row, column), value)
            letter = get_column_letter(column)
            self.columns[key] = f"'{LISTS_SHEET}'!${letter}$1:${letter}${len(key)}"
        return self.columns[key]


INSTRUCTIONS = (
    "填写说明",
    "1. 每张工作表对应一张数据表，表头为中文字段名；把鼠标停在表头上可看到字段代码与英文说明。",
    "2. 灰色单元格（预算年度、部门编号，以及必填项目的代码和名称）已锁定，请勿修改；白色单元格请填写。",
    "3. 金额按原文的单位填写：每行的“金额单位”列选元、万元或亿元（默认万元），元最多两位小数；只填数字，"
    "不要写“元”或“万元”；没有的金额填 0，不要留空。",
    "4. 已列出的行（如收入的六项来源、“三公”经费四项及合计、政府采购货物/工程/服务/总额）是必须公开的项目，"
    "请逐项填写；列在其下的明细（人员经费、日常公用经费、各类车辆、政府采购中的一般公共预算部分）有则填写。",
    "5. 需要增加的行（功能分类科目、绩效指标、名词解释）写在已列出行下方的空白行中；功能分类科目编码可从下拉列表选择，"
    "完整列表见“科目代码”工作表。",
    "6. 有下拉列表的单元格请从列表中选择。",
    "7. 报送前可运行 publish add 文件.xlsx --dry-run 检查：错误会指出工作表和单元格（如 收入预算!F5）。",
    "8. 自动规范化（会逐条提示，不改变含义）：以文本存储的数字、千位分隔符、全角数字和标点、首尾空格、金额后的“万元”、"
    "表头上方的标题行、合并单元格。含义不明确的内容（如“1,5”或以“元”为单位的金额）不会被猜测，而会报错。",
    "",
    "Instructions (English): one sheet per table; grey cells are locked; amounts in the row's unit (金额单位: 元, 万元 "
    "or 亿元; default 万元), numbers only;",
    "fill every required line (0 where there is none) and the breakdowns below them where known; add rows below;",
    "check with `publish add FILE --dry-run`.",
)


def write_instructions(
    sheet: Any, package: Package, department_id: str, fiscal_year: str, name: str, kind: str, scope: str
) -> None:
    """The cover sheet: which disclosure the template is for (year, department, kind, scope) and how to fill it."""
    sheet.title = INSTRUCTIONS_SHEET
    (kind_zh, kind_en), (scope_zh, scope_en) = DOCUMENT_KINDS[kind], SCOPES[scope]
    document = "部门预算" if (kind, scope) == (DEFAULT_KIND, DEFAULT_SCOPE) else f"{scope_zh}{kind_zh}"
    title = f"{package.descriptor.get('title', '')}：{name}（{department_id}）{fiscal_year} 年{document}报送模板"
    escape.excel_text_cell(sheet.cell(1, 1), title)
    sheet.cell(1, 1).font = Font(bold=True, size=14)
    escape.excel_text_cell(
        sheet.cell(2, 1),
        f"预算年度 Fiscal year：{fiscal_year}    部门编号 Department id：{department_id}    "
        f"文件种类 Kind：{kind_zh} {kind} ({kind_en})    公开范围 Scope：{scope_zh} {scope} ({scope_en})",
    )
    for line, text in enumerate(INSTRUCTIONS, start=4):
        escape.excel_text_cell(sheet.cell(line, 1), text)
    sheet.column_dimensions["A"].width = 140
    sheet.protection.sheet = True
