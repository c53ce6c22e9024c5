"""Every writer keeps to its output folder, whatever names the package gives (issue 20, writes outside --out).

The package's ``name`` becomes ``<name>-<version>`` in the file names of the site, the catalog, the export
and the release; a resource's name becomes a Parquet folder. Each writer resolves every path through
``publish.core.inside`` and refuses one that leaves the folder before writing anything. The end-to-end
tests run the issue's examples through the CLI and compare a snapshot of the whole temporary folder; the
library tests hand the writers a package with a hostile name directly, so that they are held on their
own even where loading the package refuses such a name first.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from publish.core import OutsideError, PublishError, inside, load
from publish.export import export
from publish.release.build import write_release
from publish.site.builder import write_tree
from tests.fuzz.outcome import assert_clean_outcome, invoke, refused, tree_hashes

ESCAPING_NAME = "../../outside/PWN"


def _descriptor(package: Path, change) -> None:
    path = package / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    change(descriptor)
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")


def _named(package: Path, name: str) -> Path:
    _descriptor(package, lambda d: d.update(name=name))
    return package


def _resource_named(package: Path, old: str, new: str) -> Path:
    def rename(descriptor: dict) -> None:
        next(r for r in descriptor["resources"] if r["name"] == old)["name"] = new

    _descriptor(package, rename)
    return package


# -- the helper --------------------------------------------------------------------------------------------


def test_a_path_refused_by_inside_is_a_publish_error_exiting_1(tmp_path):
    """What every writer relies on: the refusal is printed as a message (exit 1), never a tool failure (exit 3)."""
    with pytest.raises(OutsideError) as raised:
        inside(tmp_path, ESCAPING_NAME)
    assert isinstance(raised.value, PublishError) and raised.value.exit_code == 1
    assert ESCAPING_NAME in raised.value.message("en") and "拒绝" in raised.value.message("zh")


# -- the examples, through the command line --------------------------------------------------------


def test_site_with_a_name_that_climbs_writes_nothing_outside(package_copy, tmp_path):
    _named(package_copy, ESCAPING_NAME)
    refused(["site", package_copy, "--out", tmp_path / "site", "--allow-invalid"], [tmp_path])
    assert not (tmp_path / "outside").exists()


def test_catalog_with_a_name_that_climbs_writes_nothing_outside(package_copy, tmp_path):
    _named(package_copy, ESCAPING_NAME)
    args = ["catalog", package_copy, "--base-url", "https://example.org/r", "--out", tmp_path / "catalog"]
    refused(args, [tmp_path])


def test_duckdb_export_with_a_name_that_climbs_writes_nothing_outside(package_copy, tmp_path):
    _named(package_copy, ESCAPING_NAME)
    refused(["export", package_copy, "--format", "duckdb", "--out", tmp_path / "export"], [tmp_path])


def test_parquet_export_writes_nothing_outside_whatever_the_package_name(package_copy, tmp_path):
    _named(package_copy, ESCAPING_NAME)
    before = tree_hashes(tmp_path)
    result = invoke("export", package_copy, "--format", "parquet", "--out", tmp_path / "export")
    assert_clean_outcome(result)
    appeared = set(tree_hashes(tmp_path)) - set(before)
    assert all(path.startswith("export") for path in appeared), sorted(appeared)  # (or refused on loading)


def test_parquet_export_of_a_resource_named_to_climb_writes_nothing_outside(package_copy, tmp_path):
    _resource_named(package_copy, "glossary", "../outside/x")
    refused(["export", package_copy, "--format", "parquet", "--out", tmp_path / "export"], [tmp_path])


def test_release_with_a_name_that_climbs_writes_nothing_outside(package_copy, tmp_path):
    _named(package_copy, ESCAPING_NAME)
    refused(["release", package_copy], [tmp_path])


# -- the writers on their own: a package with a hostile name handed to them --------------------------------


def _loading_as(monkeypatch, module: str, change) -> None:
    """``module.load`` returns the package as loaded, then changed by ``change`` (whatever load would refuse)."""

    def hostile_load(source):
        package = load(source)
        change(package)
        return package

    monkeypatch.setattr(f"{module}.load", hostile_load)


def _rename(name: str):
    return lambda package: package.descriptor.update(name=name)


@pytest.mark.parametrize("name", [ESCAPING_NAME, "/tmp/PWN", "a/../../../PWN"])
def test_the_site_refuses_a_hostile_name_on_its_own(package_copy, tmp_path, monkeypatch, name):
    from publish.site import build_site

    _loading_as(monkeypatch, "publish.site.builder", _rename(name))
    before = tree_hashes(tmp_path)
    with pytest.raises(OutsideError):
        build_site(package_copy, tmp_path / "site", allow_invalid=True)
    assert tree_hashes(tmp_path) == before


def test_the_catalog_refuses_a_hostile_name_on_its_own(package_copy, tmp_path, monkeypatch):
    from publish.catalog import export as catalog_export

    _loading_as(monkeypatch, "publish.catalog.source", _rename(ESCAPING_NAME))
    before = tree_hashes(tmp_path)
    with pytest.raises(OutsideError):
        catalog_export(package_copy, "https://example.org/r", ["cn-catalog"], out=tmp_path / "catalog")
    assert tree_hashes(tmp_path) == before


@pytest.mark.parametrize("fmt", ["parquet", "duckdb"])
def test_the_export_refuses_hostile_names_on_its_own(package_copy, tmp_path, monkeypatch, fmt):
    def hostile(package) -> None:
        package.descriptor["name"] = ESCAPING_NAME
        resource = package.resources.pop("glossary")
        resource.name = "../outside/x"
        package.resources[resource.name] = resource

    _loading_as(monkeypatch, "publish.export.run", hostile)
    before = tree_hashes(tmp_path)
    with pytest.raises(OutsideError):
        export(package_copy, fmt, tmp_path / "export")
    assert tree_hashes(tmp_path) == before


@pytest.mark.parametrize("top", ["../PWN-1.0.0", "/tmp/PWN-1.0.0", "a/b-1.0.0", "."])
def test_the_release_writer_refuses_a_hostile_folder_name(tmp_path, top):
    dist = tmp_path / "work" / "dist"
    dist.mkdir(parents=True)
    before = tree_hashes(tmp_path)
    with pytest.raises(OutsideError):
        write_release(dist, top, {"datapackage.json": b"{}"}, datetime(2024, 1, 1, tzinfo=timezone.utc))
    assert tree_hashes(tmp_path) == before


@pytest.mark.parametrize("relative", ["download/../../PWN/x.csv", "../x", "/tmp/x", "department/a\\..\\..\\x.html"])
def test_the_site_writer_refuses_a_file_outside_the_site(tmp_path, relative):
    (tmp_path / "work").mkdir()
    before = tree_hashes(tmp_path)
    with pytest.raises(OutsideError):
        write_tree(tmp_path / "work" / "site", {"index.html": b"<p>", relative: b"PWN"})
    assert tree_hashes(tmp_path) == before


def test_a_page_name_made_of_a_year_that_climbs_stays_in_the_site():
    from publish.site.model import DepartmentYear

    view = DepartmentYear("../../../x", "../etc", {}, {})
    assert "/" not in view.slug and view.slug == ".._etc-.._.._.._x"
