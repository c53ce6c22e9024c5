"""`publish extract DIR`: a county's folder in one command, one submission folder per document and a summary.

The folder is built in a temporary directory: the seed document (tests/helpers.SEED_DOCUMENT) twice, once under
a hostile name (the same department-year twice), a file named .pdf that is not a PDF (not readable), a text
with no year (refused), an old Word .doc (not supported), a hidden file, a symbolic link leading out of the
folder, and a subfolder holding another copy (not read: the run is not recursive).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from publish.core import atomic
from publish.extract import extract_folder
from publish.extract.folder import folder_name
from tests.helpers import SEED_DEPARTMENT, SEED_DOCUMENT, invoke

HOSTILE = "=HYPERLINK(x)；.. 预算 CON.txt"


@pytest.fixture
def county(tmp_path: Path) -> Path:
    folder = tmp_path / "巫溪县"
    folder.mkdir()
    shutil.copy(SEED_DOCUMENT, folder / "政务服务中心2023.txt")
    shutil.copy(SEED_DOCUMENT, folder / HOSTILE)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 this is not a pdf")
    (folder / "无年度.txt").write_text("某某单位部门预算情况说明\n一、基本职能\n负责政务服务。\n", encoding="utf-8")
    (folder / "旧版.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (folder / ".hidden.txt").write_text("not read", encoding="utf-8")
    outside = tmp_path / "outside.txt"
    shutil.copy(SEED_DOCUMENT, outside)
    (folder / "link.txt").symlink_to(outside)
    (folder / "2022").mkdir()
    shutil.copy(SEED_DOCUMENT, folder / "2022" / "older.txt")
    return folder


def summary(out: Path) -> list[dict[str, str]]:
    data = (out / "summary.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r" not in data  # UTF-8 with a BOM for Excel, LF line ends
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_every_document_of_the_folder_becomes_a_row_and_a_submission(county: Path, tmp_path: Path, package_copy):
    out = tmp_path / "提交"
    result = invoke("extract", county, "--out", out, "--package", package_copy)
    assert result.exit_code == 1, result.output  # some refused
    rows = {row["file"].lstrip("'"): row for row in summary(out)}
    assert sorted(rows) == sorted([HOSTILE, "broken.pdf", "无年度.txt", "政务服务中心2023.txt"])
    seed, copy = rows["政务服务中心2023.txt"], rows[HOSTILE]
    assert seed["status"] == "read" and seed["fiscal_year"] == "2023" and seed["department_id"] == SEED_DEPARTMENT
    assert int(seed["figures"]) > 50 and seed["unread"] == "0"
    assert copy["status"] == "read" and copy["folder"] != seed["folder"]  # the same department-year, kept apart
    notes = [row["message_en"] for row in (seed, copy) if "publish add takes only one of them" in row["message_en"]]
    assert len(notes) == 1 and "the same disclosure as" in notes[0]  # the second of the two is said to be the same
    assert rows["broken.pdf"]["status"] == "refused" and "PDF" in rows["broken.pdf"]["message_en"]
    assert rows["无年度.txt"]["status"] == "refused" and "fiscal year" in rows["无年度.txt"]["message_en"]
    assert rows["无年度.txt"]["message_zh"]  # bilingual
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted([seed["folder"], copy["folder"], "summary.csv"])  # nothing for the refused
    assert (out / seed["folder"] / "sangong.csv").is_file() and (out / seed["folder"] / "extraction").is_dir()
    assert "旧版.doc" in result.output and "link.txt" in result.output  # skipped, and said so
    assert ".hidden" not in result.output and "older.txt" not in result.output


def test_a_hostile_file_name_is_escaped_for_excel_and_makes_a_safe_folder(county: Path, tmp_path: Path, package_copy):
    out = tmp_path / "out"
    invoke("extract", county, "--out", out, "--package", package_copy)
    raw = (out / "summary.csv").read_text(encoding="utf-8-sig")
    assert "\n'=HYPERLINK" in raw  # a cell Excel would run as a formula starts with '
    folder = next(row["folder"] for row in summary(out) if row["file"].startswith("'="))
    assert folder == "HYPERLINK_x_.._预算_CON" and (out / folder).is_dir()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd.txt", "passwd"),
        ("..txt", "document"),
        (".txt", "txt"),
        ("$$$.pdf", "document"),
        ("CON.txt", "_CON"),
        ("nul.txt", "_nul"),
        ("-rf.txt", "rf"),
        ("a\x00b\nc.txt", "a_b_c"),
        ("summary.csv.txt", "summary.csv-2"),
        ("重庆市巫溪县" * 20 + ".pdf", "重庆市巫溪县" * 10),
    ],
)
def test_a_folder_name_is_safe_whatever_the_file_name(name: str, expected: str):
    assert folder_name(name, {"summary.csv"}) == expected


def test_two_names_differing_in_case_or_punctuation_never_share_a_folder():
    taken = {"summary.csv"}
    names = [folder_name(n, taken) for n in ("预算 A.txt", "预算_a.docx", "预算?A.pdf", "预算:A.txt")]
    assert names == ["预算_A", "预算_a-2", "预算_A-3", "预算_A-4"]


def test_a_folder_that_reads_in_full_exits_0_and_json_carries_the_rows(tmp_path: Path, package_copy):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED_DOCUMENT, folder / "seed.txt")
    result = invoke("extract", folder, "--out", tmp_path / "out", "--package", package_copy, "--format", "json")
    assert result.exit_code == 0, result.output
    run = json.loads(result.output)["extraction_folder"]
    assert run["counts"] == {"read": 1, "unread": 0, "refused": 0, "failed": 0}
    assert run["files"][0]["file"] == "seed.txt" and run["files"][0]["folder"] == "seed"
    assert "\x1b" not in result.output  # no progress bar off a terminal


def test_no_document_in_the_folder_is_a_usage_error(tmp_path: Path, package_copy):
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "notes.xlsx").write_bytes(b"x")
    (folder / ".seed.txt").write_text("hidden", encoding="utf-8")
    result = invoke("extract", folder, "--out", tmp_path / "out", "--package", package_copy)
    assert result.exit_code == 2 and "holds no file to read" in result.output
    assert not (tmp_path / "out").exists()


def test_an_output_folder_that_holds_files_is_a_usage_error(county: Path, tmp_path: Path, package_copy):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    result = invoke("extract", county, "--out", out, "--package", package_copy)
    assert result.exit_code == 2 and "not empty" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]


def test_a_failure_writing_one_document_stops_neither_the_others_nor_the_summary(
    tmp_path: Path, package_copy, monkeypatch: pytest.MonkeyPatch
):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        shutil.copy(SEED_DOCUMENT, folder / name)
    out = tmp_path / "out"

    def fail_in_b(target: Path) -> None:
        if any(part.startswith(".b.") for part in target.parts):
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "checkpoint", fail_in_b)
    run = extract_folder(folder, out, package=package_copy)
    assert [(r.file, r.status) for r in run.results] == [("a.txt", "read"), ("b.txt", "failed"), ("c.txt", "read")]
    assert "No space left on device" in run.results[1].message_en
    assert sorted(p.name for p in out.iterdir()) == ["a", "c", "summary.csv"]  # nothing half-written for b
    monkeypatch.undo()
    result = invoke("extract", folder, "--out", tmp_path / "again", "--package", package_copy)
    assert result.exit_code == 0, result.output


def test_a_usage_error_every_document_shares_is_said_once_with_exit_2(tmp_path: Path, package_copy):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        shutil.copy(SEED_DOCUMENT, folder / name)
    result = invoke(
        "extract", folder, "--out", tmp_path / "out", "--department", "Not An Id", "--package", package_copy
    )
    assert result.exit_code == 2 and result.output.count("is malformed") == 1, result.output
    assert not (tmp_path / "out" / "summary.csv").exists()


def test_a_tool_failure_on_one_document_is_exit_3_after_the_others(
    tmp_path: Path, package_copy, monkeypatch: pytest.MonkeyPatch
):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        shutil.copy(SEED_DOCUMENT, folder / name)

    def fail_in_a(target: Path) -> None:
        if any(part.startswith(".a.") for part in target.parts):
            raise RuntimeError("a bug")

    monkeypatch.setattr(atomic, "checkpoint", fail_in_a)
    result = invoke("extract", folder, "--out", tmp_path / "out", "--package", package_copy)
    assert result.exit_code == 3 and "RuntimeError: a bug" in result.output and "Traceback" not in result.output
    assert (tmp_path / "out" / "b" / "disclosures.csv").is_file()
