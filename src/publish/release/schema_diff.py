"""What changed between two descriptors and their table schemas, and how much it breaks.

Levels follow the Data Package Version recipe: removing, renaming, retyping or moving a field,
tightening a constraint, changing a key → major; adding a resource or a field after the existing
ones, loosening a constraint → minor; descriptive metadata (titles, descriptions, units) → patch.
A field added before existing ones moves their columns, so it is major.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from publish.release.changes import Change

IGNORED_PACKAGE_KEYS = {"version", "created", "resources"}
IGNORED_RESOURCE_KEYS = {"bytes", "hash", "schema", "name"}
FIELD_METADATA = {"title", "description", "unit", "example", "rdfType", "bareNumber"}
LOWER_BOUNDS = {"minimum", "minLength", "exclusiveMinimum"}
UPPER_BOUNDS = {"maximum", "maxLength", "exclusiveMaximum"}


def descriptor_changes(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Package-level and resource-level property changes (not the schemas, not the rows)."""
    changes = []
    for key in sorted((set(old) | set(new)) - IGNORED_PACKAGE_KEYS):
        if old.get(key) != new.get(key):
            level = "major" if key == "name" else "patch"
            changes.append(Change("package-property-changed", level, field=key, old=old.get(key), new=new.get(key)))
    return changes


def resource_property_changes(name: str, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    changes = []
    for key in sorted((set(old) | set(new)) - IGNORED_RESOURCE_KEYS):
        if old.get(key) != new.get(key):
            level = "major" if key in {"path", "format", "encoding", "dialect"} else "patch"
            changes.append(Change("resource-property-changed", level, name, key, old=old.get(key), new=new.get(key)))
    return changes


def schema_changes(resource: str, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Every change between two table schemas of ``resource``."""
    old_fields = {f["name"]: f for f in old.get("fields", [])}
    new_fields = {f["name"]: f for f in new.get("fields", [])}
    changes = _added_removed_renamed(resource, list(old_fields), list(new_fields), old_fields, new_fields)
    for name in [n for n in new_fields if n in old_fields]:
        changes.extend(_field_changes(resource, name, old_fields[name], new_fields[name]))
    for key, kind in (("primaryKey", "primary-key-changed"), ("missingValues", "missing-values-changed")):
        if old.get(key) != new.get(key):
            changes.append(Change(kind, "major", resource, old=old.get(key), new=new.get(key)))
    changes.extend(_foreign_key_changes(resource, old.get("foreignKeys", []), new.get("foreignKeys", [])))
    if old.get("description") != new.get("description"):
        changes.append(
            Change(
                "schema-property-changed",
                "patch",
                resource,
                "description",
                old.get("description"),
                new.get("description"),
            )
        )
    return changes


def _added_removed_renamed(resource, old_order, new_order, old_fields, new_fields) -> list[Change]:
    removed = [n for n in old_order if n not in new_fields]
    added = [n for n in new_order if n not in old_fields]
    changes = []
    for name in list(removed):
        position = old_order.index(name)
        twin = new_order[position] if position < len(new_order) else None
        if twin in added and old_fields[name].get("type") == new_fields[twin].get("type"):
            changes.append(Change("field-renamed", "major", resource, name, old=name, new=twin))
            removed.remove(name)
            added.remove(twin)
    changes.extend(Change("field-removed", "major", resource, name, old=name) for name in removed)
    common_new = [n for n in new_order if n in old_fields]
    last_common = max((new_order.index(n) for n in common_new), default=-1)
    for name in added:
        level = "minor" if new_order.index(name) > last_common else "major"
        changes.append(Change("field-added", level, resource, name, new=name))
    if [n for n in old_order if n in new_fields] != common_new:
        changes.append(Change("fields-reordered", "major", resource, old=old_order, new=new_order))
    return changes


def _field_changes(resource: str, name: str, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    changes = []
    if old.get("type", "string") != new.get("type", "string"):
        changes.append(Change("field-retyped", "major", resource, name, old.get("type", "string"), new.get("type")))
    for key in sorted((set(old) | set(new)) - {"name", "type", "constraints"}):
        if old.get(key) != new.get(key):
            level = "patch" if key in FIELD_METADATA else "major"
            changes.append(Change("field-property-changed", level, resource, name, old.get(key), new.get(key), key))
    old_constraints, new_constraints = old.get("constraints", {}), new.get("constraints", {})
    for key in sorted(set(old_constraints) | set(new_constraints)):
        before, after = old_constraints.get(key), new_constraints.get(key)
        if before != after:
            direction = constraint_direction(key, before, after)
            level = "major" if direction == "tightened" else "minor"
            changes.append(Change(f"constraint-{direction}", level, resource, name, before, after, key))
    return changes


def constraint_direction(key: str, before: Any, after: Any) -> str:
    """Whether a changed constraint accepts fewer values (tightened) or more (loosened)."""
    if after is None or after is False:
        return "loosened"
    if before is None or before is False:
        return "tightened"
    if key == "enum" and isinstance(before, list) and isinstance(after, list):
        return "loosened" if set(map(str, before)) <= set(map(str, after)) else "tightened"
    if key in LOWER_BOUNDS | UPPER_BOUNDS:
        low, high = _number(before), _number(after)
        if low is not None and high is not None:
            raised = high > low
            return "tightened" if raised == (key in LOWER_BOUNDS) else "loosened"
    return "tightened"


def _number(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _foreign_key_changes(resource: str, old: list, new: list) -> list[Change]:
    changes = [Change("foreign-key-added", "major", resource, new=key) for key in new if key not in old]
    changes += [Change("foreign-key-removed", "minor", resource, old=key) for key in old if key not in new]
    return changes
