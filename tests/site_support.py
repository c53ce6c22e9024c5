"""A county as a reader of the portal meets it: several departments, years and kinds in one package.

- the repo's own package (the seed: 巫溪县政务服务中心 2023 budget);
- the eight real disclosures keyed by hand in ``tests/disclosures/`` (a Shanghai 决算 with its funds and economic
  classification, a Shanghai budget, partial Chongqing copies with parts not published or truncated, 三公 notes,
  figures in 元 and 万元), merged with ``publish add`` as a department would;
- ``departments`` synthetic departments (benchmarks/corpus_rows.py, valid by construction), each with ``years``
  budgets and, drawn with another seed, the final accounts (决算) of the same years, so that budget and final account
  of one department-year stand side by side.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from tests.helpers import ROOT, append_rows, copy_package, invoke

sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus_rows import department_year
from province import department_row, departments

LAST_YEAR = 2024
FINAL_WORDS = {"document_kind": "final_account", "document_type": "部门决算", "profile": "chongqing-final"}
IMPLIED = {"unit": "万元"}


def county_package(folder: Path, count: int = 3, years: int = 3) -> Path:
    """Write the county package into ``folder`` (a new folder) and return it."""
    package = copy_package(folder)
    submissions = sorted(str(p) for p in (ROOT / "tests" / "disclosures").glob("*/submission"))
    result = invoke("add", *submissions, "--package", str(package))
    assert result.exit_code == 0, result.output
    units = departments(count, seed=21)
    append_rows(package, "departments", [department_row(d, LAST_YEAR - years + 1) for d in units])
    for dept in units:
        for year in range(LAST_YEAR - years + 1, LAST_YEAR + 1):
            _append(package, department_year(dept, year))
            final = department_year(replace(dept, seed=dept.seed + 1), year)
            _append(package, _as_final(final, dept.name, year))
    return package


def _as_final(rows: dict[str, list[dict]], name: str, year: int) -> dict[str, list[dict]]:
    final = {resource: [{**row, "document_kind": "final_account"} for row in items] for resource, items in rows.items()}
    final["disclosures"] = [
        {**row, **FINAL_WORDS, "title": f"{name}{year}年部门决算公开说明"} for row in final["disclosures"]
    ]
    return final


def _append(package: Path, rows: dict[str, list[dict]]) -> None:
    for resource, items in rows.items():
        fund = {"fund": "all", "cost_type": "total"} if resource == "expenditure_by_function" else {}
        append_rows(package, resource, [{**IMPLIED, **fund, **row} for row in items])
