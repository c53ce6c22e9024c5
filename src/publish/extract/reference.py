"""What the extractor looks up in the package: function codes by year, and known departments.

Function class names become codes only through ``function_codes`` of that fiscal year (never
guessed); a department's id comes from ``--department`` or from its name in ``departments``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from publish.core import Package, load, read_rows


@dataclass
class Reference:
    package: Package
    codes: list[dict[str, str]] = field(default_factory=list)
    departments: list[dict[str, str]] = field(default_factory=list)

    def code(self, year: str, code: str) -> dict[str, str] | None:
        return next((r for r in self.codes if r["fiscal_year"] == year and r["code"] == code), None)

    def codes_named(self, year: str, name: str) -> list[dict[str, str]]:
        """Codes of ``year`` whose official name is ``name``, written with or without 支出."""
        wanted = {name, name + "支出", re.sub(r"支出$", "", name)}
        return [r for r in self.codes if r["fiscal_year"] == year and r["name"] in wanted]

    def has_year(self, year: str) -> bool:
        return any(r["fiscal_year"] == year for r in self.codes)

    def department_named(self, name: str) -> dict[str, str] | None:
        return next((r for r in self.departments if r["name"] == name), None)

    def department(self, department_id: str) -> dict[str, str] | None:
        return next((r for r in self.departments if r["department_id"] == department_id), None)

    def division_name(self, division_code: str) -> str:
        return next((r["division_name"] for r in self.departments if r["division_code"] == division_code), "")

    def rows(self, resource: str) -> list[dict[str, str]]:
        found = self.package.resources.get(resource)
        path = self.package.file(found) if found else None
        return read_rows(path) if path and Path(path).is_file() else []


def load_reference(package_path: str | Path) -> Reference:
    """The package's code list and departments (raises PackageError if the package is unusable)."""
    package = load(package_path)
    reference = Reference(package)
    reference.codes = reference.rows("function_codes")
    reference.departments = reference.rows("departments")
    return reference
