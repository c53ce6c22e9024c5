"""Editing a copy of the package the way a clerk would: change a cell, drop or add a row, in place."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

# The table's fund as data model v2 puts it on expenditure_by_function (key column after the department).
FUND_COLUMN = {
    "name": "fund",
    "type": "string",
    "constraints": {
        "required": True,
        "enum": ["all", "appropriation", "general_budget", "government_fund", "state_capital"],
    },
}


def read_table(package: Path, resource: str) -> tuple[list[str], list[dict[str, str]]]:
    """The header and the rows of ``resource``'s CSV, as text."""
    with open(package / "data" / f"{resource}.csv", encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_table(package: Path, resource: str, columns: list[str], rows: list[dict[str, str]]) -> None:
    """Write ``rows`` under the header ``columns`` back to ``resource``'s CSV (LF line ends, UTF-8)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    (package / "data" / f"{resource}.csv").write_text(out.getvalue(), encoding="utf-8")


def _matches(row: dict[str, str], where: dict[str, str]) -> bool:
    return all(row[k] == v for k, v in where.items())


def edit(package: Path, resource: str, where: dict[str, str], **changes: str) -> None:
    """Set ``changes`` on the one row matching ``where``, keeping the file's row order."""
    columns, rows = read_table(package, resource)
    hits = [row for row in rows if _matches(row, where)]
    assert len(hits) == 1, (resource, where, len(hits))
    hits[0].update(changes)
    write_table(package, resource, columns, rows)


def drop(package: Path, resource: str, where: dict[str, str]) -> None:
    columns, rows = read_table(package, resource)
    kept = [row for row in rows if not _matches(row, where)]
    assert len(kept) == len(rows) - 1
    write_table(package, resource, columns, kept)


# The seed is a consolidated budget: a row added without its kind and scope belongs to one too.
IDENTITY_DEFAULTS = {"document_kind": "budget", "scope": "department"}


def add(package: Path, resource: str, **values: str) -> None:
    columns, rows = read_table(package, resource)
    rows.append({c: values.get(c, IDENTITY_DEFAULTS.get(c, "")) for c in columns})
    write_table(package, resource, columns, rows)


def add_column(package: Path, resource: str, field: dict, *, after: str, value: str, key: bool = False) -> None:
    """Give ``resource`` the column ``field`` (in its schema after ``after`` and in its CSV) with ``value`` on every
    row, as a migration would; a column it has already only gets the value."""
    schema_path = package / "schemas" / f"{resource}.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    names = [f["name"] for f in schema["fields"]]
    if field["name"] not in names:
        schema["fields"].insert(names.index(after) + 1, field)
        if key:
            primary = schema["primaryKey"]
            primary.insert(primary.index(after) + 1, field["name"])
        schema_path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    columns, rows = read_table(package, resource)
    if field["name"] not in columns:
        columns.insert(columns.index(after) + 1, field["name"])
    write_table(package, resource, columns, [{**row, field["name"]: value} for row in rows])


def set_identity(package: Path, **identity: str) -> None:
    """Make the whole package another kind or scope of document: ``document_kind`` and/or ``scope`` on every row of
    every table that has them (the seed holds one disclosure)."""
    for path in sorted((package / "data").glob("*.csv")):
        columns, rows = read_table(package, path.stem)
        if set(identity) <= set(columns):
            for row in rows:
                row.update(identity)
            write_table(package, path.stem, columns, rows)
