"""The synthetic province corpus: valid by construction, planted errors found exactly, agreement with frictionless."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

from publish.core.package import load
from publish.engine.tables import load_tables
from publish.validate.run import validate
from publish.validate.structure import check_structure
from tests.helpers import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

from make_corpus import make_corpus
from plants import PLANTS


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("planted")
    make_corpus(folder, 120, years=3, plant=2, seed=7)
    return folder


def test_a_clean_corpus_has_no_findings_at_all(tmp_path):
    summary = make_corpus(tmp_path, 45, years=3, seed=3)
    report = validate(tmp_path)
    assert report.findings == []
    assert report.stats["department_years"] == 45
    codes_2024 = (ROOT / "data" / "function_codes.csv").read_text(encoding="utf-8").count("\n2024,")
    assert summary["rows"] == report.stats["rows"] - 15 - 3 * codes_2024  # less departments and per-year code lists
    assert 50 <= summary["rows"] / 45 <= 65  # about 60 rows per department-year, as in the seed's shape


def test_frictionless_also_finds_a_clean_corpus_clean(tmp_path):
    make_corpus(tmp_path, 12, years=2, seed=5)
    assert check_structure(load(tmp_path)) == []


def test_the_findings_are_exactly_the_planted_errors(planted):
    manifest = json.loads((planted / "manifest.json").read_text(encoding="utf-8"))
    expected = sorted((e["rule"], e["path"], e["line"]) for e in manifest)
    found = sorted((f.rule, f.path, f.row) for f in validate(planted).findings)
    assert len(expected) == 2 * len(PLANTS)
    assert found == expected


def test_each_planted_finding_names_its_department_year(planted):
    manifest = json.loads((planted / "manifest.json").read_text(encoding="utf-8"))
    where = {(e["path"], e["line"]): (e["fiscal_year"], e["department_id"]) for e in manifest}
    checked = 0
    for finding in validate(planted).findings:
        if finding.rule == "foreign-key":
            continue  # the planted row was moved to a year with no disclosure
        assert (finding.fiscal_year, finding.department_id) == where[(finding.path, finding.row)]
        checked += 1
    assert checked == sum(e["rule"] != "foreign-key" for e in manifest) > 0


def test_structural_findings_agree_with_frictionless_on_the_planted_sample(planted):
    package = load(planted)
    _, ours = load_tables(package)

    def key(f):
        return f.rule, f.path, f.row, f.field or None

    theirs = check_structure(package)
    assert sorted(map(key, ours)) == sorted(map(key, theirs))
    assert {f.rule for f in ours} == {"type-error", "primary-key", "foreign-key"}


def test_the_same_arguments_give_the_same_bytes(tmp_path):
    def digest(folder: Path) -> str:
        files = sorted(p for p in folder.rglob("*") if p.is_file())
        return hashlib.sha256(b"".join(p.name.encode() + p.read_bytes() for p in files)).hexdigest()

    make_corpus(tmp_path / "a", 45, years=3, plant=1, seed=11)
    make_corpus(tmp_path / "b", 45, years=3, plant=1, seed=11)
    make_corpus(tmp_path / "c", 45, years=3, plant=1, seed=12)
    assert digest(tmp_path / "a") == digest(tmp_path / "b")
    assert digest(tmp_path / "a") != digest(tmp_path / "c")


def test_too_many_plants_for_the_corpus_are_refused(tmp_path):
    with pytest.raises(SystemExit, match="needs"):
        make_corpus(tmp_path, 10, years=5, plant=3)
