"""The seed as a Word file (python-docx) and as a text PDF reproduces the repo's data like the plain text.

The PDF is written here the way many Chinese government systems write theirs (iText's default):
text in the standard Adobe font STSong-Light with the UniGB-UCS2-H encoding, not embedded, long
paragraphs wrapped at the right margin with the first line indented. pdfplumber reads it through
the CMaps pdfminer ships, so no font or system package is needed.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from publish.core.csvfile import read_rows, render
from publish.core.package import load
from publish.extract.core import extract
from tests.helpers import ROOT, SEED_DEPARTMENT, SEED_DOCUMENT, SEED_SOURCE_FILE
from tests.hostile_files import pdf_bytes

PACKAGE = load(ROOT)
# every table the seed fills (it publishes no basic expenditure by economic classification)
RESOURCES = [name for name in PACKAGE.resources if name not in ("function_codes", "expenditure_by_economic")]
KPI_COLUMNS = 5


def seed_blocks() -> list[str | list[list[str]]]:
    """The seed's non-empty lines, with its KPI cells (one per tab-indented line) gathered into a table."""
    blocks: list[str | list[list[str]]] = []
    cells: list[str] = []
    for line in SEED_DOCUMENT.read_text(encoding="utf-8").splitlines():
        if line.startswith("\t"):
            cells.append(line.strip())
            continue
        if cells:
            blocks.append([cells[i : i + KPI_COLUMNS] for i in range(0, len(cells), KPI_COLUMNS)])
            cells = []
        if line.strip():
            blocks.append(line.strip())
    return blocks


def write_docx(path: Path) -> None:
    document = docx.Document()
    for block in seed_blocks():
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        table = document.add_table(rows=len(block), cols=KPI_COLUMNS)
        for r, row in enumerate(block):
            for c, cell in enumerate(row):
                table.cell(r, c).text = cell
    document.save(str(path))


# --- a minimal text PDF writer -------------------------------------------------------------------
SIZE, LEFT, TOP, LEADING, PER_LINE, PER_PAGE = 12, 50, 800, 16, 40, 45
FONT = (
    b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts "
    b"[<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /DW 1000 "
    b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> "
    b"/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
    b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >> >>] >>"
)


def laid_out(blocks) -> list[list[tuple[float, str]]]:
    """Lines of (x, text) runs: paragraphs indented by two characters and wrapped at PER_LINE characters."""
    lines: list[list[tuple[float, str]]] = []
    for block in blocks:
        if isinstance(block, str):
            text, first = block, True
            while text:
                width = PER_LINE - 2 if first else PER_LINE
                lines.append([(LEFT + (2 * SIZE if first else 0), text[:width])])
                text, first = text[width:], False
        else:
            lines.extend(
                [
                    [(LEFT + 2 * SIZE + x, cell) for x, cell in zip((0, 200, 260, 320, 380), row, strict=True)]
                    for row in block
                ]
            )
    return lines


def write_pdf(path: Path, lines: list[list[tuple[float, str]]]) -> None:
    objects: list[bytes] = [FONT]
    pages = [lines[i : i + PER_PAGE] for i in range(0, len(lines), PER_PAGE)]
    pages_id = 1 + 2 * len(pages) + 1
    kids = []
    for number, page in enumerate(pages, 1):
        runs = [
            f"BT /F1 {SIZE} Tf {x} {TOP - LEADING * i} Td <{text.encode('utf-16-be').hex().upper()}> Tj ET"
            for i, line in enumerate(page)
            for x, text in line
        ]
        runs.append(f"BT /F1 9 Tf 290 40 Td <{str(number).encode('utf-16-be').hex()}> Tj ET")  # page number
        stream = "\n".join(runs).encode()
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        resources = b"<< /Font << /F1 1 0 R >> >>"
        objects.append(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources %s /Contents %d 0 R >>"
            % (pages_id, resources, len(objects))
        )
        kids.append(len(objects))
    objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
    objects.append(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    path.write_bytes(pdf_bytes(objects))


# --- the tests -------------------------------------------------------------------------------------
@pytest.fixture(scope="module", params=["docx", "pdf"])
def document_extraction(request, tmp_path_factory):
    path = tmp_path_factory.mktemp(request.param) / f"seed.{request.param}"
    if request.param == "docx":
        write_docx(path)
    else:
        write_pdf(path, laid_out(seed_blocks()))
    return extract(path, None, ROOT)


def repo_rows(resource: str) -> list[dict[str, str]]:
    rows = read_rows(PACKAGE.file(PACKAGE.resources[resource]))
    return [r for r in rows if r["department_id"] == SEED_DEPARTMENT and r.get("fiscal_year", "2023") == "2023"]


@pytest.mark.parametrize("resource", RESOURCES)
def test_document_extraction_equals_the_repo_data(document_extraction, resource):
    schema = PACKAGE.resources[resource].schema
    rows = [dict(r) for r in document_extraction.rows.get(resource, [])]
    if resource == "disclosures":
        assert rows[0]["source_file"] in ("seed.docx", "seed.pdf")
        rows[0]["source_file"] = SEED_SOURCE_FILE
    assert render(schema, rows) == render(schema, repo_rows(resource))


def test_document_is_read_whole(document_extraction):
    assert document_extraction.unread == []


def test_the_pdf_really_is_wrapped_and_paginated(tmp_path):
    import pdfplumber

    path = tmp_path / "seed.pdf"
    write_pdf(path, laid_out(seed_blocks()))
    with pdfplumber.open(str(path)) as pdf:
        assert len(pdf.pages) >= 2
        first = pdf.pages[0].extract_text().splitlines()
    assert first[0] == "巫溪县政务服务中心2023年部门预算情况说明"
    assert any(len(line) == PER_LINE for line in first)  # a wrapped line, joined back by the reader
