"""Building submissions for the tests: the seed's department-year as a template or a CSV folder."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from publish.core import csvfile
from publish.core.package import load
from publish.template.build import build_template
from publish.template.layout import submitted_resources
from tests.helpers import ROOT, SEED_DEPARTMENT

SEED_YEAR = "2023"
SUBMITTED = tuple(submitted_resources(load(ROOT)))  # every resource but the code list, in package order


def exported_template(package: Path, target: Path, department: str = SEED_DEPARTMENT, year: str = SEED_YEAR) -> Path:
    data, _, _ = build_template(load(package), department, year, from_data=True)
    target.write_bytes(data)
    return target


def row_of(sheet, column: int, value: str) -> int:
    """The sheet row whose cell in ``column`` (1-based) holds ``value``."""
    for row in range(3, sheet.max_row + 1):
        if sheet.cell(row, column).value == value:
            return row
    raise AssertionError(f"{value} not found in {sheet.title}")


def edit_workbook(path: Path, change) -> Path:
    book = load_workbook(path)
    change(book)
    book.save(path)
    return path


def seed_rows(package: Path, resource: str, department: str = SEED_DEPARTMENT, year: str = SEED_YEAR):
    rows = csvfile.read_rows(package / "data" / f"{resource}.csv")
    if resource == "departments":
        return [r for r in rows if r["department_id"] == department]
    return [r for r in rows if r["department_id"] == department and r["fiscal_year"] == year]


def csv_folder(package: Path, folder: Path, encoding: str = "utf-8", rows=None) -> Path:
    """The seed department-year (or ``rows`` by resource) as a submission folder of CSVs."""
    folder.mkdir(parents=True, exist_ok=True)
    pkg = load(package)
    for resource in SUBMITTED:
        content = rows[resource] if rows is not None else seed_rows(package, resource)
        text = csvfile.render(pkg.resources[resource].schema, content)
        (folder / f"{resource}.csv").write_bytes(text.encode(encoding))
    return folder


def data_bytes(package: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((package / "data").iterdir())}
