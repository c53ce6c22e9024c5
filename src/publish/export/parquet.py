"""Parquet files of an export: one per resource and fiscal year, hive style, each carrying its Table Schema."""

from __future__ import annotations

import io
import json
from pathlib import Path

from publish.core import Package, atomic, inside
from publish.export.batches import Batches


def write_parquet(package: Package, batches: Batches, root: Path, name_version: str) -> list[Path]:
    """`<resource>/fiscal_year=<year>/part-<k>.parquet` (hive style), or `<resource>/part-<k>.parquet`: ``k`` is
    the partition of departments of a split resource's rows (each non-empty one), 0 for a whole export and for a
    resource copied into every partition (written once).

    Every path is checked by ``inside`` before anything is written: a resource name cannot lead out of ``root``."""
    written, empty = [], {}
    for index, frames in enumerate(batches.frames):
        for name in list(frames):  # each frame let go of once written
            frame = frames.pop(name)
            if name not in batches.split:
                written += write_resource(package, name, frame, root, name_version, 0)
            elif frame.is_empty():
                empty.setdefault(name, frame)
            else:
                written += write_resource(package, name, frame, root, name_version, index)
    for name, frame in empty.items():  # a split resource without a row anywhere: one empty file, as a whole export
        if not any(path.relative_to(root).parts[0] == name for path in written):
            written += write_resource(package, name, frame, root, name_version, 0)
    return written


def write_resource(package: Package, name: str, frame, root: Path, name_version: str, part: int) -> list[Path]:
    """The rows of one resource (in one partition ``part``), a file per fiscal year if the table has years."""
    metadata = parquet_metadata(package, name, name_version)
    if "fiscal_year" not in frame.columns:
        return [write_one(frame, inside(root, f"{name}/part-{part}.parquet"), metadata)]
    return [
        write_one(rows.drop("fiscal_year"), inside(root, f"{name}/fiscal_year={year}/part-{part}.parquet"), metadata)
        for (year,), rows in sorted(frame.partition_by("fiscal_year", as_dict=True).items())
    ]


def parquet_metadata(package: Package, name: str, name_version: str) -> dict[str, str]:
    resource = package.resources[name]
    titles = {f["name"]: f.get("title", "") for f in resource.fields}
    return {
        "publish.package": name_version,
        "publish.resource": name,
        "publish.title": resource.descriptor.get("title", ""),
        "publish.field_titles": json.dumps(titles, ensure_ascii=False),
        "frictionless.schema": json.dumps(resource.schema, ensure_ascii=False),
    }


def write_one(frame, target: Path, metadata: dict[str, str]) -> Path:
    buffer = io.BytesIO()
    frame.write_parquet(buffer, compression="zstd", metadata=metadata)
    atomic.write_bytes(target, buffer.getvalue())
    return target
