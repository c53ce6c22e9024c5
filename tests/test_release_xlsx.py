"""The release workbook: Chinese headers, numbers as numbers, formula-looking text kept as text."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

import openpyxl

from publish.core.package import load
from publish.release.workbook import workbook_bytes
from tests.release_support import set_value

MOMENT = datetime(2024, 5, 1, 8, 0, tzinfo=timezone.utc)


def test_one_sheet_per_resource_with_chinese_headers_and_typed_cells(package_copy: Path):
    package = load(package_copy)
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(package, MOMENT)))
    assert book.sheetnames[0] == "说明 README"
    assert book.sheetnames[1:] == [r.descriptor["title"] for r in package.resources.values()]
    sheet = book["机关运行经费"]
    header = [cell.value for cell in sheet[1]]
    assert header[:5] == ["预算年度", "部门编号", "资金范围代码", "资金范围", "金额（万元）"]
    assert sheet["E1"].comment.text == "amount (万元)"
    assert header[5:10] == ["金额单位", "上年数", "年初预算数", "调整预算数", "较上年增减（万元）"]
    year, amount, change = sheet["A2"], sheet["E2"], sheet["J2"]
    assert (year.value, year.data_type) == (2023, "n")
    assert (amount.value, amount.number_format) == (38.2, "0.00")
    assert change.value == -4.35
    assert sheet["L2"].value is None  # an empty cell (change_rate) stays empty, not 0
    kpis = book["绩效指标"]
    assert [row[9] for row in kpis.iter_rows(min_row=2, values_only=True)] == [80, 80, 90, 99, 120]
    disclosures = book["公开文件"]
    column = [cell.value for cell in disclosures[1]].index("有政府性基金预算拨款支出") + 1
    assert disclosures.cell(row=2, column=column).value is False


def test_amounts_are_written_from_their_exact_decimal_text(package_copy: Path):
    with zipfile.ZipFile(io.BytesIO(workbook_bytes(load(package_copy), MOMENT))) as workbook:
        sheets = [workbook.read(n).decode() for n in workbook.namelist() if n.startswith("xl/worksheets/sheet")]
    income = next(xml for xml in sheets if "360.67" in xml)
    assert "<v>360.67</v>" in income and "360.6699" not in income
    assert Decimal("304.21") + Decimal("30.28") + Decimal("8.79") + Decimal("17.39") == Decimal("360.67")


def test_text_that_looks_like_a_formula_is_stored_as_text(package_copy: Path):
    set_value(package_copy, "glossary", "term", "其他收入", '=HYPERLINK("http://x","点我")')
    data = workbook_bytes(load(package_copy), MOMENT)
    with zipfile.ZipFile(io.BytesIO(data)) as workbook:
        xml = "".join(workbook.read(n).decode() for n in workbook.namelist() if n.startswith("xl/worksheets/"))
    assert "<f>" not in xml
    sheet = openpyxl.load_workbook(io.BytesIO(data))["名词解释"]
    cell = next(c for row in sheet.iter_rows() for c in row if str(c.value).startswith("=HYPERLINK"))
    assert cell.data_type == "s" and cell.quotePrefix


def test_the_workbook_is_deterministic(package_copy: Path):
    package = load(package_copy)
    first = workbook_bytes(package, MOMENT)
    assert workbook_bytes(package, MOMENT) == first
    core = zipfile.ZipFile(io.BytesIO(first)).read("docProps/core.xml").decode()
    assert "2024-05-01T08:00:00Z" in core and core.count("2024-05-01T08:00:00Z") == 2
