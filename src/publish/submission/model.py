"""A submission: one department-year's rows as read from a filled template or a folder of CSVs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from publish.core import Finding
from publish.submission.table import Origin, Table


@dataclass
class Submission:
    source: Path
    kind: str  # "xlsx" or "csv"
    rows: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    origins: dict[str, list[Origin]] = field(default_factory=dict)
    claim: tuple[str, ...] | None = None  # the disclosure: (fiscal_year, department_id, document_kind, scope)
    notes: list[Finding] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        return not self.problems

    def add_table(self, table: Table) -> None:
        self.rows.setdefault(table.resource, []).extend(table.rows)
        self.origins.setdefault(table.resource, []).extend(table.origins)
        self.notes.extend(table.notes)
        self.problems.extend(table.problems)
