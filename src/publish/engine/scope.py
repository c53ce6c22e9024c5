"""A part of a package to validate: some department-years, and every year of some departments.

Incremental validation (`publish.validate.incremental`) reads every file but keeps only the rows in the
scope before typing and checking them, so the work after reading is proportional to the scope.
Rows are selected by their key cells as written (text), before any type is known, so a row
whose year is garbled is still selected when its garbled text is what changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from publish.engine.reading import TextTable

SEPARATOR = "\x1f"


@dataclass
class Scope:
    pairs: set[tuple[str, str]] = field(default_factory=set)  # (fiscal_year, department_id) as text
    departments: set[str] = field(default_factory=set)  # every year of these departments

    def filter(self, raw: TextTable) -> TextTable:
        """The rows of ``raw`` in the scope; a table without department ids is kept whole."""
        if "department_id" not in raw.labels:
            return raw
        department = pl.col(f"_c{raw.labels.index('department_id')}").fill_null("")
        if "fiscal_year" not in raw.labels:  # e.g. departments: every department the scope touches
            keep = department.is_in(sorted(self.departments | {d for _, d in self.pairs}))
        else:
            keep = department.is_in(sorted(self.departments))
            year = pl.col(f"_c{raw.labels.index('fiscal_year')}").fill_null("")
            pairs = sorted(f"{y}{SEPARATOR}{d}" for y, d in self.pairs)
            keep = keep | pl.concat_str([year, department], separator=SEPARATOR).is_in(pairs)
        mask = raw.cells.select(keep.alias("keep")).to_series()
        widths = raw.widths.filter(mask) if raw.widths is not None else None
        return TextTable(raw.labels, raw.cells.filter(mask), widths, raw.header_line)
