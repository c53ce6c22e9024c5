from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from tests.helpers import ROOT, SEED_DOCUMENT

# Machines here are shared and noisy: a property test asserts what is true, never how fast (benchmarks/ do).
settings.register_profile("publish", deadline=None)
settings.load_profile("publish")


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
