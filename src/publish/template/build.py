"""The Excel template a department fills in: generated from the package's schemas.

One sheet per resource, named by its Chinese title; Chinese headers (field titles) with the
field name and English description in a cell note; the fiscal year and department filled in
and locked; drop-downs for every enum and for the function codes of that year; decimal and
whole-number validation; the required lines listed. Text is always written as text, so a
value starting with ``=`` is never a formula. ``from_data`` fills the sheets with what the
package holds for that department-year, so a correction starts from what was published.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from publish.core import (
    DEFAULT_KIND,
    DEFAULT_PROFILE,
    DEFAULT_SCOPE,
    IDENTITY,
    Package,
    PublishError,
    atomic,
    csvfile,
    escape,
    identity_words,
    load,
)
from publish.template.layout import CODES_SHEET, LISTS_SHEET, META_SHEET, sheet_name, submitted_resources
from publish.template.rows import (
    BLANK_ROWS,
    DEFAULT_BLANK_ROWS,
    identity,
    listed_rows,
    published_profile,
    published_rows,
    template_rows,
)
from publish.template.sheet import Lists, SheetWriter, write_instructions

TEMPLATE_VERSION = "1"


class TemplateError(PublishError):
    """The template cannot be made as asked (e.g. no published data to export)."""


@dataclass
class TemplateResult:
    path: Path
    sheets: list[str]
    rows: int


def write_template(
    package_path: str | Path,
    department_id: str,
    fiscal_year: str,
    output: str | Path,
    from_data: bool = False,
    kind: str = DEFAULT_KIND,
    scope: str = DEFAULT_SCOPE,
    profile: str | None = None,
) -> TemplateResult:
    """Write the template of one disclosure (department-year, kind, scope) to ``output`` (atomically) and say
    what it holds: the lines of ``profile`` (None: the profile the package holds for the disclosure, else the
    default)."""
    package = load(package_path)
    profile = profile or published_profile(package, department_id, str(fiscal_year), kind, scope)
    data, sheets, rows = build_template(package, department_id, str(fiscal_year), from_data, kind, scope, profile)
    atomic.write_bytes(output, data)
    return TemplateResult(Path(output), sheets, rows)


def build_template(
    package: Package,
    department_id: str,
    fiscal_year: str,
    from_data: bool,
    kind: str = DEFAULT_KIND,
    scope: str = DEFAULT_SCOPE,
    profile: str = DEFAULT_PROFILE,
) -> tuple[bytes, list, int]:
    """The xlsx bytes of the template, the names of its data sheets and the number of rows filled in."""
    from openpyxl import Workbook

    if from_data and not published_rows(package, "disclosures", department_id, fiscal_year, kind, scope):
        words_zh, words_en = identity_words(kind, scope)
        raise TemplateError(
            f"数据包中没有 {department_id} {fiscal_year} 年{words_zh}的公开数据，无法导出；新报送请去掉 --from-data。",
            f"the package holds no data for {department_id} {fiscal_year}{' ' + words_en if words_en else ''}: "
            "nothing to export; for a new submission leave out --from-data.",
        )
    workbook = Workbook()
    name = _department_name(package, department_id)
    write_instructions(workbook.active, package, department_id, fiscal_year, name, kind, scope)
    codes = _function_codes(package, fiscal_year)
    lists = Lists(workbook.create_sheet(LISTS_SHEET))
    sheets, filled = [], 0
    for resource in submitted_resources(package).values():
        rows = template_rows(package, resource.name, department_id, fiscal_year, from_data, kind, scope, profile)
        locked = {identity(resource.schema, row) for row in listed_rows(resource.schema, resource.name, profile)}
        writer = SheetWriter(workbook.create_sheet(sheet_name(resource)), resource, lists, codes)
        writer.write(
            f"{resource.descriptor.get('title', resource.name)}（{name}，{fiscal_year} 年，金额单位见各行“金额单位”列，默认万元）"
        )
        for row in rows:
            writer.add_row(row, locked_identity=identity(resource.schema, row) in locked)
        writer.add_blank_rows(
            BLANK_ROWS.get(resource.name, DEFAULT_BLANK_ROWS), fiscal_year, department_id, kind, scope
        )
        writer.finish()
        sheets.append(writer.sheet.title)
        filled += len(rows)
    _codes_sheet(workbook, codes, fiscal_year)
    _meta_sheet(workbook, package, (fiscal_year, department_id, kind, scope))
    lists.sheet.sheet_state = "hidden"
    workbook.move_sheet(lists.sheet, offset=len(workbook.worksheets) - 1 - workbook.index(lists.sheet))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue(), sheets, filled


def _department_name(package: Package, department_id: str) -> str:
    rows = published_rows(package, "departments", department_id, "") if "departments" in package.resources else []
    return rows[0].get("name") or department_id if rows else department_id


def _function_codes(package: Package, fiscal_year: str) -> list[tuple[str, str, str]]:
    resource = package.resources.get("function_codes")
    if resource is None or not package.file(resource).exists():
        return []
    rows = csvfile.read_rows(package.file(resource))
    return [(r["code"], r.get("name", ""), r.get("level", "")) for r in rows if r.get("fiscal_year") == fiscal_year]


def _codes_sheet(workbook: Any, codes: list[tuple[str, str, str]], fiscal_year: str) -> None:
    sheet = workbook.create_sheet(CODES_SHEET)
    sheet.append([f"{fiscal_year} 年支出功能分类科目 code", "科目名称 name", "级次 level"])
    for line, values in enumerate(codes, start=2):
        for column, value in enumerate(values, start=1):
            escape.excel_text_cell(sheet.cell(line, column), value)
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 40
    sheet.protection.sheet = True


def _meta_sheet(workbook: Any, package: Package, disclosure: tuple[str, ...]) -> None:
    """The hidden sheet naming the template's version, package and disclosure (read back by `publish add`)."""
    sheet = workbook.create_sheet(META_SHEET)
    for key, value in (
        ("template_version", TEMPLATE_VERSION),
        ("package", str(package.descriptor.get("name", ""))),
        *zip(IDENTITY, disclosure, strict=True),
    ):
        sheet.append([key])
        escape.excel_text_cell(sheet.cell(sheet.max_row, 2), value)
    sheet.sheet_state = "hidden"
    sheet.protection.sheet = True
