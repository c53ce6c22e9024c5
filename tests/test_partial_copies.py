"""What a partial copy or a final account does not state is not held against it.

A copy of a document cut off in the middle of a part (`disclosure_parts`: truncated) keeps the figures it has: a
total whose items were cut off is not summed. A final account (决算) states the vehicles held at the end of its
fiscal year: the count needs no month. (Both seen in real documents: tests/disclosures/cq-fengjie-*, cq-fuling-*.)
"""

from __future__ import annotations

from publish.validate import validate
from tests.helpers import SEED_DEPARTMENT, copy_package
from tests.mutate import add, drop, edit, set_identity

GB = {"fund": "general_budget"}


def _rules(package, resource: str | None = None) -> list[tuple[str, str]]:
    return [(f.rule, f.severity) for f in validate(package).findings if resource in (None, f.resource)]


def _cut_off_sangong(package) -> None:
    """The seed's 三公 items cut off after the outbound line, as the Fengjie copy stops: the total and one item."""
    for item in ("reception", "vehicle_operation", "vehicle_purchase"):
        drop(package, "sangong", {**GB, "item": item})
    edit(package, "sangong", {**GB, "item": "total"}, change="-2.5", change_word="减少")


def test_a_total_whose_items_were_cut_off_is_not_summed(tmp_path):
    package = copy_package(tmp_path / "package")
    _cut_off_sangong(package)
    add(package, "disclosure_parts", fiscal_year="2023", department_id=SEED_DEPARTMENT, part="sangong",
        status="truncated", note="our copy stops inside 四、“三公”经费情况说明")  # fmt: skip
    assert ("part-not-published", "warning") in _rules(package, "disclosure_parts")
    assert _rules(package, "sangong") == []


def test_the_same_total_in_a_whole_copy_is_summed(tmp_path):
    package = copy_package(tmp_path / "package")
    _cut_off_sangong(package)
    assert _rules(package, "sangong") == [("sangong-total-mismatch", "error"), ("change-breakdown-mismatch", "error")]


def test_a_final_account_holds_its_vehicles_at_the_year_end(tmp_path):
    package = copy_package(tmp_path / "package")
    set_identity(package, document_kind="final_account")
    edit(package, "assets", {"measure": "holding", "item": "total"}, as_of="")
    assert "vehicle-period-missing" not in [rule for rule, _ in _rules(package)]


def test_a_budget_dates_its_vehicles_held(tmp_path):
    package = copy_package(tmp_path / "package")
    edit(package, "assets", {"measure": "holding", "item": "total"}, as_of="")
    assert ("vehicle-period-missing", "error") in _rules(package)
