"""A real document cut anywhere, or with its layout marks dropped, never crashes the extractor: it reads what it can
and says what it cannot (a PublishError is a refusal with a message; anything else is a crash)."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.core import PublishError
from publish.extract.core import extract
from tests.helpers import ROOT

DOCUMENTS = sorted((ROOT / "tests" / "disclosures").glob("*/document.txt"))
CUTS = 8  # prefixes of each document: an eighth, two eighths, … the whole
VARIANTS = {
    "as stored": lambda text: text,
    "tabs as spaces": lambda text: text.replace("\t", "  "),
    "no full stops": lambda text: text.replace("。", ""),
    "no thousands separators": lambda text: text.replace(",", ""),
}


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.parent.name)
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_every_cut_is_read_or_refused_never_a_crash(document: Path, variant: str, tmp_path: Path):
    text = VARIANTS[variant](document.read_text(encoding="utf-8"))
    for eighth in range(1, CUTS + 1):
        path = tmp_path / f"cut{eighth}.txt"
        path.write_text(text[: len(text) * eighth // CUTS], encoding="utf-8")
        try:
            ext = extract(path, "500101-test", ROOT)
        except PublishError as refusal:
            assert refusal.message_zh and refusal.message_en
            continue
        assert ext.fiscal_year and ext.document_kind
