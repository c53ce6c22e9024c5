"""Hand the data to analysts: Parquet partitioned by fiscal year, or one DuckDB database file.

Every table is typed from its Table Schema by the validation engine: amounts become exact
DECIMAL(18,2) (never floats), years and counts integers, `yearmonth` its `YYYY-MM` text. Each
Parquet file carries the resource's schema (Chinese titles, descriptions, units) as key-value
metadata; the DuckDB tables carry the titles as comments. The output folder is built beside its
target and renamed into place, every file written atomically: a reader sees the old export or
the new one, never a mix; no name in the package can lead a file out of it (``inside``). Data with
structural errors (cells that cannot be typed) is refused.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from publish.core import CENTI, DECIMALS, EXIT_INVALID, EXIT_USAGE, Package, PublishError, atomic, inside, load
from publish.engine import load_tables
from publish.export.database import write_duckdb
from publish.export.parquet import write_parquet

FORMATS = ("parquet", "duckdb")
MARKER = ".publish-export"
MONEY = (18, DECIMALS)


class ExportRefused(PublishError):
    """The export was not written: the folder is not ours (usage), or the data cannot be typed (its ``findings``)."""

    exit_code = EXIT_USAGE


@dataclass
class ExportResult:
    out: Path
    files: list[Path] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)


def export(source: str | Path, fmt: str, out: str | Path) -> ExportResult:
    """Write the package or release at ``source`` into ``out`` as Parquet files or a DuckDB database."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    package = load(source)
    frames = typed_frames(package)
    out = Path(out)
    _check_target(out)
    with atomic.staging(out.parent, f".{out.name}.") as staging:
        staging = staging.resolve()
        result = ExportResult(out, rows={name: frame.height for name, frame in frames.items()})
        if fmt == "parquet":
            written = write_parquet(package, frames, staging, package.release_name)
        else:
            written = [write_duckdb(package, frames, inside(staging, f"{package.release_name}.duckdb"))]
        atomic.write_text(staging / MARKER, json.dumps({"format": fmt, "package": package.release_name}) + "\n")
        result.files = [out / path.relative_to(staging) for path in written]
        atomic.move_into_place([(staging, out)], replace=True)
        return result


def typed_frames(package: Package) -> dict[str, Any]:
    """Each resource as a polars DataFrame in export types; ExportRefused on structural errors."""
    tables, findings = load_tables(package)
    errors = [f for f in findings if f.severity == "error"]
    if errors:
        raise ExportRefused(
            "数据有结构错误（类型、主键、外键等），无法按表结构导出。请先运行 publish validate 并改正。",
            "the data has structural errors (types, keys …) and cannot be exported typed; run publish validate.",
            exit_code=EXIT_INVALID,
            findings=errors,
        )
    return {name: _export_types(table.frame, table.resource.fields) for name, table in tables.items()}


def _export_types(frame, fields: list[dict]):
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


def _check_target(out: Path) -> None:
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).exists())):
        raise ExportRefused(
            f"输出目录 {out} 已有其他内容，未写入。请指定一个新目录或空目录。",
            f"{out} already holds other files; nothing was written. Choose a new or empty folder.",
        )
