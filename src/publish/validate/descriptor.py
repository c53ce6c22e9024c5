"""The descriptor and its Table Schemas, checked before any data is read.

frictionless owns the Data Package spec and checks it; this module adds the shapes frictionless
lets through but the engine cannot use (a schema without fields, an enum of lists …), and turns
anything frictionless itself trips over into a finding rather than a traceback.
"""

from __future__ import annotations

from typing import Any

from publish.core import DESCRIPTOR, Finding, Package, Resource

SCALAR = (str, int, float, bool)


def descriptor_findings(package: Package) -> list[Finding]:
    """Every problem of the descriptor and its schemas, each naming the file it is in."""
    from frictionless import Package as FrictionlessPackage

    try:
        checked = FrictionlessPackage.validate_descriptor(package.descriptor, basepath=str(package.root))
        errors = [(error.type, error.note) for error in checked.errors]
    except Exception as error:  # frictionless raises on some malformed descriptors
        errors = [("package-error", f"{type(error).__name__}: {error}")]
    findings = [_finding(kind, DESCRIPTOR, note) for kind, note in errors]
    for resource in package.resources.values():
        findings += schema_findings(resource)
    return findings


def schema_findings(resource: Resource) -> list[Finding]:
    from frictionless import Schema

    where = resource.descriptor.get("schema") if isinstance(resource.descriptor.get("schema"), str) else DESCRIPTOR
    problems = _shape_problems(resource.schema)
    if not problems:
        try:
            problems = [error.note for error in Schema.validate_descriptor(resource.schema).errors]
        except Exception as error:
            problems = [f"{type(error).__name__}: {error}"]
    return [_finding("schema-error", where, f"{resource.name}: {note}") for note in problems]


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
    missing = schema.get("missingValues", [""])
    if not isinstance(missing, list) or not all(isinstance(v, str) for v in missing):
        problems.append("missingValues must be a list of text values")
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
