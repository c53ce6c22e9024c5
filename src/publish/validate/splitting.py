"""Split one CSV file into partition files by the department of each record, streaming, bytes kept as written.

Each record goes whole to its department's partition (`records.bucket`), after the header, which every
partition repeats; the partition keeps the file's order. Beside each partition file a line map records where
each record starts in the partition and in the original file, so that the engine numbers the partition's rows
as the original's (`partitions.Renumbered`). A file without quotes (every record one line) is split a block of
lines at a time with polars; any other record by record.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import polars as pl

from publish.validate.records import BLOCK, LONG_LINE, WHITESPACE, Unsplittable, bucket, cell, labels, records


@dataclass
class FileSplit:
    """What splitting one file found: its records, its digest (where asked), and per partition its line map file."""

    records: int = 0
    digest: str = ""
    maps: list[Path] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)  # per partition: the records written (borrowed ones too)
    borrowed: list[set[int]] = field(default_factory=list)  # per partition: original lines copied in for a reference


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
    done = FileSplit(maps=maps, borrowed=[set() for _ in outs])
    digest = hashlib.new(algorithm, usedforsecurity=False) if algorithm else None
    part_lines: list[list[int]] = [[] for _ in outs]
    source_lines: list[list[int]] = [[] for _ in outs]
    with source.open("rb") as handle, _opened(outs) as files:
        stream = records(_hashed(handle, digest) if digest else handle)
        header = _ended(next(stream, (1, b""))[1])
        at = labels(header).index(key)
        written = [_header(files, header)] * len(outs)
        for line, record in stream:
            done.records += 1
            record = _ended(record)
            targets = _targets(cell(record, at), len(outs), borrow)
            for k in targets:
                files[k].write(record)
                part_lines[k].append(written[k] + 1)
                source_lines[k].append(line)
                written[k] += record.count(b"\n")
            for k in targets[1:]:
                done.borrowed[k].add(line)
    for k, target in enumerate(maps):
        write_map(target, [pl.Series(part_lines[k], dtype=pl.Int64)], [pl.Series(source_lines[k], dtype=pl.Int64)])
    done.counts = [len(lines) for lines in part_lines]
    done.digest = digest.hexdigest() if digest else ""
    return done


def _targets(department: bytes, partitions: int, borrow: list[set[bytes]] | None) -> list[int]:
    """The record's own partition, then those that borrow its department."""
    home = bucket(department, partitions)
    if not borrow:
        return [home]
    value = department.strip()
    return [home, *(k for k in range(partitions) if k != home and value in borrow[k])]


@contextmanager
def _opened(outs: list[Path]) -> Iterator[list[BinaryIO]]:
    with ExitStack() as stack:
        yield [stack.enter_context(out.open("wb")) for out in outs]


def _header(files: list[BinaryIO], header: bytes) -> int:
    """Every partition starts with the header; how many lines it takes."""
    for file in files:
        file.write(header)
    return header.count(b"\n")


def split_lines(source: Path, key: str, outs: list[Path], maps: list[Path], algorithm: str | None = None) -> FileSplit:
    """`split_file` for a file without quotes, where every line is a record: a block of lines at a time, each
    partition's lines of the block written at once, the line maps built as columns."""
    done = FileSplit(maps=maps, borrowed=[set() for _ in outs], counts=[0] * len(outs))
    digest = hashlib.new(algorithm, usedforsecurity=False) if algorithm else None
    part_lines: list[list[pl.Series]] = [[] for _ in outs]
    source_lines: list[list[pl.Series]] = [[] for _ in outs]
    homes: dict[str, int] = {}
    with source.open("rb") as handle, _opened(outs) as files:
        lines = _hashed(handle, digest) if digest else handle
        header = _ended(next(lines, b""))
        at, number = labels(header).index(key), 1 + _header(files, header)
        for block in _blocks(lines):
            text = pl.Series(block, dtype=pl.Binary).cast(pl.String)  # UTF-8: checked before
            home = _homes(text, at, len(outs), homes)
            for k in range(len(outs)):
                chosen = (home == k).arg_true()
                if chosen.len():
                    files[k].write(text.gather(chosen).str.join("").item().encode("utf-8"))
                    first = done.counts[k] + 2  # the partition's line of its next record, after the header
                    source_lines[k].append(chosen.cast(pl.Int64) + number)
                    part_lines[k].append(pl.int_range(first, first + chosen.len(), dtype=pl.Int64, eager=True))
                    done.counts[k] += chosen.len()
            number += len(block)
            done.records += len(block)
    for k, target in enumerate(maps):
        write_map(target, part_lines[k], source_lines[k])
    done.digest = digest.hexdigest() if digest else ""
    return done


def _blocks(lines: Iterator[bytes]) -> Iterator[list[bytes]]:
    """The lines in blocks of about `BLOCK` bytes, each ended by a line break (the file's last may lack one)."""
    block: list[bytes] = []
    size = 0
    for line in lines:
        if len(line) > LONG_LINE:
            raise Unsplittable("a record too long to be a table row")
        block.append(line)
        size += len(line)
        if size >= BLOCK:
            yield block
            block, size = [], 0
    if block:
        block[-1] = _ended(block[-1])
        yield block


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
