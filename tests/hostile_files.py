"""Small generators of hostile files for the limit tests: PDFs, Office zips and workbooks, built as bytes.

Each is a few megabytes at most and takes well under a second to build, while what it declares (gigabytes
unpacked, twenty thousand pages, a million operators, millions of cells) would exhaust a runner.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

MiB = 1024**2
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf(path: Path, pages: list[bytes], extra: list[bytes] = ()) -> Path:
    """A PDF whose pages draw the given content streams (raw PDF stream objects, ``<<…>> stream … endstream``).

    Object 1 is the font, object 2 the page tree; ``extra`` objects follow the pages' (numbered from
    ``3 + 2 * len(pages)``), for forms the pages draw.
    """
    objects: list[bytes] = [FONT, b""]
    kids = []
    forms = b"/XObject << /X0 %d 0 R >>" % (3 + 2 * len(pages)) if extra else b""
    resources = b"<< /Font << /F1 1 0 R >> %s >>" % forms
    for stream in pages:
        objects.append(stream)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources %s /Contents %d 0 R >>"
            % (resources, len(objects))
        )
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    objects.extend(extra)
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    path.write_bytes(pdf_bytes(objects))
    return path


def pdf_bytes(objects: list[bytes]) -> bytes:
    """A PDF file of numbered objects (1, 2, …) with its cross-reference table; the last object is the catalog."""
    out, offsets = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, len(objects), xref)
    return bytes(out)


def stream(data: bytes, compress: bool = True, extra: bytes = b"") -> bytes:
    body = zlib.compress(data) if compress else data
    flate = b" /Filter /FlateDecode" if compress else b""
    return b"<< /Length %d%s%s >>\nstream\n%s\nendstream" % (len(body), flate, extra, body)


def text_stream(text: str = "Budget 2023") -> bytes:
    return stream(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode(), compress=False)


def deflate_bomb(unpacked: int) -> bytes:
    """Deflate data (with the zlib header) unpacking to about ``unpacked`` zero bytes, built in milliseconds.

    After a full flush a deflate block does not depend on what came before, so one compressed MiB of zeros
    is repeated. The checksum at the end is wrong, which a reader only finds after unpacking everything.
    """
    block = bytes(MiB)
    packer = zlib.compressobj(9)
    head = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    middle = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    return head + middle * (unpacked // MiB - 1) + packer.flush()


def bomb_stream(unpacked: int) -> bytes:
    body = deflate_bomb(unpacked)
    return b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(body), body)


def form(content: bytes) -> bytes:
    """A form XObject drawing ``content``."""
    return b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 1 0 R >> >> " + (
        b"/Length %d >>\nstream\n%s\nendstream" % (len(content), content)
    )


def zip_with(source: bytes, replaced: dict[str, bytes], added: dict[str, bytes] = ()) -> bytes:
    """The zip ``source`` with some parts replaced and others added (deflated)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as original, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in original.infolist():
            target.writestr(info, replaced.get(info.filename, original.read(info)), zipfile.ZIP_DEFLATED)
        for name, data in dict(added).items():
            target.writestr(name, data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


SHEET = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>%s</sheetData>%s</worksheet>'


def sheet_xml(rows: bytes, after: bytes = b"") -> bytes:
    return SHEET % (rows, after)
