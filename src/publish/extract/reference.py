"""What the extractor looks up in the package: function codes by year, and known departments.

Function class names become codes only through ``function_codes`` of that fiscal year (never
guessed); a department's id comes from ``--department``, from its name in ``departments``, or is proposed.
Where there is no package the data model shipped with the tool stands in (``standalone``: no departments).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from publish.core import Package, load, read_rows
from publish.extract.standalone import has_package, standard_package


@dataclass
class Reference:
    package: Package
    codes: list[dict[str, str]] = field(default_factory=list)
    departments: list[dict[str, str]] = field(default_factory=list)
    standalone: bool = False

    def code(self, year: str, code: str) -> dict[str, str] | None:
        return next((r for r in self.codes if r["fiscal_year"] == year and r["code"] == code), None)

    def codes_named(self, year: str, name: str) -> list[dict[str, str]]:
        """Codes of ``year`` whose official name is ``name``, written with or without 支出."""
        wanted = {name, name + "支出", re.sub(r"支出$", "", name)}
        return [r for r in self.codes if r["fiscal_year"] == year and r["name"] in wanted]

    def has_year(self, year: str) -> bool:
        return any(r["fiscal_year"] == year for r in self.codes)

    def department_named(self, name: str) -> dict[str, str] | None:
        """The department of that name, written in full or without its province (重庆市万州区… / 万州区…)."""
        return next((r for r in self.departments if r["name"] == name), None) or next(
            (r for r in self.departments if _bare(r["name"]) == _bare(name)), None
        )

    def department(self, department_id: str) -> dict[str, str] | None:
        return next((r for r in self.departments if r["department_id"] == department_id), None)

    def division_name(self, division_code: str) -> str:
        return next((r["division_name"] for r in self.departments if r["division_code"] == division_code), "")

    def rows(self, resource: str) -> list[dict[str, str]]:
        found = self.package.resources.get(resource)
        path = self.package.file(found) if found else None
        return read_rows(path) if path and Path(path).is_file() else []


def _bare(name: str) -> str:
    """A name without the province it may start with."""
    return re.sub(r"^(?:重庆市|上海市|北京市|天津市|[^市]{2,3}省)", "", name)


def load_reference(package_path: str | Path) -> Reference:
    """The package's code list and departments (raises PackageError if the package is unusable); the shipped
    data model where ``package_path`` holds no package."""
    standalone = not has_package(package_path)
    package = load(standard_package() if standalone else package_path)
    reference = Reference(package, standalone=standalone)
    reference.codes = reference.rows("function_codes")
    reference.departments = reference.rows("departments")
    return reference
