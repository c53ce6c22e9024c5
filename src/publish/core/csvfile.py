"""The canonical form of a data file: what every command that writes a CSV writes.

UTF-8 without BOM, LF line endings, the header in the schema's field order, rows sorted by
the primary key (integers and years compared as numbers), minimal quoting. Two packages
holding the same rows therefore have byte-identical files, and a correction is a one-line diff.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from publish.core import atomic

NUMERIC_KEY_TYPES = ("integer", "year")


def read_rows(path: str | Path) -> list[dict[str, str]]:
    """The rows of a CSV file as text, keyed by header name."""
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def sort_key(schema: dict[str, Any]):
    """A key function ordering rows (dicts of text) by the schema's primary key."""
    types = {f["name"]: f.get("type", "string") for f in schema["fields"]}
    key_fields = schema.get("primaryKey", [])
    key_fields = [key_fields] if isinstance(key_fields, str) else key_fields

    def key(row: dict[str, str]) -> tuple:
        parts = []
        for name in key_fields:
            value = row.get(name) or ""
            numeric = types.get(name) in NUMERIC_KEY_TYPES and value.lstrip("-").isdigit()
            parts.append((0, int(value), "") if numeric else (1, 0, value))
        return tuple(parts)

    return key


def render(schema: dict[str, Any], rows: Iterable[dict[str, str]]) -> str:
    """The canonical text of a data file holding ``rows``."""
    columns = [f["name"] for f in schema["fields"]]
    out = io.StringIO()
    _write_record(out, columns)
    for row in sorted(rows, key=sort_key(schema)):
        if set(row) - set(columns):
            raise ValueError(f"row has fields the schema lacks: {sorted(set(row) - set(columns))}")
        _write_record(out, [row.get(c) or "" for c in columns])
    return out.getvalue()


def _write_record(out: io.StringIO, cells: list[str]) -> None:
    """One record ending in LF; a cell holding CR or LF is quoted (csv quotes what its terminator holds)."""
    record = io.StringIO()
    csv.writer(record, lineterminator="\r\n").writerow(cells)
    out.write(record.getvalue()[:-2] + "\n")


def write_rows(path: str | Path, schema: dict[str, Any], rows: Iterable[dict[str, str]]) -> None:
    """Write ``rows`` to ``path`` in canonical form, atomically."""
    atomic.write_text(path, render(schema, rows))
