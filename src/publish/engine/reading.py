"""Reading one CSV file into a table of text cells, with the findings that reading itself makes.

The fast path lets polars parse the file; it is taken only when every record is one physical
line with the header's number of cells and no line is blank, which a vectorised scan of the
raw lines proves. Anything else (ragged rows, blank lines, line breaks inside quotes) goes
through Python's csv module, which reports exactly what frictionless would.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import polars as pl

from publish.report import Finding

LINE = "_line"
BOM = b"\xef\xbb\xbf"


@dataclass
class TextTable:
    """Cells as text (empty string for an empty or missing cell), one column per header position.

    ``cells`` has a column ``_line`` (the record's first line in the file) and columns named
    ``_c0 … _cN`` in header order; ``widths`` gives the number of cells of each record where the
    file is ragged (None when every record has the header's width).
    """

    labels: list[str]
    cells: pl.DataFrame
    widths: pl.Series | None = None


class UnreadableFile(Exception):
    def __init__(self, finding: Finding):
        super().__init__(finding.message_en)
        self.finding = finding


def decode(data: bytes, path: str, resource: str) -> tuple[str, list[Finding]]:
    """The file's text, or UnreadableFile for bytes that are not UTF-8 (GB18030 is named as such)."""
    findings: list[Finding] = []
    if data.startswith(BOM):
        findings.append(
            _finding(
                "utf8-bom",
                "warning",
                path,
                resource,
                1,
                "文件以 UTF-8 BOM 开头；规范文件应为不带 BOM 的 UTF-8。可运行 publish validate --fix 去掉 BOM。",
                "the file starts with a UTF-8 byte order mark; canonical files are UTF-8 without BOM. "
                "`publish validate --fix` removes it.",
            )
        )
        data = data[len(BOM) :]
    try:
        return data.decode("utf-8"), findings
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise UnreadableFile(_encoding_finding(data, path, resource, line)) from None


def _encoding_finding(data: bytes, path: str, resource: str, line: int) -> Finding:
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        zh, en = "不是 UTF-8 编码，也不是 GBK/GB18030", "is neither UTF-8 nor GBK/GB18030"
    else:
        zh, en = (
            "是 GBK/GB18030 编码（Excel 另存为 CSV 的默认编码）",
            "is encoded as GBK/GB18030 (what Excel saves by default)",
        )
    return _finding(
        "encoding-error",
        "error",
        path,
        resource,
        line,
        f"文件{zh}，第 {line} 行起无法按 UTF-8 读取。请另存为“CSV UTF-8”，或运行 publish validate --fix 转为 UTF-8。",
        f"the file {en}; from line {line} it cannot be read as UTF-8. Save it as 'CSV UTF-8', "
        "or run `publish validate --fix` to transcode it.",
    )


def parse(text: str | bytes, path: str, resource: str) -> TextTable:
    """Split the text (or its UTF-8 bytes) into header labels and a table of text cells."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    header_end = _header_end(data)
    labels = next(csv.reader(io.StringIO(data[:header_end].decode("utf-8"))), [])
    body = data[header_end:]
    width = len(labels)
    header_lines = data[:header_end].count(b"\n")
    if width:
        frame = _fast(body, width, header_lines)
        if frame is not None:
            return TextTable(labels, frame)
    return _careful(body.decode("utf-8"), width, header_lines, labels)


def _header_end(data: bytes) -> int:
    """Where the header record ends (after its newline), honouring quotes."""
    end = data.find(b"\n")
    while end >= 0 and data.count(b'"', 0, end) % 2:
        end = data.find(b"\n", end + 1)
    return len(data) if end < 0 else end + 1


# A well-formed quoted cell, between separators; applied twice, since matches cannot overlap.
QUOTED_CELL = r'(^|,)"(?:[^"]|"")*"(,|$)'


def _fast(body: bytes, width: int, header_lines: int) -> pl.DataFrame | None:
    """The cells read by polars, or None unless every record is one line of ``width`` cells."""
    names = [f"_c{i}" for i in range(width)]
    if not body:
        return pl.DataFrame({LINE: []}, schema={LINE: pl.Int64}).with_columns(pl.lit("").alias(n) for n in names)
    if b"\r" in body or b"\x1f" in body or body.startswith(b"\n") or b"\n\n" in body:
        return None
    expected = body.count(b"\n") + (not body.endswith(b"\n"))
    if b'"' in body:
        if not _one_record_per_line(body, width, expected):
            return None
    elif body.count(b",") != (width - 1) * expected:
        return None  # polars refuses a line with too many cells; the total rules out too few

    try:
        frame = pl.read_csv(body, has_header=False, new_columns=names, infer_schema=False, quote_char='"')
    except pl.exceptions.PolarsError:
        return None
    if frame.height != expected:
        return None
    lines = pl.int_range(header_lines + 1, header_lines + 1 + frame.height, eager=True, dtype=pl.Int64)
    return frame.with_columns(pl.all().fill_null(""), lines.alias(LINE)).select(LINE, *names)


def _one_record_per_line(body: bytes, width: int, expected: int) -> bool:
    """Every physical line holds ``width - 1`` separators outside well-formed quoted cells."""
    lines = pl.read_csv(
        body, has_header=False, separator="\x1f", quote_char=None, new_columns=["l"], infer_schema=False
    )["l"].fill_null("")
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


def _careful(body: str, width: int, header_lines: int, labels: list[str]) -> TextTable:
    records: list[list[str]] = []
    starts: list[int] = []
    reader = csv.reader(io.StringIO(body, newline=""))
    line = header_lines + 1
    for record in reader:
        starts.append(line)
        records.append(record)
        line = header_lines + 1 + reader.line_num
    columns = max([width, *map(len, records)]) if records else width
    names = [f"_c{i}" for i in range(columns)]
    data = {n: [r[i] if i < len(r) else "" for r in records] for i, n in enumerate(names)}
    frame = pl.DataFrame({LINE: starts, **data}, schema={LINE: pl.Int64, **{n: pl.String for n in names}})
    widths = pl.Series("_width", [len(r) for r in records], dtype=pl.Int64)
    return TextTable(labels, frame, widths)


def _finding(rule, severity, path, resource, row, zh, en) -> Finding:
    return Finding(
        rule=rule,
        severity=severity,
        resource=resource,
        path=path,
        row=row,
        message_zh=f"{path} 第 {row} 行：{zh}",
        message_en=f"{path} line {row}: {en}",
    )
