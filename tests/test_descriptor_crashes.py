"""What used to pass validation and then crash a writer (exit 3) is a finding, or is handled.

A lone surrogate or a control character in the descriptor's text (``descriptor-text``, when the package is
loaded, so release, site and catalog never see it); a year that is not a number under ``site
--allow-invalid``; and no message ever says "None 年".
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from publish.core import PackageError, load
from tests.fuzz.outcome import assert_clean_outcome, invoke, refused

UNSAFE = "\ud800\x07\x1b\x85\x00"


def _edit(package: Path, change, target: str = "datapackage.json") -> None:
    path = package / target
    document = json.loads(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(json.dumps(document, ensure_ascii=True), encoding="utf-8")  # \ud800 survives as an escape


@pytest.mark.parametrize("text", ["\ud800 巫溪", "a\x07b", "a\x1b]52;c;cHdu\x07", "a\x85b", "\x00"])
@pytest.mark.parametrize(
    ("target", "change"),
    [
        ("datapackage.json", lambda d, t: d.update(title=t)),
        ("datapackage.json", lambda d, t: d["keywords"].append(t)),
        ("datapackage.json", lambda d, t: d["contributors"][0].update(title=t)),
        ("datapackage.json", lambda d, t: d["resources"][0].update(title=t)),
        ("schemas/income.json", lambda d, t: d["fields"][0].update(description=t)),
        ("datapackage.json", lambda d, t: d.update({t: "a key"})),
    ],
    ids=["title", "keyword", "contributor", "resource-title", "field-description", "key"],
)
def test_unsafe_text_in_the_descriptor_is_a_finding_for_every_command(package_copy, tmp_path, text, target, change):
    _edit(package_copy, lambda d: change(d, text), target)
    result = refused(["validate", package_copy, "--lang", "en"], [package_copy], "descriptor-text", target)
    unsafe = next(c for c in text if c in UNSAFE)
    assert f"U+{ord(unsafe):04X}" in result.output
    assert "\x1b" not in result.output and "\x07" not in result.output  # the text is shown escaped
    for args in (
        ["release", package_copy],
        ["site", package_copy, "--out", tmp_path / "site", "--allow-invalid"],
        ["catalog", "export", package_copy, "--base-url", "https://example.org/r", "--out", tmp_path / "catalog"],
    ):
        refused(args, [package_copy, tmp_path], "descriptor-text")


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(st.characters(codec=None, exclude_categories=()), max_size=30))
@example(title="\ud800")
@example(title="\x0b")
def test_a_title_that_loads_can_be_written_everywhere(package_copy, title):
    """Any title: either the package refuses to load, or UTF-8 and a worksheet can both hold it."""
    _edit(package_copy, lambda d: d.update(title=title))
    try:
        package = load(package_copy)
    except PackageError as error:
        assert [f.rule for f in error.findings] == ["descriptor-text"]
        return
    json.dumps(package.descriptor, ensure_ascii=False).encode("utf-8")
    Workbook().active["A1"] = package.descriptor["title"]


def _set_column(package: Path, resource: str, column: str, value: str) -> None:
    path = package / "data" / f"{resource}.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    index = rows[0].index(column)
    for row in rows[1:]:
        row[index] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def _every_keyed_table(package: Path) -> list[str]:
    return [p.stem for p in (package / "data").glob("*.csv") if p.stem not in ("function_codes", "departments")]


@pytest.mark.parametrize("year", ["abcd", "２０２３", "-1", ""])
def test_a_year_that_is_not_a_number_builds_the_site_when_allowed(package_copy, tmp_path, year):
    for resource in _every_keyed_table(package_copy):
        _set_column(package_copy, resource, "fiscal_year", year)
    result = invoke("site", package_copy, "--out", tmp_path / "site", "--allow-invalid")
    assert_clean_outcome(result)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "site" / "index.html").exists()


def test_a_department_year_without_its_disclosure_row_builds_the_site_when_allowed(package_copy, tmp_path):
    _set_column(package_copy, "disclosures", "fiscal_year", "2099")
    result = invoke("site", package_copy, "--out", tmp_path / "site", "--allow-invalid")
    assert_clean_outcome(result)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("year", ["", "abcd"])
def test_no_message_says_none_year(package_copy, year):
    for resource in _every_keyed_table(package_copy):
        _set_column(package_copy, resource, "fiscal_year", year)
    for lang in ("zh", "en"):
        result = invoke("validate", package_copy, "--lang", lang, "--format", "text")
        assert_clean_outcome(result)
        assert result.exit_code == 1
        assert "None 年" not in result.output and "None" not in result.output, result.output[:2000]
