"""Names and versions are identifiers, not paths; a name joined to an output folder never leaves it.

`publish.core.inside` is the one helper every writer uses: hypothesis throws hostile names at it (``..``,
absolute paths, backslashes, drives, NUL, very long parts, links already in the folder). At validate time a
package or resource name that is not an identifier, or a version that is not semver, is a finding, so
release, site, catalog and export never see one.
"""

from __future__ import annotations

import json
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from publish.core import SEMVER, OutsideError, inside, name_problem
from tests.fuzz.outcome import refused

HOSTILE_PARTS = ["..", ".", "", "/", "\\", "\x00", "C:", "~", "..\\..", "a" * 300, "%2e%2e", "\u2025", " "]
any_text = st.text(st.characters(codec="utf-8"), max_size=40) | st.builds(
    "/".join, st.lists(st.sampled_from(HOSTILE_PARTS) | st.text(max_size=8), max_size=6)
)


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("out")
    (folder / "sub").mkdir()
    outside = tmp_path_factory.mktemp("outside")
    (folder / "link").symlink_to(outside, target_is_directory=True)
    return folder


@settings(max_examples=400, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(relative=any_text)
@example(relative="../../outside/PWN")
@example(relative="/etc/passwd")
@example(relative="..\\..\\evil")
@example(relative="C:/evil")
@example(relative="a\x00b")
@example(relative="x" * 5000)
@example(relative="link/escaped")
@example(relative="sub/../../x")
def test_inside_returns_a_path_inside_the_folder_or_refuses(out, relative):
    try:
        target = inside(out, relative)
    except OutsideError as error:
        assert "Nothing was written" in error.message_en and "未写入任何文件" in error.message_zh
        return
    root = out.resolve()
    assert target.is_relative_to(root) and target != root
    assert target == (root / relative).resolve()
    assert ".." not in Path(relative).parts and not Path(relative).is_absolute()


@pytest.mark.parametrize(
    "relative",
    ["../x", "/etc/passwd", "a/../../x", "..\\x", "C:\\x", "a\x00", "", ".", "link/x", "x" * 300, "~/x", "a//b"],
)
def test_inside_refuses_each_way_out(out, relative):
    with pytest.raises(OutsideError):
        inside(out, relative)


@pytest.mark.parametrize("relative", ["index.html", "sub/page.html", "wuxi-county-department-budgets-0.1.0.zip"])
def test_inside_accepts_ordinary_names(out, relative):
    assert inside(out, relative) == out.resolve() / relative


@settings(max_examples=400)
@given(name=any_text)
@example(name="../../outside/PWN")
@example(name="..")
@example(name="a/b")
@example(name="has space")
@example(name="部门预算")
def test_a_valid_name_is_one_safe_file_name(name):
    """Whatever a name is, if it passes it is a single file name that stays in its folder."""
    if name_problem(name) is not None:
        return
    assert name == name.strip() and "/" not in name and "\\" not in name and name not in (".", "..")
    assert set(name) <= set(string.ascii_lowercase + string.digits + "._-") and not name.startswith(".")
    inside(Path("/tmp"), name)  # never raises for a valid name


def _descriptor(package: Path) -> dict:
    return json.loads((package / "datapackage.json").read_text(encoding="utf-8"))


def _write(package: Path, descriptor: dict) -> None:
    (package / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize("name", ["../../outside/PWN", "a/b", "has space", "", "..", ".hidden", "Upper", "名字", 7])
def test_a_package_name_that_is_not_an_identifier_is_refused(package_copy, tmp_path, name):
    descriptor = _descriptor(package_copy)
    descriptor["name"] = name
    _write(package_copy, descriptor)
    refused(["validate", package_copy, "--lang", "en"], [package_copy], "invalid-name")
    for args in (["release", package_copy], ["site", package_copy, "--out", tmp_path / "site"]):
        refused(args, [package_copy, tmp_path], "invalid-name")
    assert not (tmp_path / "site").exists() and not (package_copy / "dist").exists()


def test_a_missing_package_name_is_refused(package_copy):
    descriptor = _descriptor(package_copy)
    del descriptor["name"]
    _write(package_copy, descriptor)
    refused(["validate", package_copy, "--lang", "en"], [package_copy], "invalid-name", "missing")


@pytest.mark.parametrize("name", ["../outside/x", "a b", "a/b", "..", "x\ty"])
def test_a_resource_name_that_is_not_an_identifier_is_refused(package_copy, tmp_path, name):
    descriptor = _descriptor(package_copy)
    next(r for r in descriptor["resources"] if r["name"] == "glossary")["name"] = name
    _write(package_copy, descriptor)
    result = refused(["validate", package_copy, "--lang", "en"], [package_copy], "invalid-name")
    assert "resources/" in result.output
    out = tmp_path / "export"
    refused(["export", package_copy, "--format", "parquet", "--out", out], [package_copy, tmp_path], "invalid-name")
    assert not out.exists()


@pytest.mark.parametrize("version", ["1.0", "v1.0.0", "../1.0.0", "1.0.0-rc.1", "01.0.0", 1, "1.0.0/x"])
def test_a_version_that_is_not_semver_is_refused(package_copy, version):
    descriptor = _descriptor(package_copy)
    descriptor["version"] = version
    _write(package_copy, descriptor)
    refused(["validate", package_copy, "--lang", "en"], [package_copy], "invalid-version", "MAJOR.MINOR.PATCH")


@given(st.from_regex(r"(0|[1-9][0-9]{0,3})\.(0|[1-9][0-9]{0,3})\.(0|[1-9][0-9]{0,3})", fullmatch=True))
def test_every_plain_semver_is_accepted(version):
    assert SEMVER.match(version)


def test_the_repository_names_are_identifiers():
    from tests.helpers import ROOT

    descriptor = _descriptor(ROOT)
    assert name_problem(descriptor["name"]) is None and SEMVER.match(descriptor["version"])
    assert all(name_problem(resource["name"]) is None for resource in descriptor["resources"])


@pytest.mark.parametrize("department", ["../../escape", "/tmp/escape", "a/../../b"])
def test_extract_refuses_a_default_folder_that_leaves_the_working_folder(tmp_path, monkeypatch, department):
    from publish.extract import OutputError
    from publish.extract.model import Extraction
    from publish.extract.output import default_folder

    monkeypatch.chdir(tmp_path)
    with pytest.raises(OutputError, match="Nothing was written"):
        default_folder(Extraction(department_id=department, fiscal_year="2023"))
    assert default_folder(Extraction(department_id="500238-zwfwzx", fiscal_year="2023")) == Path("500238-zwfwzx-2023")
