from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import ROOT, SEED_DOCUMENT


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    """A writable copy of the repo's data package."""
    target = tmp_path / "package"
    target.mkdir()
    shutil.copy(ROOT / "datapackage.json", target)
    shutil.copytree(ROOT / "schemas", target / "schemas")
    shutil.copytree(ROOT / "data", target / "data")
    shutil.copytree(ROOT / "sources", target / "sources")
    return target


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_DOCUMENT.read_text(encoding="utf-8")
