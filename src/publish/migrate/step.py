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
class SetConstraints:
    """Constraints of an existing field change: each key of ``constraints`` is set to its value, or removed
    where the value is None (relaxing ``required`` is ``{"required": None}``); a field left with no
    constraints loses the ``constraints`` object. No row changes: only a constraint that every existing row
    already meets may be added, so the step stays additive."""

    resource: str
    field: str
    constraints: dict[str, Any]

    def apply(self, schema: dict[str, Any]) -> dict[str, Any]:
        """``schema`` with the field's constraints changed (a new dict; ``schema`` is left as it was)."""
        fields = []
        for descriptor in schema["fields"]:
            if descriptor["name"] == self.field:
                descriptor = _constrained(descriptor, self.constraints)
            fields.append(descriptor)
        return {**schema, "fields": fields}


def _constrained(descriptor: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    constraints = {**descriptor.get("constraints", {}), **changes}
    constraints = {key: value for key, value in constraints.items() if value is not None}
    changed = {key: value for key, value in descriptor.items() if key != "constraints"}
    return {**changed, "constraints": constraints} if constraints else changed


Step = AddField | AddResource | SetConstraints
