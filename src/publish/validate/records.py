"""Records of a CSV file as written: where each begins, its bytes, the cell that names its department.

A record is one line, or several where a quoted cell holds a line break (the quotes on its lines are then
odd in number until it ends). The partition of a department is `zlib.crc32` of its cell, stripped, so every
row of a department lands in the same partition whichever way its file is read. A file that cannot be split
faithfully (not UTF-8, a record past `LONG_LINE`, a quote never closed) raises `Unsplittable`, and the caller
validates the package whole, where the engine reports the problem as usual.
"""

from __future__ import annotations

import codecs
import csv
import io
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

LONG_LINE = 1 << 20  # a record this long is left to the whole validation, which refuses it as the engine does
BLOCK = 16 << 20
QUOTE = b'"'
WHITESPACE = " \t\n\r\x0b\x0c"  # what bytes.strip() strips: the same department in both ways of splitting


class Unsplittable(Exception):
    """The file cannot be split byte for byte (the whole validation reports why)."""


def bucket(cell: bytes, partitions: int) -> int:
    """The partition of a department, by its cell as written (surrounding spaces ignored)."""
    return zlib.crc32(cell.strip()) % partitions


def check_utf8(source: Path) -> bool:
    """Unsplittable unless the whole file is UTF-8 (read in blocks: the memory used stays small); whether it
    holds a quote anywhere (if not, every record is one line: `split_file` takes its fast path)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    quoted = False
    try:
        with source.open("rb") as handle:
            while block := handle.read(BLOCK):
                decoder.decode(block)
                quoted = quoted or QUOTE in block
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise Unsplittable(source) from None
    return quoted


def records(handle: Iterable[bytes]) -> Iterator[tuple[int, bytes]]:
    """(first line number, the record's bytes) for each record; a quoted line break joins lines into one."""
    number, pending, start = 0, b"", 0
    for line in handle:
        number += 1
        if len(line) > LONG_LINE:
            raise Unsplittable("a record too long to be a table row")
        if not pending and QUOTE not in line:
            yield number, line
            continue
        if not pending:
            start = number
        pending += line
        if pending.count(QUOTE) % 2 == 0:
            yield start, pending
            pending = b""
        elif len(pending) > LONG_LINE:
            raise Unsplittable("a record too long to be a table row")
    if pending:
        yield start, pending


def cells(record: bytes) -> list[bytes]:
    """The record's cells (quotes removed where it has any)."""
    if QUOTE not in record:
        return record.rstrip(b"\r\n").split(b",")
    row = next(csv.reader(io.StringIO(record.decode("utf-8"), newline="")), [])
    return [cell.encode("utf-8") for cell in row]


def cell(record: bytes, index: int) -> bytes:
    """The record's cell at ``index`` ("" where the record is shorter)."""
    found = record.rstrip(b"\r\n").split(b",", index + 1) if QUOTE not in record else cells(record)
    return found[index] if index < len(found) else b""


def labels(header: bytes) -> list[str]:
    """The header's names, stripped (a BOM before the first removed)."""
    return [c.decode("utf-8").strip() for c in cells(header.removeprefix(codecs.BOM_UTF8))]


def column_values(source: Path, column: str, key: str, partitions: int) -> list[set[bytes]]:
    """Per partition of ``key``'s department, the values of ``column`` its rows hold (the departments they name)."""
    wanted: list[set[bytes]] = [set() for _ in range(partitions)]
    with source.open("rb") as handle:
        stream = records(handle)
        _, header = next(stream, (1, b""))
        names = labels(header)
        if column not in names or key not in names:
            return wanted
        at, by = names.index(column), names.index(key)
        for _, record in stream:
            value = cell(record, at).strip()
            if value:
                wanted[bucket(cell(record, by), partitions)].add(value)
    return wanted
