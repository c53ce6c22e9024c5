"""Hand the data to analysts: Parquet partitioned by fiscal year, or one DuckDB database file.

Every table is typed from its Table Schema by the validation engine (`typed.py`): amounts become exact
DECIMAL(18,2) (never floats), years and counts integers, `yearmonth` its `YYYY-MM` text. Each
Parquet file carries the resource's schema (Chinese titles, descriptions, units) as key-value
metadata; the DuckDB tables carry the titles as comments. The output folder is built beside its
target and renamed into place, every file written atomically: a reader sees the old export or
the new one, never a mix; no name in the package can lead a file out of it (``inside``). Data with
structural errors (cells that cannot be typed) is refused. With ``partitions`` the package is read one
partition of departments at a time (`batches.py`): memory holds the largest partition, not the package, and the
output holds the same rows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from publish.core import atomic, inside, load
from publish.export.batches import batches
from publish.export.database import write_duckdb
from publish.export.parquet import write_parquet
from publish.export.typed import ExportRefused

FORMATS = ("parquet", "duckdb")
MARKER = ".publish-export"


@dataclass
class ExportResult:
    out: Path
    files: list[Path] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    partitions: int = 1  # how many partitions of departments the package was read in
    refused: tuple[str, str] | None = None  # why it was read whole although partitions were asked (zh, en)


def export(source: str | Path, fmt: str, out: str | Path, partitions: int = 0) -> ExportResult:
    """Write the package or release at ``source`` into ``out`` as Parquet files or a DuckDB database, reading it
    in ``partitions`` partitions of departments where it is at least 2 and the package can be split faithfully."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    package = load(source)
    out = Path(out)
    _check_target(out)
    with batches(package, partitions) as chosen, atomic.staging(out.parent, f".{out.name}.") as staging:
        staging = staging.resolve()
        result = ExportResult(out, partitions=chosen.partitions, refused=chosen.refused)
        chosen.frames = _counted(chosen.frames, result.rows)
        if fmt == "parquet":
            written = write_parquet(package, chosen, staging, package.release_name)
        else:
            written = [write_duckdb(package, chosen, inside(staging, f"{package.release_name}.duckdb"))]
        atomic.write_text(staging / MARKER, json.dumps({"format": fmt, "package": package.release_name}) + "\n")
        result.files = [out / path.relative_to(staging) for path in written]
        atomic.move_into_place([(staging, out)], replace=True)
        return result


def _counted(frames, rows: dict[str, int]):
    """The batches passed on, each table's rows added to ``rows`` on the way."""
    for batch in frames:
        for name, frame in batch.items():
            rows[name] = rows.get(name, 0) + frame.height
        yield batch


def _check_target(out: Path) -> None:
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).exists())):
        raise ExportRefused(
            f"输出目录 {out} 已有其他内容，未写入。请指定一个新目录或空目录。",
            f"{out} already holds other files; nothing was written. Choose a new or empty folder.",
        )
