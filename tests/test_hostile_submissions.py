"""Submissions from outside: hidden sheets and links are refused, a merge journal cannot reach outside the package,
and two `publish add` at once never both merge (the second is refused by the package's lock).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from publish.submission.intake import LOCK
from tests.fuzz.outcome import assert_clean_outcome, invoke, refused
from tests.fuzz.targets import seed_workbook
from tests.helpers import ROOT, read_rows
from tests.submission_support import csv_folder

GLOSSARY = "名词解释"


def _book(path: Path, change) -> Path:
    book = load_workbook(io.BytesIO(seed_workbook()))
    change(book)
    book.save(path)
    return path


# --- hidden sheets ---------------------------------------------------------------------------------


def test_the_template_hides_only_its_own_auxiliary_sheets_and_is_accepted(package_copy, tmp_path):
    path = tmp_path / "seed.xlsx"
    path.write_bytes(seed_workbook())
    hidden = {s.title for s in load_workbook(path).worksheets if s.sheet_state != "visible"}
    assert hidden == {"_meta", "下拉选项"}
    result = invoke("add", path, "--package", package_copy, "--dry-run")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_a_hidden_data_sheet_is_refused_by_name(package_copy, tmp_path, state):
    def hide(book):
        book[GLOSSARY].sheet_state = state

    path = _book(tmp_path / "hidden.xlsx", hide)
    result = refused(["add", path, "--package", package_copy], [package_copy], "submission-hidden-sheet", GLOSSARY)
    assert state in result.output and "submission-missing-sheet" not in result.output


def test_an_extra_very_hidden_sheet_is_refused(package_copy, tmp_path):
    def smuggle(book):
        sheet = book.create_sheet("附加")
        sheet.append(["fiscal_year", "department_id"])
        sheet.sheet_state = "veryHidden"

    path = _book(tmp_path / "extra.xlsx", smuggle)
    refused(["add", path, "--package", package_copy], [package_copy], "submission-hidden-sheet", "附加", "veryHidden")


# --- links in a CSV folder -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["glossary.csv", "notes.txt"])
def test_a_symlink_in_a_csv_folder_is_refused_and_never_followed(package_copy, tmp_path, name):
    folder = csv_folder(package_copy, tmp_path / "submission")
    secret = tmp_path / "secret.csv"
    secret.write_text((folder / "glossary.csv").read_text(encoding="utf-8") + "SECRET-SENTINEL\n", encoding="utf-8")
    (folder / name).unlink(missing_ok=True)
    (folder / name).symlink_to(secret)
    result = refused(["add", folder, "--package", package_copy], [package_copy], "submission-symlink", name)
    assert "SECRET-SENTINEL" not in result.output


def test_a_folder_of_only_links_says_so_not_empty(package_copy, tmp_path):
    folder = tmp_path / "links"
    folder.mkdir()
    (folder / "income.csv").symlink_to(package_copy / "data" / "income.csv")
    result = refused(["add", folder, "--package", package_copy], [package_copy], "submission-symlink")
    assert "submission-empty" not in result.output


# --- the merge journal is input too ----------------------------------------------------------------


@pytest.mark.parametrize("listed", [["../outside.csv"], ["/tmp/never-publish.csv"], ["data/../../outside.csv"], "x"])
def test_a_journal_naming_files_outside_the_package_touches_nothing_there(package_copy, tmp_path, listed):
    outside = tmp_path / "outside.csv"
    outside.write_text("keep me\n", encoding="utf-8")
    (package_copy / "data" / ".publish-merge.json").write_text(json.dumps({"replacing": listed}), encoding="utf-8")
    (tmp_path / ".outside.csv.publish-backup").write_text("attacker\n", encoding="utf-8")
    path = tmp_path / "seed.xlsx"
    path.write_bytes(seed_workbook())
    result = invoke("add", path, "--package", package_copy)
    assert_clean_outcome(result)
    assert result.exit_code == 0, result.output
    assert outside.read_text(encoding="utf-8") == "keep me\n"
    assert not (package_copy / "data" / ".publish-merge.json").exists()


def test_an_unreadable_journal_is_not_a_crash(package_copy, tmp_path):
    (package_copy / "data" / ".publish-merge.json").write_text("[" * 100_000, encoding="utf-8")
    path = tmp_path / "seed.xlsx"
    path.write_bytes(seed_workbook())
    result = invoke("add", path, "--package", package_copy)
    assert_clean_outcome(result)
    assert result.exit_code == 0, result.output


# --- one add at a time -----------------------------------------------------------------------------


def test_an_add_while_the_lock_is_held_is_refused_and_changes_nothing(package_copy, tmp_path):
    lock = package_copy / LOCK
    lock.write_text("12345\n", encoding="utf-8")
    folder = csv_folder(package_copy, tmp_path / "submission")
    result = refused(["add", folder, "--package", package_copy], [package_copy], "package-locked", LOCK)
    assert "另一个 publish add" in result.output and "another publish add" in result.output
    lock.unlink()
    assert invoke("add", folder, "--package", package_copy).exit_code == 0
    assert not lock.exists()


HOLDING = """
import sys, time
from pathlib import Path
from publish.core import atomic

go = Path(sys.argv[3])

def hold(path):  # the first data write waits until the test says go (the lock is already held)
    if path.name != ".publish-add.lock":
        deadline = time.monotonic() + 240
        while not go.exists() and time.monotonic() < deadline:
            time.sleep(0.05)

atomic.checkpoint = hold
from publish.cli import main
sys.argv = ["publish", "add", sys.argv[1], "--package", sys.argv[2]]
main()
"""


def _add_process(submission: Path, package: Path, go: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    command = [sys.executable, "-c", HOLDING, str(submission), str(package), str(go)]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def _wait_for(path: Path, process: subprocess.Popen, seconds: float = 240) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert process.poll() is None, process.communicate()[0].decode("utf-8")
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.05)


def test_two_adds_at_once_one_merges_the_other_is_refused(package_copy, tmp_path):
    """Two real processes: the first holds the lock while it merges; the second, started meanwhile, is refused
    and writes nothing; the first's merge is complete. Without the lock both said "merged" and one was lost."""

    def change_kpi(book):
        book["绩效指标"]["L3"] = 85

    first = _book(tmp_path / "first.xlsx", change_kpi)
    second = csv_folder(package_copy, tmp_path / "second")
    glossary = second / "glossary.csv"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("，", "、", 1), encoding="utf-8")
    go_first, go_second = tmp_path / "go-first", tmp_path / "go-second"
    go_second.touch()
    before = read_rows(package_copy, "glossary")

    holder = _add_process(first, package_copy, go_first)
    _wait_for(package_copy / LOCK, holder)
    loser = _add_process(second, package_copy, go_second)
    loser_output = loser.communicate(timeout=240)[0].decode("utf-8")
    go_first.touch()
    holder_output = holder.communicate(timeout=240)[0].decode("utf-8")

    assert (holder.returncode, loser.returncode) == (0, 1), (holder_output, loser_output)
    assert "已并入 merged" in holder_output and "已并入 merged" not in loser_output
    assert "package-locked" in loser_output and "another publish add is merging" in loser_output
    assert "Traceback" not in holder_output + loser_output
    assert read_rows(package_copy, "glossary") == before  # the refused one wrote nothing
    assert any(row["target_value"] == "85" for row in read_rows(package_copy, "kpis"))  # the winner's change
    assert not (package_copy / LOCK).exists()
