"""Writing small text PDFs for the extraction tests: CJK runs in the reader's built-in font, ruled tables.

No font file is embedded: STSong-Light is one of the fonts every PDF reader knows, and the text is written as
UTF-16 codes. A page is a list of text runs (x, y, text, size) and ruling segments (x0, y0, x1, y1).
"""

from __future__ import annotations

from pathlib import Path

from tests.hostile_files import pdf_bytes

FONT = b" ".join(
    [
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UTF16-H",
        b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light",
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 5 >>",
        b"/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 4",
        b"/FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 900 /StemV 80 >> >>] >>",
    ]
)
Run = tuple[float, float, str, float]
Rule = tuple[float, float, float, float]


def write_pdf(path: Path, pages: list[tuple[list[Run], list[Rule]]]) -> None:
    objects: list[bytes] = [FONT]
    pages_id = 1 + 2 * len(pages) + 1
    kids = []
    for runs, rules in pages:
        ops = [
            f"BT /F1 {size} Tf {x} {y} Td <{text.encode('utf-16-be').hex().upper()}> Tj ET" for x, y, text, size in runs
        ]
        ops += [f"{x0} {y0} m {x1} {y1} l S" for x0, y0, x1, y1 in rules]
        content = "\n".join(ops).encode()
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        objects.append(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 1 0 R >> >> "
            b"/Contents %d 0 R >>" % (pages_id, len(objects))
        )
        kids.append(len(objects))
    objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
    objects.append(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    path.write_bytes(pdf_bytes(objects))


def ruled_page(lines: list[str], drop: float = 1.5) -> tuple[list[Run], list[Rule]]:
    """A page of text lines, each run of TAB lines drawn as a ruled table (every other column's figures set
    ``drop`` points below the baseline)."""
    runs: list[Run] = []
    rules: list[Rule] = []
    y, index = 800.0, 0
    while index < len(lines):
        if "\t" not in lines[index]:
            runs.append((45, y, lines[index], 10))
            y, index = y - 14, index + 1
            continue
        block = []
        while index < len(lines) and "\t" in lines[index]:
            block.append(lines[index].split("\t"))
            index += 1
        width = max(len(row) for row in block)
        column = 500 / width
        top = y + 12
        for row in block:
            runs += [
                (45 + c * column + 2, y - drop * (c % 2), cell.strip(), 4) for c, cell in enumerate(row) if cell.strip()
            ]
            y -= 14
        bottom = y + 12
        rules += [(45, top - 14 * r, 545, top - 14 * r) for r in range(len(block) + 1)]
        rules += [(45 + c * column, top, 45 + c * column, bottom) for c in range(width + 1)]
    return runs, rules
