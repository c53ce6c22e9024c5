"""A submission as an Excel workbook (.xlsx): the filled template, or any workbook laid out like it.

Sheets are matched to resources by the resource's Chinese title (the template's sheet names)
or its name. Cells are read as Excel last computed them; a formula Excel never computed (the
file was not saved by Excel) is a finding, as is an .xls file. Merged cells in the data area
give their value to every cell they cover, with a note.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from publish.core import DEFAULT_KIND, DEFAULT_SCOPE, Finding, Package
from publish.submission.cells import NOTES_EN, NOTES_ZH
from publish.submission.guard import oversized, unsafe_workbook
from publish.submission.model import Submission
from publish.submission.table import read_table
from publish.template import AUXILIARY_SHEETS, META_SHEET, NOT_SUBMITTED, sheet_name, submitted_resources

TEMPLATE_HEADER_LINE = 2


def read_workbook(path: Path, package: Package) -> Submission:
    submission = Submission(source=path, kind="xlsx")
    books = _open(path, submission)
    if books is None:
        return submission
    values, formulas = books
    submission.claim = _meta_claim(values)
    resources = submitted_resources(package)
    by_sheet = {sheet_name(r): r for r in resources.values()} | {r.name: r for r in resources.values()}
    seen = set()
    for sheet in values.worksheets:
        if sheet.title in AUXILIARY_SHEETS:
            continue
        resource = by_sheet.get(sheet.title)
        if sheet.sheet_state != "visible":
            seen.add(resource.name if resource else "")
            submission.problems.append(_hidden_sheet(path.name, sheet.title, sheet.sheet_state))
            continue
        if resource is None:
            if _has_content(sheet):
                submission.problems.append(_unknown_sheet(path.name, sheet.title, package))
            continue
        seen.add(resource.name)
        raw = _raw_rows(sheet, formulas[sheet.title], submission)
        submission.add_table(read_table(resource.name, resource.schema, raw, sheet.title, "xlsx", TEMPLATE_HEADER_LINE))
    for name in resources:
        if name not in seen:
            submission.problems.append(_missing_sheet(path.name, sheet_name(resources[name])))
    return submission


def _open(path: Path, submission: Submission) -> tuple[Any, Any] | None:
    from openpyxl import load_workbook

    if path.suffix.lower() != ".xlsx":
        submission.problems.append(_problem(path.name, "submission-not-xlsx", *_NOT_XLSX))
        return None
    if refusal := oversized(path) or unsafe_workbook(path):
        submission.problems.append(_problem(path.name, "submission-unsafe", *refusal))
        return None
    try:
        return load_workbook(path, data_only=True), load_workbook(path, data_only=False)
    except Exception as error:  # a damaged or hostile file: openpyxl fails in many ways, all mean "unreadable"
        zh, en = _UNREADABLE
        submission.problems.append(_problem(path.name, "submission-unreadable", zh, f"{en} ({error})"))
        return None


_NOT_XLSX = (
    "只接受 .xlsx 工作簿或 CSV 文件夹；.xls 等旧格式请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”",
    "only an .xlsx workbook or a folder of CSV files is accepted; save an .xls as 'Excel Workbook (*.xlsx)'",
)
_UNREADABLE = (
    "无法作为 Excel 工作簿打开，文件可能已损坏，请用 Excel 重新保存",
    "cannot be opened as an Excel workbook",
)


def _meta_claim(book: Any) -> tuple[str, ...] | None:
    """The disclosure the template was made for (a template without kind and scope: the consolidated budget)."""
    if META_SHEET not in book.sheetnames:
        return None
    meta = {str(k): str(v) for k, v, *_ in book[META_SHEET].iter_rows(values_only=True) if k is not None}
    year, dept = meta.get("fiscal_year", ""), meta.get("department_id", "")
    kind, scope = meta.get("document_kind") or DEFAULT_KIND, meta.get("scope") or DEFAULT_SCOPE
    return (year, dept, kind, scope) if year and dept else None


def _raw_rows(sheet: Any, formula_sheet: Any, submission: Submission) -> list[tuple[int, list[Any]]]:
    raw = [(index, list(cells)) for index, cells in enumerate(sheet.iter_rows(values_only=True), start=1)]
    for number, cells in raw:
        for pos, value in enumerate(cells):
            source = formula_sheet.cell(number, pos + 1)
            if value is None and source.data_type == "f":
                submission.problems.append(_uncomputed(sheet.title, source.coordinate, str(source.value)))
    for merged in sheet.merged_cells.ranges:
        top = sheet.cell(merged.min_row, merged.min_col).value
        for number in range(merged.min_row, merged.max_row + 1):
            for column in range(merged.min_col, merged.max_col + 1):
                raw[number - 1][1][column - 1] = top
        if merged.min_row > TEMPLATE_HEADER_LINE and top is not None:
            submission.notes.append(_merged_note(sheet.title, merged.coord, top))
    return raw


def _has_content(sheet: Any) -> bool:
    return any(v not in (None, "") for row in sheet.iter_rows(values_only=True) for v in row)


def _uncomputed(sheet: str, coordinate: str, formula: str) -> Finding:
    where = f"{sheet}!{coordinate}"
    return Finding(
        rule="submission-formula-not-computed",
        severity="error",
        path=sheet,
        message_zh=f"{where}：公式 {formula} 没有计算结果（文件不是由 Excel 保存的）。"
        "请用 Excel 打开并保存，或直接填数值。",
        message_en=f"{where}: the formula {formula} has no computed value (the file was not saved by Excel); "
        "open and save it in Excel, or enter the figure.",
    )


def _merged_note(sheet: str, coord: str, value: Any) -> Finding:
    rule = "normalised-merged-cell"
    return Finding(
        rule=rule,
        severity="warning",
        path=sheet,
        message_zh=f"{sheet}!{coord}：{NOTES_ZH[rule]}（“{value}”）。",
        message_en=f"{sheet}!{coord}: {NOTES_EN[rule]} ('{value}').",
    )


def _unknown_sheet(file: str, title: str, package: Package) -> Finding:
    names = "、".join(sheet_name(r) for r in submitted_resources(package).values())
    refused = {name for name in NOT_SUBMITTED} | {
        sheet_name(package.resources[n]) for n in NOT_SUBMITTED if n in package.resources
    }
    if title in refused:
        zh, en = "代码表不随部门报送提交，请删除该工作表", "code lists are not part of a submission: delete the sheet"
    else:
        zh, en = f"不是本数据包的表，工作表名应为：{names}", f"not a table of the package; sheet names are: {names}"
    return _problem(file, "submission-unknown-sheet", f"工作表“{title}”{zh}", f"sheet '{title}' is {en}")


def _hidden_sheet(file: str, title: str, state: str) -> Finding:
    return _problem(
        file,
        "submission-hidden-sheet",
        f"工作表“{title}”被隐藏（{state}），隐藏的内容审核人看不到，不予读取；请在 Excel 中取消隐藏并核对后再报送，"
        "或删除该工作表",
        f"the sheet '{title}' is hidden ({state}): what a reviewer cannot see is not read; unhide and check it in "
        "Excel, or delete it, and resubmit",
    )


def _missing_sheet(file: str, title: str) -> Finding:
    return _problem(
        file,
        "submission-missing-sheet",
        f"缺少工作表“{title}”。请使用 publish template 生成的模板，不要删除工作表",
        f"the sheet '{title}' is missing; use the template made by publish template and keep every sheet",
    )


def _problem(file: str, rule: str, zh: str, en: str) -> Finding:
    return Finding(rule=rule, severity="error", path=file, message_zh=f"{file}：{zh}。", message_en=f"{file}: {en}.")
