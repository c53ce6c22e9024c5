"""Fault injection at every write of `publish release` and `publish add`, a kill mid-release, two releases at once.

`publish.core.atomic.checkpoint` is called before every write (and every move of a release into
place); ``FailAt(n)`` raises at the n-th. A first pass counts the writes, then each one fails in
turn on a fresh copy. tests/test_release_reproducible.py already fails a sample of release writes
and reruns each to completion; tests/test_add.py fails every write of the `add` library call and
checks the data files. Here: every release write, the whole tree (dot files, `dist/`, leftovers),
`add` through the command line, a real SIGKILL, and a real concurrent second release.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from publish.core import atomic
from publish.release.run import release as release_library
from tests.fuzz.outcome import assert_clean_outcome, invoke, tree_hashes
from tests.helpers import ROOT
from tests.release_support import EPOCH, top
from tests.submission_support import exported_template

TOP = top("1.0.1")


class Injected(Exception):
    pass


class FailAt:
    """A checkpoint that records every write and raises at the ``failing``-th (1-based; 0 never fails)."""

    def __init__(self, failing: int = 0):
        self.failing, self.seen = failing, []

    def __call__(self, path: Path) -> None:
        self.seen.append(path)
        if len(self.seen) == self.failing:
            raise Injected(f"write {self.failing}: {path}")


def _change_a_figure(package: Path) -> None:
    path = package / "data" / "operating_costs.csv"
    path.write_bytes(path.read_bytes().replace(b"38.20", b"38.30"))


@pytest.fixture
def released_once(package_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A package with its release 1.0.0 in dist/ and a corrected figure waiting to be released as 1.0.1."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    release_library(package_copy)
    _change_a_figure(package_copy)
    return package_copy


def _visible(tree: dict[str, str], prefix: str) -> dict[str, str]:
    """The entries of ``tree`` under ``prefix`` that a user or a mirror sees (no dot files)."""
    return {k: v for k, v in tree.items() if k.startswith(prefix) and not Path(k).name.startswith(".")}


def test_a_failure_at_every_write_of_a_release_leaves_nothing_or_everything(
    released_once: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    reference = tmp_path / "reference"
    shutil.copytree(released_once, reference)
    counter = FailAt()
    monkeypatch.setattr(atomic, "checkpoint", counter)
    release_library(reference)
    before, after = tree_hashes(released_once), tree_hashes(reference)
    total = len(counter.seen)
    assert total > 40 and counter.seen[-2].name == "datapackage.json"
    for failing in range(1, total + 1):
        trial = tmp_path / f"trial-{failing}"
        shutil.copytree(released_once, trial)
        monkeypatch.setattr(atomic, "checkpoint", FailAt(failing))
        with pytest.raises(Injected):
            release_library(trial)
        now = tree_hashes(trial)
        assert not [k for k in now if k.startswith("dist/.")], (failing, "leftover temporary files or lock")
        assert _visible(now, "dist/") in (_visible(before, "dist/"), _visible(after, "dist/")), failing
        assert _visible(now, "data/") == _visible(before, "data/") and _visible(now, "schemas/") == _visible(
            before, "schemas/"
        )
        for name in ("datapackage.json", "CHANGELOG.md"):
            assert now.get(name) in (before.get(name), after.get(name)), (failing, name)
        shutil.rmtree(trial)


def test_a_failure_at_every_write_of_add_leaves_the_package_as_it_was(
    package_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Through the command: exit 3 with the message, no traceback, the whole tree (dot files included) unchanged."""
    from openpyxl import load_workbook

    book_path = exported_template(ROOT, tmp_path / "changed.xlsx")
    book = load_workbook(book_path)
    book["名词解释"].cell(3, 7).value = "改过的名词解释"
    book.save(book_path)
    probe = tmp_path / "probe"
    shutil.copytree(package_copy, probe)
    counter = FailAt()
    monkeypatch.setattr(atomic, "checkpoint", counter)
    assert invoke("add", book_path, "--package", probe).exit_code == 0
    total = len(counter.seen)
    assert total >= 4
    before = tree_hashes(package_copy)
    for failing in range(1, total + 1):
        monkeypatch.setattr(atomic, "checkpoint", FailAt(failing))
        result = invoke("add", book_path, "--package", package_copy)
        assert result.exit_code == 3 and f"write {failing}" in result.output and "Traceback" not in result.output
        assert tree_hashes(package_copy) == before, f"failure at write {failing} left the package changed"


KILLER = """
import os, signal, sys
from publish.core import atomic
calls = iter(range(1, 10_000))
def checkpoint(path, at=int(sys.argv[1])):
    if next(calls) == at:
        os.kill(os.getpid(), signal.SIGKILL)
atomic.checkpoint = checkpoint
from publish.cli import main
sys.argv = ["publish", "release", sys.argv[2]]
main()
"""


def _python(*args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen(
        [sys.executable, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, **kwargs
    )


KILL_POINTS = {
    "lock": lambda seen: 0,
    "staging": lambda seen: len(seen) // 2,
    "between-moves": lambda seen: max(
        i for i, p in enumerate(seen) if p.name == f"{TOP}.zip" and p.parent.name == "dist"
    ),
    "package-files": lambda seen: len(seen) - 1,
}


@pytest.mark.parametrize("point", sorted(KILL_POINTS))
def test_a_release_killed_at_a_write_is_recovered_by_the_next_run(
    released_once: Path, tmp_path: Path, point: str, monkeypatch: pytest.MonkeyPatch
):
    """SIGKILL runs no clean-up: the lock and the staging folder stay behind, but no partial release is visible
    except, between the two moves, the folder without its zip, which the next release rebuilds; the next
    release also removes the staging folder."""
    reference = tmp_path / "reference"
    shutil.copytree(released_once, reference)
    counter = FailAt()
    monkeypatch.setattr(atomic, "checkpoint", counter)
    release_library(reference)
    monkeypatch.setattr(atomic, "checkpoint", lambda path: None)
    kill_at = KILL_POINTS[point](counter.seen) + 1
    process = _python("-c", KILLER, str(kill_at), str(released_once))
    process.communicate(timeout=120)
    assert process.returncode == -signal.SIGKILL
    dist = sorted(p.name for p in (released_once / "dist").iterdir() if not p.name.startswith("."))
    released = ["wuxi-county-department-budgets-1.0.0", "wuxi-county-department-budgets-1.0.0.zip"]
    assert dist in (released, sorted([*released, TOP]), sorted([*released, TOP, f"{TOP}.zip"])), dist
    assert (dist == sorted([*released, TOP])) == (point == "between-moves"), dist
    assert tree_hashes(released_once / "data") == tree_hashes(reference / "data")
    lock = released_once / "dist" / ".release.lock"
    if lock.exists():
        refused = invoke("release", released_once)
        assert refused.exit_code == 1 and "another release is running" in refused.output
        lock.unlink()  # what the message tells the user to do once no release is running
    rerun = invoke("release", released_once)
    assert rerun.exit_code == 0, rerun.output
    assert tree_hashes(released_once) == tree_hashes(reference), "the rerun did not complete the release or left files"


SLOW = """
import sys, time
from publish.core import atomic
atomic.checkpoint = lambda path: time.sleep(0.05)  # hold the lock for a few seconds
from publish.cli import main
sys.argv = ["publish", "release", sys.argv[1]]
main()
"""


def test_two_releases_started_together_one_wins_the_other_is_refused(released_once: Path):
    before = _visible(tree_hashes(released_once), "dist/")
    processes = [_python("-c", SLOW, str(released_once)) for _ in range(2)]
    started = time.monotonic()
    outputs = [process.communicate(timeout=300)[0].decode("utf-8") for process in processes]
    codes = sorted(process.returncode for process in processes)
    assert codes == [0, 1], outputs
    loser = outputs[[p.returncode for p in processes].index(1)]
    assert "another release is running" in loser and ".release.lock" in loser and "Traceback" not in loser
    assert time.monotonic() - started < 300
    dist = _visible(tree_hashes(released_once), "dist/")
    assert set(before) < set(dist) and f"dist/{TOP}.zip" in dist
    assert not (released_once / "dist" / ".release.lock").exists()


def test_the_outcome_helper_rejects_a_tool_failure(package_copy: Path, monkeypatch: pytest.MonkeyPatch):
    """The fuzz and hostile tests rely on assert_clean_outcome failing on exit 3."""
    monkeypatch.setattr(atomic, "checkpoint", FailAt(1))
    result = invoke("release", package_copy)
    assert result.exit_code == 3
    with pytest.raises(AssertionError):
        assert_clean_outcome(result)
