"""The release zip is a zipped data package: frictionless's own CLI checks every resource in it; the zips of
earlier releases (files under a `<name>-<version>/` folder) are still read by `publish verify` and `diff`."""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.fuzz.outcome import invoke
from tests.helpers import require_tool

EPOCH = "1700000000"
NOT_IN_SEED = {
    "expenditure_by_economic",
    "disclosure_parts",
    "disclosure_units",
    "inconsistencies",
}  # tables the seed document has no row in


@pytest.fixture
def released(package_copy: Path, monkeypatch) -> Path:
    """The zip of the package's first release."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    result = invoke("release", package_copy)
    assert result.exit_code == 0, result.output
    (zipped,) = (package_copy / "dist").glob("*.zip")
    return zipped


def test_datapackage_json_is_at_the_zip_s_root(released: Path):
    with zipfile.ZipFile(released) as archive:
        names = archive.namelist()
    assert "datapackage.json" in names and not any(name.endswith("/datapackage.json") for name in names)


def test_frictionless_validates_every_resource_of_the_zip(released: Path):
    """`frictionless validate dist/<zip>` opens the zip as the package: one task per resource, all valid."""
    program = require_tool("frictionless", "the release zip is checked with frictionless's own command line")
    done = subprocess.run(
        [program, "validate", released.name, "--json"], cwd=released.parent, capture_output=True, text=True
    )
    report = json.loads(done.stdout)
    with zipfile.ZipFile(released) as archive:
        resources = json.loads(archive.read("datapackage.json"))["resources"]
    checked = {task["name"] for task in report["tasks"]}
    assert checked == {resource["name"] for resource in resources}, report
    filled = [task for task in report["tasks"] if task["name"] not in NOT_IN_SEED]
    assert report["valid"] is True and all(task["stats"]["rows"] for task in filled), report
    assert done.returncode == 0


def old_layout(zipped: Path) -> Path:
    """The same release as earlier releases zipped it: every file under the `<name>-<version>/` folder."""
    top = zipped.stem
    old = zipped.with_name(f"old-{zipped.name}")
    with zipfile.ZipFile(zipped) as source, zipfile.ZipFile(old, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(f"{top}/{info.filename}", source.read(info))
    return old


def test_verify_reads_a_zip_of_an_earlier_release(released: Path):
    result = invoke("verify", old_layout(released))
    assert result.exit_code == 0, result.output


def test_diff_reads_a_zip_of_an_earlier_release(released: Path):
    package = released.parents[1]
    result = invoke("diff", old_layout(released), package, "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert (report["old_version"], report["bump"], report["changes"]) == ("1.0.0", "none", [])
