"""Real disclosures keyed by hand: each loads with no error, and every inconsistency it publishes is reported once.

Each case under ``tests/disclosures/<case>/`` is one published document of one family:

- ``document.txt``: the text the figures were keyed from (its first lines name the source);
- ``submission/``: a CSV-folder submission (one ``<resource>.csv`` per table) keyed by hand from that text,
  every figure checked against it; the publisher's own slips are recorded in ``inconsistencies.csv``;
- ``expected.csv``: the findings validation must report for that disclosure, one row each:
  rule, severity, resource, row_key (the row's key outside the disclosure's identity, ``item=total``), field.

The case is added to a copy of this repository's package (``publish add``), the whole package is validated,
and the findings on the case's department must be exactly the expected ones: no error, nothing twice.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest

from publish.submission import add
from publish.validate import validate
from tests.helpers import ROOT, copy_package

CASES = ROOT / "tests" / "disclosures"

# case folder -> the family it stands for (issue 16: at least eight families, each keyed by hand)
FAMILIES = {
    "cq-fengjie-fenhezhen-2026-budget": "Chongqing narrative budget (本级, partial text)",
    "cq-jiangjin-xihuzhen-2024-final": "Chongqing narrative final account (决算, partial text)",
    "cq-pengshui-caizhengju-2026-budget": "Chongqing narrative budget in 元 (partial text)",
    "cq-fuling-xinmiaozhen-2021-sangong": "三公 note with counts (Chongqing town, final)",
    "cq-shiji-2024-sangong": "三公 budget in 亿元 (Chongqing municipal aggregate)",
    "ah-chizhou-jiangnan-2024-sangong": "another province: Anhui 三公 budget",
    "sh-putuo-sifaju-2026-budget": "Shanghai 9-table department budget (tables in 元)",
    "sh-putuo-caizhengju-2024-final": "Shanghai 9-table final account (决算)",
}


def test_every_family_has_its_case():
    present = {p.name for p in CASES.iterdir() if p.is_dir()}
    assert present == set(FAMILIES), f"cases without a family or families without a case: {present ^ set(FAMILIES)}"


@pytest.mark.parametrize("case", sorted(FAMILIES))
def test_case_loads_and_reports_each_published_inconsistency_once(case: str, tmp_path: Path):
    folder = CASES / case
    package = copy_package(tmp_path / "package")
    result = add(package, folder / "submission")
    assert result.accepted, [f.message("en") for f in result.errors]
    assert result.written, "the submission was not merged"
    department = _department(folder / "submission")
    report = validate(package)
    assert not report.errors, [f.message("en") for f in report.errors]
    found = Counter(_located(package, f) for f in report.findings if f.department_id == department)
    expected = Counter(_expected(folder / "expected.csv"))
    assert found == expected, f"unexpected: {found - expected}; missing: {expected - found}"


def _department(submission: Path) -> str:
    with (submission / "disclosures.csv").open(encoding="utf-8", newline="") as handle:
        (department,) = {row["department_id"] for row in csv.DictReader(handle)}
    return department


def _expected(path: Path) -> list[tuple[str, ...]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [(r["rule"], r["severity"], r["resource"], r["row_key"], r["field"]) for r in csv.DictReader(handle)]


def _located(package: Path, finding) -> tuple[str, ...]:
    """(rule, severity, resource, row_key, field): the finding's row named by its key, as expected.csv does."""
    return (finding.rule, finding.severity, finding.resource or "", _row_key(package, finding), finding.field or "")


def _row_key(package: Path, finding) -> str:
    if not finding.resource or not finding.row:
        return ""
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    (resource,) = [r for r in descriptor["resources"] if r["name"] == finding.resource]
    schema = json.loads((package / resource["schema"]).read_text(encoding="utf-8"))
    identity = json.loads((package / "schemas" / "disclosures.json").read_text(encoding="utf-8"))["primaryKey"]
    with (package / resource["path"]).open(encoding="utf-8", newline="") as handle:
        row = list(csv.DictReader(handle))[finding.row - 2]
    return ";".join(f"{name}={row[name]}" for name in schema["primaryKey"] if name not in identity)
