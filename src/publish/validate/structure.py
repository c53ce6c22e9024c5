"""Structural checks by frictionless itself, row by row.

The columnar engine (`publish.engine`) is the default; this path runs frictionless-py on the
same package and turns its errors into the same findings. It is kept as the reference the
engine is tested against, and as `publish validate --engine frictionless`.
"""

from __future__ import annotations

from publish.core import DESCRIPTOR, Finding, Package
from publish.engine import structural_finding


def check_structure(package: Package) -> list[Finding]:
    """Validate the package with frictionless and return its errors as findings."""
    from frictionless import validate

    report = validate(str(package.descriptor_path))
    findings = [_finding(error.to_descriptor(), DESCRIPTOR, None, {}) for error in report.errors]
    for task in report.tasks:
        resource = package.resources.get(task.name)
        path = resource.path if resource else task.place
        types = {f.get("name"): f.get("type", "string") for f in resource.fields} if resource else {}
        findings.extend(_finding(error.to_descriptor(), path, task.name, types) for error in task.errors)
    return findings


def _finding(error: dict, path: str, resource: str | None, types: dict[str, str]) -> Finding:
    field = error.get("fieldName") or None
    return structural_finding(
        error.get("type", "error"),
        path,
        resource,
        row=error.get("rowNumber"),
        field=field,
        cell=error.get("cell"),
        note=error.get("note", ""),
        field_type=types.get(field, ""),
        message_en=None,
    )
