"""Split one CSV file into partition files by a hash of its department cell, streaming, bytes kept as written.

Each record (one line, or several where a quoted cell holds a line break) goes whole to the partition of its
department (`zlib.crc32` of the cell, stripped, so every row of a department lands in the same one), after the
header, which every partition repeats; the partition keeps the file's order. Beside each partition file a
line map records where each record starts in the partition and in the original file, so that the engine
numbers the partition's rows as the original's (`partitions.Renumbered`). A file that cannot be split
faithfully (not UTF-8, a line past `LONG_LINE`, a quote never closed) is reported as such, and the caller
validates the package whole, where the engine reports the problem as usual.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import polars as pl

LONG_LINE = 1 << 20  # a record this long is left to the whole validation, which refuses it as the engine does
BLOCK = 16 << 20
QUOTE = b'"'
WHITESPACE = " \t\n\r\x0b\x0c"  # what bytes.strip() strips: the same department in both ways of splitting


class Unsplittable(Exception):
    """The file cannot be split byte for byte (the whole validation reports why)."""


@dataclass
class FileSplit:
    """What splitting one file found: its records, its digest (where asked), and per partition its line map file."""

    records: int = 0
    digest: str = ""
    maps: list[Path] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)  # per partition: the records written (borrowed ones too)
    borrowed: list[set[int]] = field(default_factory=list)  # per partition: original lines copied in for a reference


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


def records(handle: BinaryIO) -> Iterator[tuple[int, bytes]]:
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


def split_file(
    source: Path,
    key: str,
    outs: list[Path],
    maps: list[Path],
    borrow: list[set[bytes]] | None = None,
    algorithm: str | None = None,
    quoted: bool = True,
) -> FileSplit:
    """Write each record of ``source`` to the partition of its ``key`` cell (and to each partition whose
    ``borrow`` set names its key: rows another partition refers to, whose findings that partition drops)."""
    if not (borrow or quoted):
        return split_lines(source, key, outs, maps, algorithm)
    partitions = len(outs)
    done = FileSplit(maps=maps, borrowed=[set() for _ in outs])
    digest = hashlib.new(algorithm, usedforsecurity=False) if algorithm else None
    part_lines: list[list[int]] = [[] for _ in outs]
    source_lines: list[list[int]] = [[] for _ in outs]
    with source.open("rb") as handle:
        files = [out.open("wb") for out in outs]
        try:
            stream = records(_hashed(handle, digest) if digest else handle)
            _, header = next(stream, (1, b""))
            names = labels(header)
            at = names.index(key)
            header = _ended(header)
            written = [header.count(b"\n")] * partitions
            for file in files:
                file.write(header)
            for line, record in stream:
                done.records += 1
                record = _ended(record)
                home = bucket(cell(record, at), partitions)
                targets = [home]
                if borrow:
                    value = cell(record, at).strip()
                    targets += [k for k in range(partitions) if k != home and value in borrow[k]]
                for k in targets:
                    files[k].write(record)
                    part_lines[k].append(written[k] + 1)
                    source_lines[k].append(line)
                    written[k] += record.count(b"\n")
                    if k != home:
                        done.borrowed[k].add(line)
        finally:
            for file in files:
                file.close()
    for k, target in enumerate(maps):
        write_map(target, [pl.Series(part_lines[k], dtype=pl.Int64)], [pl.Series(source_lines[k], dtype=pl.Int64)])
    done.counts = [len(lines) for lines in part_lines]
    done.digest = digest.hexdigest() if digest else ""
    return done


def split_lines(source: Path, key: str, outs: list[Path], maps: list[Path], algorithm: str | None = None) -> FileSplit:
    """`split_file` for a file without quotes, where every line is a record: a block of lines at a time, each
    partition's lines of the block written at once, the line maps built as columns."""
    partitions, homes = len(outs), {}
    done = FileSplit(maps=maps, borrowed=[set() for _ in outs], counts=[0] * partitions)
    digest = hashlib.new(algorithm, usedforsecurity=False) if algorithm else None
    part_lines: list[list[pl.Series]] = [[] for _ in outs]
    source_lines: list[list[pl.Series]] = [[] for _ in outs]
    with source.open("rb") as handle:
        header = handle.readline()
        at, number = labels(header).index(key), 2
        if digest:
            digest.update(header)
        header = _ended(header)
        files = [out.open("wb") for out in outs]
        try:
            for file in files:
                file.write(header)
            while lines := handle.readlines(BLOCK):
                if digest:
                    digest.update(b"".join(lines))
                lines[-1] = _ended(lines[-1])
                if max(map(len, lines)) > LONG_LINE:
                    raise Unsplittable("a record too long to be a table row")
                text = pl.Series(lines, dtype=pl.Binary).cast(pl.String)  # UTF-8: checked before
                home = _homes(text, at, partitions, homes)
                for k in range(partitions):
                    chosen = home.arg_true() if partitions == 1 else (home == k).arg_true()
                    if chosen.len():
                        files[k].write(text.gather(chosen).str.join("").item().encode("utf-8"))
                        first = done.counts[k] + 2  # the partition's line of its next record, after the header
                        source_lines[k].append(chosen.cast(pl.Int64) + number)
                        part_lines[k].append(pl.int_range(first, first + chosen.len(), dtype=pl.Int64, eager=True))
                        done.counts[k] += chosen.len()
                number += len(lines)
                done.records += len(lines)
        finally:
            for file in files:
                file.close()
    for k, target in enumerate(maps):
        write_map(target, part_lines[k], source_lines[k])
    done.digest = digest.hexdigest() if digest else ""
    return done


def _homes(lines: pl.Series, at: int, partitions: int, known: dict[str, int]) -> pl.Series:
    """The partition of each line, from its cell at ``at`` (`bucket`, computed once per department in ``known``)."""
    keys = lines.str.splitn(",", at + 2).struct.field(f"field_{at}").fill_null("").str.strip_chars(WHITESPACE)
    block = {}
    for key in keys.unique().to_list():
        if key not in known:
            known[key] = bucket(key.encode("utf-8"), partitions)
        block[key] = known[key]
    return keys.replace_strict(block, return_dtype=pl.Int64)


def write_map(target: Path, part: list[pl.Series], original: list[pl.Series]) -> None:
    """A line map: the line of each record in the partition and in the original file, in order."""
    columns = {
        name: pl.concat([pl.Series(name, [], pl.Int64), *parts])
        for name, parts in (("part", part), ("original", original))
    }
    pl.DataFrame(columns).write_ipc(target)


def read_map(path: Path) -> tuple[pl.Series, pl.Series]:
    """A line map: the partition's record lines and the original's, in order."""
    frame = pl.read_ipc(path)
    return frame["part"], frame["original"]


def _ended(record: bytes) -> bytes:
    """The record with a line end (the file's last line may have none: the next record must start a line)."""
    return record if record.endswith(b"\n") else record + b"\n"


def _hashed(handle: BinaryIO, digest) -> Iterator[bytes]:
    """The lines of ``handle``, fed to ``digest`` on the way (the descriptor's `hash` is checked on the original)."""
    for line in handle:
        digest.update(line)
        yield line
