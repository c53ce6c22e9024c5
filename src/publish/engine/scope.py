"""A part of a package to validate: some disclosures, and every disclosure of some departments.

Incremental validation (`publish.validate.incremental`) reads every file but keeps only the rows in the
scope before typing and checking them, so the work after reading is proportional to the scope.
Rows are selected by their key cells as written (text), before any type is known, so a row
whose year is garbled is still selected when its garbled text is what changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from publish.core import IDENTITY
from publish.engine.reading import TextTable

SEPARATOR = "\x1f"


@dataclass
class Scope:
    # the identities of the disclosures in scope, as text: (fiscal_year, department_id, document_kind, scope)
    pairs: set[tuple[str, ...]] = field(default_factory=set)
    departments: set[str] = field(default_factory=set)  # every disclosure of these departments

    def filter(self, raw: TextTable, resource: str | None = None) -> TextTable:
        """The rows of ``raw`` (the table of ``resource``) in the scope; a table without department ids is kept
        whole."""
        if "department_id" not in raw.labels:
            return raw
        department = pl.col(f"_c{raw.labels.index('department_id')}").fill_null("")
        if "fiscal_year" not in raw.labels:  # e.g. departments: every department the scope touches
            keep = department.is_in(sorted(self.departments | {key[1] for key in self.pairs}))
        else:
            keep = department.is_in(sorted(self.departments)) | self._identity_in(raw)
        mask = raw.cells.select(keep.alias("keep")).to_series()
        widths = raw.widths.filter(mask) if raw.widths is not None else None
        return TextTable(raw.labels, raw.cells.filter(mask), widths, raw.header_line)

    def _identity_in(self, raw: TextTable) -> pl.Expr:
        """Whether a row's identity cells (those of ``IDENTITY`` the table has) are one of a scoped disclosure."""
        at = [i for i, name in enumerate(IDENTITY) if name in raw.labels]
        cells = [pl.col(f"_c{raw.labels.index(IDENTITY[i])}").fill_null("") for i in at]
        wanted = sorted({SEPARATOR.join(key[i] for i in at) for key in self.pairs})
        return pl.concat_str(cells, separator=SEPARATOR).is_in(wanted)
