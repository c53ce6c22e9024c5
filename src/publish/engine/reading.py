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


def parse(text: str, path: str, resource: str) -> TextTable:
    """Split the text into header labels and a table of text cells."""
    header_end = _header_end(text)
    labels = next(csv.reader(io.StringIO(text[:header_end])), [])
    body = text[header_end:]
    width = len(labels)
    if width and _is_simple(body, width):
        return TextTable(labels, _fast(body, width, text[:header_end].count("\n")))
    return _careful(body, width, text[:header_end].count("\n"), labels)


def _header_end(text: str) -> int:
    """Where the header record ends (after its newline), honouring quotes."""
    in_quotes = False
    for index, char in enumerate(text):
        if char == '"':
            in_quotes = not in_quotes
        elif char == "\n" and not in_quotes:
            return index + 1
    return len(text)


def _is_simple(body: str, width: int) -> bool:
    if not body or "\r" in body:
        return not body
    lines = pl.Series(body.removesuffix("\n").split("\n"))
    unquoted = lines.str.replace_all(r'"(?:[^"]|"")*"', "Q")
    return bool(
        (lines.str.len_bytes() > 0).all()
        and (~unquoted.str.contains('"', literal=True)).all()
        and (unquoted.str.count_matches(",", literal=True) == width - 1).all()
    )


def _fast(body: str, width: int, header_lines: int) -> pl.DataFrame:
    names = [f"_c{i}" for i in range(width)]
    frame = (
        pl.read_csv(
            io.BytesIO(body.encode("utf-8")),
            has_header=False,
            new_columns=names,
            infer_schema=False,
            quote_char='"',
            raise_if_empty=False,
        )
        if body
        else pl.DataFrame({n: [] for n in names}, schema={n: pl.String for n in names})
    )
    frame = frame.with_columns(pl.all().fill_null(""))
    lines = pl.int_range(header_lines + 1, header_lines + 1 + frame.height, eager=True, dtype=pl.Int64)
    return frame.with_columns(lines.alias(LINE)).select(LINE, *names)


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
