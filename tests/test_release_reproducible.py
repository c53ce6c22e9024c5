"""Releases are reproducible, verifiable, and an interrupted release leaves nothing behind."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import pytest

from publish.core import atomic
from publish.release.run import release as release_library
from tests.helpers import invoke, require_tool
from tests.release_support import EPOCH, release, set_value, snapshot, top


class Interrupted(Exception):
    pass


def test_the_same_release_built_twice_is_byte_identical(package_copy: Path, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    twin = tmp_path / "twin"
    shutil.copytree(package_copy, twin)
    assert release(package_copy).exit_code == 0
    time.sleep(2.1)  # zip times have a 2-second resolution: a clock-dated entry would now differ
    assert release(twin, "--out", str(tmp_path / "elsewhere")).exit_code == 0
    first = (package_copy / "dist" / f"{top('1.0.0')}.zip").read_bytes()
    assert first == (tmp_path / "elsewhere" / f"{top('1.0.0')}.zip").read_bytes()
    assert snapshot(package_copy / "dist" / top("1.0.0")) == snapshot(tmp_path / "elsewhere" / top("1.0.0"))


def test_created_comes_from_the_last_commit_without_source_date_epoch(package_copy: Path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    git(package_copy, "init", "-q")
    git(package_copy, "add", ".")
    git(package_copy, "commit", "-qm", "data", env_date="2024-03-05T06:07:08+00:00")
    assert release(package_copy).exit_code == 0
    descriptor = json.loads((package_copy / "dist" / top("1.0.0") / "datapackage.json").read_text("utf-8"))
    assert descriptor["created"] == "2024-03-05T06:07:08Z"


def test_verify_passes_on_a_release_and_names_a_changed_file(package_copy: Path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    assert release(package_copy).exit_code == 0
    folder = package_copy / "dist" / top("1.0.0")
    zip_path = package_copy / "dist" / f"{top('1.0.0')}.zip"
    for target in (zip_path, folder):
        result = invoke("verify", str(target))
        assert result.exit_code == 0, result.output
        assert result.output.splitlines()[-1].startswith("完好 verified: 0 个错误 errors")
    income = folder / "data" / "income.csv"
    data = bytearray(income.read_bytes())
    data[-2] = ord("9") if data[-2] != ord("9") else ord("8")  # one byte of the last row
    income.write_bytes(bytes(data))
    result = invoke("verify", str(folder))
    assert result.exit_code == 1
    assert "sha256-mismatch  data/income.csv" in result.output
    assert "hash-mismatch  data/income.csv" in result.output


def test_verify_names_a_changed_file_inside_the_zip(package_copy: Path, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    assert release(package_copy).exit_code == 0
    original = package_copy / "dist" / f"{top('1.0.0')}.zip"
    damaged = tmp_path / original.name
    with zipfile.ZipFile(original) as source, zipfile.ZipFile(damaged, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith("data/sangong.csv"):
                data = data.replace(",4,万元".encode(), ",5,万元".encode(), 1)
            target.writestr(info, data)
    result = invoke("verify", str(damaged))
    assert result.exit_code == 1
    assert "data/sangong.csv" in result.output and "SHA256SUMS" in result.output


def test_verify_reports_missing_and_unlisted_files(package_copy: Path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    assert release(package_copy).exit_code == 0
    folder = package_copy / "dist" / top("1.0.0")
    (folder / "README.md").unlink()
    (folder / "notes.txt").write_text("added later")
    result = invoke("verify", str(folder))
    assert result.exit_code == 1
    assert "file-missing  README.md" in result.output and "file-unlisted  notes.txt" in result.output


def checkpoints_of_a_release(package: Path) -> list[Path]:
    seen: list[Path] = []
    atomic.checkpoint = seen.append
    try:
        release_library(package)
    finally:
        atomic.checkpoint = lambda path: None
    return seen


def test_an_interrupted_release_leaves_no_partial_release_and_a_rerun_completes_it(
    package_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    assert release(package_copy).exit_code == 0
    set_value(package_copy, "operating_costs", "amount", "38.20", "38.30")
    base = tmp_path / "base"
    shutil.copytree(package_copy, base)
    reference = tmp_path / "reference"
    shutil.copytree(base, reference)
    points = checkpoints_of_a_release(reference)
    expected = snapshot(reference)
    # every kind of write: the lock, first and last staged file, zip entries, the zip, both moves, the package files
    names = [p.name for p in points]
    chosen = sorted({0, 1, len(points) // 3, names.index(f"{top('1.0.1')}.zip"), *range(len(points) - 4, len(points))})
    assert len(points) > 40 and names[-2:] == ["datapackage.json", "CHANGELOG.md"]
    outcomes = set()
    for index in chosen:
        trial = tmp_path / f"trial-{index}"
        shutil.copytree(base, trial)
        monkeypatch.setattr(atomic, "checkpoint", _fail_at(index))
        with pytest.raises(Interrupted):
            release_library(trial)
        monkeypatch.setattr(atomic, "checkpoint", lambda path: None)
        dist = sorted(p.name for p in (trial / "dist").iterdir())
        released = [top("1.0.0"), f"{top('1.0.0')}.zip"]
        assert dist in (released, sorted([*released, top("1.0.1"), f"{top('1.0.1')}.zip"])), (index, dist)
        if len(dist) == 2:
            assert snapshot(trial) == snapshot(base), index
        outcomes.add(len(dist))
        assert release_library(trial).version == "1.0.1"
        assert snapshot(trial) == expected, index
    assert outcomes == {2, 4}  # interrupted before the release was moved into place, and after


def _fail_at(index: int):
    calls = iter(range(10_000))

    def checkpoint(path: Path) -> None:
        if next(calls) == index:
            raise Interrupted(path)

    return checkpoint


def git(folder: Path, *args: str, env_date: str | None = None) -> None:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t"}
    env |= {"GIT_COMMITTER_EMAIL": "t@example.org", "PATH": "/usr/bin:/bin", "HOME": str(folder)}
    if env_date:
        env |= {"GIT_AUTHOR_DATE": env_date, "GIT_COMMITTER_DATE": env_date}
    found = require_tool("git", "a release takes its dates from the last commit and finds a previous one by tag")
    subprocess.run([found, "-C", str(folder), *args], check=True, env=env, capture_output=True)


def test_a_previous_release_is_found_from_a_git_tag_in_a_fresh_clone(package_copy: Path, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    git(package_copy, "init", "-q")
    assert release(package_copy).exit_code == 0
    (package_copy / ".gitignore").write_text("/dist/\n")
    git(package_copy, "add", ".")
    git(package_copy, "commit", "-qm", "release 1.0.0")
    git(package_copy, "tag", "v1.0.0")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(package_copy), str(clone)], check=True, capture_output=True)
    again = release(clone)
    assert again.exit_code == 0, again.output
    assert "Released 1.0.0" in again.output
    assert (clone / "dist" / f"{top('1.0.0')}.zip").read_bytes() == (
        package_copy / "dist" / f"{top('1.0.0')}.zip"
    ).read_bytes()
    shutil.rmtree(clone / "dist")
    set_value(clone, "operating_costs", "amount", "38.20", "38.30")
    patched = release(clone)
    assert patched.exit_code == 0, patched.output
    assert "Released 1.0.1" in patched.output and "previous release from: git tag v1.0.0" in patched.output
    log = (clone / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "38.20 → 38.30" in log and log.index("## 1.0.1") < log.index("## 1.0.0")


def test_the_xlsx_inside_the_zip_is_the_one_in_the_folder(package_copy: Path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    assert release(package_copy).exit_code == 0
    name = f"{top('1.0.0')}.xlsx"
    with zipfile.ZipFile(package_copy / "dist" / f"{top('1.0.0')}.zip") as archive:
        inside = archive.read(name)
    assert inside == (package_copy / "dist" / top("1.0.0") / name).read_bytes()
    with zipfile.ZipFile(io.BytesIO(inside)) as workbook:
        assert {info.date_time for info in workbook.infolist()} == {(2023, 11, 14, 22, 13, 20)}
