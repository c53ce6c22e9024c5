"""What each step does to a package held in memory: its descriptor, each resource's schema and rows.

Nothing here reads or writes a file (`run.py` does); a step only inserts (a field, a key column, a foreign key,
a resource), so every existing cell keeps its text.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from publish.migrate.step import AddField, AddForeignKey, AddResource, SetConstraints, Step

DISCLOSURES = "disclosures"


@dataclass
class Contents:
    """A package in memory: the descriptor, each resource's schema and rows (text as in the CSV)."""

    descriptor: dict[str, Any]
    schemas: dict[str, dict[str, Any]]
    rows: dict[str, list[dict[str, str]]]
    changed: set[str] = field(default_factory=set)


def applied(contents: Contents, step: Step) -> bool:
    """Whether the package already has what ``step`` adds."""
    if isinstance(step, AddResource):
        return step.resource["name"] in contents.schemas
    schema = contents.schemas.get(step.resource, {})
    if isinstance(step, AddForeignKey):
        return step.foreign_key in schema.get("foreignKeys", [])
    if isinstance(step, SetConstraints):
        return _field(schema, step.field).get("constraints", {}) == step.constraints
    return step.field["name"] in _names(schema)


def apply(contents: Contents, step: Step) -> None:
    """Change ``contents`` as ``step`` says; the resources it touches are marked changed."""
    if isinstance(step, AddResource):
        _add_resource(contents, step)
    elif isinstance(step, AddForeignKey):
        contents.schemas[step.resource].setdefault("foreignKeys", []).append(copy.deepcopy(step.foreign_key))
        contents.changed.add(step.resource)
    elif isinstance(step, SetConstraints):
        _set_constraints(contents, step)
    else:
        _add_field(contents, step)


def describe(step: Step) -> tuple[str, str]:
    """What ``step`` changes, in (Chinese, English)."""
    if isinstance(step, AddResource):
        name = step.resource["name"]
        return f"新表 {name}（{len(step.rows)} 行）", f"new table {name} ({len(step.rows)} rows)"
    if isinstance(step, AddForeignKey):
        fields = ", ".join(step.foreign_key["fields"])
        return f"{step.resource}：新外键 {fields}", f"{step.resource}: new foreign key {fields}"
    if isinstance(step, SetConstraints):
        return (
            f"{step.resource}.{step.field}：约束改为 {step.constraints}",
            f"{step.resource}.{step.field}: constraints now {step.constraints}",
        )
    name, default = step.field["name"], step.default or "（空）"
    key_zh, key_en = ("，进入主键", ", in the primary key") if step.key else ("", "")
    return (
        f"{step.resource}：新列 {name}（原有各行填 {default}{key_zh}）",
        f"{step.resource}: new column {name} (existing rows get {step.default or '(empty)'}{key_en})",
    )


def _add_field(contents: Contents, step: AddField) -> None:
    schema = contents.schemas[step.resource]
    fields = schema["fields"]
    fields.insert(_position(_names(schema), step.after), copy.deepcopy(step.field))
    name = step.field["name"]
    for row in contents.rows[step.resource]:
        row[name] = step.default
    if step.key:
        _add_key(contents, step.resource, name, step.after)
    contents.changed.add(step.resource)


def _set_constraints(contents: Contents, step: SetConstraints) -> None:
    """The field's constraints replaced as a whole; a field left with none has no ``constraints`` at all."""
    spec = _field(contents.schemas[step.resource], step.field)
    spec.pop("constraints", None)
    if step.constraints:
        spec["constraints"] = copy.deepcopy(step.constraints)
    contents.changed.add(step.resource)


def _field(schema: dict[str, Any], name: str) -> dict[str, Any]:
    return next(spec for spec in schema.get("fields", []) if spec["name"] == name)


def _add_key(contents: Contents, resource: str, name: str, after: str | None) -> None:
    """``name`` joins the primary key of ``resource`` and both sides of every foreign key to the disclosure that
    has it in its own key (the disclosure first or last: the key ends up the same on both sides)."""
    schema = contents.schemas[resource]
    schema["primaryKey"] = _inserted(_key_list(schema.get("primaryKey")), name, after)
    for other, other_schema in contents.schemas.items():
        for foreign_key in other_schema.get("foreignKeys", []):
            target = foreign_key["reference"].get("resource") or other
            joins = (other == resource and target == DISCLOSURES and name in _disclosure_key(contents)) or (
                resource == DISCLOSURES and target == DISCLOSURES and other != resource and name in _names(other_schema)
            )
            if joins and name not in foreign_key["fields"]:
                _join(foreign_key, name, after)
                contents.changed.add(other)


def _join(foreign_key: dict[str, Any], name: str, after: str | None) -> None:
    local = _key_list(foreign_key["fields"])
    remote = _key_list(foreign_key["reference"]["fields"])
    at = _position(local, after)
    foreign_key["fields"] = [*local[:at], name, *local[at:]]
    foreign_key["reference"]["fields"] = [*remote[:at], name, *remote[at:]]


def _add_resource(contents: Contents, step: AddResource) -> None:
    resources = contents.descriptor["resources"]
    names = [entry.get("name") for entry in resources]
    resources.insert(_position(names, step.after), copy.deepcopy(step.resource))
    name = step.resource["name"]
    contents.schemas[name] = copy.deepcopy(step.schema)
    columns = _names(step.schema)
    contents.rows[name] = [dict(zip(columns, row, strict=True)) for row in step.rows]
    contents.changed.add(name)


def _disclosure_key(contents: Contents) -> list[str]:
    return _key_list(contents.schemas.get(DISCLOSURES, {}).get("primaryKey"))


def _inserted(names: list[str], name: str, after: str | None) -> list[str]:
    at = _position(names, after)
    return [*names[:at], name, *names[at:]]


def _position(names: list[Any], after: str | None) -> int:
    """The index just after ``after`` in ``names``; the end if it is None or absent."""
    return names.index(after) + 1 if after in names else len(names)


def _names(schema: dict[str, Any]) -> list[str]:
    return [spec["name"] for spec in schema.get("fields", [])]


def _key_list(key: Any) -> list[str]:
    if key is None:
        return []
    return [key] if isinstance(key, str) else list(key)
