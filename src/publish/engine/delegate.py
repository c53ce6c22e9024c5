"""Resources the engine does not read itself, handed whole to frictionless.

A resource that is not a plain CSV or TSV file (a spreadsheet, JSON, a compressed file …) is rare
in a budget package and not worth a fast path: frictionless validates it within its package (its
keys included) and reads its rows, and its errors become findings. Its rows are typed into a table
like any other, so the budget rules and the foreign keys of other resources still see them.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

import polars as pl

from publish.core import Finding, Package, Resource
from publish.engine.findings import structural_finding
from publish.engine.reading import LINE
from publish.engine.values import OutOfRange, canonical, dtype, faithful, to_repr

READ_HERE = ("csv", "tsv")
COMPRESSED = ("zip", "gz", "bz2", "xz")
NO_LIMIT = 10**9


def read_by_frictionless(resource: Resource) -> bool:
    """The resource is not a CSV or TSV file the engine reads itself."""
    suffix = PurePosixPath(resource.path).suffix.lower().lstrip(".")
    declared = resource.descriptor.get("format")
    tabular_format = declared.lower() if isinstance(declared, str) else suffix
    return tabular_format not in READ_HERE or suffix in COMPRESSED or bool(resource.descriptor.get("compression"))


def load_delegated(package: Package, resource: Resource):
    """(typed frame or None, exact keys, findings) of a resource frictionless reads and checks."""
    from frictionless import Package as FrictionlessPackage

    try:
        theirs = FrictionlessPackage(package.descriptor, basepath=str(package.root)).get_resource(resource.name)
        report = theirs.validate(limit_errors=NO_LIMIT)
    except Exception as error:  # frictionless raises on what it cannot open at all
        return None, {}, [structural_finding("resource-error", resource.path, resource.name, note=str(error))]
    findings = [_finding(error.to_descriptor(), resource) for task in report.tasks for error in task.errors]
    findings += [_finding(error.to_descriptor(), resource) for error in report.errors]
    try:
        rows = theirs.read_rows()
    except Exception:  # its errors are reported above; the rules see no rows
        return None, {}, findings
    frame, keys = _typed(rows, resource)
    return frame, keys, findings


def _finding(error: dict[str, Any], resource: Resource) -> Finding:
    types = {spec["name"]: spec.get("type", "string") for spec in resource.fields}
    field = error.get("fieldName") or None
    return structural_finding(
        error.get("type", "error"),
        resource.path,
        resource.name,
        row=error.get("rowNumber"),
        field=field,
        cell=error.get("cell"),
        note=error.get("note", ""),
        field_type=types.get(field, ""),
    )


def _typed(rows: list, resource: Resource) -> tuple[pl.DataFrame, dict[str, pl.Series]]:
    columns = [pl.Series(LINE, [row.row_number for row in rows], dtype=pl.Int64)]
    keys: dict[str, pl.Series] = {}
    for spec in resource.fields:
        name, kind = spec["name"], spec.get("type", "string")
        values = [row.get(name) for row in rows]
        columns.append(pl.Series(name, [_held(v, kind) for v in values], dtype=dtype(kind)))
        if not all(v is None or faithful(v, kind) for v in values):
            keys[name] = pl.Series(
                name, [None if v is None else canonical(v, i) for i, v in enumerate(values)], pl.String
            )
    return pl.DataFrame(columns), keys


def _held(value: Any, kind: str) -> Any:
    if value is None:
        return None
    try:
        return to_repr(value, kind, str(value))
    except OutOfRange:
        return None
