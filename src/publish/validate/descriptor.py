"""The descriptor and its Table Schemas, checked before any data is read.

frictionless owns the Data Package spec and checks it; this module adds the shapes frictionless
lets through but the engine cannot use (a schema without fields, an enum of lists …), and turns
anything frictionless itself trips over into a finding rather than a traceback. The verdict is kept in
the user's cache (`verdicts.py`) by the hash of all it depends on, so that frictionless decides once
for each descriptor it has not seen.
"""

from __future__ import annotations

import json
import sys
from importlib.metadata import PackageNotFoundError
from pathlib import Path
from typing import Any

from publish import __version__
from publish.core import DESCRIPTOR, Finding, Package, Resource
from publish.engine import MAX_ENUM_VALUES, MAX_FIELDS, pattern_problem
from publish.validate import verdicts

SCALAR = (str, int, float, bool)
BOUNDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")
V2_TABLE_SCHEMA = "https://datapackage.org/profiles/2.0/tableschema.json"
# The kinds of error frictionless reports on a descriptor (its metadata errors), as a cached verdict may hold them.
KINDS = frozenset({"package-error", "resource-error", "dialect-error", "control-error", "schema-error", "field-error"})


def descriptor_findings(package: Package, *, cache: bool = True) -> list[Finding]:
    """Every problem of the descriptor and its schemas, each naming the file it is in.

    A schema past the engine's limits (fields, enum values) is refused first, before frictionless
    or the engine spends minutes and gigabytes on it. With ``cache``, a verdict reached before on the
    same bytes (by this version of publish and of frictionless) is taken from the user's cache, and
    frictionless is not even imported.
    """
    refused = [finding for resource in package.resources.values() for finding in limit_findings(resource)]
    if refused:
        return refused
    key = verdict_key(package) if cache else None
    verdict = _recalled(key, package) if key else None
    if verdict is None:
        verdict = _verdict(package)
        if key:
            verdicts.remember(key, verdict)
    findings = [_finding(kind, DESCRIPTOR, note) for kind, note in verdict["package"]]
    for name, resource in package.resources.items():
        where = resource.descriptor["schema"] if isinstance(resource.descriptor.get("schema"), str) else DESCRIPTOR
        findings += [_finding("schema-error", where, f"{name}: {note}") for note in verdict["schemas"][name]]
    return findings


def _verdict(package: Package) -> dict[str, Any]:
    """What frictionless (and the shapes it lets through) make of the descriptor and of each schema, as JSON data:
    ``{"package": [[kind, note], …], "schemas": {resource: [note, …]}}``."""
    from frictionless import Package as FrictionlessPackage

    try:
        checked = FrictionlessPackage.validate_descriptor(package.descriptor, basepath=str(package.root))
        errors = [[error.type, error.note] for error in checked.errors]
    except Exception as error:  # frictionless raises on some malformed descriptors
        errors = [["package-error", f"{type(error).__name__}: {error}"]]
    profile = package.descriptor.get("$schema")
    return {"package": errors, "schemas": {name: schema_problems(r, profile) for name, r in package.resources.items()}}


def schema_problems(resource: Resource, profile: Any = None) -> list[str]:
    """The schema's problems; ``profile``, the package's `$schema`, sets the Table Schema version it follows."""
    from frictionless import Schema

    problems = _shape_problems(resource.schema)
    if not problems:
        try:
            problems = [error.note for error in Schema.validate_descriptor(_versioned(resource.schema, profile)).errors]
        except Exception as error:
            problems = [f"{type(error).__name__}: {error}"]
    if not problems:
        problems = _value_problems(resource.schema)
    return problems


def verdict_key(package: Package) -> str | None:
    """The hash of everything the verdict depends on: the versions of publish, frictionless and Python, this module,
    the package's folder, its descriptor and schemas as read, and any dialect file; None if one cannot be read."""
    try:
        parts = [
            verdicts.FORMAT,
            __version__,
            verdicts.installed("frictionless"),
            sys.version,
            Path(__file__).read_text(encoding="utf-8"),
            str(package.root.resolve()),
            json.dumps(package.descriptor, ensure_ascii=False),
            *(json.dumps(resource.schema, ensure_ascii=False) for resource in package.resources.values()),
        ]
        dialects = [package.root / r.descriptor["dialect"] for r in package.resources.values() if _named(r, "dialect")]
        return verdicts.content_key([part.encode("utf-8") for part in parts] + [d.read_bytes() for d in dialects])
    except (OSError, ValueError, PackageNotFoundError, RecursionError):
        return None


def _named(resource: Resource, prop: str) -> bool:
    return isinstance(resource.descriptor.get(prop), str)


def _recalled(key: str, package: Package) -> dict[str, Any] | None:
    """The cached verdict for ``key`` if it has the shape of one for this package (else None: a miss)."""
    held = verdicts.recalled(key)
    if not isinstance(held, dict) or not isinstance(held.get("package"), list):
        return None
    errors, schemas = held["package"], held.get("schemas")
    if not all(isinstance(e, list) and len(e) == 2 and e[0] in KINDS and isinstance(e[1], str) for e in errors):
        return None
    if not isinstance(schemas, dict) or set(schemas) != set(package.resources):
        return None
    if not all(isinstance(notes, list) and all(isinstance(n, str) for n in notes) for notes in schemas.values()):
        return None
    return held


def _versioned(schema: dict[str, Any], profile: Any) -> dict[str, Any]:
    """The schema as it stands in a package of the Data Package v2 (its `$schema`), where it declares none."""
    if "$schema" in schema or not isinstance(profile, str) or "datapackage.org/profiles/2." not in profile:
        return schema
    return {"$schema": V2_TABLE_SCHEMA, **schema}


def limit_findings(resource: Resource) -> list[Finding]:
    """A schema with more fields, or an enum with more values, than the engine reads."""
    fields = resource.schema.get("fields")
    if not isinstance(fields, list):
        return []
    too_many = []
    if len(fields) > MAX_FIELDS:
        too_many.append(("字段", "fields", None, len(fields), MAX_FIELDS))
    for field in fields:
        constraints = field.get("constraints") if isinstance(field, dict) else None
        enum = constraints.get("enum") if isinstance(constraints, dict) else None
        if isinstance(enum, list) and len(enum) > MAX_ENUM_VALUES:
            too_many.append(("enum 取值", "enum values", field.get("name"), len(enum), MAX_ENUM_VALUES))
    return [_limit_finding(resource, *entry) for entry in too_many]


def _limit_finding(resource: Resource, zh: str, en: str, field: Any, count: int, limit: int) -> Finding:
    where = f"{resource.name}" + (f"，字段 {field}" if field else "")
    where_en = f"{resource.name}" + (f", field {field}" if field else "")
    return Finding(
        rule="limit-exceeded",
        severity="error",
        resource=resource.name,
        path=DESCRIPTOR,
        field=field if isinstance(field, str) else None,
        values={"count": count, "limit": limit},
        message_zh=f"{DESCRIPTOR}：{where} 有 {count} 个{zh}，超过 publish 的上限 {limit}，未校验。"
        "请拆分表格，或把取值放入代码表并用外键引用。",
        message_en=f"{DESCRIPTOR}: {where_en} has {count} {en}, more than the {limit} publish checks; nothing "
        "was validated. Split the table, or move the values to a code list referenced by a foreign key.",
    )


def _value_problems(schema: dict[str, Any]) -> list[str]:
    """Patterns that Python's `re` cannot compile and bounds the field's type cannot read: frictionless
    fails on both when it reads the data."""
    from frictionless import Field

    problems = []
    for field in schema["fields"]:
        constraints = field.get("constraints", {})
        if isinstance(constraints.get("pattern"), str) and (why := pattern_problem(constraints["pattern"])):
            problems.append(f"field {field['name']}: the pattern cannot be compiled ({why})")
        bounds = [name for name in BOUNDS if name in constraints]
        if bounds:
            reader = Field.from_descriptor({**field, "constraints": {}}).create_value_reader()
            problems += [
                f"field {field['name']}: {name} {constraints[name]!r} is not a {field.get('type', 'string')}"
                for name in bounds
                if _read(reader, constraints[name]) is None
            ]
    return problems


def _read(reader, value: Any) -> Any:
    try:
        return reader(value)
    except (TypeError, ValueError, ArithmeticError):
        return None


def _shape_problems(schema: dict[str, Any]) -> list[str]:
    fields = schema.get("fields")
    if not isinstance(fields, list) or not fields:
        return ["the schema has no list of fields"]
    problems = []
    for number, field in enumerate(fields, start=1):
        if not isinstance(field, dict) or not isinstance(field.get("name"), str):
            problems.append(f"field {number} has no text name")
            continue
        constraints = field.get("constraints", {})
        enum = constraints.get("enum", []) if isinstance(constraints, dict) else None
        if not isinstance(enum, list) or not all(isinstance(v, SCALAR) for v in enum):
            problems.append(f"field {field['name']}: constraints must hold an enum of plain values")
    for missing in [
        schema.get("missingValues", [""]),
        *(f.get("missingValues", []) for f in fields if isinstance(f, dict)),
    ]:
        if not isinstance(missing, list) or not all(_missing_value(v) for v in missing):
            problems.append("missingValues must be a list of text values (or of objects with a text value)")
    if not _names(schema.get("primaryKey", [])):
        problems.append("primaryKey must be a field name or a list of field names")
    for fk in schema.get("foreignKeys", []) if isinstance(schema.get("foreignKeys", []), list) else [None]:
        reference = fk.get("reference") if isinstance(fk, dict) else None
        if (
            not isinstance(reference, dict)
            or not _names(fk.get("fields"))
            or not _names(reference.get("fields"))
            or not isinstance(reference.get("resource", ""), str)
        ):
            problems.append("every foreign key needs fields and a reference with a resource and fields")
    return problems


def _missing_value(value: Any) -> bool:
    """A missing value: a text, or (Table Schema v2) an object with a text `value`."""
    return isinstance(value, str) or (isinstance(value, dict) and isinstance(value.get("value"), str))


def _names(value: Any) -> bool:
    """A field name or a list of them, as primaryKey and foreign keys take."""
    return isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))


def _finding(kind: str, path: str, note: str) -> Finding:
    return Finding(
        rule=kind,
        severity="error",
        path=path,
        message_zh=f"{path}：不符合数据包规范：{note}。请按 Data Package / Table Schema 规范改正。",
        message_en=f"{path}: breaks the Data Package spec: {note}. Correct it as the Data Package and Table Schema "
        "specs describe.",
    )
