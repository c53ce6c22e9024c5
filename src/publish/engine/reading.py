"""Reading one CSV file into a table of text cells, with the findings that reading itself makes.

The dialect is completed as frictionless completes it (`dialect.py`). The fast path lets polars
parse the file; it is taken only for the default dialect and when every record is one physical
line with the header's number of cells and no line is blank, which a vectorised scan of the raw
lines proves. Anything else (another dialect, ragged rows, blank lines, line breaks inside quotes)
goes through Python's csv module, as frictionless itself reads, so both see the same cells.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import polars as pl

from publish.core import BOM, Finding
from publish.engine.decoding import UnreadableFile, bom_findings, declared_codec, decode, decode_declared, file_finding
from publish.engine.dialect import Dialect, resolve
from publish.engine.limits import MAX_LINE_BYTES

LINE = "_line"
PLAIN = Dialect()


@dataclass
class TextTable:
    """Cells as text (empty string for an empty or missing cell), one column per header position.

    ``cells`` has a column ``_line`` (the record's first line in the file) and columns named
    ``_c0 … _cN`` in header order; ``widths`` gives the number of cells of each record where the
    file is ragged (None when every record has the header's width). ``labels`` are the header's
    cells, stripped (empty when the file has no header); ``header_line`` is the header's line.
    """

    labels: list[str]
    cells: pl.DataFrame
    widths: pl.Series | None = None
    header_line: int = 1

    @property
    def empty(self) -> bool:
        """frictionless's "the source is empty": neither a header nor a single record."""
        return not self.labels and self.cells.height == 0


def read_text_table(
    data: bytes, path: str, resource: str, options: dict | None = None, encoding: str | None = None
) -> tuple[TextTable, list[Finding]]:
    """The file's cells as text and the BOM warning; UnreadableFile for bytes that cannot be decoded.

    ``options`` is the declared dialect (`dialect.declared`), completed here from the file's first
    lines; ``encoding`` the declared encoding (UTF-8 when None). polars checks UTF-8 as it reads, so
    a UTF-8 file is decoded by Python only when the fast path cannot be taken (or to name the line
    where the bytes stop being UTF-8).
    """
    findings = bom_findings(data, path, resource)
    body = data.removeprefix(BOM)
    _refuse_long_lines(body, path, resource)  # before anything, sniffing included, reads a line
    if declared_codec(encoding, path, resource) not in ("utf-8", "utf-8-sig"):
        text = decode_declared(body, encoding, path, resource)
        dialect = _resolved(options, lambda: io.StringIO(text, newline=""), path, resource)
        return parse(text, path, resource, fast=False, dialect=dialect), findings
    try:
        dialect = _resolved(options, lambda: io.TextIOWrapper(io.BytesIO(body), "utf-8", newline=""), path, resource)
        return parse(body, path, resource, dialect=dialect), findings
    except UnicodeDecodeError:
        text, _ = decode(data, path, resource)  # raises UnreadableFile naming the line
        dialect = _resolved(options, lambda: io.StringIO(text, newline=""), path, resource)
        return parse(text, path, resource, fast=False, dialect=dialect), findings


def _resolved(options: dict | None, lines, path: str, resource: str) -> Dialect:
    try:
        return resolve(options or {}, lines)
    except UnicodeDecodeError:
        raise
    except (TypeError, ValueError, csv.Error) as error:  # a dialect the csv module cannot use
        raise UnreadableFile(_source_error(path, resource, error)) from None


def parse(text: str | bytes, path: str, resource: str, *, fast: bool = True, dialect: Dialect = PLAIN) -> TextTable:
    """Split the text (or its UTF-8 bytes) into header labels and a table of text cells.

    An empty cell is "" or null (polars reads an empty cell as null); both mean "nothing written".
    Records end at LF, CRLF or a lone CR, as Python's csv module (and so frictionless) reads them.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    _refuse_long_lines(data, path, resource)
    try:
        if dialect.plain and fast:
            table = _plain(data)
            if table is not None:
                return table
        return _careful(text if isinstance(text, str) else data.decode("utf-8"), dialect)
    except csv.Error as error:
        raise UnreadableFile(_source_error(path, resource, error)) from None


def _source_error(path: str, resource: str, error: Exception) -> Finding:
    return file_finding(
        "source-error",
        "error",
        path,
        resource,
        1,
        f"无法按 CSV 读取（{error}）。请检查引号是否成对。",
        f"cannot be read as CSV ({error}); check that quotes pair up.",
    )


def _plain(data: bytes) -> TextTable | None:
    """The file read by polars, or None where only Python's csv module reads it as frictionless does."""
    header_end = _header_end(data)
    header = data[:header_end].decode("utf-8")
    labels = next(csv.reader(io.StringIO(header, newline="")), [])
    if not labels:
        return None
    header_lines = sum(1 for _ in io.StringIO(header, newline=""))
    frame = _fast(data, header_end, len(labels), header_lines)
    return TextTable([label.strip() for label in labels], frame) if frame is not None else None


def _refuse_long_lines(data: bytes, path: str, resource: str) -> None:
    """Refuse a line of more than 2 MiB: some whole 1 MiB window of it holds no line break."""
    for start in range(0, len(data) - MAX_LINE_BYTES + 1, MAX_LINE_BYTES):
        window_end = start + MAX_LINE_BYTES
        if data.find(b"\n", start, window_end) < 0 and data.find(b"\r", start, window_end) < 0:
            line = data.count(b"\n", 0, start) + 1
            raise UnreadableFile(
                file_finding(
                    "source-error",
                    "error",
                    path,
                    resource,
                    line,
                    f"这一行超过 {MAX_LINE_BYTES // (1 << 20)} MiB，不像表格数据，未读取。请检查是否缺少换行或引号未闭合。",
                    f"this line is longer than {MAX_LINE_BYTES // (1 << 20)} MiB, which no table row is; nothing was read. "
                    "Look for missing line breaks or an unclosed quote.",
                )
            )


def _header_end(data: bytes) -> int:
    """Where the header record ends (after its LF, CRLF or CR), honouring quotes; linear in the file."""
    quotes, position = 0, 0
    while True:
        ends = [i for i in (data.find(b"\n", position), data.find(b"\r", position)) if i >= 0]
        if not ends:
            return len(data)
        end = min(ends)
        quotes += data.count(b'"', position, end)
        if quotes % 2 == 0:
            return end + 2 if data.startswith(b"\r\n", end) else end + 1
        position = end + 1


# A well-formed quoted cell, between separators; applied twice, since matches cannot overlap.
QUOTED_CELL = r'(^|,)"(?:[^"]|"")*"(,|$)'


def _fast(data: bytes, start: int, width: int, header_lines: int) -> pl.DataFrame | None:
    """The cells after ``start`` read by polars, or None unless every record is one line of ``width`` cells."""
    names = [f"_c{i}" for i in range(width)]
    if start == len(data):
        return pl.DataFrame({LINE: []}, schema={LINE: pl.Int64}).with_columns(pl.lit("").alias(n) for n in names)
    if b"\r" in data or data.startswith(b"\n", start) or (width == 1 and data.find(b"\n\n", start) >= 0):
        return None
    expected = data.count(b"\n", start) + (not data.endswith(b"\n"))
    if data.find(b'"', start) >= 0:
        if not _one_record_per_line(data[start:], width, expected):
            return None
    elif data.count(b",", start) != (width - 1) * expected:
        return None  # polars refuses a line with too many cells; the total rules out too few and blank lines
    try:
        frame = pl.read_csv(
            data, has_header=False, skip_lines=header_lines, new_columns=names, infer_schema=False, quote_char='"'
        )
    except pl.exceptions.PolarsError as error:
        if "utf-8" in str(error).lower():
            raise UnicodeDecodeError("utf-8", b"", 0, 1, "invalid utf-8 sequence") from None
        return None
    if frame.height != expected:
        return None
    frame = frame.with_row_index(LINE, offset=header_lines + 1)  # without a query, as the cast below
    return frame.replace_column(0, frame[LINE].cast(pl.Int64))


def _one_record_per_line(body: bytes, width: int, expected: int) -> bool:
    """Every physical line holds ``width - 1`` separators outside well-formed quoted cells."""
    if b"\x1f" in body:
        return False
    try:
        lines = pl.read_csv(
            body, has_header=False, separator="\x1f", quote_char=None, new_columns=["l"], infer_schema=False
        )["l"].fill_null("")
    except pl.exceptions.PolarsError:
        return False
    if len(lines) != expected:
        return False
    quoted = lines.str.contains('"', literal=True)
    if quoted.any():
        unquoted = (
            lines.filter(quoted).str.replace_all(QUOTED_CELL, "${1}Q${2}").str.replace_all(QUOTED_CELL, "${1}Q${2}")
        )
        if unquoted.str.contains('"', literal=True).any():
            return False
        lines = pl.concat([lines.filter(~quoted), unquoted])
    return bool((lines.str.count_matches(",", literal=True) == width - 1).all())


def _careful(text: str, dialect: Dialect) -> TextTable:
    """Every record read by Python's csv module: header rows, comments and blank rows as frictionless skips them."""
    label_rows: list[list[str]] = []
    records: list[list[str]] = []
    starts: list[int] = []
    header_line, line = 1, 1
    reader = csv.reader(io.StringIO(text, newline=""), dialect=dialect.python())
    for number, record in enumerate(reader, start=1):
        start, line = line, reader.line_num + 1
        if dialect.commented(number, record):
            continue
        if number < dialect.first_content_row:
            if dialect.header and number in dialect.header_rows:
                label_rows.append([cell.strip() for cell in record])
                header_line = start
            continue
        if dialect.skip_blank_rows and not any(record):
            continue
        starts.append(start)
        records.append(record)
    labels = _joined(label_rows, dialect.header_join)
    columns = max([len(labels), *map(len, records)]) if records else len(labels)
    names = [f"_c{i}" for i in range(columns)]
    data = {n: [r[i] if i < len(r) else "" for r in records] for i, n in enumerate(names)}
    frame = pl.DataFrame({LINE: starts, **data}, schema={LINE: pl.Int64, **{n: pl.String for n in names}})
    widths = pl.Series("_width", [len(r) for r in records], dtype=pl.Int64)
    return TextTable(labels, frame, widths, header_line)


def _joined(rows: list[list[str]], join: str) -> list[str]:
    """Several header rows as one, as frictionless joins them (a cell repeated below is not repeated)."""
    labels: list[str] = []
    previous: dict[int, str] = {}
    for cells in rows:
        for index, cell in enumerate(cells):
            if previous.get(index) == cell:
                continue
            previous[index] = cell
            if len(labels) <= index:
                labels.append(cell)
            else:
                labels[index] = join.join([labels[index], cell])
    return labels
