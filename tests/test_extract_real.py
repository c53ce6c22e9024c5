"""`publish extract` on the real disclosures keyed by hand (tests/disclosures): right identity, no wrong figure.

Each case's document is extracted as a new user would (the department's id given, as the hand-keyer chose it; no
other option) and its key figures (tests/extract_scoring.py) compared with the hand-keyed submission: not one may differ, the
document's identity (year, kind, scope, family) must be the one keyed, and the share read may not fall below what
it is today (a ratchet: raise a floor when the extractor reads more, never lower one).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from publish.extract.run import extract_submission
from tests.extract_scoring import score
from tests.helpers import ROOT

CASES = ROOT / "tests" / "disclosures"
# the share of key figures each case reads today (floors)
READ_AT_LEAST = {
    "ah-chizhou-jiangnan-2024-sangong": 1.0,
    "cq-fengjie-fenhezhen-2026-budget": 1.0,
    "cq-fuling-xinmiaozhen-2021-sangong": 1.0,
    "cq-jiangjin-xihuzhen-2024-final": 1.0,
    "cq-pengshui-caizhengju-2026-budget": 1.0,
    "cq-shiji-2024-sangong": 1.0,
    "sh-putuo-caizhengju-2024-final": 1.0,
    "sh-putuo-sifaju-2026-budget": 1.0,
}
IDENTITY = ("fiscal_year", "document_kind", "scope", "profile")


def _keyed(case: str) -> dict[str, str]:
    with (CASES / case / "submission" / "disclosures.csv").open(encoding="utf-8", newline="") as handle:
        return next(csv.DictReader(handle))


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[str, Path]:
    folders = {}
    for case in READ_AT_LEAST:
        out = tmp_path_factory.mktemp(case) / "out"
        extract_submission(CASES / case / "document.txt", _keyed(case)["department_id"], ROOT, out)
        folders[case] = out
    return folders


def test_every_keyed_case_is_scored():
    assert set(READ_AT_LEAST) == {p.name for p in CASES.iterdir() if p.is_dir()}


@pytest.mark.parametrize("case", sorted(READ_AT_LEAST))
def test_no_figure_read_is_wrong_and_none_fewer_than_before(case: str, extracted: dict[str, Path]):
    result = score(CASES / case / "submission", extracted[case])
    assert not result.wrong, f"wrong values (figure, keyed, extracted): {result.wrong}"
    assert result.coverage >= READ_AT_LEAST[case], f"read {result.read}/{result.expected}; missed {result.missed}"


@pytest.mark.parametrize("case", sorted(READ_AT_LEAST))
def test_identity_is_the_keyed_one(case: str, extracted: dict[str, Path]):
    with (extracted[case] / "disclosures.csv").open(encoding="utf-8", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    keyed = _keyed(case)
    assert {k: row[k] for k in IDENTITY} == {k: keyed[k] for k in IDENTITY}
