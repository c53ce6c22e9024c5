"""Limits before parsing, wherever input arrives: workbooks (cells counted in the XML before openpyxl), Word
files (parts unpacked before python-docx), PDFs (pages, unpacked streams, a page's drawing work), text files.

Each hostile file is built here in well under a second (tests/hostile_files.py) and declares what would
exhaust a runner: gigabytes unpacked, twenty thousand pages, a million operators, millions of cells. Each
must be refused quickly, with a message that states the limit and the variable that raises it, and
nothing written. A trusted file beyond a limit is read once the variable raises it.
"""

from __future__ import annotations

import io
import os
import time
import zipfile
from pathlib import Path

import docx
import pytest

from publish.core import limits
from tests.fuzz.outcome import refused
from tests.fuzz.targets import seed_workbook
from tests.helpers import ROOT, SEED_DOCUMENT
from tests.hostile_files import (
    MiB,
    bomb_stream,
    deflate_bomb,
    form,
    pdf,
    sheet_xml,
    stream,
    text_stream,
    zip_with,
)

QUICK = 15  # seconds: each refusal takes well under one on a laptop; this allows a loaded runner
SHEET = "xl/worksheets/sheet2.xml"  # the template's 部门 sheet


def _quickly(args: list, watched: list[Path], *needles: str, code: int = 1):
    started = time.perf_counter()
    result = refused(args, watched, *needles, code=code)
    assert time.perf_counter() - started < QUICK, f"took {time.perf_counter() - started:.1f} s"
    return result


def forbid_parsers(monkeypatch) -> None:
    """From now on, openpyxl and python-docx fail the test if they are asked to open anything."""

    def forbidden(*args, **kwargs):
        raise AssertionError("the parser was reached")

    import openpyxl

    monkeypatch.setattr(openpyxl, "load_workbook", forbidden)
    monkeypatch.setattr(docx, "Document", forbidden)


@pytest.fixture
def never_parsed(monkeypatch):
    forbid_parsers(monkeypatch)


# --- workbooks given to publish add -----------------------------------------------------------------


def _workbook(path: Path, rows: bytes, after: bytes = b"", added: dict[str, bytes] = ()) -> Path:
    path.write_bytes(zip_with(seed_workbook(), {SHEET: sheet_xml(rows, after)}, added))
    return path


def test_a_small_workbook_declaring_millions_of_cells_is_refused_before_openpyxl(package_copy, tmp_path, never_parsed):
    rows = b"".join(b'<row r="%d">%s</row>' % (i, b"<c/>" * 1000) for i in range(1, 9601))  # 9.6 million cells
    book = _workbook(tmp_path / "cells.xlsx", rows)
    assert book.stat().st_size < 1 * MiB
    args = ["add", book, "--package", package_copy]
    _quickly(args, [package_copy], "submission-unsafe", "more than 2000000 cells", "PUBLISH_LIMIT_SHEET_CELLS")


@pytest.mark.parametrize(
    ("rows", "after", "needle"),
    [
        (b'<row r="1048576"><c/><c/><c/></row>', b"", "1048576 rows"),  # cells without a reference, far down
        (b'<row r="1"><c r="A1"/><c r="XFD3000"/></row>', b"", "3000 rows × 16384 columns"),
        (b'<row r="1"><c r="A1"/></row>', b'<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>', "16384"),
    ],
    ids=["unreferenced", "far-corner", "merged"],
)
def test_a_workbook_whose_used_area_is_too_large_is_refused_before_openpyxl(
    package_copy, tmp_path, never_parsed, rows, after, needle
):
    book = _workbook(tmp_path / "area.xlsx", rows, after)
    _quickly(["add", book, "--package", package_copy], [package_copy], "submission-unsafe", "'部门'", needle)


def test_a_workbook_of_countless_tags_is_refused(package_copy, tmp_path, never_parsed):
    book = _workbook(tmp_path / "tags.xlsx", b"", added={"xl/junk.xml": b"<a>" + b"<b/>" * 21_000_000 + b"</a>"})
    _quickly(["add", book, "--package", package_copy], [package_copy], "XML tags", "PUBLISH_LIMIT_WORKBOOK_TAGS")


def test_a_workbook_part_unpacking_beyond_its_limit_is_refused(package_copy, tmp_path, never_parsed, monkeypatch):
    monkeypatch.setenv("PUBLISH_LIMIT_OFFICE_PART_BYTES", str(MiB))
    book = _workbook(tmp_path / "part.xlsx", b"", added={"xl/media/pad.bin": bytes(2 * MiB)})
    _quickly(["add", book, "--package", package_copy], [package_copy], "xl/media/pad.bin", "PUBLISH_LIMIT_OFFICE_PART")


def test_the_limit_is_raised_by_its_variable(package_copy, tmp_path, monkeypatch):
    book = tmp_path / "seed.xlsx"
    book.write_bytes(seed_workbook())
    monkeypatch.setenv("PUBLISH_LIMIT_SHEET_CELLS", "10")
    refused(["add", book, "--package", package_copy], [package_copy], "more than 10 cells", "PUBLISH_LIMIT_SHEET_CELLS")
    monkeypatch.setenv("PUBLISH_LIMIT_SHEET_CELLS", "not a number")  # ignored: the default holds
    assert limits.SHEET_CELLS.value == limits.SHEET_CELLS.default
    monkeypatch.delenv("PUBLISH_LIMIT_SHEET_CELLS")
    accepted = _run_add(book, package_copy)
    assert accepted.exit_code == 0, accepted.output


def _run_add(book: Path, package: Path):
    from tests.fuzz.outcome import invoke

    return invoke("add", book, "--package", package, "--dry-run")


def test_every_limit_has_a_variable_a_unit_and_a_positive_default():
    assert len({limit.variable for limit in limits.ALL}) == len(limits.ALL)
    for limit in limits.ALL:
        assert limit.variable.startswith("PUBLISH_LIMIT_") and limit.default > 0
        zh, en = limit.hint()
        assert limit.variable in zh and limit.variable in en and str(limit.default) in en


# --- documents given to publish extract -------------------------------------------------------------


def _extract(path: Path, tmp_path: Path, *needles: str):
    out = tmp_path / "out"
    result = _quickly(["extract", path, "--package", ROOT, "--out", out], [tmp_path], *needles)
    assert not out.exists()
    return result


def _docx(path: Path, added: dict[str, bytes] = (), replaced: dict[str, bytes] = ()) -> Path:
    document = docx.Document()
    document.add_paragraph("巫溪县政务服务中心2023年部门预算情况说明")
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(zip_with(buffer.getvalue(), dict(replaced), dict(added)))
    return path


def test_a_word_file_unpacking_to_gigabytes_is_refused_before_python_docx(tmp_path, monkeypatch):
    path = _docx(tmp_path / "bomb.docx")
    forbid_parsers(monkeypatch)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive, archive.open("word/media/pad.bin", "w") as part:
        for _ in range(40):
            part.write(bytes(MiB))
    assert path.stat().st_size < MiB
    _extract(path, tmp_path, "word/media/pad.bin", "decompression bomb", "PUBLISH_LIMIT_DOCX_PART_BYTES")
    docx_part = next(limit for limit in limits.ALL if limit.name == "DOCX_PART_BYTES")
    assert docx_part.value < 40 * MiB


def test_a_word_file_whose_parts_together_unpack_too_far_is_refused(tmp_path, monkeypatch):
    path = _docx(tmp_path / "many.docx", {f"word/media/pad{i}.bin": bytes(MiB // 2) for i in range(4)})
    forbid_parsers(monkeypatch)
    monkeypatch.setenv("PUBLISH_LIMIT_OFFICE_UNPACKED_BYTES", str(MiB))
    _extract(path, tmp_path, "PUBLISH_LIMIT_OFFICE_UNPACKED_BYTES")


def test_a_word_file_with_entities_is_refused_before_python_docx(tmp_path, monkeypatch):
    laughs = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><d>&b;</d>'
    path = _docx(tmp_path / "laughs.docx", replaced={"word/document.xml": laughs})
    forbid_parsers(monkeypatch)
    _extract(path, tmp_path, "DOCTYPE", "word/document.xml")


def test_a_text_file_beyond_its_limit_is_refused_unread(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(SEED_DOCUMENT.read_bytes())
    os.truncate(path, 5 * MiB)  # sparse: nothing much is written
    _extract(path, tmp_path, "huge.txt", "5242880 bytes", "PUBLISH_LIMIT_TEXT_BYTES")


def test_a_pdf_beyond_the_document_limit_is_refused_unread(tmp_path, monkeypatch):
    monkeypatch.setenv("PUBLISH_LIMIT_DOCUMENT_BYTES", "100")
    path = pdf(tmp_path / "big.pdf", [text_stream()])
    _extract(path, tmp_path, "was not read", "PUBLISH_LIMIT_DOCUMENT_BYTES")


def test_a_2mb_pdf_with_a_compressed_stream_bomb_is_refused(tmp_path):
    path = pdf(tmp_path / "bomb.pdf", [bomb_stream(2000 * MiB)])  # 2 GB of zeros
    assert path.stat().st_size < 3 * MiB
    _extract(path, tmp_path, "decompression bomb", "PUBLISH_LIMIT_PDF_STREAM_BYTES")


@pytest.mark.parametrize("damage", ["truncated", "corrupt"])
def test_a_damaged_bomb_is_refused_too(tmp_path, damage):
    """pdfminer salvages damaged zlib data byte by byte, without a bound: its salvage is bounded too."""
    body = bytearray(deflate_bomb(500 * MiB))
    if damage == "truncated":
        del body[-100:]
    else:
        body[len(body) // 2 : len(body) // 2 + 8] = b"\xff" * 8
    raw = b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(body), bytes(body))
    _extract(pdf(tmp_path / "damaged.pdf", [raw]), tmp_path, "PUBLISH_LIMIT_PDF_STREAM_BYTES")


def test_streams_that_together_unpack_too_far_are_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("PUBLISH_LIMIT_PDF_UNPACKED_BYTES", str(4 * MiB))
    pages = [stream(b"BT /F1 12 Tf 72 720 Td (x) Tj ET\n" + b" " * (3 * MiB))] * 2
    _extract(pdf(tmp_path / "streams.pdf", pages), tmp_path, "PUBLISH_LIMIT_PDF_UNPACKED_BYTES")


@pytest.mark.parametrize("declared", ["20000", "1    "], ids=["declared", "lying-count"])
def test_a_pdf_of_20000_pages_is_refused(tmp_path, declared):
    path = pdf(tmp_path / "pages.pdf", [text_stream()] * 20_000)
    path.write_bytes(path.read_bytes().replace(b"/Count 20000", b"/Count " + declared.encode()))
    _extract(path, tmp_path, "pages", "PUBLISH_LIMIT_PDF_PAGES")


def test_a_page_with_a_million_text_operators_is_refused(tmp_path):
    page = stream(b"BT /F1 1 Tf " + b"(a)Tj " * 1_000_000 + b"ET")
    _extract(pdf(tmp_path / "operators.pdf", [page]), tmp_path, "page 1", "PUBLISH_LIMIT_PDF_PAGE_BYTES")


def test_a_page_with_a_million_operators_in_few_bytes_is_refused(tmp_path, monkeypatch):
    """Short operators fit in the content limit: the operator count refuses them."""
    monkeypatch.setenv("PUBLISH_LIMIT_PDF_PAGE_BYTES", str(64 * MiB))
    page = stream(b"BT /F1 1 Tf " + b"(a)Tj " * 1_000_000 + b"ET")
    _extract(pdf(tmp_path / "operators.pdf", [page]), tmp_path, "drawing operators", "PUBLISH_LIMIT_PDF_PAGE_OPERATORS")


def test_a_form_drawn_ten_thousand_times_counts_ten_thousand_times(tmp_path):
    drawn = form(b"BT /F1 1 Tf " + b"(a)Tj " * 100 + b"ET")
    page = stream(b"/X0 Do\n" * 10_000)
    assert len(page) < 200 * 1024
    _extract(pdf(tmp_path / "forms.pdf", [page], [drawn]), tmp_path, "page 1", "PUBLISH_LIMIT_PDF_PAGE")


def test_an_ordinary_pdf_is_still_read(tmp_path):
    from publish.extract import DocumentError
    from publish.extract.readers import read_document

    path = pdf(tmp_path / "ok.pdf", [text_stream("Budget 2023"), text_stream("Page two")])
    assert read_document(path) == ["Budget 2023", "Page two"]
    path = pdf(tmp_path / "forms.pdf", [stream(b"/X0 Do\n")], [form(b"BT /F1 12 Tf 72 720 Td (Form text) Tj ET")])
    assert read_document(path) == ["Form text"]
    with pytest.raises(DocumentError, match="PUBLISH_LIMIT_PDF_PAGES"):
        os.environ["PUBLISH_LIMIT_PDF_PAGES"] = "1"
        try:
            read_document(pdf(tmp_path / "two.pdf", [text_stream(), text_stream()]))
        finally:
            del os.environ["PUBLISH_LIMIT_PDF_PAGES"]


def test_pdfminer_is_left_as_it_was(tmp_path):
    """The bounded decoders are put back once a PDF is read, refused or not."""
    from pdfminer import pdftypes

    from publish.extract import DocumentError
    from publish.extract.readers import read_document

    before = {name: getattr(pdftypes, name) for name in ("zlib", "decompress_corrupted", "lzwdecode", "rldecode")}
    with pytest.raises(DocumentError):
        read_document(pdf(tmp_path / "bomb.pdf", [bomb_stream(100 * MiB)]))
    assert {name: getattr(pdftypes, name) for name in before} == before


def test_security_md_states_every_limit():
    text = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    assert [limit.name for limit in limits.ALL if f"`{limit.name}`" not in text] == []
