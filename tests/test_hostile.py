"""Hostile inputs, one test each: the clear message, and nothing written (tree hashes before and after).

Paths that leave the package, zip-slip and zip bombs, XML entity bombs and external entities in a
workbook, files too large to read, formula injection, control characters and invalid UTF-8, and
JSON nested too deeply. Hostile inputs that still reach a gap in the validation engine are in
tests/test_hardening_engine.py.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from publish.core import csvfile
from tests.fuzz.outcome import refused
from tests.fuzz.strategies import deep_json
from tests.fuzz.targets import seed_workbook
from tests.submission_support import csv_folder

GLOSSARY_SHEET = "名词解释"


# -- resource paths that leave the package ---------------------------------------------------------


def _set_path(package: Path, resource: str, value: str, key: str = "path") -> None:
    path = package / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    entry = next(r for r in descriptor["resources"] if r["name"] == resource)
    entry[key] = value
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("/etc/passwd", "an absolute path is not accepted"),
        ("../../../../etc/passwd", "must not climb out of the package"),
        ("data/../../outside.csv", "must not climb out of the package"),
        ("https://example.org/income.csv", "a URL is not accepted"),
        ("file:///etc/passwd", "a URL is not accepted"),
        ("~/income.csv", "an absolute path is not accepted"),
    ],
)
@pytest.mark.parametrize("key", ["path", "schema"])
def test_a_resource_path_leaving_the_package_is_refused_before_reading(package_copy, tmp_path, value, reason, key):
    _set_path(package_copy, "income", value, key)
    for command in (["validate", package_copy, "--lang", "en"], ["release", package_copy]):
        refused(command, [tmp_path], "unsafe-path" if command[0] == "validate" else "income", reason)
    assert not (package_copy / "dist").exists() or not any((package_copy / "dist").iterdir())


def test_a_symlink_out_of_the_package_is_refused(package_copy, tmp_path):
    outside = tmp_path / "secret.csv"
    outside.write_text("fiscal_year\n2023\n", encoding="utf-8")
    submission = csv_folder(package_copy, tmp_path / "s")
    (package_copy / "data" / "link.csv").symlink_to(outside)
    _set_path(package_copy, "income", "data/link.csv")
    refused(["validate", package_copy, "--lang", "en"], [tmp_path], "unsafe-path", "leads outside the package")
    refused(["add", submission, "--package", package_copy], [package_copy], "unsafe-path")


# -- zips given to diff and verify ------------------------------------------------------------------


def _zip(path: Path, entries: dict[str, bytes], **modes: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            info = zipfile.ZipInfo(name, date_time=(2023, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            if name in modes:
                info.external_attr = modes[name] << 16
            archive.writestr(info, content)
    return path


@pytest.mark.parametrize(
    ("name", "needle"),
    [
        ("../../evil.txt", "unsafe path"),
        ("x/../../evil.txt", "unsafe path"),
        ("/tmp/evil.txt", "unsafe path"),
        ("C:/evil.txt", "unsafe path"),
        ("x/link", "symbolic link"),
    ],
)
def test_zip_slip_and_links_are_refused_by_diff_and_verify(package_copy, tmp_path, name, needle):
    work = tmp_path / "work"
    work.mkdir()
    evil = _zip(
        work / "evil.zip", {"x/datapackage.json": b"{}", name: b"/etc/passwd"}, **{"x/link": stat.S_IFLNK | 0o777}
    )
    for args in (["diff", evil, package_copy], ["verify", evil]):
        refused(args, [tmp_path, package_copy], needle)
    assert not Path("/tmp/evil.txt").exists()


def test_a_zip_bomb_is_refused_by_diff_and_verify(package_copy, tmp_path):
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive, archive.open("x/data/income.csv", "w") as entry:
        for _ in range(64):
            entry.write(bytes(1024**2))
    assert bomb.stat().st_size < 1024**2
    for args in (["diff", bomb, package_copy], ["verify", bomb]):
        refused(args, [tmp_path, package_copy], "zip bomb")


def test_a_zip_whose_header_lies_about_its_size_is_refused(package_copy, tmp_path):
    """The central directory says 10 bytes; the entry inflates to far more. Reading stops at the stated size."""
    honest = _zip(tmp_path / "honest.zip", {"x/datapackage.json": b"{}", "x/data/big.csv": bytes(5 * 1024**2)})
    data = bytearray(honest.read_bytes())
    central = data.rindex(b"PK\x01\x02")
    data[central + 24 : central + 28] = (10).to_bytes(4, "little")  # uncompressed size in the central directory
    liar = tmp_path / "liar.zip"
    liar.write_bytes(bytes(data))
    refused(["verify", liar], [tmp_path, package_copy], "damaged or cannot be read")


# -- workbooks given to add -------------------------------------------------------------------------

LAUGHS = (
    b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10))
    + b"]>"
)
XXE = b'<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def _workbook_with(path: Path, part: str, prologue: bytes, entity: bytes) -> Path:
    source = path.with_suffix(".source.xlsx")
    source.write_bytes(seed_workbook())
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == part:
                data = prologue + data.replace(b"<t>", b"<t>" + entity, 1)
            target.writestr(info, data)
    source.unlink()
    return path


@pytest.mark.parametrize(("prologue", "entity"), [(LAUGHS, b"&lol9;"), (XXE, b"&xxe;")], ids=["laughs", "xxe"])
@pytest.mark.parametrize("part", ["xl/worksheets/sheet2.xml", "xl/workbook.xml", "[Content_Types].xml"])
def test_a_workbook_with_entities_is_refused_before_parsing(package_copy, tmp_path, prologue, entity, part):
    book = _workbook_with(tmp_path / "evil.xlsx", part, prologue, entity)
    result = refused(["add", book, "--package", package_copy], [package_copy], "submission-unsafe", "DOCTYPE")
    assert "root:" not in result.output


def test_a_workbook_bomb_is_refused(package_copy, tmp_path):
    book = tmp_path / "bomb.xlsx"
    book.write_bytes(seed_workbook())
    with zipfile.ZipFile(book, "a", zipfile.ZIP_DEFLATED) as archive, archive.open("xl/media/pad.bin", "w") as entry:
        for _ in range(260):
            entry.write(bytes(1024**2))
    assert book.stat().st_size < 2 * 1024**2
    refused(["add", book, "--package", package_copy], [package_copy], "submission-unsafe", "decompression bomb")


def test_a_sheet_spanning_the_whole_grid_is_refused(package_copy, tmp_path):
    book = load_workbook(io.BytesIO(seed_workbook()))
    book[GLOSSARY_SHEET]["XFD1048576"] = "x"
    book.save(tmp_path / "huge.xlsx")
    refused(["add", tmp_path / "huge.xlsx", "--package", package_copy], [package_copy], "1048576 rows × 16384 columns")


# -- files too large to read ------------------------------------------------------------------------


def test_a_2gb_data_file_is_refused_unread(package_copy):
    path = package_copy / "data" / "glossary.csv"
    os.truncate(path, 2 * 1024**3)  # sparse: no 2 GB is written
    result = refused(["validate", package_copy, "--lang", "en"], [package_copy], "data/glossary.csv", "2147483648")
    assert "source-error" in result.output


def test_a_2gb_submission_file_is_refused_unread(package_copy, tmp_path):
    folder = csv_folder(package_copy, tmp_path / "submission")
    os.truncate(folder / "glossary.csv", 2 * 1024**3)
    refused(["add", folder, "--package", package_copy], [package_copy], "glossary.csv", "2147483648", "was not read")


def test_a_100mb_line_in_a_submission_is_refused(package_copy, tmp_path):
    folder = csv_folder(package_copy, tmp_path / "submission")
    with open(folder / "glossary.csv", "ab") as handle:
        handle.write(b'2023,500238-zwfwzx,9,"' + b"x" * (100 * 1024**2) + b'",y\n')
    refused(["add", folder, "--package", package_copy], [package_copy], "glossary.csv", "was not read")


# -- formula injection ------------------------------------------------------------------------------


def _write_quoted(path: Path, rows: list[dict[str, str]]) -> None:
    """Every cell quoted, as Excel and most tools write a cell holding a line break or CR."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


FORMULAS = ["=1+1", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://x","y")']


@pytest.mark.parametrize("value", FORMULAS, ids=repr)
def test_formula_injection_in_the_data_is_an_error(package_copy, value):
    path = package_copy / "data" / "glossary.csv"
    rows = csvfile.read_rows(path)
    rows[0]["definition"] = value + " 说明"
    _write_quoted(path, rows)
    refused(["validate", package_copy, "--lang", "en"], [package_copy], "formula-injection")


@pytest.mark.parametrize("value", FORMULAS, ids=repr)
def test_formula_injection_in_a_workbook_submission_is_refused(package_copy, tmp_path, value):
    """openpyxl stores text starting with = as a formula: refused as a formula Excel never computed."""
    book = load_workbook(io.BytesIO(seed_workbook()))
    book[GLOSSARY_SHEET].cell(3, 7).value = value + " 说明"
    book.save(tmp_path / "formula.xlsx")
    rule = "submission-formula-not-computed" if value.startswith("=") else "formula-injection"
    refused(["add", tmp_path / "formula.xlsx", "--package", package_copy], [package_copy], rule)


@pytest.mark.parametrize("value", FORMULAS, ids=repr)
def test_formula_injection_in_a_csv_submission_is_refused(package_copy, tmp_path, value):
    folder = csv_folder(package_copy, tmp_path / "submission")
    rows = csvfile.read_rows(folder / "glossary.csv")
    rows[0]["term"] = value
    _write_quoted(folder / "glossary.csv", rows)
    refused(["add", folder, "--package", package_copy], [package_copy], "formula-injection")


# -- encodings and control characters -------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"\xff\xfe\x00\x01garbage\x80\x81", "neither UTF-8 nor GBK/GB18030"),
        ("fiscal_year,term\n2023,名词\n".encode("gb18030"), "GBK/GB18030"),
        (b"fiscal_year\n2023\n\xed\xa0\x80\n", "cannot be read as UTF-8"),
    ],
    ids=["binary", "gbk", "surrogate"],
)
def test_invalid_utf8_in_the_data_is_a_located_error(package_copy, data, needle):
    (package_copy / "data" / "glossary.csv").write_bytes(data)
    refused(["validate", package_copy, "--lang", "en"], [package_copy], "encoding-error", needle)


def test_a_nul_byte_in_a_submission_is_refused(package_copy, tmp_path):
    folder = csv_folder(package_copy, tmp_path / "submission")
    path = folder / "glossary.csv"
    lines = path.read_bytes().split(b"\n")
    lines[1] = lines[1].replace(b",", b",\x00", 1)
    path.write_bytes(b"\n".join(lines))
    refused(["add", folder, "--package", package_copy], [package_copy], "submission-encoding")


# -- JSON nested too deeply ------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [5_000, 1_000_000])
@pytest.mark.parametrize("target", ["datapackage.json", "schemas/income.json"])
def test_deeply_nested_json_is_a_finding(package_copy, tmp_path, depth, target):
    (package_copy / target).write_text(deep_json(depth, "["), encoding="utf-8")
    for args in (["validate", package_copy, "--lang", "en"], ["release", package_copy]):
        refused(args, [package_copy], "nested too deeply")
    refused(["diff", package_copy, package_copy], [package_copy], "nested too deeply")


def test_a_zip_entry_whose_name_the_file_system_refuses(tmp_path):
    """Found by the long fuzz run: an entry named with 300 characters made `publish diff` fail with exit 3."""
    import zipfile

    from tests.fuzz.outcome import assert_clean_outcome, invoke

    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("pkg/datapackage.json", "{}")
        archive.writestr("pkg/data/" + "x" * 300 + ".csv", "a\n")
    result = invoke("diff", bad, bad)
    assert_clean_outcome(result)
    assert result.exit_code == 1 and "无法解压到本机" in result.output


def test_a_zip_entry_with_an_empty_name(tmp_path):
    """Found by the long fuzz run: a damaged central directory gave an entry an empty name (exit 3 before)."""
    import zipfile

    from tests.fuzz.outcome import assert_clean_outcome, invoke

    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("pkg/datapackage.json", "{}")
        archive.writestr(zipfile.ZipInfo(""), "x")
    result = invoke("verify", bad)
    assert_clean_outcome(result)
    assert result.exit_code == 1 and "unsafe path" in result.output


def test_a_mangled_section_heading_in_an_explanation(tmp_path):
    """Found by the long fuzz run: with 其他重要事项 garbled, 机关运行经费's purpose was read onto the 三公 table,
    which has no such column, and writing the submission crashed (exit 3)."""
    from tests.fuzz.outcome import assert_clean_outcome, invoke
    from tests.helpers import ROOT, SEED_DOCUMENT

    text = SEED_DOCUMENT.read_text(encoding="utf-8").replace("其他重要事项的情况说明", "万他重要事项的情况说明")
    source = tmp_path / "说明.txt"
    source.write_text(text, encoding="utf-8")
    result = invoke("extract", source, "--package", ROOT, "--out", tmp_path / "out")
    assert_clean_outcome(result)
    assert result.exit_code == 1 and "unknown-field" in result.output
    assert "purpose" not in (tmp_path / "out" / "sangong.csv").read_text(encoding="utf-8").splitlines()[0]
