from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from publish.site import build_site
from tests.chromium import Browser, find_chromium
from tests.ckan_server import ckan_portal  # noqa: F401  (the real CKAN of tests/test_ckan_live.py)
from tests.helpers import SEED_DOCUMENT, copy_package
from tests.release_support import make_release

# Machines here are shared and noisy: a property test asserts what is true, never how fast (benchmarks/ do).
settings.register_profile("publish", deadline=None)
settings.load_profile("publish")


@pytest.fixture(scope="session", autouse=True)
def private_cache_for_the_session(tmp_path_factory) -> Iterator[Path]:
    """A cache folder (publish.validate.verdicts) for the fixtures shared by several tests, never the developer's."""
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PUBLISH_CACHE_DIR", str(folder))
        yield folder


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch) -> Path:
    """Each test's own cache folder: no verdict leaks from one test into another (a child process inherits it)."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("PUBLISH_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    """A writable copy of the repo's data package."""
    return copy_package(tmp_path / "package")


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_DOCUMENT.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def release_dir(tmp_path_factory) -> Path:
    """A release of the repo's package made by `publish release`: its folder in dist/ (one per test module)."""
    return make_release(tmp_path_factory.mktemp("release"))


@pytest.fixture(scope="module")
def site(release_dir: Path, tmp_path_factory) -> Path:
    """The site built from ``release_dir`` (one per test module)."""
    out = tmp_path_factory.mktemp("site") / "site"
    build_site(release_dir, out)
    return out


@pytest.fixture(scope="session")
def chromium() -> str:
    return find_chromium()


@pytest.fixture(scope="module")
def browser(chromium):
    """One headless Chromium per test module (tests/chromium.py)."""
    instance = Browser(chromium)
    yield instance
    instance.close()
