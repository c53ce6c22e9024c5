"""What the steps that add a table share: the descriptor entry of a CSV table and the field of a text column."""

from __future__ import annotations

from typing import Any

DIALECT = {"delimiter": ",", "lineTerminator": "\n", "quoteChar": '"', "header": True}


def csv_resource(name: str, title: str, description: str) -> dict[str, Any]:
    """The ``datapackage.json`` entry of a new table: ``data/<name>.csv`` with ``schemas/<name>.json``, UTF-8, LF."""
    return {
        "name": name,
        "type": "table",
        "title": title,
        "description": description,
        "path": f"data/{name}.csv",
        "scheme": "file",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": dict(DIALECT),
        "schema": f"schemas/{name}.json",
    }


def text_field(name: str, title: str, description: str, constraints: dict[str, Any] | None = None) -> dict[str, Any]:
    """A string field of a new table, with its constraints where it has any."""
    field = {"name": name, "type": "string", "title": title, "description": description}
    return {**field, "constraints": constraints} if constraints else field
