"""One source for each piece of knowledge several layers use: the readers of it agree.

Required lines (the completeness rule, the template, the submission check), Excel number habits (a
submission's cells, `validate --fix`, the type-error message), and the words, codes and units the schemas
restate (change words, department ids, function code levels).
"""

from __future__ import annotations

import json
import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from publish.core import (
    CHANGE_WORD_SIGNS,
    CHANGE_WORDS,
    DEPARTMENT_ID,
    REQUIRED_LINES,
    describe,
    load,
    normalise_number,
    parent_code,
    release_name,
)
from publish.rules import RULES, selected, wanted
from publish.submission.cells import normalise
from publish.template.rows import listed_rows, required_rows
from publish.validate.run import validate
from tests.helpers import ROOT
from tests.mutate import drop

PLAIN = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
REQUIRED_ITEMS = ("total", "goods", "works", "services")  # of procurement
# What a clerk types into an amount: digits in both widths, signs, separators, units, spaces.
TYPED = st.text(alphabet=string.digits + "０１２３４５６７８９.,．，-−万元 \u3000", max_size=12)


def meets(row: dict[str, str], line: dict[str, str]) -> bool:
    return all(row.get(key) == value for key, value in line.items())


def test_the_template_requires_exactly_the_lines_the_rule_requires():
    package = load(ROOT)
    for resource, lines in REQUIRED_LINES.items():
        rows = required_rows(package.resources[resource].schema, resource)
        if lines == [{}] and not rows:  # "some row" (indicators): the template leaves blank rows instead
            continue
        assert [[line for line in lines if meets(row, line)] for row in rows] == [[line] for line in lines], resource
    extra = {name for name in package.resources if required_rows(package.resources[name].schema, name)}
    assert extra - set(REQUIRED_LINES) == {"departments", "disclosures"}  # the department-year itself


def test_the_breakdowns_the_template_prints_are_not_required():
    package = load(ROOT)
    procurement = listed_rows(package.resources["procurement"].schema, "procurement")
    assert [(r["fund"], r["item"]) for r in procurement][4:] == [("general_budget", i) for i in REQUIRED_ITEMS]
    for resource, lines in REQUIRED_LINES.items():
        listed = listed_rows(package.resources[resource].schema, resource)
        required = required_rows(package.resources[resource].schema, resource)
        extra = [row for row in listed if row not in required]
        assert not [row for row in extra if any(meets(row, line) for line in lines if line)], resource


def test_the_rule_does_not_require_the_general_budget_share_of_procurement(package_copy):
    for item in REQUIRED_ITEMS:
        drop(package_copy, "procurement", {"fund": "general_budget", "item": item})
    assert validate(package_copy, select=["completeness"]).findings == []
    drop(package_copy, "procurement", {"fund": "all", "item": "works"})
    (finding,) = validate(package_copy, select=["completeness"]).findings
    assert (finding.rule, finding.values) == (
        "required-part-missing",
        {"resource": "procurement", "fund": "all", "item": "works"},
    )


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("１２３．４５", "123.45"),
        (" 1,234.50 ", "1234.50"),
        ("12.5万元", "12.5"),
        ("12.5万", "12.5"),
        ("−4.35", "-4.35"),
        ("\u3000360.67", "360.67"),
        ("1,5", None),
        ("12元", None),
        ("约10", None),
    ],
)
def test_a_submission_and_validate_fix_undo_the_same_habits(typed, meant):
    cell = normalise(typed, "number")
    assert (cell.text if cell.problem is None else None) == meant
    assert normalise_number(typed) == (meant or typed)
    assert (describe(typed) is not None) == (meant is not None)


@settings(max_examples=300, deadline=None)
@given(TYPED)
def test_every_habit_a_submission_undoes_validate_fix_undoes_too(typed):
    cell = normalise(typed, "number")
    fixed = normalise_number(typed)
    if cell.problem is None and PLAIN.match(cell.text):
        assert fixed == cell.text
    if fixed != typed:
        assert (cell.text, cell.problem) == (fixed, None)
        assert describe(typed) is not None


def test_an_amount_unit_is_undone_only_in_amounts():
    assert normalise_number("3万", "integer") == "3万" and normalise("3万", "integer").problem is not None
    assert describe("1,360万", "number")[1].startswith("found 万 written after the figure")


def test_the_schemas_use_the_shared_change_words_and_department_id_pattern():
    checked = []
    for path in sorted((ROOT / "schemas").glob("*.json")):
        fields = {f["name"]: f.get("constraints", {}) for f in json.loads(path.read_text(encoding="utf-8"))["fields"]}
        if "change_word" in fields:
            # a published wording is data: the schema lists no words, the vocabulary knows them all
            assert "enum" not in fields["change_word"], path.name
            assert set(CHANGE_WORDS) <= set(CHANGE_WORD_SIGNS), path.name
        if "department_id" in fields:
            assert fields["department_id"]["pattern"] == DEPARTMENT_ID, path.name
        checked += [name for name in ("change_word", "department_id") if name in fields]
    assert checked.count("change_word") >= 5 and checked.count("department_id") >= 11


def test_a_function_code_hangs_under_the_code_one_level_up():
    assert [parent_code(code) for code in ("201", "20103", "2010301")] == ["total", "201", "20103"]


def test_a_release_is_named_name_dash_version_everywhere():
    package = load(ROOT)
    assert package.release_name == f"{package.descriptor['name']}-{package.descriptor['version']}"
    assert release_name("budgets", "1.2.0") == "budgets-1.2.0" and release_name(None, None) == "datapackage"


def test_structural_findings_and_rules_are_selected_and_skipped_alike():
    assert wanted("type-error", ("structure",)) and wanted("type-error", ("structure",), select={"structure"})
    assert not wanted("type-error", ("structure",), skip={"structure"})
    assert not wanted("type-error", ("structure",), select={"sums"}, skip=())
    for select, skip in [((), ()), (("sums",), ()), (("sums",), ("income-total-mismatch",)), ((), ("kpis",))]:
        expected = [r for r in RULES if wanted(r.id, r.tags, set(select), set(skip))]
        assert selected(select, skip) == expected and expected != []
