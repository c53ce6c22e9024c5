"""The fuzz targets: each writes one generated input into a fresh copy of the package and runs a command.

Every target asserts the allowed outcome (tests/fuzz/outcome.py); the ones that may write also
assert that a refused input changed nothing. Each is a plain function of the generated values,
so the short suite (tests/test_fuzz.py) and the long run (``python -m tests.fuzz``) share them.
"""

from __future__ import annotations

import functools
import io
import json
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from tests.fuzz.outcome import assert_clean_outcome, invoke, tree_hashes
from tests.helpers import ROOT, SEED_DOCUMENT

RESOURCES = tuple(sorted(path.stem for path in (ROOT / "data").glob("*.csv")))
SUBMITTED = tuple(name for name in RESOURCES if name != "function_codes")
FORMATS = ("text", "json", "github", "csv")
MOMENT = datetime(2023, 11, 14, tzinfo=timezone.utc)


@contextmanager
def package_copy() -> Iterator[Path]:
    """A fresh writable copy of the repository's package, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="publish-fuzz-") as temporary:
        target = Path(temporary) / "package"
        target.mkdir()
        shutil.copy(ROOT / "datapackage.json", target)
        shutil.copytree(ROOT / "schemas", target / "schemas")
        shutil.copytree(ROOT / "data", target / "data")
        yield target


def original_csv(resource: str) -> str:
    return (ROOT / "data" / f"{resource}.csv").read_text(encoding="utf-8")


def original_json(relative: str) -> object:
    return json.loads((ROOT / relative).read_text(encoding="utf-8"))


def seed_text() -> str:
    return SEED_DOCUMENT.read_text(encoding="utf-8")


def validate_csv(resource: str, data: bytes, output_format: str = "text") -> None:
    """Any bytes as a resource's CSV: validate reports, never crashes."""
    with package_copy() as package:
        (package / "data" / f"{resource}.csv").write_bytes(data)
        result = invoke("validate", package, "--format", output_format)
        assert_clean_outcome(result, shown=f"{resource}.csv = {data[:300]!r}")


def validate_json(relative: str, data: bytes) -> None:
    """Any bytes as datapackage.json or a schema: validate reports, never crashes."""
    with package_copy() as package:
        (package / relative).write_bytes(data)
        result = invoke("validate", package, "--format", "json")
        assert_clean_outcome(result, shown=f"{relative} = {data[:300]!r}")


@functools.cache
def seed_workbook() -> bytes:
    from publish.core.package import load
    from publish.template.build import build_template

    data, _, _ = build_template(load(ROOT), "500238-zwfwzx", "2023", from_data=True)
    return data


def edited_workbook(edits: list[tuple[int, int, int, object]]) -> bytes:
    from openpyxl import load_workbook
    from openpyxl.cell.cell import MergedCell

    book = load_workbook(io.BytesIO(seed_workbook()))
    for sheet_index, row, column, value in edits:
        sheet = book.worksheets[sheet_index % len(book.worksheets)]
        cell = sheet.cell(row, column)
        if not isinstance(cell, MergedCell):
            cell.value = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def damaged(data: bytes, damage: list[tuple[int, int]]) -> bytes:
    """``data`` with bytes overwritten (position modulo the length); an empty list leaves it whole."""
    data = bytearray(data)
    for position, value in damage:
        if data:
            data[position % len(data)] = value
    return bytes(data)


def add_workbook(edits: list[tuple[int, int, int, object]], damage: list[tuple[int, int]]) -> None:
    """The seed's template with random cells of random types (and maybe damaged bytes): add merges or refuses."""
    from openpyxl.utils.exceptions import IllegalCharacterError

    try:
        data = damaged(edited_workbook(edits), damage)
    except (ValueError, TypeError, IllegalCharacterError):
        return  # openpyxl itself refuses to store this value: no workbook to submit
    with package_copy() as package, tempfile.TemporaryDirectory() as temporary:
        book = Path(temporary) / "submission.xlsx"
        book.write_bytes(data)
        _assert_add_all_or_nothing(package, book, f"edits={edits!r} damage={damage!r}")


def add_csv_folder(resource: str, data: bytes) -> None:
    """A submission folder of the seed's CSVs with one file replaced by ``data``."""
    from publish.core import csvfile
    from publish.core.package import load

    with package_copy() as package, tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "submission"
        folder.mkdir()
        loaded = load(package)
        for name in SUBMITTED:
            rows = [r for r in csvfile.read_rows(package / "data" / f"{name}.csv") if r.get("fiscal_year") != "2022"]
            (folder / f"{name}.csv").write_text(csvfile.render(loaded.resources[name].schema, rows), encoding="utf-8")
        (folder / f"{resource}.csv").write_bytes(data)
        _assert_add_all_or_nothing(package, folder, f"{resource}.csv = {data[:300]!r}")


def _assert_add_all_or_nothing(package: Path, submission: Path, shown: str) -> None:
    before = tree_hashes(package)
    result = invoke("add", submission, "--package", package)
    assert_clean_outcome(result, shown=shown)
    if result.exit_code != 0:
        assert tree_hashes(package) == before, f"a refused submission changed the package\n{shown}"
    else:
        assert not [name for name in tree_hashes(package) if "/." in name or name.startswith(".")], shown


def extract_text(data: bytes, check: bool, suffix: str = ".txt") -> None:
    """Any bytes as an explanation text: extract writes a submission or says what it could not read."""
    with package_copy() as package, tempfile.TemporaryDirectory() as temporary:
        document = Path(temporary) / f"说明{suffix}"
        document.write_bytes(data)
        before = tree_hashes(package)
        if check:
            result = invoke("extract", document, "--check", "--package", package)
        else:
            result = invoke("extract", document, "--package", package, "--out", Path(temporary) / "out")
        assert_clean_outcome(result, shown=f"{suffix} = {data[:300]!r}")
        assert tree_hashes(package) == before, "extract changed the package"


@functools.cache
def release_zip_entries() -> tuple[tuple[str, bytes], ...]:
    """The entries of a real release zip of the repository's package (built once, in memory)."""
    from publish.core.package import load
    from publish.release.archive import zip_bytes
    from publish.release.build import release_files

    package = load(ROOT)
    files = release_files(package, "1.0.0", MOMENT, "# readme\n", "# changelog\n")
    top = "wuxi-county-department-budgets-1.0.0"
    with zipfile.ZipFile(io.BytesIO(zip_bytes(top, files, MOMENT))) as archive:
        return tuple((info.filename, archive.read(info)) for info in archive.infolist())


def release_zip(renames: list[tuple[int, str]], contents: list[tuple[int, bytes]], damage: list[tuple[int, int]]):
    """A real release zip with entries renamed (e.g. to ``../x``), contents replaced and bytes damaged."""
    entries = [list(entry) for entry in release_zip_entries()]
    for index, name in renames:
        entries[index % len(entries)][0] = name
    for index, content in contents:
        entries[index % len(entries)][1] = content
    buffer = io.BytesIO()
    unique = {name or "_": content for name, content in entries}
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in unique.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2023, 1, 1, 0, 0, 0)), content)
    return damaged(buffer.getvalue(), damage)


def verify_and_diff_zip(renames, contents, damage) -> None:
    """A hostile release zip to `verify` and to `diff` against the package: a report or a refusal, nothing written."""
    data = release_zip(renames, contents, damage)
    with package_copy() as package, tempfile.TemporaryDirectory() as temporary:
        archive = Path(temporary) / "release.zip"
        archive.write_bytes(data)
        before = tree_hashes(package)
        for args in (("verify", archive), ("diff", archive, package)):
            result = invoke(*args)
            assert_clean_outcome(result, shown=f"{args[0]} zip of {len(data)} bytes")
        assert tree_hashes(package) == before
        assert sorted(p.name for p in Path(temporary).iterdir()) == ["release.zip"], "something was extracted here"
