"""The declarative steps a migration is made of: each says what changes in a schema and its CSV together."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class AddField:
    """A new column: its field descriptor goes into the schema after ``after`` (None: at the end), every
    existing row gets ``default`` (text as written in the CSV; "" is empty), and ``key`` puts it into the
    primary key (and into every foreign key that points at the same columns of the disclosure)."""

    resource: str
    field: dict[str, Any]
    default: str = ""
    after: str | None = None
    key: bool = False


@dataclass(frozen=True)
class AddResource:
    """A new table: its entry in ``datapackage.json`` resources (after ``after``), its schema, and an empty
    CSV with the schema's header."""

    resource: dict[str, Any]
    schema: dict[str, Any]
    after: str | None = None
    rows: tuple[tuple[str, ...], ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class AddForeignKey:
    """A new foreign key of ``resource`` (its columns already there, e.g. added by an earlier step); no row changes."""

    resource: str
    foreign_key: dict[str, Any]


@dataclass(frozen=True)
class SetConstraints:
    """A field's constraints replaced as a whole (an enum widened or dropped, a pattern instead): its values and
    every row stay as they are, so a step may only loosen what the v1 rows already meet."""

    resource: str
    field: str
    constraints: dict[str, Any]


Step = AddField | AddResource | AddForeignKey | SetConstraints
