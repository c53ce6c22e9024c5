"""Tables in export types: amounts exact DECIMAL(18,2), years integers, `yearmonth` its `YYYY-MM` text.

Data with structural errors (cells that cannot be typed, keys that do not hold) is refused with its findings.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from publish.core import CENTI, DECIMALS, EXIT_INVALID, EXIT_USAGE, Finding, Package, PublishError
from publish.engine import load_tables

MONEY = (18, DECIMALS)


class ExportRefused(PublishError):
    """The export was not written: the folder is not ours (usage), or the data cannot be typed (its ``findings``)."""

    exit_code = EXIT_USAGE


def typed_frames(package: Package) -> dict[str, Any]:
    """Each resource as a polars DataFrame in export types; ExportRefused on structural errors."""
    tables, findings = load_tables(package)
    refuse_errors(findings)
    return {name: export_types(table.frame, table.resource.fields) for name, table in released(tables)}


def released(tables) -> Iterator[tuple[str, Any]]:
    """(name, table) of each of ``tables``, each let go of as it is taken: memory holds a table typed for the
    export, not also every table as read."""
    for name in list(tables.tables):
        yield name, tables.tables.pop(name)


def refuse_errors(findings: list[Finding]) -> None:
    """ExportRefused (exit 1, the errors as its findings) if any of ``findings`` is an error."""
    errors = [f for f in findings if f.severity == "error"]
    if errors:
        raise ExportRefused(
            "数据有结构错误（类型、主键、外键等），无法按表结构导出。请先运行 publish validate 并改正。",
            "the data has structural errors (types, keys …) and cannot be exported typed; run publish validate.",
            exit_code=EXIT_INVALID,
            findings=errors,
        )


def export_types(frame, fields: list[dict]):
    """The columns of ``fields`` (and only those) in export types."""
    import polars as pl

    columns = []
    for spec in fields:
        name, kind = spec["name"], spec.get("type", "string")
        column = pl.col(name)
        if kind == "number":
            column = (column.cast(pl.Decimal(*MONEY)) / CENTI).cast(pl.Decimal(*MONEY))
        elif kind == "year":
            column = column.cast(pl.Int32)
        elif kind == "yearmonth":
            column = pl.format("{}-{}", column // 100, (column % 100).cast(pl.String).str.pad_start(2, "0"))
        columns.append(column.alias(name))
    return frame.select(columns)
