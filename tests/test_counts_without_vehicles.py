"""A 三公 final account counts more than vehicles: 出国团组, 人次, 接待批次 (tests/disclosures/cq-fuling-*).

Those counts are lines of `assets` whose item is just ``total``; the item vocabulary names vehicle kinds, so it is
not held against them, while a vehicle count keeps its check.
"""

from __future__ import annotations

from publish.validate import validate
from tests.helpers import SEED_DEPARTMENT, copy_package
from tests.mutate import add, edit


def _name_findings(package) -> list[tuple[str, str | None]]:
    return [(f.severity, f.field) for f in validate(package).findings if f.rule == "item-name-mismatch"]


def test_a_count_of_reception_batches_is_not_named_as_a_vehicle(tmp_path):
    package = copy_package(tmp_path / "package")
    add(package, "assets", fiscal_year="2023", department_id=SEED_DEPARTMENT, measure="reception_batches",
        measure_name="国内公务接待批次", item="total", item_name="国内公务接待批次", count="105")  # fmt: skip
    assert _name_findings(package) == []


def test_a_vehicle_count_keeps_its_name_check(tmp_path):
    package = copy_package(tmp_path / "package")
    edit(package, "assets", {"measure": "holding", "item": "total"}, item_name="公务用车保有量")
    assert _name_findings(package) == [("warning", "item_name")]
