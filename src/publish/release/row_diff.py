"""Rows added, removed and changed in one resource, matched by the schema's primary key.

Values are compared as the published text: ``38.2`` and ``38.20`` are the same number but not
the same publication, so a numeric field whose text changed but whose value did not is a
``value-reformatted`` change (patch), kept apart from a corrected figure (``value-changed``).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from publish.core import DEFAULT_KIND, DEFAULT_SCOPE, read_rows
from publish.release.changes import Change

NUMERIC = {"number", "integer", "year"}


def row_changes(resource: str, old_file: Path, new_file: Path, old_schema: dict[str, Any], new_schema: dict[str, Any]):
    """(added keys, removed keys, value changes) between the rows of two versions of a resource."""
    key_fields = _key(new_schema)
    old_rows = _by_key(read_rows(old_file), key_fields)
    new_rows = _by_key(read_rows(new_file), key_fields)
    added = [dict(key) for key in new_rows if key not in old_rows]
    removed = [dict(key) for key in old_rows if key not in new_rows]
    types = {f["name"]: f.get("type", "string") for f in new_schema.get("fields", [])}
    titles = {f["name"]: f.get("title") for f in new_schema.get("fields", [])}
    old_names = {f["name"] for f in old_schema.get("fields", [])}
    compared = [name for name in types if name in old_names and name not in key_fields]
    changes = []
    for key, new_row in new_rows.items():
        old_row = old_rows.get(key)
        if old_row is None:
            continue
        for name in compared:
            before, after = old_row.get(name) or "", new_row.get(name) or ""
            if before != after:
                kind = "value-reformatted" if _same_number(types[name], before, after) else "value-changed"
                changes.append(Change(kind, "patch", resource, name, before, after, titles[name], key))
    return added, removed, changes


def keys_comparable(old_schema: dict[str, Any], new_schema: dict[str, Any]) -> bool:
    """Rows can be matched only when both versions have the same, non-empty primary key."""
    return bool(_key(new_schema)) and _key(old_schema) == _key(new_schema)


def department_years(file: Path, schema: dict[str, Any]) -> set[tuple[str, ...]]:
    """The disclosures (fiscal_year, department_id, document_kind, scope) present in a resource that has a year and
    a department; a table without kind and scope (data model v1) holds consolidated budgets."""
    names = {f["name"] for f in schema.get("fields", [])}
    if not {"fiscal_year", "department_id"} <= names:
        return set()
    return {
        (
            row["fiscal_year"],
            row["department_id"],
            row.get("document_kind") or DEFAULT_KIND,
            row.get("scope") or DEFAULT_SCOPE,
        )
        for row in read_rows(file)
    }


def _key(schema: dict[str, Any]) -> list[str]:
    key = schema.get("primaryKey", [])
    return [key] if isinstance(key, str) else list(key)


def _by_key(rows: list[dict[str, str]], key_fields: list[str]) -> dict[tuple[tuple[str, str], ...], dict[str, str]]:
    return {tuple((name, row.get(name) or "") for name in key_fields): row for row in rows}


def _same_number(field_type: str, before: str, after: str) -> bool:
    if field_type not in NUMERIC or not before or not after:
        return False
    try:
        return Decimal(before) == Decimal(after)
    except InvalidOperation:
        return False
