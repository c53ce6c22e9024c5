"""How a CSV file is to be read: its declared dialect completed the way frictionless completes it.

frictionless sniffs what a resource does not declare: the delimiter (among `, TAB ; |`) and whether a
space after it is skipped (`csv.Sniffer` on the first 100 lines), and, when neither `header` nor
`headerRows` is declared, which of the first 100 records is the header (the first whose width is
within 10 % of their average). This module does the same on the same sample, so that both read the
same cells; a file read with the default dialect (the common case) takes polars's fast path.
"""

from __future__ import annotations

import csv
import itertools
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from publish.core import unsafe_reason

SAMPLE_LINES = 100  # frictionless's CSV parser sniffs the first 100 lines
SAMPLE_RECORDS = 100  # and its detector looks at the first 100 records for the header
CANDIDATES = ",\t;|"
CSV_KEYS = {
    "delimiter": "delimiter",
    "quoteChar": "quotechar",
    "doubleQuote": "doublequote",
    "escapeChar": "escapechar",
    "skipInitialSpace": "skipinitialspace",
}
TABLE_KEYS = {
    "header": "header",
    "headerRows": "header_rows",
    "headerJoin": "header_join",
    "headerCase": "header_case",
    "commentChar": "comment_char",
    "commentRows": "comment_rows",
    "skipBlankRows": "skip_blank_rows",
}


@dataclass(frozen=True)
class Dialect:
    delimiter: str = ","
    quotechar: str = '"'
    escapechar: str | None = None
    doublequote: bool = True
    skipinitialspace: bool = False
    header: bool = True
    header_rows: tuple[int, ...] = (1,)
    header_join: str = " "
    header_case: bool = True
    comment_char: str | None = None
    comment_rows: tuple[int, ...] = field(default=())
    skip_blank_rows: bool = False

    @property
    def plain(self) -> bool:
        """Read as RFC 4180 with one header line: what polars's fast path reads."""
        return self == Dialect(header_case=self.header_case, header_join=self.header_join)

    @property
    def first_content_row(self) -> int:
        return self.header_rows[-1] + 1 if self.header and self.header_rows else 1

    def python(self) -> type[csv.Dialect]:
        """The csv module's dialect, built as frictionless's CsvControl.to_python builds it."""
        config = csv.excel()
        config.delimiter = self.delimiter
        config.doublequote = self.doublequote if self.escapechar else True
        config.escapechar = self.escapechar
        config.quotechar = self.quotechar
        config.quoting = csv.QUOTE_NONE if self.quotechar == "" else csv.QUOTE_MINIMAL
        config.skipinitialspace = self.skipinitialspace
        return config

    def commented(self, number: int, cells: list[str]) -> bool:
        """Record ``number`` is a comment: it starts with commentChar or is one of commentRows."""
        if self.comment_char and cells and cells[0].startswith(self.comment_char):
            return True
        return number in self.comment_rows


def declared(descriptor: dict[str, Any], root: Path) -> dict[str, Any]:
    """The dialect a resource declares (inline, or a local JSON file), as Dialect's field names."""
    value = descriptor.get("dialect")
    if isinstance(value, str) and not unsafe_reason(root, value):
        try:
            value = json.loads((root / value).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            value = None
    if not isinstance(value, dict):
        return {}
    nested = value.get("csv") if isinstance(value.get("csv"), dict) else {}
    options = {CSV_KEYS[k]: v for k, v in {**value, **nested}.items() if k in CSV_KEYS}
    options.update({TABLE_KEYS[k]: v for k, v in value.items() if k in TABLE_KEYS})
    for key in ("header_rows", "comment_rows"):
        if isinstance(options.get(key), list):
            options[key] = tuple(options[key])
    return options


def resolve(options: dict[str, Any], lines: Callable[[], Iterator[str]]) -> Dialect:
    """The declared ``options`` completed from the file's first lines and records, as frictionless does.

    ``lines()`` gives a fresh iterator over the file's lines (ends kept), read lazily.
    """
    options = dict(options)
    sniffed = _sniff("".join(itertools.islice(lines(), SAMPLE_LINES)), options.get("delimiter") or CANDIDATES)
    options.setdefault("delimiter", sniffed.delimiter)
    options.setdefault("skipinitialspace", sniffed.skipinitialspace)
    dialect = Dialect(**options)
    if "header" in options or "header_rows" in options:
        return dialect
    records = list(itertools.islice(csv.reader(lines(), dialect=dialect.python()), SAMPLE_RECORDS))
    return Dialect(**{**options, "header_rows": (_header_row(records, dialect),)})


def _sniff(sample: str, delimiters: str):
    try:
        return csv.Sniffer().sniff(sample, delimiters)
    except csv.Error:
        return csv.excel()


def _header_row(records: list[list[str]], dialect: Dialect) -> int:
    """The first record whose width is within 10 % of the sample's average (frictionless's detector)."""
    if not records:
        return 1
    width = round(sum(map(len, records)) / len(records))
    drift = max(round(width * 0.1), 1)
    for number, cells in enumerate(records, start=1):
        if not dialect.commented(number, cells) and width - drift <= len(cells) <= width + drift:
            return number
    return 1
