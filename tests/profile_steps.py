"""A stand-in for the migration runner, enough to apply the profile steps to a copy of a v1 package.

The real runner (`publish migrate`) is written elsewhere; this applies the three step kinds the simple way so
that the tests can prove the repo's own files are what the steps make of `tests/fixtures/v1/`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from publish.core import csvfile
from publish.migrate import AddField, AddResource, SetConstraints, Step


def apply_steps(steps: tuple[Step, ...], root: Path) -> None:
    """Apply ``steps`` in order to the package at ``root``, in place."""
    for step in steps:
        if isinstance(step, AddResource):
            _add_resource(root, step)
            continue
        schema = _read(root / "schemas" / f"{step.resource}.json")
        if isinstance(step, SetConstraints):
            _write(root / "schemas" / f"{step.resource}.json", step.apply(schema))
        elif isinstance(step, AddField):
            _add_field(root, step, schema)


def _add_field(root: Path, step: AddField, schema: dict[str, Any]) -> None:
    names = [field["name"] for field in schema["fields"]]
    at = names.index(step.after) + 1 if step.after else len(names)
    schema["fields"].insert(at, step.field)
    _write(root / "schemas" / f"{step.resource}.json", schema)
    data = root / "data" / f"{step.resource}.csv"
    rows = [{**row, step.field["name"]: step.default} for row in csvfile.read_rows(data)]
    data.write_text(csvfile.render(schema, rows), encoding="utf-8")


def _add_resource(root: Path, step: AddResource) -> None:
    descriptor = _read(root / "datapackage.json")
    names = [resource["name"] for resource in descriptor["resources"]]
    at = names.index(step.after) + 1 if step.after else len(names)
    descriptor["resources"].insert(at, step.resource)
    _write(root / "datapackage.json", descriptor)
    _write(root / step.resource["schema"], step.schema)
    columns = [field["name"] for field in step.schema["fields"]]
    rows = [dict(zip(columns, row, strict=True)) for row in step.rows]
    (root / step.resource["path"]).write_text(csvfile.render(step.schema, rows), encoding="utf-8")


def _read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _write(path: Path, value: Any) -> None:
    path.write_text(json.dumps(value, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
