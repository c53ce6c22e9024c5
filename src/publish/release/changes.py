"""The shape of a difference between two versions of the package.

A ``Change`` is one thing that changed (a field removed, a constraint loosened, a figure
corrected), with the semver level it implies. Rendering (text, Markdown, JSON) lives in
``publish.release.changelog``; this module only holds the facts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from publish.release.versions import highest


@dataclass(frozen=True)
class Change:
    kind: str
    level: str
    resource: str | None = None
    field: str | None = None
    old: Any = None
    new: Any = None
    detail: str | None = None  # e.g. the constraint or property that changed
    key: tuple[tuple[str, str], ...] = ()  # primary key of a changed row, as (field, value) pairs

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "level": self.level,
            "resource": self.resource,
            "field": self.field,
            "detail": self.detail,
            "key": dict(self.key) if self.key else None,
            "old": self.old,
            "new": self.new,
        }


@dataclass
class PackageDiff:
    """Everything that changed from ``old`` to ``new``, and the bump it implies."""

    old_version: str | None
    new_version: str | None
    changes: list[Change] = field(default_factory=list)
    rows_added: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    rows_removed: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    # the disclosures (fiscal_year, department_id, document_kind, scope) added and removed
    department_years_added: list[tuple[str, ...]] = field(default_factory=list)
    department_years_removed: list[tuple[str, ...]] = field(default_factory=list)

    @property
    def all_levels(self) -> list[str]:
        levels = [change.level for change in self.changes]
        levels += ["minor" for rows in self.rows_added.values() if rows]
        levels += ["major" for rows in self.rows_removed.values() if rows]
        return levels

    @property
    def bump(self) -> str:
        """The semver level the changes require: none, patch, minor or major."""
        return highest(self.all_levels)

    @property
    def empty(self) -> bool:
        return self.bump == "none"

    def reasons(self) -> list[str]:
        """Short English names of what requires the bump (the changes at its level)."""
        level = self.bump
        names = [
            f"{c.kind} {c.resource or ''}{'.' + c.field if c.field else ''}".strip()
            for c in self.changes
            if c.level == level
        ]
        if level == "minor":
            names += [f"rows-added {name}" for name, rows in self.rows_added.items() if rows]
        if level == "major":
            names += [f"rows-removed {name}" for name, rows in self.rows_removed.items() if rows]
        return sorted(set(names))

    def to_dict(self) -> dict[str, Any]:
        return {
            "old_version": self.old_version,
            "new_version": self.new_version,
            "bump": self.bump,
            "reasons": self.reasons(),
            "department_years_added": [list(pair) for pair in self.department_years_added],
            "department_years_removed": [list(pair) for pair in self.department_years_removed],
            "changes": [change.to_dict() for change in self.changes],
            "rows_added": {name: rows for name, rows in self.rows_added.items() if rows},
            "rows_removed": {name: rows for name, rows in self.rows_removed.items() if rows},
        }
